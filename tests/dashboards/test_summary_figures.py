"""The figures the summaries count for a day (summary.figures_compute, read by the superior's board on that day
alone) are the figures the board counts from the kept rows on any other day: each change counts its row for the
day, a day not counted is counted from the rows, and the daily job counts every row for the new day."""

from __future__ import annotations

import datetime as dt

import pytest

from anwei.dashboards import selectors, summary
from anwei.dashboards.models import AgencySummary
from anwei.dashboards.tasks import dashboards_summary_run
from tests.dashboards.test_dashboards import _duties_and_assessments, _items, _school
from tests.submissions import factories as sf

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 6, 30)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _board(w, today: dt.date = TODAY) -> tuple[dict, list[dict]]:
    """Every agency's figures on the board, and the trend over the years."""
    board = selectors.superior_board(person=w.superior, office=w.city, offices=[w.city], year=today.year, today=today)
    return {r.agency.pk: summary.Figures(*(getattr(r, name) for name in summary.Figures._fields))
            for r in board.rows}, board.years


def _states(w) -> None:
    """Overdue and open items, minutes sent late and owed, a meeting still to come, a plan dispatched, duties and
    a round of self-assessments, a meeting of two years ago; a school with an overdue item."""
    _items(w)
    _duties_and_assessments(w)
    sf.meeting_held(w, dt.date(2021, 11, 2))
    sf.minutes_sent(w, dt.date(2023, 3, 10))
    sf.meeting_held(w, dt.date(2023, 4, 20))  # minutes never sent: missing
    sf.meeting_held(w, dt.date(2023, 6, 20))  # minutes due in July: pending today, missing a month later
    sf.meeting_held(w, dt.date(2023, 7, 10))  # held later: not yet counted
    plan, letter = sf.plan_with_letter(w)
    sf.dispatched(w, plan, letter, on=dt.date(2023, 6, 28))
    school = _school(w, 1)
    _items(w, school, n_overdue=1, n_open=0)


def test_counted_figures_are_what_the_rows_count(world):
    _states(world)
    assert not AgencySummary.objects.exclude(counted_on=TODAY).exists()  # each change counted its row for today
    counted = _board(world)
    AgencySummary.objects.update(counted_on=None, figures={})
    assert _board(world) == counted  # counted from the kept rows instead
    figures, years = counted
    assert tuple(figures[world.bureau.pk]) == (0, 1, 2, 2, 3, 2, 1, 0, 1)
    assert {y["year"]: (y["meetings"], y["received"]) for y in years} == {2021: (1, 0), 2022: (0, 0), 2023: (3, 1)}
    assert dashboards_summary_run.call() == AgencySummary.objects.count()  # the daily job counts them again
    assert _board(world) == counted


def test_a_day_not_counted_is_counted_from_the_rows_until_the_daily_job(world, settings):
    _states(world)
    counted = _board(world)
    later = TODAY + dt.timedelta(days=40)
    settings.ANWEI_TODAY = later.isoformat()
    from_rows = _board(world, later)  # the rows are counted for another day: not read
    bureau = from_rows[0][world.bureau.pk]
    assert from_rows != counted and bureau.meetings_held == counted[0][world.bureau.pk].meetings_held + 1
    assert dashboards_summary_run.call() == AgencySummary.objects.count()
    assert not AgencySummary.objects.exclude(counted_on=later).exists() and dashboards_summary_run.call() == 0
    assert _board(world, later) == from_rows
