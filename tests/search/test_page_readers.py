"""Search agrees with the record's own page for the readers the page lets in by a second rule: the approvers
of a footage request's chain, the reporting unit's head of an incident, the traveller of their application.
Each role finds the record exactly when the record's selector lets them open it."""

import datetime as dt

from anwei.footage import selectors as footage_selectors
from anwei.incidents import selectors as incident_selectors
from anwei.search import selectors
from anwei.travel import selectors as travel_selectors
from anwei.travel import services as travel
from anwei.travel.models import TravelRule
from tests.footage.factories import file, planhead
from tests.incidents.factories import report
from tests.travel.conftest import trip_input
from tests.world import ROLES


def _people(world):
    return {**{role: world.people[role] for role in ROLES}, "planhead": planhead(world)}


def _finders(world, q):
    return {name for name, p in _people(world).items() if selectors.search(p, q).count}


def test_footage_chain_approvers_find_the_request(world):
    req = file(world, applicant_name="錢多多")  # staff of 綜合企劃科: its head approves first
    roles = {s.role for s in req.steps.all()}
    assert {"unit_head", "agency_head"} <= roles
    openers = {name for name, p in _people(world).items() if footage_selectors.request_may_view(p, req)}
    assert {"planhead", "head"} <= openers and "other_officer" not in openers and "superior" not in openers
    assert _finders(world, "錢多多") == openers
    assert _finders(world, req.number_label) == openers


def test_unit_head_finds_the_units_incident_unless_restricted(world):
    incident = report(world, actor=world.liaison, title="秘書室門口發現可疑包裹")  # reported from 秘書室
    openers = {name for name, p in _people(world).items()
               if incident_selectors.incident_list(person=p).filter(pk=incident.pk).exists()}
    assert "unithead" in openers and "planhead" not in openers and "other_officer" not in openers
    assert _finders(world, "可疑包裹") == openers

    leak = report(world, "leak", actor=world.liaison, title="公文外洩疑慮")  # 保密處理
    openers = {name for name, p in _people(world).items()
               if incident_selectors.incident_list(person=p).filter(pk=leak.pk).exists()}
    assert "unithead" not in openers and "liaison" in openers
    assert _finders(world, "外洩疑慮") == openers


def test_traveller_finds_their_own_application(world):
    travel.travel_rules_seed_defaults()
    rule = TravelRule.objects.get(kind="application_lead")
    app = travel.application_submit(actor=world.staff, today=dt.date(2024, 3, 4), trip=trip_input(
        rule, departure_on=dt.date(2024, 3, 18), return_on=dt.date(2024, 3, 22), destinations="廈門市"))
    openers = {name for name, p in _people(world).items()
               if travel_selectors.application_list(person=p).filter(pk=app.pk).exists()}
    assert "staff" in openers and "liaison" not in openers and "other_officer" not in openers
    assert _finders(world, world.staff.full_name) == openers
    assert selectors.search(world.staff, world.staff.full_name).count == 1  # one hit, though read by two rules
