"""The per-agency summary rows (models.AgencySummary): computed from the records of one agency with three grouped
queries on indexed columns, refreshed at the end of every service that changed the agency's records (inside its
transaction: core.service.service_finish_register), rebuilt for all agencies by `anwei dashboards_rebuild` (after a
restore, an upgrade, or bulk-written synthetic data).

This year's filings owed (`owed`: each event with its deadline in the agency's own calendar, and the filing's state
if sent) are kept too, so the superior's board does not count hundreds of deadlines per view. They are recomputed
when a meeting, a plan or its letter, a filing, a reporting rule or a calendar override of the agency changes, and
by the daily job when the year turns (`refresh_stale`); a row kept for another year is computed live instead.
This year's self-assessments (`assessed`: sent and all forms, by round deadline) are kept alike: recomputed when a
form or a round changes (a superior's round marks every agency it asks).

From these columns the board's figures are counted for a day (`figures`, `counted_on`): with every refresh, and by
the daily job each morning for every row (`count_day`, reading no record). On that day the board reads a few numbers
per agency instead of decoding and counting its whole row; on any other day it counts from the columns."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from django.db import transaction
from django.db.models import Count, Q, TextField
from django.db.models.functions import Cast

from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.core import clock
from anwei.core.models import CalendarOverride
from anwei.core.service import in_service
from anwei.dashboards.models import AgencySummary
from anwei.meetings.models import SecurityMeeting
from anwei.orgs.models import Agency
from anwei.plans.models import Letter, SpecialPlan
from anwei.submissions.models import Kind, ReportRule, Submission
from anwei.submissions.selectors import expectations, filing_state
from anwei.tracking.models import TrackedItem

OPEN = [TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED]


def _key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def compute(agency_ids: Iterable[int], models=None, *, owed: dict[int, dict] | None = None
            ) -> dict[int, AgencySummary]:
    """Summaries of the agencies as the records stand (three grouped queries whatever their number, and those of
    submissions.selectors.expectations unless `owed` gives the filings owed kept). `models`: the (summary, item,
    meeting, submission) classes, given by the migration that fills the table (which leaves `owed` to the board's
    live count)."""
    summary, item, meeting, submission = models or (AgencySummary, TrackedItem, SecurityMeeting, Submission)
    ids = list(agency_ids)
    out = {pk: summary(agency_id=pk, open_due={}, meetings={}, filings={}) for pk in ids}
    today = clock.today()
    if models is None:
        for pk, kept in (owed_compute(ids, today.year) if owed is None else owed).items():
            out[pk].owed = kept
        for pk, kept in assessed_compute(ids, today.year).items():
            out[pk].assessed = kept
    for pk, due, n in (item.objects.filter(agency_id__in=ids, status__in=OPEN).order_by()
                       .values_list("agency_id", "due_date").annotate(n=Count("pk"))):
        out[pk].open_due[_key(due)] = n
    # Meetings of past years by year ("2019"), this year's and later by day (held up to the day read): years()
    # reads both alike, and a row does not grow with every meeting of ten years.
    this_year = today.year
    for pk, day, n in (meeting.objects.filter(agency_id__in=ids).order_by()
                       .values_list("agency_id", "date").annotate(n=Count("pk"))):
        key = _key(day) if day.year >= this_year else f"{day.year:04d}"
        out[pk].meetings[key] = out[pk].meetings.get(key, 0) + n
    for pk, year, n in (submission.objects.filter(agency_id__in=ids).order_by()
                        .values_list("agency_id", "first_sent_at__year").annotate(n=Count("pk"))):
        out[pk].filings[str(year)] = n
    if models is None:
        for row in out.values():
            row.counted_on, row.figures = _counted(_kept(row), today)
    return out


def _kept(row: AgencySummary) -> Kept:
    return Kept(row.agency_id, row.open_due, row.meetings, row.filings, row.owed, row.assessed)


def _counted(row: Kept, today: dt.date) -> tuple[dt.date | None, dict]:
    """(counted_on, figures) of the row for `today`; not counted when it keeps another year's filings owed or
    self-assessments (the board counts those live until the daily job brings the row to the new year)."""
    figures = figures_compute(row, today)
    return (today, figures) if figures is not None else (None, {})


def owed_compute(agency_ids: list[int], year: int) -> dict[int, dict]:
    """Every filing owed for events of `year` (also those still to come: the board keeps what has happened by the
    day it reads), as [kind, event, deadline, state of the filing sent or ""]."""
    return {pk: {"year": year, "rows": owed_rows(expected)}
            for pk, expected in expectations(agency_ids, year=year, today=dt.date(year + 1, 1, 1)).items()}


def owed_rows(expected) -> list[list[str]]:
    """Filings owed (submissions.selectors.Expected) as kept: [kind, event, deadline, state of the filing sent]."""
    return [[e.kind, e.event.isoformat(), e.due.isoformat(), e.sent_state] for e in expected]


def assessed_compute(agency_ids: list[int], year: int) -> dict[int, dict]:
    """Per agency, its self-assessments in rounds whose deadline falls in `year` (whoever asked: the agency, or an
    office above it), by deadline: [deadline, sent, all]. One grouped query: the forms by agency, each round by
    its key."""
    out = {pk: {"year": year, "rounds": []} for pk in agency_ids}
    for pk, deadline, sent, total in (
            year_assessments(agency_ids, year).order_by().values_list("agency_id", "round__deadline")
            .annotate(sent=Count("pk", filter=Q(status=SelfAssessment.Status.SUBMITTED)), total=Count("pk"))):
        out[pk]["rounds"].append([deadline.isoformat(), sent, total])
    return out


def year_assessments(agency_ids: list[int], year: int):
    """The agencies' self-assessments in rounds due in `year`: what the superior's board counts and lists."""
    return SelfAssessment.objects.filter(agency_id__in=agency_ids, round__deadline__gte=dt.date(year, 1, 1),
                                         round__deadline__lte=dt.date(year, 12, 31))


def refresh(agency_ids: Iterable[int], models=None, *, owed: bool = True, batch: int = 500) -> None:
    """The agencies' rows recomputed, `batch` agencies at a time (a calendar override refreshes every agency).
    Without `owed`, the filings owed kept for this year are left as they are (but counted in the day's figures);
    a row that keeps none (a new agency's first tracked item) has them computed."""
    ids = list(agency_ids)
    kept = None
    if not owed and models is None:
        kept = {pk: o for pk, o in AgencySummary.objects.filter(agency_id__in=ids).values_list("agency_id", "owed")
                if o.get("year") == clock.today().year}
        if len(kept) < len(ids):
            refresh([pk for pk in ids if pk not in kept], batch=batch)
            ids = [pk for pk in ids if pk in kept]
    fields = ["open_due", "meetings", "filings"] + (["assessed", "counted_on", "figures"] if models is None else []) + (
        ["owed"] if kept is None and models is None else [])
    for start in range(0, len(ids), batch):
        part = ids[start:start + batch]
        rows = list(compute(part, models, owed=None if kept is None else {pk: kept[pk] for pk in part}).values())
        (models[0] if models else AgencySummary).objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["agency"], update_fields=fields)


def refresh_stale(today: dt.date | None = None) -> int:
    """The rows whose filings owed or self-assessments are of another year (the year has turned) or not kept:
    recomputed."""
    year = (today or clock.today()).year
    # (the fresh rows excluded by key: an exclude() on the JSON keys would also drop rows whose key is missing)
    fresh = AgencySummary.objects.filter(owed__year=year, assessed__year=year).values("pk")
    ids = list(AgencySummary.objects.exclude(pk__in=fresh).order_by("pk").values_list("pk", flat=True))
    refresh(ids)
    return len(ids)


def count_day(today: dt.date | None = None, batch: int = 500) -> int:
    """The figures of every row not yet counted for `today`, counted from its kept columns (no record is read);
    returns the number of rows counted."""
    today = today or clock.today()
    ids = list(AgencySummary.objects.exclude(counted_on=today).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        rows = []
        for kept in read(ids[start:start + batch]):
            counted_on, figures = _counted(kept, today)
            rows.append(AgencySummary(agency_id=kept.agency_id, counted_on=counted_on, figures=figures))
        AgencySummary.objects.bulk_update(rows, ["counted_on", "figures"])
    return len(ids)


def rebuild(models=None, agency_model=None) -> int:
    """Every agency anew; returns the number of rows."""
    ids = list((agency_model or Agency).objects.order_by("pk").values_list("pk", flat=True))
    refresh(ids, models)
    return len(ids)


_pending = threading.local()
# The apps whose services write the rows summarised (tracked items, meetings, filings and their rules); every other
# app changes them only through these services, whose audit rows carry these prefixes. (Others' changes are not
# refreshed: a letter to 400 agencies would otherwise refresh 400 rows.) Tracked items do not move the filings owed.
WATCHED = {"tracking.": False, "meetings.": True, "submissions.": True}
# What the filings owed are counted from, whoever changes it (a plan and its letter, the agency's rules).
OWED_FROM = (SecurityMeeting, Submission, SpecialPlan, Letter, ReportRule)
# The self-assessments kept: a form's state, or a round (its forms made, its deadline changed, deleted in the admin).
ASSESSED = (AssessmentRound, SelfAssessment)


def _marked(entry, obj) -> tuple[set[int], bool] | None:
    """The agencies whose rows a change moves, and whether their filings owed move too (None: no row moves)."""
    # Deadlines of every agency may move (a change may also move an override out of a scope): rare, in the admin.
    if isinstance(obj, CalendarOverride) or (isinstance(obj, ReportRule) and obj.agency_id is None):
        return set(Agency.objects.values_list("pk", flat=True)), True
    if entry.action == "agency.move":  # the subtree now counts working days in another county's calendar
        return set(Agency.objects.filter(path__startswith=obj.path).values_list("pk", flat=True)), True
    prefix = next((p for p in WATCHED if entry.action.startswith(p)), None)
    if prefix is None and not isinstance(obj, (TrackedItem, *OWED_FROM, *ASSESSED)):
        return None
    owed = isinstance(obj, OWED_FROM) or bool(prefix and WATCHED[prefix])
    ids = {entry.agency_id, getattr(obj, "agency_id", None)}
    if isinstance(obj, AssessmentRound) and obj.pk:  # a round asks other agencies too (a superior's round)
        ids |= set(SelfAssessment.objects.filter(round_id=obj.pk).values_list("agency_id", flat=True))
    return ids - {None}, owed


def on_audit(entry, obj, access: bool) -> None:
    """Audit listener: a change of an agency's tracked items, meetings, filings, plans or their rules (by their
    services, or in the admin) marks its row, and the record's own agency (a superior acknowledging a filing); the
    rows are refreshed when the service has finished, in its transaction (a delete comes after its audit row).
    A change outside any service (the admin) refreshes at once, a delete once it is committed. A look changes
    nothing."""
    marked = None if access else _marked(entry, obj)
    if not marked or not marked[0]:
        return
    ids, owed = marked
    if not in_service():
        if entry.action.endswith(".delete"):  # the admin audits a delete before making it: count after it
            transaction.on_commit(lambda: refresh(ids, owed=owed))
        else:
            refresh(ids, owed=owed)
        return
    if not hasattr(_pending, "ids"):
        _pending.ids = {}
    for pk in ids:
        _pending.ids[pk] = _pending.ids.get(pk, False) or owed


def on_service_finish() -> None:
    ids = getattr(_pending, "ids", None)
    if ids:
        _pending.ids = {}
        for owed in (True, False):
            if chosen := [pk for pk, o in ids.items() if o is owed]:
                refresh(chosen, owed=owed)


# --- reading ------------------------------------------------------------------------------------------


class Kept(NamedTuple):  # (a tuple: hundreds are made per view, faster than a frozen dataclass)
    agency_id: int
    open_due: dict
    meetings: dict
    filings: dict
    owed: dict
    assessed: dict


KEPT = ("open_due", "meetings", "filings", "owed", "assessed")
TREND_YEARS = 10  # the board's trend: the years up to today's


class Figures(NamedTuple):
    """One agency's figures on the board for this year as of a day (the names of AgencyRow's fields)."""

    received: int
    late: int
    missing: int
    pending: int
    meetings_held: int
    overdue_items: int
    assessments_done: int
    assessments_due: int
    assessments_overdue: int


class Counted(NamedTuple):
    agency_id: int
    figures: Figures
    meetings: list[int]  # meetings held and filings first sent in each of the TREND_YEARS up to the day's year
    filings: list[int]


def _decoded(texts) -> list[list]:
    """Rows of (pk, JSON text, …) decoded in one call: a superior reads hundreds, and decoding each column of each
    row on its own cost more than the query."""
    return json.loads("[" + ",".join(f"[{pk},{','.join(columns)}]" for pk, *columns in texts) + "]")


def read(agency_ids, *, uncounted_on: dt.date | None = None) -> list[Kept]:
    """The agencies' rows (`agency_ids`: a list or a query of them), as plain values: one query, no model
    instances. `uncounted_on`: only the rows whose figures are not counted for that day (read_counted reads
    the others)."""
    rows = AgencySummary.objects.filter(agency_id__in=agency_ids)
    if uncounted_on is not None:
        rows = rows.exclude(counted_on=uncounted_on)
    return [Kept(*r) for r in _decoded(rows.values_list("agency_id", *(Cast(name, TextField()) for name in KEPT)))]


def read_counted(agency_ids, today: dt.date) -> list[Counted]:
    """The figures of the agencies' rows counted for `today` (one query, a few numbers per agency)."""
    texts = AgencySummary.objects.filter(agency_id__in=agency_ids, counted_on=today).values_list(
        "agency_id", Cast("figures", TextField()))
    return [Counted(pk, Figures(*f["n"]), f["meetings"], f["filings"]) for pk, f in _decoded(texts)]


def figures_compute(row: Kept, today: dt.date) -> dict | None:
    """The row's figures for `today` as the board counts them from the kept columns (owed_counts, overdue_items,
    assessed_counts, years); None when it keeps another year's filings owed or self-assessments."""
    year = today.year
    if row.owed.get("year") != year or row.assessed.get("year") != year:
        return None
    owed = owed_counts(row.owed["rows"], today.isoformat())
    trend = range(year - TREND_YEARS + 1, year + 1)
    meetings, filings = years([row], trend[0], today)
    return {"n": [owed["received"], owed["late"], owed["missing"], owed["pending"], owed["held"],
                  overdue_items([row], today)[row.agency_id],
                  *assessed_counts(row.assessed["rounds"], today.isoformat())],
            "meetings": [meetings.get(y, 0) for y in trend], "filings": [filings.get(y, 0) for y in trend]}


def owed_states(rows: Iterable[Kept], year: int, today: dt.date) -> dict[int, dict[str, int]]:
    """Per agency whose row keeps `year`, owed_counts of its filings: the count the board shows. Agencies missing
    here are counted live (owed_counts of owed_rows of submissions.selectors.expectations)."""
    limit = today.isoformat()
    return {r.agency_id: owed_counts(r.owed["rows"], limit) for r in rows if r.owed.get("year") == year}


def owed_counts(owed: Iterable[list[str]], limit: str) -> dict[str, int]:
    """Filings owed (owed_rows) for the events up to `limit` (today, ISO) by state (received, late, missing,
    pending: submissions.selectors.filing_state), and the meetings held."""
    counts = {"received": 0, "late": 0, "missing": 0, "pending": 0, "held": 0}
    for kind, event, due, sent in owed:
        # as expectations(): a meeting held by today, a plan's results once its period has ended
        if (kind == Kind.MINUTES and event > limit) or (kind == Kind.PLAN_RESULTS and event >= limit):
            continue
        counts[filing_state(sent, due, limit)] += 1
        counts["held"] += kind == Kind.MINUTES
    return counts


def overdue_items(rows: Iterable[Kept], today: dt.date) -> dict[int, int]:
    """Open tracked items with a due date before today, per agency (as the register's overdue filter counts)."""
    limit = today.isoformat()
    return {r.agency_id: sum(n for day, n in r.open_due.items() if day and day < limit) for r in rows}


def years(rows: Iterable[Kept], first: int, today: dt.date) -> tuple[dict[int, int], dict[int, int]]:
    """Meetings held (up to today) and filings first sent, per year from `first`, over the agencies. (A past year's
    meetings are kept under the year alone, which sorts before any day of a later year.)"""
    meetings: dict[int, int] = defaultdict(int)
    filings: dict[int, int] = defaultdict(int)
    limit, low = today.isoformat(), f"{first:04d}"
    for r in rows:
        for day, n in r.meetings.items():
            if low <= day <= limit:
                meetings[int(day[:4])] += n
        for year, n in r.filings.items():
            if year >= low:
                filings[int(year)] += n
    return dict(meetings), dict(filings)


def assessed_states(rows: Iterable[Kept], year: int, today: dt.date) -> dict[int, tuple[int, int, int]]:
    """Per agency whose row keeps `year`, its self-assessments (sent, not yet sent, past the deadline unsent) as the
    board counts them (assessed_counts). Agencies missing here are counted live (assessed_compute)."""
    limit = today.isoformat()
    return {r.agency_id: assessed_counts(r.assessed["rounds"], limit) for r in rows
            if r.assessed.get("year") == year}


def assessed_counts(rounds: Iterable[list], limit: str) -> tuple[int, int, int]:
    """(sent, due, overdue) of forms kept by deadline (assessed_compute): unsent ones are overdue once `limit`
    (today, ISO) is past their deadline."""
    sent = due = overdue = 0
    for deadline, done, total in rounds:
        sent += done
        if deadline < limit:
            overdue += total - done
        else:
            due += total - done
    return sent, due, overdue
