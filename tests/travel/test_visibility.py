"""Personal data: the traveller, the reviewers, the ethics unit and the personnel unit; nobody else."""

import pytest
from django.urls import reverse

from anwei.travel import selectors
from tests.travel.conftest import approve


@pytest.fixture
def staff_app(world, planhead, make_trip):
    return make_trip(world.staff)


def _visible(person, app):
    return selectors.application_list(person=person).filter(pk=app.pk).exists()


def test_who_sees_a_staff_application(world, planhead, hr, staff_app):
    seen = {name: _visible(p, staff_app) for name, p in {**world.people, "planhead": planhead, "hr": hr}.items()}
    assert seen == {"officer": True, "staff": True, "planhead": True, "hr": True, "liaison": False,
                    "unithead": False, "head": False, "superior": False, "other_officer": False}


def test_personnel_unit_sees_the_file_is_complete(client, world, hr, staff_app, planhead):
    approve(staff_app, planhead, world.officer)
    client.force_login(hr)
    page = client.get(reverse("travel:application_detail", args=[staff_app.pk])).content.decode()
    assert "已核准，待返臺通報" in page
    assert "送出審核" not in page  # sees, does not review
    assert client.post(reverse("travel:application_review", args=[staff_app.pk]),
                       {"decision": "approve", "version": staff_app.version}).status_code == 404


def test_the_heads_application_is_seen_by_the_superior_not_by_the_bureau_officer(world, hr, make_trip):
    app = make_trip(world.head)
    assert _visible(world.superior, app) and _visible(world.head, app) and _visible(hr, app)
    assert not _visible(world.officer, app)


def test_list_page_query_count_does_not_grow(client, world, make_trip, django_assert_max_num_queries):
    client.force_login(world.officer)
    make_trip(world.staff)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("travel:index") + "?show=all")
    for _ in range(8):
        make_trip(world.staff)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("travel:index") + "?show=all")
    assert len(response.context["page"].object_list) == 9


def test_review_tab_lists_what_waits_for_me(client, world, planhead, make_trip):
    app = make_trip(world.staff)
    client.force_login(planhead)
    page = client.get(reverse("travel:index") + "?show=review")
    assert [a.pk for a in page.context["page"].object_list] == [app.pk]
    client.force_login(world.officer)  # the unit head has not decided yet
    assert list(client.get(reverse("travel:index") + "?show=review").context["page"].object_list) == []


def test_the_superior_reviews_the_heads_application_on_the_page(client, world, hr, make_trip):
    app = make_trip(world.head)
    client.force_login(world.superior)
    page = client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()
    assert "送出審核" in page and "機關首長向直屬上級機關申請" in page
    client.force_login(hr)
    assert client.get(reverse("travel:application_detail", args=[app.pk])).status_code == 200
    client.force_login(world.officer)
    assert client.get(reverse("travel:application_detail", args=[app.pk])).status_code == 404


def test_filter_by_status(client, world, make_trip):
    approve(make_trip(world.staff), world.officer)
    make_trip(world.staff)
    client.force_login(world.officer)
    page = client.get(reverse("travel:index"), {"show": "all", "status": "approved"}).context["page"]
    assert [a.status for a in page.object_list] == ["approved"]


def test_detail_page_queries_are_fixed(client, world, make_trip, django_assert_max_num_queries):
    app = approve(make_trip(world.staff), world.officer)
    client.force_login(world.officer)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("travel:application_detail", args=[app.pk])).status_code == 200
