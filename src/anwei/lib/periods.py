"""Periods of every kind a rule can count: minutes, clock hours, calendar days, government working days,
weeks, months and years. Pure value type and calendar arithmetic; working days need the calendar and are
counted by `anwei.core.periods.due`.

A month or a year is the same date in the month or year after, clamped to the month's last day
(1/31 + 1 month = 2/28 or 2/29; 2024/2/29 + 1 year = 2025/2/28), as 民法第121條 counts them — never 30 or 365 days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class PeriodUnit(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WORKDAYS = "workdays"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


LABELS = {
    PeriodUnit.MINUTES: "分鐘",
    PeriodUnit.HOURS: "小時（鐘點計算）",
    PeriodUnit.DAYS: "日（日曆天）",
    PeriodUnit.WORKDAYS: "工作日（政府行政機關辦公日）",
    PeriodUnit.WEEKS: "週",
    PeriodUnit.MONTHS: "個月",
    PeriodUnit.YEARS: "年",
}
CHOICES = [(u.value, LABELS[u]) for u in PeriodUnit]

# Units that count on a clock (the start is a moment), the others count dates.
CLOCK_UNITS = (PeriodUnit.MINUTES, PeriodUnit.HOURS)

_SHORT = {PeriodUnit.MINUTES: "分鐘", PeriodUnit.HOURS: "小時", PeriodUnit.DAYS: "日", PeriodUnit.WORKDAYS: "個工作日", PeriodUnit.WEEKS: "週",
          PeriodUnit.MONTHS: "個月", PeriodUnit.YEARS: "年"}


@dataclass(frozen=True)
class Period:
    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", PeriodUnit(self.unit))
        if self.amount < 0:
            raise ValueError("period amount must not be negative; count backwards with before=True")

    def text(self) -> str:
        """As a rule states it: 「5個工作日」「30日」「48小時」「6個月」「1年」."""
        return f"{self.amount}{_SHORT[self.unit]}"

    __str__ = text

    def spaced(self) -> str:
        """For running text with Western digits: 「5 個工作日」."""
        return f"{self.amount} {_SHORT[self.unit]}"

    @property
    def on_clock(self) -> bool:
        return self.unit in CLOCK_UNITS

    def serialize(self) -> str:
        return f"{self.amount} {self.unit.value}"

    @classmethod
    def parse(cls, text: str) -> "Period":
        m = re.fullmatch(r"\s*(\d+)\s+([a-z]+)\s*", text)
        if not m:
            raise ValueError(f"not a period: {text!r}")
        return cls(int(m.group(1)), PeriodUnit(m.group(2)))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date `months` later (or earlier when negative), clamped to the last day of that month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def add_calendar(day: dt.date, period: Period, *, before: bool = False) -> dt.date:
    """Calendar arithmetic for days, weeks, months and years (working days need the calendar)."""
    sign = -1 if before else 1
    n = period.amount * sign
    if period.unit == PeriodUnit.DAYS:
        return day + dt.timedelta(days=n)
    if period.unit == PeriodUnit.WEEKS:
        return day + dt.timedelta(weeks=n)
    if period.unit == PeriodUnit.MONTHS:
        return add_months(day, n)
    if period.unit == PeriodUnit.YEARS:
        return add_months(day, 12 * n)
    raise ValueError(f"{period.unit} is not counted on the calendar alone")
