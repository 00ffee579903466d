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
from django.db.models import Case, IntegerField, Q, Value, When

from anwei.core import clock
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.portal.searchables import OWNER, Searchable, searchable, searchables
from anwei.search import index, keys, text
from anwei.search.models import Entry

PAGE_SIZE = 20
CAP = 1000  # matches counted and ranked: the newest ones


def _actions() -> list[str]:
    seen: dict[str, None] = {}
    for s in searchables():
        for action in (s.view_action, *s.other_actions):
            seen.setdefault(action, None)
    return list(seen)


def visible_keys(person: Person) -> list[str]:
    """The index keys (search.keys) of the rows this person may open: each row under the scope of the action
    its own page asks; a row holding any one of them is theirs to find."""
    out: list[str] = []
    for action in _actions():
        scope = policy.scope(person, action)
        if not scope.empty:
            out += keys.scope_keys(action, agency_ids=scope.agency_ids, subtree_paths=scope.subtree_paths,
                                   unit_ids=scope.unit_ids, person_id=scope.person_id)
    if getattr(person, "is_authenticated", False):
        out += keys.scope_keys(OWNER, person_id=person.pk)
    return out


def visible(person: Person) -> Q:
    """The same rows as a filter on the table's own columns (the benchmark's LIKE scan reads it)."""
    q = Q(pk__in=[])
    for action in _actions():
        scope = policy.scope(person, action)
        if scope.empty:
            continue
        own = Q(pk__in=[])
        if scope.agency_ids:
            own |= Q(agency_id__in=sorted(scope.agency_ids))
        for path in scope.subtree_paths:
            own |= Q(agency_id__in=Agency.objects.filter(path__startswith=path).values("pk"), subtree=True)
        for unit_id in sorted(scope.unit_ids):
            own |= Q(unit_ids__contains=f",{unit_id},")
        if scope.person_id:
            own |= Q(owner_id=scope.person_id)
        q |= Q(action=action) & own
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


def _filter_keys(f: Filters) -> list[str]:
    found = searchable(f.kind) if f.kind else None
    out = [f"fk{found.order if found else 999}"] if f.kind else []
    out += [keys.year_key(f.year)] if f.year else []
    out += [f"fa{f.agency_id}"] if f.agency_id else []
    out += [f"fu{f.unit_id}"] if f.unit_id else []
    out += [f"fs{f.status}"] if f.status else []
    return out


def _id_range(f: Filters) -> tuple[int | None, int | None]:
    """Dates as a range of row keys (rows are keyed in date order, search.index.entry_id)."""
    lo = index.date_key(f.date_from) if f.date_from else None
    hi = index.date_key(f.date_to + dt.timedelta(days=1)) if f.date_to else None
    return lo, hi


def _quoted(words) -> str:
    return " OR ".join(f'"{w}"' for w in words)


def candidates(person: Person, query: text.Query, filters: Filters | None = None) -> tuple[list[int], bool]:
    """The ids of the newest CAP matches this person may open, best first, and whether there are more:
    one query. The index finds them newest first and stops; only terms longer than one token (a phrase, a
    word of three characters) read the rows themselves, to make the match exact."""
    if not query.usable:
        return [], False
    f = filters or Filters()
    who = visible_keys(person)
    if not who:
        return [], False
    must = _filter_keys(f)
    lo, hi = _id_range(f)
    exact = [t for t in query.terms if not text.is_one_token(t)]
    if connection.vendor != "sqlite":
        return _pg_candidates(query, who, must, lo, hi, exact)
    match = "tokens : (" + " AND ".join(f'"{t}"' for t in query.tokens) + ") AND keys : (" + _quoted(who) + ")"
    match += "".join(f' AND keys : "{k}"' for k in must)
    where = ["search_fts MATCH %s"] + (["search_fts.rowid >= %s"] if lo else []) + (
        ["search_fts.rowid < %s"] if hi else [])
    params = [match] + ([lo] if lo else []) + ([hi] if hi else [])
    if not exact:  # the index alone decides: its newest CAP + 1, then their rows for the ranking
        sub = f"SELECT rowid FROM search_fts WHERE {' AND '.join(where)} ORDER BY rowid DESC LIMIT {CAP + 1}"
        qs = Entry.objects.extra(where=[f"search_entry.id IN ({sub})"], params=params)
    else:  # walk the index newest first, the rows' folded text confirming each phrase
        qs = Entry.objects.extra(tables=["search_fts"], where=["search_fts.rowid = search_entry.id", *where],
                                 params=params, select={"fts_rowid": "search_fts.rowid"})
    for term in exact:
        qs = qs.filter(folded__contains=term)
    order = "-fts_rowid" if exact else "-id"
    score = sum((Case(When(folded_title__contains=t, then=Value(2)), default=Value(0), output_field=IntegerField())
                 for t in query.terms), Value(0))
    rows = qs.annotate(score=score).order_by(order).values_list("id", "score", "kind", "object_id")[:CAP + 1]
    return _ranked(list(rows))


