"""Each required party's deadline, from the moment of discovery and the rule's kind of period
(counted by anwei.core.periods.due in the calendar of the incident's agency):

- clock hours (鐘點): discovered + n hours, nights and holidays included — a 資安 incident discovered at
  16:40 on the last working day before a holiday is due at 17:40 the same day;
- at once (立即): discovered + n minutes (the rule's allowance);
- working days / calendar days: the end (23:59:59, Asia/Taipei) of the n-th government working day (or
  calendar day) after the day of discovery — a city's typhoon day counts only for that city's agencies.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core.periods import Period, due
from anwei.incidents.models import PERIOD_UNITS as UNITS


def due_at(*, discovered_at: dt.datetime, kind: str, amount: int, agency=None) -> dt.datetime:
    if kind not in UNITS:
        raise ValueError(kind)
    period = Period(amount, UNITS[kind])
    if period.on_clock:
        return due(discovered_at, period, agency)
    day = due(timezone.localtime(discovered_at).date(), period, agency)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
