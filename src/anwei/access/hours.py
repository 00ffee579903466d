"""Which hours apply at a moment: the kind of day from the government calendar (a make-up working
Saturday is a working day; an administrator's typhoon override is a day off), and the area's rule in
force on that day. Pure functions over rows read beforehand, so judging a million events reads the
calendar and the rules once."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from anwei.access.models import AreaHours
from anwei.core.workdays import Calendar


class DayKind:
    WORKDAY = "workday"
    MAKEUP = "makeup"
    DAYOFF = "dayoff"
    LABELS = {WORKDAY: "上班日", MAKEUP: "補行上班日", DAYOFF: "放假日"}


def day_kind(day: dt.date, calendar: Calendar) -> str:
    if calendar.is_workday(day):
        return DayKind.MAKEUP if day.weekday() >= 5 else DayKind.WORKDAY
    return DayKind.DAYOFF


def in_force(rows: list[AreaHours], day: dt.date) -> AreaHours | None:
    """The row in force on `day` among one area's rows sorted by starts_on (ascending)."""
    i = bisect.bisect_right([r.starts_on for r in rows], day)
    return rows[i - 1] if i else None


def within(hours: AreaHours | None, kind: str, moment: dt.time) -> bool:
    """True if `moment` falls inside the area's opening window for that kind of day. No rule: no judgement."""
    if hours is None:
        return True
    window = hours.window(kind)
    if window is None:
        return False
    start, end = window
    return start <= moment < end


class HoursBook:
    """Every area's rules, indexed by area, and the calendar over a span: judge(area_id, local datetime)."""

    def __init__(self, rows: Iterable[AreaHours], start: dt.date, end: dt.date) -> None:
        self.by_area: dict[int, list[AreaHours]] = {}
        for r in sorted(rows, key=lambda r: r.starts_on):
            self.by_area.setdefault(r.area_id, []).append(r)
        self.calendar = Calendar(start, end)
        self._kinds: dict[dt.date, str] = {}

    def kind(self, day: dt.date) -> str:
        k = self._kinds.get(day)
        if k is None:
            k = self._kinds[day] = day_kind(day, self.calendar)
        return k

    def inside_hours(self, area_id: int, local: dt.datetime) -> bool:
        rows = self.by_area.get(area_id)
        if not rows:
            return True
        return within(in_force(rows, local.date()), self.kind(local.date()), local.time())
