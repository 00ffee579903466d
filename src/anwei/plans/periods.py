"""Plan periods: proposed from the working-day calendar and stated as the seeds state them."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from holidays.constants import PUBLIC

from anwei.core.periods import Period, PeriodUnit, due, scope_of
from anwei.core.workdays import workday_add
from anwei.lib import rocdate
from anwei.plans.models import Occasion

# The published holiday each occasion's closure block is built around.
ANCHOR_NAMES = {
    Occasion.LUNAR_NEW_YEAR: "Chinese New Year",
    Occasion.TOMB_SWEEPING: "Tomb-Sweeping Day",
    Occasion.DRAGON_BOAT: "Dragon Boat Festival",
    Occasion.MID_AUTUMN: "Mid-Autumn Festival",
    Occasion.NATIONAL_DAY: "National Day",
    Occasion.NEW_YEAR: "Founding Day of the Republic of China",
}


@lru_cache(maxsize=64)
def holiday_anchor(occasion: str, year: int) -> dt.date | None:
    """The first day of the occasion's holiday in the Gregorian `year` (None for elections/other)."""
    name = ANCHOR_NAMES.get(occasion)
    if not name:
        return None
    days = holidays.Taiwan(years=year, categories=(PUBLIC,), language="en_US")
    found = sorted(d for d, n in days.items() if name in n.split("; ") or n == name)
    return found[0] if found else None


def closure_block(anchor: dt.date, scope: str = "") -> tuple[dt.date, dt.date]:
    """The run of non-working days around the holiday (weekends and bridge days included)."""
    before = workday_add(anchor, -1, scope)
    after = workday_add(anchor, 1, scope)
    return before + dt.timedelta(days=1), after - dt.timedelta(days=1)


def period_propose(*, occasion: str, roc_year: int, lead_days: int | None = None, lead: Period | None = None,
                   agency=None) -> tuple[dt.date, dt.date] | None:
    """From the lead period (calendar days unless the template says) before the closure block to the first
    working day after it, in the agency's calendar."""
    anchor = holiday_anchor(occasion, roc_year + rocdate.ROC_OFFSET)
    if anchor is None:
        return None
    scope = scope_of(agency)
    first, last = closure_block(anchor, scope)
    lead = lead or Period(lead_days, PeriodUnit.DAYS)
    return due(first, lead, agency, before=True), workday_add(last, 1, scope)


def period_days(start: dt.date, end: dt.date) -> int:
    return (end - start).days + 1


def period_sentence(start: dt.date, end: dt.date) -> str:
    """自112年1月16日（星期一）起至1月30日（星期一）止，為期15日。 (seed 003)"""
    tail = f"{end.month}月{end.day}日" if end.year == start.year else rocdate.format_short(end)
    return (f"自{rocdate.format_short(start)}（{rocdate.weekday_zh(start)}）起至{tail}（{rocdate.weekday_zh(end)}）止，"
            f"為期{period_days(start, end)}日。")


def period_phrase(start: dt.date, end: dt.date) -> str:
    """108年12月14日起至109年1月11日止，共29天 (seed 004's letter)."""
    return f"{rocdate.format_short(start)}起至{rocdate.format_short(end)}止，共{period_days(start, end)}天"


def shift_year(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