# The years read together, newest first, as offsets from this year (next year and fifteen back): a common word
# is answered by the first arms; each arm is planned, so there are few, wider as they go back.
YEAR_ARMS = ((1, 0), (-1,), (-2, -3), (-4, -5, -6, -7), tuple(range(-8, -16, -1)))


def _outside(roc_year: int, lo: int | None, hi: int | None) -> bool:
    """Whether no day of the year falls within the row keys [lo, hi) of a date range asked for."""
    return bool((lo and index.date_key(dt.date(roc_year + 1912, 1, 1)) <= lo)
                or (hi and index.date_key(dt.date(roc_year + 1911, 1, 1)) >= hi))


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _pg_candidates(query: text.Query, who: list[str], must: list[str], lo: int | None, hi: int | None,
                   exact: list[str]) -> tuple[list[int], bool]:
    """PostgreSQL: GIN does not hand over matches in order, so the newest are found a year at a time, in one
    statement: a UNION ALL of arms of one or a few years, newest first, under one LIMIT. PostgreSQL runs the
    arms in order and stops when the limit is reached; inside an arm the GIN index intersects the words, the
    arm's year keys and the reader's keys (search.keys.PG_TERMS), so an arm reads only its own matches. Rows
    dated outside those years (none, or few: a date far ahead, records without a date, imports of old years)
    are the first and the last arm, by key range."""
    this = clock.today().year - 1911
    top, bottom = this + max(YEAR_ARMS[0]), this + min(YEAR_ARMS[-1])
    first = index.date_key(dt.date(top + 1912, 1, 1))
    last = index.date_key(dt.date(bottom + 1911, 1, 1))
    base = [f"{keys.PG_TERMS} @> %s::text[]", f"{keys.PG_TERMS} && %s::text[]"]
    base_params: list = [[*query.tokens, *map(keys.pg_key, must)], [keys.pg_key(k) for k in who]]
    for bound, op in ((lo, ">="), (hi, "<")):
        if bound:
            base.append(f"id {op} %s")
            base_params.append(bound)
    for term in exact:
        base.append("folded LIKE %s")
        base_params.append(_like(term))
    score = " + ".join(["0"] + ["(CASE WHEN folded_title LIKE %s THEN 2 ELSE 0 END)"] * len(query.terms))
    score_params = [_like(t) for t in query.terms]
    arms: list[tuple[list[str], list]] = []
    if any(k.startswith("fy") for k in must):  # one year asked for: the index narrows to it already
        arms.append(([], []))
    else:
        arms.append(([f"id >= {first}"], []))
        for offsets in YEAR_ARMS:
            years = [this + o for o in offsets if not _outside(this + o, lo, hi)]
            if years:
                arms.append(([f"{keys.PG_TERMS} && %s::text[]"], [[keys.pg_key(keys.year_key(y)) for y in years]]))
        arms.append(([f"id < {last}"], []))
    sql, params = [], []
    for where, extra in arms:
        sql.append(f"(SELECT id, {score} AS score, kind, object_id FROM search_entry "
                   f"WHERE {' AND '.join(base + where)} ORDER BY id DESC)")
        params += score_params + base_params + extra
    with connection.cursor() as cursor:
        # The arms' order is the answer's: a Parallel Append would run them in the order of their cost, so the
        # query names a PARALLEL UNSAFE function (migration 0005), which keeps it in one process.
        cursor.execute(f"SELECT * FROM ({' UNION ALL '.join(sql)}) AS newest WHERE search_in_order() "
                       f"LIMIT {CAP + 1}", params)
        rows = cursor.fetchall()
    return _ranked(rows)


def _ranked(rows: list[tuple]) -> tuple[list[int], bool]:
    """(id, score, kind, object_id) rows, newest first → the ids best first, one per record, and whether
    there were more than CAP."""
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
