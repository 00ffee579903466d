"""What happened during a plan's period, counted by other apps (incidents) for the plan's results: the
recipient sees its own count when it writes its result, the sender the count over itself and its
recipients. Other apps also mark which of the plan's 工作重點 they carried out (awareness ticks
「請適時提醒員工…」 off with the event it recorded). Plans imports none of them: each app registers a
counter or a marker in its AppConfig.ready()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# (first day, last day, agency ids) → a sentence such as 「狀況通報2件（危安1件、資安1件）」
Counter = Callable[[dt.date, dt.date, list[int]], str]
_counters: list[Counter] = []


def period_counter_register(counter: Counter) -> None:
    if counter not in _counters:
        _counters.append(counter)


def period_counts(plan, agency_ids: Iterable[int]) -> list[str]:
    ids = sorted(set(agency_ids))
    return [text for counter in _counters if (text := counter(plan.period_start, plan.period_end, ids))]


@dataclass(frozen=True)
class DutyMark:
    """One line of the plan (陸、三、（三）) that an app recognises as its kind of duty, with what was done
    for it — empty when nothing is recorded yet, so the page says so rather than leaving the line out."""

    path: str
    text: str
    kind: str  # 宣導 …
    done: list[str] = field(default_factory=list)
    record_url: str = ""  # where a recipient records what it did for this line


# (plan, agency ids) → the plan's lines of that app's kind, each with what those agencies recorded for it
Marker = Callable[[object, list[int]], list[DutyMark]]
_markers: list[Marker] = []


def duty_marker_register(marker: Marker) -> None:
    if marker not in _markers:
        _markers.append(marker)


def duty_marks(plan, agency_ids: Iterable[int]) -> list[DutyMark]:
    ids = sorted(set(agency_ids))
    return [mark for marker in _markers for mark in marker(plan, ids)]


@dataclass(frozen=True)
class ResultDrafter:
    """Another app that can write a recipient's result for it from the records (the work report an office
    asked its agencies for). `offers` is cheap (one query at most); `draft` composes."""

    label: str
    offers: Callable[[object], bool]
    draft: Callable[[object], str]


_drafters: list[ResultDrafter] = []


def result_drafter_register(drafter: ResultDrafter) -> None:
    if drafter not in _drafters:
        _drafters.append(drafter)


def result_drafter_for(assignment) -> ResultDrafter | None:
    return next((d for d in _drafters if d.offers(assignment)), None)
