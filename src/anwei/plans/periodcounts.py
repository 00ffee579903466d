"""What happened during a plan's period, counted by other apps (incidents) for the plan's results: the
recipient sees its own count when it writes its result, the sender the count over itself and its
recipients. Plans imports none of them: each app registers a counter in its AppConfig.ready()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

# (first day, last day, agency ids) → a sentence such as 「狀況通報2件（危安1件、資安1件）」
Counter = Callable[[dt.date, dt.date, list[int]], str]
_counters: list[Counter] = []


def period_counter_register(counter: Counter) -> None:
    if counter not in _counters:
        _counters.append(counter)


def period_counts(plan, agency_ids: Iterable[int]) -> list[str]:
    ids = sorted(set(agency_ids))
    return [text for counter in _counters if (text := counter(plan.period_start, plan.period_end, ids))]
