"""Footage requests and travel applications are personal data: found only by case number or applicant,
and only by those who may open them."""

import datetime as dt

import pytest

from anwei.search import selectors
from anwei.travel import services as travel
from anwei.travel.models import TravelRule
from tests.footage.factories import file
from tests.travel.conftest import trip_input
from tests.world import ROLES


def _count(world, role, q):
    return selectors.search(world.people[role], q).count


def test_footage_request_by_number_or_applicant_for_those_who_open_it(world, as_):
    req = file(world, applicant_name="錢多多", reason="公務車於停車場遭刮傷，需確認肇事者。")
    # ethics officer, managing unit 秘書室, the applicant, the agency head (a step of the chain); the requesting
    # unit's head finds it too (test_page_readers)
    readers = {"officer", "liaison", "unithead", "staff", "head"}
    for role in ROLES:
        for q in ("錢多多", req.number_label):
            assert _count(world, role, q) == (1 if role in readers else 0), (role, q)
        assert _count(world, role, "刮傷") == 0  # the reason is never indexed
    html = as_(world.people["superior"]).get("/search/", {"q": "錢多多"}).content.decode()
    assert "<mark>錢多多</mark>" not in html and "共 1 筆" not in html


def test_travel_application_by_traveller_for_the_reviewers_and_the_traveller_only(world, as_):
    travel.travel_rules_seed_defaults()
    rule = TravelRule.objects.get(kind="application_lead")
    travel.application_submit(actor=world.staff, today=dt.date(2024, 3, 4), trip=trip_input(
        rule, departure_on=dt.date(2024, 3, 18), return_on=dt.date(2024, 3, 22), destinations="廈門市"))
    for role in ROLES:
        expected = 1 if role in ("officer", "staff") else 0  # the reviewing agency's ethics unit; the traveller
        assert _count(world, role, world.staff.full_name) == expected, role
        assert _count(world, role, "廈門") == 0, role  # destinations are not searchable


@pytest.mark.parametrize("role", ROLES)
def test_kinds_offered_follow_what_the_role_can_open(world, role):
    kinds = {s.kind for s in selectors.kinds_for(world.people[role])}
    if role == "staff":
        assert "tracking.item" not in kinds and "meetings.proposal" not in kinds
    if role == "other_officer":
        assert "travel.application" in kinds  # in its own agency
