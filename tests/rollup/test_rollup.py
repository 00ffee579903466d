"""The superior office's roll-up: figures per subordinate agency, constant queries, isolation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.orgs.models import Agency, Role
from anwei.orgs.services import agency_create, membership_grant, person_create
from anwei.rollup.selectors import rollup_page
from anwei.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db
S = TrackedItem.Status


def _item(agency, n, *, status=S.TRACKING, due=None, source=TrackedItem.Source.MEETING_DIRECTIVE):
    return TrackedItem.objects.create(agency=agency, source_kind=source, origin_label="113年第1次會議", roc_year=113,
                                      number=n, text=f"列管事項{n}", status=status, due_date=due)


def _grow(parent, n):
    for i in range(n):
        a = agency_create(actor=None, name=f"海濱市立第{i}國民小學", parent=parent, kind=Agency.Kind.SCHOOL)
        for k in range(3):
            _item(a, k + 1)


def test_superior_sees_each_subordinate_agencys_open_overdue_and_deficiencies(world, client):
    today = timezone.localdate()
    _item(world.bureau, 1, due=today - dt.timedelta(days=3))  # overdue
    _item(world.bureau, 2, due=today + dt.timedelta(days=3))
    _item(world.bureau, 3, status=S.RELEASED, due=today - dt.timedelta(days=30))  # released: not counted
    _item(world.bureau, 4, source=TrackedItem.Source.INSPECTION_DEFICIENCY)
    client.force_login(world.superior)
    response = client.get(reverse("rollup:overview"))
    assert response.status_code == 200
    row = next(r for r in response.context["page"].object_list if r.agency == world.bureau)
    assert (row.open_items, row.overdue_items, row.open_deficiencies) == (3, 1, 1)
    assert row.attention
    assert world.bureau.name in response.content.decode()
    assert world.county.name not in response.content.decode()


def test_queries_do_not_grow_with_the_subtree(world, client):
    client.force_login(world.superior)
    client.get(reverse("rollup:overview"))  # warm the session
    _grow(world.city, 3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("rollup:overview"))
    _grow(world.city, 40)
    with CaptureQueriesContext(connection) as big:
        response = client.get(reverse("rollup:overview"))
    assert len(response.context["page"].object_list) == 25  # paginated
    assert len(big) == len(small)


def test_another_tree_sees_nothing_of_this_one(world, client):
    _item(world.bureau, 1)
    school = agency_create(actor=None, name="遠山縣立甲國民小學", parent=world.county, kind=Agency.Kind.SCHOOL)
    far = person_create(actor=None, username="far_superior", password="x" * 14, full_name="遠上級", agency=world.county)
    membership_grant(actor=None, person=far, agency=world.county, role=Role.SUPERIOR_OFFICER)
    client.force_login(far)
    body = client.get(reverse("rollup:overview")).content.decode()
    assert school.name in body
    assert world.bureau.name not in body
    # Asking for the other tree's office by id is a 404, not a peek.
    assert client.get(reverse("rollup:overview"), {"office": world.city.pk}).status_code == 404


def test_agency_officers_are_not_superiors(world, client):
    for who in (world.officer, world.other_officer, world.head):
        client.force_login(who)
        assert client.get(reverse("rollup:overview")).status_code == 404


def test_page_lists_the_subtree_in_tree_order_with_depth(world):
    school = agency_create(actor=None, name="測試局附設學校", parent=world.bureau, kind=Agency.Kind.SCHOOL)
    page = rollup_page(office=world.city, page=1)
    assert [r.agency for r in page.object_list] == [world.bureau, school]
    assert [r.depth for r in page.object_list] == [1, 2]
