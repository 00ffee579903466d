"""Which rule row is in force for an agency, when rows are set nationwide (the default), by a superior office
for its subtree, and by the agency itself, each from its own start date.

- Only rows of the agency's own line (nationwide, its ancestors, itself) that have started count.
- The latest start date wins; on the same date the nearer agency wins (its own row before its superior's).
- A superior may fix its row (`fixed`): while that row is the superior's latest, rows of the agencies under it
  do not count (they may override only where the superior allows).
- The winner's empty optional parts are taken from the next rows in that order (an agency row that only
  changes the number keeps the declarations of the default).

Pure: rows are given as Candidate(level, starts_on, fixed, row); level -1 is nationwide, 0 a county, …
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Candidate:
    level: int
    starts_on: dt.date
    fixed: bool
    row: Any


def ordered(candidates: list[Candidate], on: dt.date) -> list[Candidate]:
    """The rows that count on `on`, strongest first (the first is the rule in force)."""
    started = [c for c in candidates if c.starts_on <= on]
    latest: dict[int, Candidate] = {}
    for c in sorted(started, key=lambda c: c.starts_on):
        latest[c.level] = c
    lock = min((lvl for lvl, c in latest.items() if c.fixed), default=None)
    allowed = [c for c in started if lock is None or c.level <= lock]
    return sorted(allowed, key=lambda c: (c.starts_on, c.level), reverse=True)


def locked_by(candidates: list[Candidate], level: int, on: dt.date) -> Candidate | None:
    """The superior's fixed row that forbids a row at `level` starting on `on`, if any."""
    latest: dict[int, Candidate] = {}
    for c in sorted((c for c in candidates if c.level < level and c.starts_on <= on), key=lambda c: c.starts_on):
        latest[c.level] = c
    fixed = [c for c in latest.values() if c.fixed]
    return min(fixed, key=lambda c: c.level) if fixed else None


def complete(winner: Any, rest: list[Any], optional: tuple[str, ...]) -> Any:
    """Fill the winner's empty optional attributes from the rows after it (in memory, not saved)."""
    for name in optional:
        if not getattr(winner, name):
            donor = next((r for r in rest if getattr(r, name)), None)
            if donor is not None:
                setattr(winner, name, getattr(donor, name))
    return winner
