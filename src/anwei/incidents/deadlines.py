"""Each required party's deadline, from the moment of discovery and the rule's kind of period:

- clock hours (鐘點): discovered + n hours, nights and holidays included — a 資安 incident discovered at
  16:40 on the last working day before a holiday is due at 17:40 the same day;
- at once (立即): discovered + n minutes (the rule's allowance);
- working days: the end (23:59:59, Asia/Taipei) of the n-th government working day after the day of
  discovery (anwei.core.workdays).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.incidents.models import PeriodKind


def due_at(*, discovered_at: dt.datetime, kind: str, amount: int) -> dt.datetime:
    if kind == PeriodKind.HOURS:
        return discovered_at + dt.timedelta(hours=amount)
    if kind == PeriodKind.IMMEDIATE:
        return discovered_at + dt.timedelta(minutes=amount)
    if kind == PeriodKind.WORKDAYS:
        day = workday_add(timezone.localtime(discovered_at).date(), amount)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
    raise ValueError(kind)
