"""The filings owed that the summaries keep for the superior's board (summary.owed_states) count what
submissions.selectors.expectations counts live, through every change that moves them: a meeting held or its minutes
sent, a plan's letter dispatched, the agency's reporting rule, a calendar override in the admin; a row kept for another
year is counted live until the daily job brings it to the new year; an agency moved counts in its new calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from anwei.core.audit import audit_record, snapshot
from anwei.core.models import CalendarOverride
from anwei.dashboards import selectors, summary
from anwei.dashboards.models import AgencySummary
from anwei.dashboards.tasks import dashboards_summary_run
from anwei.orgs.services import agency_move
from anwei.submissions import selectors as filings
from anwei.submissions import services
from anwei.submissions.models import Kind
from tests.submissions import factories as sf

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 6, 30)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _live(agency_id: int, today: dt.date = TODAY) -> dict[str, int]:
    counts = {"received": 0, "late": 0, "missing": 0, "pending": 0, "held": 0}
    for e in filings.expectations([agency_id], year=today.year, today=today)[agency_id]:
        counts[e.state_on(today)] += 1
        counts["held"] += e.kind == Kind.MINUTES
    return counts


def _kept(agency_id: int, today: dt.date = TODAY) -> dict[str, int] | None:
    return summary.owed_states(summary.read([agency_id]), today.year, today).get(agency_id)


def test_kept_filings_owed_follow_every_change(world):
    pk = world.bureau.pk
    sf.meeting_held(world, dt.date(2023, 5, 10))  # minutes never sent: missing
    sf.minutes_sent(world, dt.date(2023, 5, 2))  # sent today, after its deadline: late
    sf.meeting_held(world, dt.date(2023, 8, 1))  # still to come: not owed yet
    assert _kept(pk) == _live(pk) == {"received": 0, "late": 1, "missing": 1, "pending": 0, "held": 2}
    plan, letter = sf.plan_with_letter(world)
    sf.dispatched(world, plan, letter, on=dt.date(2023, 6, 28))
    dispatched = _kept(pk)
    assert dispatched == _live(pk) and dispatched["pending"] == 1
    # a longer deadline of the agency's own makes the unsent minutes not yet due
    services.report_rule_set(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, workdays=60,
                             effective_from=dt.date(2023, 1, 1))
    assert _kept(pk) == _live(pk) == {**dispatched, "missing": dispatched["missing"] - 1, "pending": 2}
    # read later in the year, the same row counts the August meeting and what has fallen due since
    later = dt.date(2023, 12, 29)
    assert _kept(pk, later) == _live(pk, later) and _kept(pk, later)["held"] == 3


def test_a_calendar_override_in_the_admin_moves_the_deadlines(world):
    pk = world.bureau.pk
    sf.meeting_held(world, dt.date(2023, 6, 20))
    before = summary.read([pk])[0].owed["rows"][0][2]
    row = CalendarOverride.objects.create(date=dt.date(2023, 6, 26), is_workday=False, reason="颱風停止上班",
                                          scope_path="", subtree=True)
    audit_record(actor=world.officer, action="admin.add", obj=row, agency=None, after=snapshot(row))
    after = summary.read([pk])[0].owed["rows"][0][2]
    assert after > before and _kept(pk) == _live(pk)


def test_a_row_of_another_year_is_counted_live_until_the_daily_job(world, settings):
    pk = world.bureau.pk
    sf.meeting_held(world, dt.date(2023, 3, 10))
    AgencySummary.objects.filter(agency_id=pk).update(owed={"year": 2022, "rows": []})
    assert _kept(pk) is None  # not trusted: the board counts this agency live
    board = selectors.superior_board(person=world.superior, office=world.city, offices=[world.city], year=2023)
    row = next(r for r in board.rows if r.agency.pk == pk)
    assert (row.missing, row.meetings_held) == (1, 1)
    assert dashboards_summary_run.call() >= 1
    assert _kept(pk) == _live(pk) and dashboards_summary_run.call() == 0



def test_an_agency_moved_to_another_county_counts_in_its_calendar(world):
    pk = world.bureau.pk
    sf.meeting_held(world, dt.date(2023, 6, 20))
    before = summary.read([pk])[0].owed["rows"][0][2]
    # the other county's typhoon day (written without the admin: no row moves yet)
    CalendarOverride.objects.create(date=dt.date(2023, 6, 26), is_workday=False, reason="颱風停止上班",
                                    scope_path=world.county.path, subtree=True)
    assert summary.read([pk])[0].owed["rows"][0][2] == before
    agency_move(actor=None, agency=world.bureau, parent=world.county)
    assert summary.read([pk])[0].owed["rows"][0][2] > before and _kept(pk) == _live(pk)
