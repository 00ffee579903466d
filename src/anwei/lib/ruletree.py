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


def pins(paths: dict[int, str], starts: dict[tuple[int, str], set[dt.date]]) -> list[tuple[int, str, dt.date]]:
    """For a migration that makes a superior's rows the default of its subtree where each agency used only its own
    rows: the (agency, kind, date) at which an agency must get its own copy of what it had, so that nothing in force
    changes — every date of a superior's row of that kind on which the agency has no row of its own (on the same
    date the nearer agency wins). `paths` maps agency ids to tree paths ("000001.000007."), `starts` maps
    (agency id, kind) to the start dates of that agency's rows."""
    owners = {agency_id for agency_id, _ in starts}
    out = []
    for agency_id, path in paths.items():
        superiors = [int(p) for p in path.split(".") if p][:-1]
        if not owners.intersection(superiors):
            continue
        for kind in sorted({k for a, k in starts if a in superiors}):
            dates = set().union(*(starts.get((s, kind), set()) for s in superiors))
            out += [(agency_id, kind, day) for day in sorted(dates - starts.get((agency_id, kind), set()))]
    return out
