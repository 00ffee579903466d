"""Data versions: counters of audited changes, per scope, that cached pages are keyed under.

A change moves the scopes it can show up in; a page is keyed under the scopes its reader can see.
Agencies form a tree, and what a person sees runs along it: their own agency and everything
below it (a superior office's roll-up, a letter's completion matrix), and what the offices above
them send down (plans, letters, self-assessment rounds). Nothing crosses between sibling
subtrees (a letter goes only to agencies below the sender). So:

- a change audited under agency X moves "own:X" and "tree:A" for X and every agency above it;
- a reader whose roles are in agency M sees "tree:M" and "own:A" for every agency above M;
- "global" is moved by a change under no agency, or to the tree itself and the people in it (the
  orgs app: agencies, units, persons, roles), and every reader sees it;
- "person:P" is what only P sees of their own (their notifications and the bell's count): a row may
  name the scopes it moves itself (a `data_scopes()` method), and notifications move only their
  reader's.

So a change in one county no longer re-renders every page of every other county.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

GLOBAL = "global"


def path_ids(path: str) -> list[int]:
    """The agency ids along a materialised path ("000001.000007." → [1, 7]), top first."""
    return [int(part) for part in path.split(".") if part]


def person_scope(person_id: int) -> str:
    return f"person:{person_id}"


def change_scopes(agency, obj) -> list[str]:
    """The scopes a change to `obj`, audited under `agency`, moves (a row that knows better says so)."""
    if hasattr(obj, "data_scopes"):
        return list(obj.data_scopes())
    if agency is None or not agency.path or obj._meta.app_label == "orgs":
        return [GLOBAL]
    return [f"own:{agency.pk}"] + [f"tree:{i}" for i in path_ids(agency.path)]


def reader_scopes(paths: Iterable[str], person_id: int | None = None) -> tuple[str, ...]:
    """The scopes pages may show to someone whose roles are in the agencies at `paths`."""
    scopes = {GLOBAL}
    if person_id is not None:
        scopes.add(person_scope(person_id))
    for path in paths:
        ids = path_ids(path)
        if ids:
            scopes.add(f"tree:{ids[-1]}")
            scopes.update(f"own:{i}" for i in ids[:-1])
    return tuple(sorted(scopes))


def bump(scopes: list[str]) -> None:
    """Count one change in each scope. Inside the writer's transaction (core.audit.audit_record)."""
    scopes = sorted(set(scopes))  # one order for every writer: no deadlock between two bumps
    if not scopes:
        return
    with connection.cursor() as cursor:  # one statement per 500 scopes, both engines (SQLite ≥ 3.24, PostgreSQL)
        for i in range(0, len(scopes), 500):
            part = scopes[i:i + 500]
            rows = ", ".join(["(%s, 1)"] * len(part))
            cursor.execute(f"INSERT INTO core_dataversion (scope, n) VALUES {rows} "
                           "ON CONFLICT (scope) DO UPDATE SET n = core_dataversion.n + 1", part)


def read(scopes: Iterable[str]) -> dict[str, int]:
    """The counters of `scopes` (a scope nobody has changed yet is 0)."""
    scopes = list(scopes)
    marks = ", ".join(["%s"] * len(scopes))
    with connection.cursor() as cursor:  # read on every request: no ORM compilation
        cursor.execute(f"SELECT scope, n FROM core_dataversion WHERE scope IN ({marks})", scopes)
        found = dict(cursor.fetchall())
    return {s: found.get(s, 0) for s in scopes}


def label(counters: dict[str, int]) -> str:
    """The counters as one key part."""
    return ";".join(f"{s}={n}" for s, n in sorted(counters.items()))


def on_audit(entry, obj, access: bool) -> None:
    """Audit listener (core.audit.audit_listen): a change moves its scopes, in its own transaction;
    a row that only records a look or a download changes nothing a page shows."""
    if not access:
        bump(change_scopes(entry.agency, obj))
