"""The query: what the person may open, narrowed by the token index, made exact by LIKE on the folded text,
ranked (title matches first, then the newer), in pages. The permission is part of the query: a row the
policy does not let this person open never reaches a count, a title or a snippet.

Bounded: a common word matches tens of thousands of rows in a county's subtree, and counting and ranking
them all took a third of a second. The index hands matches over newest first (the row's key is in date
order, search.index.entry_id), so one query reads only the newest CAP + 1 of them; the count says
「1,000 筆以上」 beyond that, and the ranking (title matches first, the newer first among equals) is of those
CAP newest matches. An older record is reached by narrowing (year, dates, agency, kind), as the page says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.portal.searchables import OWNER, Searchable, searchable, searchables
from anwei.search import text
from anwei.search.models import Entry

PAGE_SIZE = 20
CAP = 1000  # matches counted and ranked: the newest ones


def _scope_q(s: policy.Scope) -> Q:
    q = Q(pk__in=[])
    if s.agency_ids:
        q |= Q(agency_id__in=sorted(s.agency_ids))
    for path in s.subtree_paths:  # the subtree's agencies by a subquery (run once), not a join per row
        q |= Q(agency_id__in=Agency.objects.filter(path__startswith=path).values("pk"), subtree=True)
    for unit_id in sorted(s.unit_ids):
        q |= Q(unit_ids__contains=f",{unit_id},")
    if s.person_id:
        q |= Q(owner_id=s.person_id)
    return q


def _actions() -> list[str]:
    seen: dict[str, None] = {}
    for s in searchables():
        for action in (s.view_action, *s.other_actions):
            seen.setdefault(action, None)
    return list(seen)


def visible(person: Person) -> Q:
    """Index rows this person may open: each row under the scope of the action its own page asks."""
    q = Q(pk__in=[])
    for action in _actions():
        scope = policy.scope(person, action)
        if not scope.empty:
            q |= Q(action=action) & _scope_q(scope)
    if getattr(person, "is_authenticated", False):
        q |= Q(action=OWNER, owner_id=person.pk)
    return q


def kinds_for(person: Person) -> list[Searchable]:
    """The kinds this person can find anything of (the filter's choices)."""
    return [s for s in searchables()
            if s.owner_opens or any(not policy.scope(person, a).empty for a in (s.view_action, *s.other_actions))]


def agencies_for(person: Person) -> list[Agency]:
    """The agencies whose records this person may see in some kind (for the agency filter)."""
    ids, paths = set(), set()
    for action in _actions():
        scope = policy.scope(person, action)
        ids |= set(scope.agency_ids)
        paths |= set(scope.subtree_paths)
    q = Q(pk__in=ids)
    for p in paths:
        q |= Q(path__startswith=p)
    unit_agencies = Unit.objects.filter(pk__in=_unit_ids(person)).values("agency_id")
    return list(Agency.objects.filter(q | Q(pk__in=unit_agencies)).order_by("path"))


def _unit_ids(person: Person) -> set[int]:
    ids: set[int] = set()
    for action in _actions():
        ids |= set(policy.scope(person, action).unit_ids)
    return ids


def units_for(person: Person, agency_ids: list[int]) -> list[Unit]:
    return list(Unit.objects.filter(agency_id__in=agency_ids).select_related("agency").order_by("agency__path", "pk"))


@dataclass
class Filters:
    kind: str = ""
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    agency_id: int | None = None
    unit_id: int | None = None
    status: str = ""


@dataclass
class Hit:
    entry: Entry
    label: str
    snippet: str
    title: str


@dataclass
class Result:
    query: text.Query
    page: Page | None = None
    hits: list[Hit] = field(default_factory=list)
    more: bool = False  # more than CAP matches: count and ranking are of the newest CAP

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page else 0

    @property
    def count_label(self) -> str:
        return f"{self.count:,}"


def _matching(qs: QuerySet, query: text.Query) -> QuerySet:
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{t}"' for t in query.tokens)
        qs = qs.extra(where=["search_entry.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"],
                      params=[match])
    else:
        qs = qs.extra(where=["string_to_array(search_entry.tokens, ' ') @> %s::text[]"],
                      params=[list(query.tokens)])
    for term in query.terms:
        if not text.is_one_token(term):  # one character or one pair: holding the token is the match
            qs = qs.filter(folded__contains=term)
    return qs


def entries(person: Person, query: text.Query, filters: Filters | None = None) -> QuerySet:
    """The matching rows this person may open, unordered."""
    if not query.usable:
        return Entry.objects.none()
    f = filters or Filters()
    qs = Entry.objects.filter(visible(person))
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.year:
        qs = qs.filter(roc_year=f.year)
    if f.date_from:
        qs = qs.filter(date__gte=f.date_from)
    if f.date_to:
        qs = qs.filter(date__lte=f.date_to)
    if f.agency_id:
        qs = qs.filter(agency_id=f.agency_id)
    if f.unit_id:
        qs = qs.filter(unit_ids__contains=f",{f.unit_id},")
    if f.status:
        qs = qs.filter(status=f.status)
    return _matching(qs, query)


def _score(query: text.Query):
    return sum((Case(When(folded_title__contains=t, then=Value(2)), default=Value(0), output_field=IntegerField())
                for t in query.terms), Value(0))


def candidates(person: Person, query: text.Query, filters: Filters | None = None) -> tuple[list[int], bool]:
    """The ids of the newest CAP matches, best first, and whether there are more: one query."""
    rows = list(entries(person, query, filters).annotate(score=_score(query))
                .order_by("-id").values_list("id", "score", "kind", "object_id")[:CAP + 1])
    more = len(rows) > CAP
    seen, unique = set(), []
    for row in rows[:CAP]:  # a record read by two rules (travel: its unit head, the ethics unit) is one hit
        if (row[2], row[3]) not in seen:
            seen.add((row[2], row[3]))
            unique.append(row)
    unique.sort(key=lambda r: (-r[1], -r[0]))  # title matches first; newer first among equals
    return [r[0] for r in unique], more


def search(person: Person, raw: str, filters: Filters | None = None, page: int | str = 1) -> Result:
    """One page of results: two queries (the candidates and the page's rows), whatever the size of the index."""
    query = text.parse(raw)
    if not query.usable:
        return Result(query=query)
    ids, more = candidates(person, query, filters)
    current = Paginator(ids, PAGE_SIZE).get_page(page)
    shown = list(current.object_list)
    rows = Entry.objects.filter(pk__in=shown).select_related("agency").defer("folded", "tokens") if shown else []
    by_id = {e.pk: e for e in rows}
    hits = []
    for e in (by_id[pk] for pk in shown if pk in by_id):
        s = searchable(e.kind)
        hits.append(Hit(entry=e, label=s.label if s else e.kind, title=text.highlight(e.title, query.terms),
                        snippet=text.snippet(e.body, query.terms)))
    return Result(query=query, page=current, hits=hits, more=more)
