"""What can be found by the one search box: each domain app registers, in its AppConfig.ready(), the kinds
of record it offers (searchable_register). The `search` app owns the index and the query; it knows no domain
model, and no domain app imports it.

A Searchable names the policy action that opens its records (the same one the record's own page asks), and
turns one object into its SearchDocs: the text to index, the title and the place it lives
(「108年第2次會議 · 主席裁示第3項」), its agency, the units a unit-scoped reader must belong to, its owner,
date and status. The search reads scope(person, view_action) and filters the index rows with it in the query
itself, so counts and snippets never come from rows the person may not open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class SearchDoc:
    title: str
    location: str
    text: str
    url: str
    agency_id: int
    part: str = ""  # tells apart several documents of one object
    unit_ids: tuple[int, ...] = ()  # a unit-scoped reader (liaison, unit head) must hold one of these
    owner_id: int | None = None  # the owner, when the view action has owner=True
    date: dt.date | None = None
    status: str = ""  # "open" / "released" / "" (no such notion)
    subtree: bool = True  # False: the superior office's subtree grant does not reach this record
    action: str = ""  # another of the kind's actions (Searchable.other_actions), or OWNER, opens this document
    file_ids: tuple[int, ...] = ()  # core.StoredFile ids whose text belongs to this document (attachments)


# A document's action meaning "its owner (owner_id) opens it, whatever role they hold": a traveller and their
# own application. Not a policy action: the kind says owner_opens=True.
OWNER = "owner"


@dataclass(frozen=True)
class Searchable:
    kind: str  # "meetings.proposal": unique, also the filter value
    label: str  # 會議提案
    model: type[models.Model]
    view_action: str  # orgs.policy action the record's own page asks
    queryset: Callable[[], models.QuerySet]  # every object, with what documents() reads joined
    documents: Callable[[models.Model], Iterable[SearchDoc]]
    # Personal data (footage, travel): only the case number and applicant are indexed.
    personal: bool = False
    # Other models whose change alters this kind's documents: (model, objects of this kind to reindex).
    touched_by: tuple[tuple[type[models.Model], Callable[[models.Model], Iterable[models.Model]]], ...] = ()
    # The place among the kinds (filter choices) and part of each index row's key (search.index.entry_id):
    # unique, below 128; changing it needs `anwei search_rebuild`.
    order: int = 100
    # Actions besides view_action that documents of this kind may name (a record read by two rules: a
    # travel application by its unit head and by the reviewing agency's ethics unit is two documents).
    other_actions: tuple[str, ...] = ()
    owner_opens: bool = False  # some documents of this kind have action=OWNER


_registry: dict[str, Searchable] = {}


def searchable_register(searchable: Searchable) -> None:
    if not 0 <= searchable.order < 128:
        raise ValueError(f"{searchable.kind}: order must be below 128 (it is part of the index key)")
    taken = next((s.kind for s in _registry.values()
                  if s.order == searchable.order and s.kind != searchable.kind), None)
    if taken:
        raise ValueError(f"{searchable.kind}: order {searchable.order} is {taken}'s (it is part of the index key)")
    _registry[searchable.kind] = searchable


def searchables() -> list[Searchable]:
    return sorted(_registry.values(), key=lambda s: (s.order, s.kind))


def searchable(kind: str) -> Searchable | None:
    return _registry.get(kind)


_MARK = 987654321987


@lru_cache(maxsize=None)
def _url_pattern(name: str) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_MARK]).partition(str(_MARK))
    return head, tail


def record_url(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a page taking one id, without resolving the pattern for every row of a
    rebuild (reverse() was a third of its Python time)."""
    head, tail = _url_pattern(name)
    return f"{head}{int(pk)}{tail}"
