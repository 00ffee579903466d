"""A follow-up report (續報) the superior office asks for is due the next working day in the calendar of the
incident's agency: a city's typhoon day (停止上班, declared by the city for its own area) moves it for that city's
agencies and not for another county's; the open requests of every agency are counted from one calendar query."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anwei.core.models import CalendarOverride
from anwei.incidents import services
from anwei.incidents.obligations import incidents_open
from anwei.orgs.models import Agency
from tests.incidents.factories import at, data

pytestmark = pytest.mark.django_db

ASKED = dt.date(2026, 9, 15)  # a Tuesday
TYPHOON = dt.date(2026, 9, 16)


def _asked(world, agency, reporter, superior):
    services.incident_rules_seed_defaults()
    d = data("security", discovered=at(ASKED, 9, 0))
    incident = services.incident_report(actor=reporter, agency=agency, data=d, now=at(ASKED, 9, 5))
    services.comment_add(actor=superior, incident=incident, text="請補充監視畫面", asks_more=True, now=at(ASKED, 10, 0))
    return incident


def _dues():
    return {o.agency_id: o.due for o in incidents_open(ASKED) if o.kind == "incidents.more"}


def test_a_city_typhoon_day_moves_the_follow_up_deadline_of_its_agencies_only(world):
    _asked(world, world.bureau, world.staff, world.superior)
    _asked(world, world.county, world.other_officer, world.other_officer)
    assert _dues() == {world.bureau.pk: TYPHOON, world.county.pk: TYPHOON}
    CalendarOverride.objects.create(date=TYPHOON, is_workday=False, reason="颱風停止上班", scope_path=world.city.path,
                                    scope_name=world.city.name, subtree=True)
    assert _dues() == {world.bureau.pk: TYPHOON + dt.timedelta(days=1), world.county.pk: TYPHOON}


def test_the_open_requests_of_many_agencies_read_the_calendars_at_once(world):
    _asked(world, world.bureau, world.staff, world.superior)
    with CaptureQueriesContext(connection) as one:
        incidents_open(ASKED)
    for i in range(3):
        agency = Agency.objects.create(name=f"遠山縣測試{i}鄉公所", parent=world.county, kind=Agency.Kind.TOWNSHIP)
        agency.path = agency.compute_path()
        agency.save()
        _asked(world, agency, world.other_officer, world.other_officer)
    with CaptureQueriesContext(connection) as four:
        assert len([o for o in incidents_open(ASKED) if o.kind == "incidents.more"]) == 4
    assert len(four) == len(one)
