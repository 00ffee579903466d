"""The keys that put "who may open this row" and the result page's filters into the token index itself, so
that the index alone answers "the newest matches this person may open" and stops after the first thousand,
without reading a single row of the table for it (reading rows one by one was the cost of a common word).

A row whose page asks action A (code a, below) holds: `ka{a}a{agency}` (read within its agency), `ka{a}s{id}`
for its agency and every agency above it when a superior office's subtree grant reaches it, `ka{a}u{unit}`
for each unit a unit-scoped reader must belong to, `ka{a}o{person}` for its owner; and the filter keys
`fk{kind order}`, `fy{ROC year}`, `fs{status}`, `fa{agency}`, `fu{unit}`. A person's keys (search.selectors)
are the same shapes built from policy.scope(person, A). Keys are letters and digits only, in a column of
their own (FTS5 column filter; on PostgreSQL each with a leading underscore, PG_TERMS), so no word of the text can be taken for one."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache


# PostgreSQL's one GIN index (migration 0005) and the expression every query repeats: the word tokens, then the
# keys each with a leading "_" (a word token never holds "_", search.text), in one array.
PG_TERMS = "string_to_array(tokens || ' _' || replace(keys, ' ', ' _'), ' ')"


def pg_key(key: str) -> str:
    return f"_{key}"


def year_key(roc_year: int) -> str:
    return f"fy{roc_year}"


@lru_cache(maxsize=None)
def action_code(action: str) -> str:
    return format(zlib.crc32(action.encode()), "x")


def path_ids(path: str) -> list[int]:
    """The agency ids in an orgs.Agency path ("000001.000007." → [1, 7]): the agency and those above it."""
    return [int(c) for c in path.split(".") if c]


def unit_list(unit_ids: str | Iterable[int]) -> list[int]:
    if isinstance(unit_ids, str):
        return [int(u) for u in unit_ids.split(",") if u]
    return sorted({u for u in unit_ids if u})


def row_keys(*, action: str, agency_id: int, path: str, subtree: bool, unit_ids: str | Iterable[int],
             owner_id: int | None, order: int, roc_year: int | None, status: str) -> str:
    a = action_code(action)
    units = unit_list(unit_ids)
    out = [f"ka{a}a{agency_id}", f"fa{agency_id}", f"fk{order}"]
    if subtree:
        out += [f"ka{a}s{i}" for i in path_ids(path)]
    out += [f"ka{a}u{u}" for u in units] + [f"fu{u}" for u in units]
    if owner_id:
        out.append(f"ka{a}o{owner_id}")
    if roc_year:
        out.append(year_key(roc_year))
    if status:
        out.append(f"fs{status}")
    return " ".join(out)


def scope_keys(action: str, *, agency_ids: Iterable[int] = (), subtree_paths: Iterable[str] = (),
               unit_ids: Iterable[int] = (), person_id: int | None = None) -> list[str]:
    """The keys a reader holds for one action: any one of them opens a row holding it."""
    a = action_code(action)
    out = [f"ka{a}a{i}" for i in sorted(agency_ids)]
    out += [f"ka{a}s{path_ids(p)[-1]}" for p in sorted(subtree_paths) if path_ids(p)]
    out += [f"ka{a}u{u}" for u in sorted(unit_ids)]
    if person_id:
        out.append(f"ka{a}o{person_id}")
    return out
