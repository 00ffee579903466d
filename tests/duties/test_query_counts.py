"""The reminder pass and the pages count every duty's next date with a fixed number of queries, also when duties
count government working days (each agency's calendar is read once for all of them, not once per duty)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anwei.core.models import CalendarOverride
from anwei.duties import services
from anwei.duties.obligations import duties_open
from anwei.duties.selectors import states

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)


def _duties(world, n):
    return [services.duty_create(actor=world.officer, agency=world.bureau, data=services.DutyInput(
        kind="other", name=f"第{i}項定期工作", every=10 + i, unit="workdays", starts_on=dt.date(2026, 10, 1)))
        for i in range(n)]


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_working_day_duties_cost_the_same_queries_however_many(world, settings):
    settings.ANWEI_TODAY = TODAY.isoformat()
    few = _duties(world, 2)
    q_few, q_few_pass = _queries(lambda: states(few)), _queries(lambda: duties_open(TODAY))
    many = few + _duties(world, 6)
    assert _queries(lambda: states(many)) == q_few
    assert _queries(lambda: duties_open(TODAY)) == q_few_pass


def test_the_agencys_own_calendar_still_counts(world, settings):
    """A city's typhoon day moves a working-day duty of that city's agency (counted through the shared read)."""
    settings.ANWEI_TODAY = TODAY.isoformat()
    [duty] = _duties(world, 1)  # 10 working days after Thu 2026-10-01
    before = states([duty])[0].next_due
    CalendarOverride.objects.create(date=dt.date(2026, 10, 2), is_workday=False, reason="颱風停止上班",
                                    scope_path=world.city.path, subtree=True)
    after = states([duty])[0].next_due
    assert after > before


def test_subtree_duties_cost_the_same_queries_however_many_agencies(world, settings):
    """A superior office's duties are owed by every agency below it: the reminder pass and an officer's to-do list
    read them, their frequency rows, the agencies and their records once, not once per agency."""
    from anwei.duties.obligations import duties_owed
    from anwei.duties.selectors import active_duties
    from anwei.orgs.models import Agency
    from anwei.orgs.services import agency_create

    settings.ANWEI_TODAY = TODAY.isoformat()
    inspect = services.default_create(actor=world.superior, agency=world.city, data=services.DefaultInput(
        kind="confidentiality_inspection", name="公務機密維護檢查", every=6, unit="months",
        starts_on=dt.date(2025, 1, 1)))
    services.default_create(actor=world.superior, agency=world.city, data=services.DefaultInput(
        kind="other", name="設備清點", every=20, unit="workdays", starts_on=dt.date(2026, 10, 1), fixed=True))
    services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=inspect, every=1, unit="years",
                                   starts_on=TODAY, today=TODAY)

    def measure():
        return (_queries(lambda: duties_open(TODAY)),
                _queries(lambda: states(active_duties(agency_ids=None, today=TODAY))),
                _queries(lambda: duties_owed(world.officer)))

    duties_owed(world.officer)  # the officer's grants, read once per request
    few, items_few = measure(), len(duties_open(TODAY))
    for i in range(6):  # schools under the city and under the bureau (which set its own frequency)
        agency_create(actor=None, name=f"海濱市立測試{i}國民小學", parent=world.bureau if i % 2 else world.city,
                      kind=Agency.Kind.SCHOOL)
    services.default_done_record(actor=world.superior, agency=world.city, duty=inspect, done_on=dt.date(2026, 11, 1),
                                 note="", today=TODAY)
    assert len(duties_open(TODAY)) > items_few
    assert measure() == few
