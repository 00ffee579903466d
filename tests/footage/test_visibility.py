"""Requests are personal data: who sees them, and every look is logged."""

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.footage import selectors
from tests.footage import factories as f


@pytest.mark.django_db
def test_a_head_outside_the_chain_gets_404_but_sees_their_own_units_requests(world, fs, planhead, client):
    theirs = f.file(world)  # 綜合企劃科: planhead is its first step
    secretariat = f.file(world, world.liaison)  # 秘書室: planhead has nothing to do with it
    client.force_login(planhead)
    assert client.get(reverse("footage:request_detail", args=[secretariat.pk])).status_code == 404
    assert client.get(reverse("footage:request_detail", args=[theirs.pk])).status_code == 200
    listed = client.get(reverse("footage:request_list")).context["page"].object_list
    assert [r.pk for r in listed] == [theirs.pk]


@pytest.mark.django_db
def test_the_list_shows_each_person_only_what_they_may_see(world, fs):
    staff_req = f.file(world)
    liaison_req = f.file(world, world.liaison)
    seen = {name: set(selectors.request_list(person=world.people[name]).values_list("pk", flat=True))
            for name in ["officer", "liaison", "unithead", "head", "staff", "superior", "other_officer"]}
    both = {staff_req.pk, liaison_req.pk}
    assert seen["officer"] == seen["liaison"] == seen["unithead"] == seen["head"] == both
    assert seen["staff"] == {staff_req.pk}
    assert seen["superior"] == seen["other_officer"] == set()


@pytest.mark.django_db
def test_a_chain_without_the_agency_head_does_not_show_it_to_the_head(world, fs):
    from anwei.footage.models import ApprovalChain, ApprovalStep
    import datetime as dt

    ApprovalChain.objects.all().delete()
    chain = ApprovalChain.objects.create(agency=world.bureau, name="主管決行", effective_from=dt.date(2020, 1, 1))
    ApprovalStep.objects.create(chain=chain, order=1, role="unit_head", label="單位主管")
    req = f.file(world)
    assert not selectors.request_list(person=world.head).filter(pk=req.pk).exists()
    assert not selectors.request_may_view(world.head, req)


@pytest.mark.django_db
def test_every_view_of_a_request_is_logged_with_who_and_when(world, fs, client):
    req = f.file(world)
    for person in (world.officer, world.staff, world.officer):
        client.force_login(person)
        client.get(reverse("footage:request_detail", args=[req.pk]))
    log = AuditEntry.objects.filter(action="footage.view", object_id=str(req.pk)).order_by("id")
    assert [e.actor_id for e in log] == [world.officer.pk, world.staff.pk, world.officer.pk]
    assert all(e.at for e in log)
    client.force_login(world.superior)
    client.get(reverse("footage:request_detail", args=[req.pk]))  # 404: nothing seen, nothing logged
    assert log.count() == 3
    client.force_login(world.officer)
    page = client.get(reverse("footage:request_detail", args=[req.pk])).content.decode()
    assert "檢視紀錄" in page and "測同仁" in page


@pytest.mark.django_db
def test_the_audit_log_never_holds_the_applicants_personal_data(world, fs, planhead):
    req = f.file(world)
    f.decide(req, planhead)
    text = " ".join(str(e.before) + str(e.after) + e.object_label
                    for e in AuditEntry.objects.filter(object_type="footage.footagerequest"))
    assert "0900-000-000" not in text and "刮傷" not in text and "測同仁" not in text


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_the_data(world, fs, client, django_assert_max_num_queries):
    client.force_login(world.officer)
    f.file(world)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("footage:request_list"))
    n = len(small)
    for _ in range(8):
        f.file(world)
    with django_assert_max_num_queries(n):
        client.get(reverse("footage:request_list"))


@pytest.mark.django_db
def test_the_request_page_queries_do_not_grow_with_decisions_and_views(world, fs, planhead, client,
                                                                       django_assert_max_num_queries):
    req = f.file(world)
    client.force_login(world.officer)
    client.get(reverse("footage:request_detail", args=[req.pk]))
    with django_assert_max_num_queries(40) as first:
        client.get(reverse("footage:request_detail", args=[req.pk]))
    n = len(first)  # read now: every request resets the connection's query log
    f.decide(req, planhead)
    f.decide(req, world.officer)
    for _ in range(5):
        client.get(reverse("footage:request_detail", args=[req.pk]))
    with django_assert_max_num_queries(n):
        client.get(reverse("footage:request_detail", args=[req.pk]))


@pytest.mark.django_db
def test_downloading_the_form_is_logged_too(world, fs, client):
    req = f.file(world)
    client.force_login(world.staff)
    client.get(reverse("footage:request_document", args=[req.pk, "html"]))
    entry = AuditEntry.objects.get(action__startswith="footage.view", object_id=str(req.pk))
    assert entry.action == "footage.view.document" and entry.actor == world.staff
