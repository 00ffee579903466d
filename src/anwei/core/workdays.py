"""Government working days: the `holidays` package's Taiwan calendar, corrected by
CalendarOverride rows (typhoon closures, revised official calendars).

Conventions used everywhere (and by the travel deadlines):
- workday_add(d, n): the n-th working day after d (n > 0) or before d (n < 0); d itself is not counted.
- workdays_between(a, b): number of working days from a to b, both included.

Every function takes `scope`, the tree path of the agency whose calendar counts (Agency.path): a city's
typhoon day applies to that city's agencies only. An empty scope reads the nationwide calendar.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from holidays.constants import GOVERNMENT, PUBLIC

from anwei.core.models import CalendarOverride

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _published(year: int) -> holidays.HolidayBase:
    return holidays.Taiwan(years=year, categories=(PUBLIC, GOVERNMENT))


@lru_cache(maxsize=64)
def _published_year(year: int) -> tuple[bool, ...]:
    """Each day of the year, working or not (the package's lookup costs more than the calendars that read it)."""
    first, calendar = dt.date(year, 1, 1), _published(year)
    return tuple(calendar.is_working_day(first + dt.timedelta(days=i))
                 for i in range((dt.date(year + 1, 1, 1) - first).days))


def _published_is_workday(day: dt.date) -> bool:
    return _published_year(day.year)[day.timetuple().tm_yday - 1]


def _scopes(path: str) -> list[str]:
    """The override scopes that can apply to an agency: nationwide, each ancestor, itself."""
    parts = [p for p in path.split(".") if p]
    return [""] + [".".join(parts[:i]) + "." for i in range(1, len(parts) + 1)]


def _overrides(start: dt.date, end: dt.date, scope: str = "") -> dict[dt.date, bool]:
    lo, hi = min(start, end), max(start, end)
    return _applying(CalendarOverride.objects.filter(date__range=(lo, hi), scope_path__in=_scopes(scope))
                     .values_list("date", "is_workday", "scope_path", "subtree"), scope)


def _applying(rows, scope: str) -> dict[dt.date, bool]:
    """The overrides of `rows` (date, is_workday, scope_path, subtree) that apply to the agency at `scope`."""
    lines = set(_scopes(scope))
    found: dict[dt.date, tuple[int, bool]] = {}
    for day, ok, path, subtree in rows:
        if path not in lines or (path and path != scope and not subtree):
            continue  # declared for that agency alone, not for the agencies under it
        if day not in found or len(path) > found[day][0]:  # the most specific declaration wins
            found[day] = (len(path), ok)
    return {day: ok for day, (_, ok) in found.items()}


def is_workday(day: dt.date, scope: str = "") -> bool:
    return _with(day, _overrides(day, day, scope))


def _with(day: dt.date, overrides: dict[dt.date, bool]) -> bool:
    ok = overrides.get(day)
    return _published_is_workday(day) if ok is None else ok


def workday_add(day: dt.date, n: int, scope: str = "") -> dt.date:
    if n == 0:
        return day
    sign = 1 if n > 0 else -1
    window = dt.timedelta(days=abs(n) * 3 + 40)  # one query usually covers the whole walk
    overrides: dict[dt.date, bool] = {}
    fetched_to = day
    remaining, current = abs(n), day
    while remaining:
        current += sign * ONE_DAY
        if (current - fetched_to).days * sign > 0:
            fetched_to = current + sign * window
            overrides.update(_overrides(current, fetched_to, scope))
        if _with(current, overrides):
            remaining -= 1
    return current


def workdays_between(start: dt.date, end: dt.date, scope: str = "") -> int:
    if end < start:
        return -workdays_between(end, start, scope)
    overrides = _overrides(start, end, scope)
    days = (end - start).days + 1
    return sum(_with(start + dt.timedelta(days=i), overrides) for i in range(days))


def workday_next_or_same(day: dt.date, scope: str = "") -> dt.date:
    """The day itself if it is a working day, else the next working day."""
    return day if is_workday(day, scope) else workday_add(day, 1, scope)


class Calendar:
    """Working days over a span, read with one query: for code that counts for many deadlines at once
    (the reminder pass), where a query per deadline would grow with the data. Same conventions as the
    functions above; outside the span it falls back to them."""

    def __init__(self, start: dt.date, end: dt.date, scope: str = "", overrides: dict[dt.date, bool] | None = None
                 ) -> None:
        self.start, self.end, self.scope = start, end, scope
        overrides = _overrides(start, end, scope) if overrides is None else overrides
        days = (end - start).days + 1
        self._work = [_with(start + dt.timedelta(days=i), overrides) for i in range(days)]
        self._before = [0]  # working days strictly before start + i
        for ok in self._work:
            self._before.append(self._before[-1] + ok)

    def _index(self, day: dt.date) -> int | None:
        i = (day - self.start).days
        return i if 0 <= i < len(self._work) else None

    def is_workday(self, day: dt.date) -> bool:
        i = self._index(day)
        return is_workday(day, self.scope) if i is None else self._work[i]

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days from start to end, both included (negative when end < start)."""
        if end < start:
            return -self.between(end, start)
        i, j = self._index(start), self._index(end)
        if i is None or j is None:
            return workdays_between(start, end, self.scope)
        return self._before[j + 1] - self._before[i]

    def add(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after (n > 0) or before (n < 0) day."""
        if n == 0:
            return day
        sign = 1 if n > 0 else -1
        remaining, current = abs(n), day
        while remaining:
            current += sign * ONE_DAY
            i = self._index(current)
            if i is None:
                return workday_add(day, n, self.scope)
            if self._work[i]:
                remaining -= 1
        return current


class Calendars:
    """A Calendar per agency over one span, from one query for every override in it: for the reminder pass,
    whose obligations belong to agencies of every city. Agencies with no declaration of their own line share
    the nationwide calendar."""

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self._rows = list(CalendarOverride.objects.filter(date__range=(start, end))
                          .values_list("date", "is_workday", "scope_path", "subtree"))
        self._declared = {path for _d, _w, path, _s in self._rows if path}
        self._made: dict[tuple, Calendar] = {}

    def for_scope(self, scope: str = "") -> Calendar:
        relevant = tuple(p for p in _scopes(scope) if p in self._declared)
        key = (relevant, scope in self._declared)
        if key not in self._made:
            self._made[key] = Calendar(self.start, self.end, scope, overrides=_applying(self._rows, scope))
        return self._made[key]
