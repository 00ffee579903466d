"""The home page tells each person what waits on them, with the decision deadline."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.portal.obligations import obligations_for as inbox_items
from anwei.footage.obligations import footage_owed as footage_inbox
from tests.footage import factories as f


@pytest.mark.django_db
def test_the_person_the_request_waits_on_sees_it_with_its_deadline(world, fs, planhead, client):
    req = f.file(world)
    items = footage_inbox(planhead)
    assert len(items) == 1 and items[0].due == req.due_on and f"剩 {(req.due_on - timezone.localdate()).days} 日" in items[0].note
    assert footage_inbox(world.officer) == []  # not yet at the ethics step
    f.decide(req, planhead)
    assert [i.url for i in footage_inbox(world.officer)] == [reverse("footage:request_detail", args=[req.pk])]


@pytest.mark.django_db
def test_the_home_page_shows_the_waiting_request(world, fs, planhead, client):
    req = f.file(world)
    client.force_login(planhead)
    page = client.get(reverse("home")).content.decode()
    assert req.number_label in page and "待您核決" in page


@pytest.mark.django_db
def test_a_near_or_passed_deadline_is_flagged(world, fs, planhead):
    req = f.file(world)
    req.due_on = timezone.localdate() + dt.timedelta(days=3)
    req.save(update_fields=["due_on"])
    assert "決定期限將屆" in footage_inbox(planhead)[0].note
    req.due_on = timezone.localdate() - dt.timedelta(days=2)
    req.save(update_fields=["due_on"])
    item = footage_inbox(planhead)[0]
    assert item.overdue and "已逾決定期限 2 日" in item.note
    assert inbox_items(planhead)[0] == item  # overdue items come first on the home page


@pytest.mark.django_db
def test_returned_and_approved_requests_reach_the_applicant_and_the_managing_unit(world, fs, planhead):
    from anwei.footage.models import Decision

    returned = f.file(world)
    f.decide(returned, planhead, Decision.Action.RETURN, reason="請補充")
    assert [i.url for i in footage_inbox(world.staff)] == [reverse("footage:request_edit", args=[returned.pk])]
    approved = f.approve_all(world, f.file(world))
    assert reverse("footage:request_viewing", args=[approved.pk]) in [i.url for i in footage_inbox(world.liaison)]


@pytest.mark.django_db
def test_the_inbox_makes_a_fixed_number_of_queries(world, fs, planhead, django_assert_max_num_queries):
    f.file(world)
    # grants: data versions (twice, the first time), memberships, deputies; the deciders of the current steps:
    # requests, their steps, the posts' holders and who is away
    with django_assert_max_num_queries(14) as few:
        footage_inbox(planhead)
    n = len(few)
    for _ in range(6):
        f.file(world)
    with django_assert_max_num_queries(n):
        footage_inbox(planhead)
