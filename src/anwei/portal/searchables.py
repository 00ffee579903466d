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

from django.db import models


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
    action: str = ""  # another of the kind's actions (Searchable.other_actions) opens this document
    file_ids: tuple[int, ...] = ()  # core.StoredFile ids whose text belongs to this document (attachments)


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
    order: int = 100
    # Actions besides view_action that documents of this kind may name (a record read by two rules: a
    # travel application by its unit head and by the reviewing agency's ethics unit is two documents).
    other_actions: tuple[str, ...] = ()


_registry: dict[str, Searchable] = {}


def searchable_register(searchable: Searchable) -> None:
    _registry[searchable.kind] = searchable


def searchables() -> list[Searchable]:
    return sorted(_registry.values(), key=lambda s: (s.order, s.kind))


def searchable(kind: str) -> Searchable | None:
    return _registry.get(kind)
