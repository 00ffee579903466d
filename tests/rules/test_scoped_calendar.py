"""Scoped calendars. 天然災害停止上班及上課作業辦法: 停止上班 is decided by each 直轄市、縣（市）政府 for its own area
(as on 2024-10-03, 山陀兒颱風, when the southern cities and counties closed and others worked). An override
applies nationwide, to a city or county and every agency under it, or to one agency, and every deadline is
counted in the calendar of the agency it belongs to."""

import datetime as dt

import pytest

from anwei.core.models import CalendarOverride
from anwei.core.periods import Period, PeriodUnit, due
from anwei.core.workdays import Calendar, is_workday, workdays_between
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create

pytestmark = pytest.mark.django_db

TYPHOON = dt.date(2026, 9, 16)  # a Wednesday
FIVE = Period(5, PeriodUnit.WORKDAYS)


def _closed(agency: Agency | None, *, subtree: bool = True, day=TYPHOON, works=False):
    return CalendarOverride.objects.create(date=day, is_workday=works, reason="颱風停止上班",
                                           scope_path=agency.path if agency else "",
                                           scope_name=agency.name if agency else "", subtree=subtree)


def test_a_city_typhoon_day_moves_its_agencies_deadlines_and_not_another_countys(world):
    start = TYPHOON - dt.timedelta(days=1)
    before_city, before_county = due(start, FIVE, world.bureau), due(start, FIVE, world.county)
    assert before_city == before_county == dt.date(2026, 9, 22)
    _closed(world.city)
    assert due(start, FIVE, world.city) == dt.date(2026, 9, 23)
    assert due(start, FIVE, world.bureau) == dt.date(2026, 9, 23)  # under the city: moved
    assert due(start, FIVE, world.county) == dt.date(2026, 9, 22)  # another county: not moved
    assert due(start, FIVE) == dt.date(2026, 9, 22)  # the nationwide calendar: not moved
    assert not is_workday(TYPHOON, world.bureau.path) and is_workday(TYPHOON, world.county.path)
    assert workdays_between(start, start + dt.timedelta(days=6), world.bureau.path) == 4
    assert Calendar(start, start + dt.timedelta(days=30), world.bureau.path).add(start, 5) == dt.date(2026, 9, 23)


def test_an_override_for_one_agency_only_leaves_the_agencies_under_it_alone(world):
    """A closure of one building (停電、淹水) is declared for that agency alone (subtree off)."""
    school = agency_create(actor=None, name="海濱市立海濱國民中學", parent=world.bureau, kind=Agency.Kind.SCHOOL)
    _closed(world.bureau, subtree=False)
    assert not is_workday(TYPHOON, world.bureau.path)
    assert is_workday(TYPHOON, school.path) and is_workday(TYPHOON, world.city.path)


def test_the_most_specific_declaration_wins(world):
    """Nationwide closure (行政院人事行政總處), but one county declares its offices open (a make-up day of its own)."""
    _closed(None)
    _closed(world.county, works=True)
    assert not is_workday(TYPHOON, world.bureau.path)
    assert is_workday(TYPHOON, world.county.path)
    assert not is_workday(TYPHOON)


def test_the_same_day_may_be_declared_once_per_scope(world):
    from django.db import IntegrityError, transaction
    _closed(world.city)
    _closed(world.county)
    with pytest.raises(IntegrityError), transaction.atomic():
        _closed(world.city)


def test_the_workdays_command_counts_in_an_agencys_calendar(world):
    from io import StringIO

    from django.core.management import call_command
    _closed(world.city)
    out = StringIO()
    call_command("workdays", "add", (TYPHOON - dt.timedelta(days=1)).isoformat(), "5", "--agency", world.bureau.name,
                 stdout=out)
    assert out.getvalue().startswith("2026-09-23")
    out = StringIO()
    call_command("workdays", "is", TYPHOON.isoformat(), "--agency", world.county.name, stdout=out)
    assert "上班" in out.getvalue()


def test_the_reminder_pass_reads_one_calendar_per_agency_line_from_one_query(world, django_assert_num_queries):
    """The reminder pass counts each obligation in its agency's calendar without a query per agency."""
    from anwei.core.workdays import Calendars
    _closed(world.city)
    start, end = TYPHOON - dt.timedelta(days=20), TYPHOON + dt.timedelta(days=20)
    with django_assert_num_queries(1):
        cals = Calendars(start, end)
        bureau, county, nation = (cals.for_scope(world.bureau.path), cals.for_scope(world.county.path),
                                  cals.for_scope(""))
    assert not bureau.is_workday(TYPHOON) and county.is_workday(TYPHOON) and nation.is_workday(TYPHOON)
    assert county is nation  # no declaration in the county's line: the nationwide calendar, shared
    assert bureau.add(TYPHOON - dt.timedelta(days=1), 5) == Calendar(start, end, world.bureau.path).add(
        TYPHOON - dt.timedelta(days=1), 5) == dt.date(2026, 9, 23)
