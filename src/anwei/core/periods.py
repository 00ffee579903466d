"""The one place a rule's period becomes a due date or time, in the calendar of the agency it belongs to.

    due(start, Period(5, PeriodUnit.WORKDAYS), agency)             -> the 5th working day after start
    due(departure, Period(7, PeriodUnit.WORKDAYS), agency, before=True) -> the 7th working day before
    due(moment, Period(2, PeriodUnit.HOURS))                         -> a moment two clock hours later

`agency` is anything with a tree `path` (orgs.Agency); core does not import orgs. Without an agency the
nationwide calendar counts. Clock periods need a datetime start; date periods take a date (a datetime
start counts from its local date).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from anwei.core import workdays
from anwei.lib.periods import CHOICES, Period, PeriodUnit, add_calendar

__all__ = ["Period", "PeriodUnit", "due", "moment_add", "scope_of", "unit_field"]


def scope_of(agency) -> str:
    return getattr(agency, "path", "") or "" if agency is not None else ""


def due(start: dt.date | dt.datetime, period: Period, agency=None, *, before: bool = False,
        calendars: workdays.Calendars | None = None) -> dt.date | dt.datetime:
    """`calendars`: every agency's calendar read once, for a caller counting many deadlines (no query each)."""
    if period.on_clock:
        if not isinstance(start, dt.datetime):
            raise TypeError("a period in minutes or hours counts from a moment, not a date")
        delta = dt.timedelta(minutes=period.amount) if period.unit == PeriodUnit.MINUTES else dt.timedelta(hours=period.amount)
        return start - delta if before else start + delta
    day = timezone.localtime(start).date() if isinstance(start, dt.datetime) else start
    if period.unit == PeriodUnit.WORKDAYS:
        n = -period.amount if before else period.amount
        if calendars is not None:
            return calendars.for_scope(scope_of(agency)).add(day, n)
        return workdays.workday_add(day, n, scope_of(agency))
    return add_calendar(day, period, before=before)


def moment_add(start: dt.datetime, period: Period, agency=None, *, before: bool = False) -> dt.datetime:
    """A moment `period` after (or before) `start`, at the same local clock time for date periods:
    footage recorded at 14:05 and kept 30 days is overwritten at 14:05 thirty days later."""
    if period.on_clock:
        return due(start, period, agency, before=before)
    local = timezone.localtime(start)
    day = due(local.date(), period, agency, before=before)
    return timezone.make_aware(dt.datetime.combine(day, local.time().replace(tzinfo=None)))


def unit_field(verbose_name: str = "計算單位", default: PeriodUnit = PeriodUnit.WORKDAYS, **kwargs) -> models.CharField:
    """The unit half of a rule's period (the amount is the rule's existing number field)."""
    return models.CharField(verbose_name, max_length=10, choices=CHOICES, default=default.value,
                            db_default=default.value, **kwargs)
