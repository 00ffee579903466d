"""Statistics providers: the one registry the 工作報告 (work report) is composed from.

Each domain app registers a provider in its AppConfig.ready(); a new app adds a provider and the work
report gains a section, and the superior office's table gains its columns, with no change elsewhere.
A provider answers two questions for a period (both ends included):

- `section(agency, start, end)`: the section of the work report for one agency, as sentences
  (rendered here in the official numbering 一、（一）1、（1） with ROC dates);
- `counts(agency_ids, start, end)`: numbers only, per agency, for the superior office's table
  (never names or other personal data), in a fixed number of queries whatever the number of agencies.

A section with no records says so (`Section.empty`) rather than vanishing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from anwei.lib import rocdate, zhnum
from anwei.orgs.models import Agency

NO_RECORDS = "本期間無相關紀錄。"


@dataclass
class Line:
    """One numbered sentence （一）…; `children` are numbered 1、2、… under it (each may have its own
    children, numbered （1）（2）…); `body` is unnumbered text that follows it (a case's full text)."""

    text: str
    children: list[Line] = field(default_factory=list)
    body: str = ""


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    empty: str = NO_RECORDS  # what the section says when it has no lines


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class StatisticsProvider:
    name: str  # "awareness", "travel" …
    title: str  # the section heading: 宣導活動
    order: int
    section: Callable[[Agency, dt.date, dt.date], Section]
    counts: Callable[[Sequence[int], dt.date, dt.date], dict[int, dict[str, int]]]
    columns: tuple[Column, ...] = ()


_providers: dict[str, StatisticsProvider] = {}


def provider_register(provider: StatisticsProvider) -> None:
    _providers[provider.name] = provider


def providers() -> list[StatisticsProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.name))


def period_check(start: dt.date | None, end: dt.date | None) -> None:
    errors = {}
    if start is None:
        errors["start"] = "請填寫期間起日。"
    if end is None:
        errors["end"] = "請填寫期間迄日。"
    if not errors and end < start:
        errors["end"] = "期間迄日不得早於起日。"
    if errors:
        raise ValidationError(errors)


def period_datetimes(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The period as [start 00:00, the day after end 00:00) in local time: timestamps compared with these use
    their index (a `__date` lookup wraps the column in a function and reads every row)."""
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


def period_label(start: dt.date, end: dt.date) -> str:
    """「109年1月1日至109年6月30日」 (the same year is not repeated: 「109年1月1日至6月30日」)."""
    if start == end:
        return rocdate.format_short(start)
    tail = rocdate.format_short(end)
    if start.year == end.year:
        tail = tail.split("年", 1)[1]
    return f"{rocdate.format_short(start)}至{tail}"


def sections(agency: Agency, start: dt.date, end: dt.date, *, extra: Sequence[Section] = ()) -> list[Section]:
    """Every provider's section for the period, in order, then `extra` (chosen cases …)."""
    period_check(start, end)
    return [p.section(agency, start, end) for p in providers()] + list(extra)


def _lines(lines: list[Line], level: int) -> list[str]:
    out = []
    for n, line in enumerate(lines, start=1):
        out.append(f"{zhnum.label(level, n)}{line.text}")
        if line.children:
            out += _lines(line.children, min(level + 1, 5))
        if line.body:
            out.append(line.body.strip())
    return out


def render_text(secs: Sequence[Section]) -> str:
    """Sections as the report's text: 一、title, （一）sentence, 1、detail, （1）…"""
    out = []
    for n, sec in enumerate(secs, start=1):
        if sec.lines:
            out.append(f"{zhnum.label(2, n)}{sec.title}")
            out += _lines(sec.lines, 3)
        else:
            out.append(f"{zhnum.label(2, n)}{sec.title}：{sec.empty}")
    return "\n".join(out)


def section_text(sec: Section) -> str:
    """One section on its own (heading and （一）… lines), to append to a text."""
    if not sec.lines:
        return f"{sec.title}：{sec.empty}"
    return "\n".join([sec.title, *_lines(sec.lines, 3)])


def count_columns() -> list[tuple[StatisticsProvider, Column]]:
    return [(p, c) for p in providers() for c in p.columns]


def count_rows(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, list[int]]:
    """Per agency, the numbers of every provider's columns in order (a fixed number of queries)."""
    period_check(start, end)
    rows: dict[int, list[int]] = {pk: [] for pk in agency_ids}
    for p in providers():
        if not p.columns:
            continue
        found = p.counts(list(agency_ids), start, end)
        for pk in agency_ids:
            values = found.get(pk, {})
            rows[pk] += [int(values.get(c.key, 0) or 0) for c in p.columns]
    return rows
