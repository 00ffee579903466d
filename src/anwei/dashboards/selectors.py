"""The figures of the two dashboards, read through the policy in a fixed number of queries.

- The agency's dashboard (its head; its ethics officer sees the same): decisions awaited, open and overdue
  tracked items by unit, how long items stay open, the last meetings' trend, incidents by category this
  year, daily-check and self-assessment figures.
- The superior office's dashboard: one row per subordinate agency for a year (meetings held against the
  rule's number, filings received / late / missing, results of the office's plans received / overdue,
  overdue tracked items, incidents by category, and the statistics registry's counts — numbers only,
  never a name), sortable, filterable by kind of agency, worst first; and the years held as a trend.

Every figure that has a list behind it carries that list's URL with the same filters, so a figure and its
list always count the same thing (tests/dashboards checks each).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from anwei.assessments.models import SelfAssessment
from anwei.core import clock
from anwei.core.workdays import workdays_between
from anwei.dashboards import summary
from anwei.duties import selectors as duty_selectors
from anwei.incidents.models import Category
from anwei.incidents.selectors import incident_list
from anwei.meetings.models import SecurityMeeting
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.plans.models import Assignment, Letter
from anwei.portal.obligations import obligations_for
from anwei.portal.workreport import count_columns, count_rows, period_datetimes
from anwei.submissions import selectors as filings
from anwei.tracking.models import TrackedItem, TrackingDecision

OPEN = [TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED]
AGE_BUCKETS = ((90, "未滿3個月"), (180, "3至6個月"), (365, "6個月至1年"), (None, "1年以上"))
TREND_MEETINGS = 6


def tracking_url(agency_id: int, **filters) -> str:
    return reverse("tracking:register") + "?" + urlencode({"agency": agency_id, **filters})


def incidents_url(agency_id: int, category: str, roc_year: int) -> str:
    return reverse("incidents:index") + "?" + urlencode({"agency": agency_id, "category": category, "year": roc_year})


def duties_url(office_id: int, agency_id: int, state: str) -> str:
    return reverse("dashboards:superior_duties") + "?" + urlencode({"office": office_id, "agency": agency_id,
                                                                    "state": state})


def assessments_url(office_id: int, agency_id: int, roc_year: int, state: str) -> str:
    return reverse("dashboards:superior_assessments") + "?" + urlencode(
        {"office": office_id, "agency": agency_id, "year": roc_year, "state": state})


def outgoing_url(agency_id: int, state: str, roc_year: int) -> str:
    return reverse("submissions:outgoing", args=[agency_id]) + "?" + urlencode({"year": roc_year, "state": state})


# --- the agency head ---------------------------------------------------------------------------------


@dataclass
class UnitRow:
    unit: Unit
    open: int = 0
    overdue: int = 0

    @property
    def in_time(self) -> int:
        return self.open - self.overdue


@dataclass
class AgencyBoard:
    agency: Agency
    year: int  # Gregorian
    awaiting: list  # obligations awaiting the person's decision
    units: list[UnitRow]
    open_total: int
    overdue_total: int
    ages: list[tuple[str, int]]
    trend: list[dict]  # per meeting: label, opened, released, carried, url
    incidents: list[tuple[str, str, int]]  # (category value, label, count)
    device_days: int
    workdays: int
    assessments: int
    inspections: int
    rounds: list[dict] = field(default_factory=list)  # this year's self-assessment rounds: title, done, total

    @property
    def roc_year(self) -> int:
        return self.year - 1911


def board_agency(*, person: Person, agency_id: int | None) -> Agency:
    agencies = policy.granting_agencies(person, "dashboards.agency")
    agencies = [a for a in agencies if policy.may(person, "dashboards.agency", a)]
    if not agencies:
        raise Http404("沒有可檢視的機關")
    if agency_id is None:
        return agencies[0]
    for a in agencies:
        if a.pk == agency_id:
            return a
    raise Http404("找不到此機關")


def _unit_rows(agency: Agency, today: dt.date) -> tuple[list[UnitRow], int, int, list[tuple[str, int]]]:
    """Open items per unit as the register's unit filter counts them (lead, co-unit, or 各科室)."""
    units = list(Unit.objects.filter(agency=agency).order_by("order", "id"))
    items = list(TrackedItem.objects.filter(agency=agency, status__in=OPEN)
                 .values_list("pk", "lead_unit_id", "all_units", "due_date", "origin_date", "created_at"))
    co = defaultdict(set)
    for item_id, unit_id in TrackedItem.co_units.through.objects.filter(
            trackeditem__agency=agency, trackeditem__status__in=OPEN).values_list("trackeditem_id", "unit_id"):
        co[item_id].add(unit_id)
    rows = {u.pk: UnitRow(u) for u in units}
    ages = [0] * len(AGE_BUCKETS)
    overdue_total = 0
    for pk, lead, all_units, due, origin_date, created in items:
        late = due is not None and due < today
        overdue_total += late
        targets = set(rows) if all_units else ({lead} | co[pk]) & set(rows)
        for u in targets:
            rows[u].open += 1
            rows[u].overdue += late
        age = (today - (origin_date or timezone.localtime(created).date())).days
        for i, (limit, _) in enumerate(AGE_BUCKETS):
            if limit is None or age < limit:
                ages[i] += 1
                break
    shown = sorted((r for r in rows.values() if r.open), key=lambda r: (-r.overdue, -r.open, r.unit.order))
    return shown, len(items), overdue_total, [(label, n) for (_, label), n in zip(AGE_BUCKETS, ages)]


def _trend(agency: Agency, today: dt.date) -> list[dict]:
    meetings = list(SecurityMeeting.objects.filter(agency=agency, date__lte=today).order_by("-date", "-pk")
                    .values("pk", "roc_year", "sequence")[:TREND_MEETINGS])[::-1]
    ids = [m["pk"] for m in meetings]
    ct = ContentType.objects.get_for_model(SecurityMeeting)
    opened = dict(TrackedItem.objects.filter(agency=agency, origin_type=ct, origin_id__in=ids)
                  .values_list("origin_id").annotate(n=Count("pk")))
    decided = defaultdict(dict)
    for target, decision, n in (TrackingDecision.objects.filter(round__target_type=ct, round__target_id__in=ids)
                                .values_list("round__target_id", "decision").annotate(n=Count("pk"))):
        decided[target][decision] = n
    return [{"label": f"{m['roc_year']}-{m['sequence']}", "name": f"{m['roc_year']}年第{m['sequence']}次",
             "opened": opened.get(m["pk"], 0),
             "released": decided[m["pk"]].get(TrackingDecision.Decision.RELEASE, 0),
             "carried": decided[m["pk"]].get(TrackingDecision.Decision.CONTINUE, 0),
             "url": tracking_url(agency.pk, origin=f"meeting:{m['pk']}")} for m in meetings]


def agency_board(*, person: Person, agency: Agency, today: dt.date | None = None) -> AgencyBoard:
    today = today or clock.today()
    start = dt.date(today.year, 1, 1)
    units, open_total, overdue_total, ages = _unit_rows(agency, today)
    lo, hi = period_datetimes(start, today)
    by_cat = dict(incident_list(person=person).filter(agency=agency, discovered_at__gte=lo, discovered_at__lt=hi)
                  .order_by().values_list("category").annotate(n=Count("pk")))
    counts = dict(zip([c.key for _, c in count_columns()], count_rows([agency.pk], start, today)[agency.pk]))
    return AgencyBoard(
        agency=agency, year=today.year,
        awaiting=[o for o in obligations_for(person) if o.approval and o.agency_id in (agency.pk, None)],
        units=units, open_total=open_total, overdue_total=overdue_total, ages=ages, trend=_trend(agency, today),
        incidents=[(v, label, by_cat.get(v, 0)) for v, label in Category.choices],
        device_days=counts.get("days", 0), workdays=workdays_between(start, today),
        assessments=counts.get("assessments", 0), inspections=counts.get("inspections", 0),
        rounds=_rounds(agency, today))


def _rounds(agency: Agency, today: dt.date) -> list[dict]:
    """Completion of this year's self-assessment rounds the agency started (one grouped query)."""
    return list(SelfAssessment.objects.filter(round__agency=agency, round__deadline__gte=dt.date(today.year, 1, 1),
                                              round__deadline__lte=dt.date(today.year, 12, 31))
                .order_by("round__deadline", "round_id").values("round_id", "round__title", "round__deadline")
                .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=SelfAssessment.Status.SUBMITTED))))


# --- the superior office -----------------------------------------------------------------------------


class AgencyRef(NamedTuple):
    """What the superior's board shows of an agency (hundreds of them: plain values, not model instances)."""

    pk: int
    name: str
    kind: str
    path: str
    code: str

    def get_kind_display(self) -> str:
        return Agency.Kind(self.kind).label


@dataclass
class AgencyRow:
    agency: AgencyRef
    meetings_held: int = 0
    meetings_expected: int = 0
    received: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0
    results_received: int = 0
    results_overdue: int = 0
    overdue_items: int = 0
    duties_done: int = 0  # recurring duties (inspections at their frequency, reviews, meetings): their states
    duties_due: int = 0
    duties_overdue: int = 0
    assessments_done: int = 0  # this year's self-assessments of the agency: sent, not yet sent, late
    assessments_due: int = 0
    assessments_overdue: int = 0
    incidents: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # the statistics registry's columns

    @property
    def meetings_short(self) -> int:
        return max(self.meetings_expected - self.meetings_held, 0)

    @property
    def assessments_total(self) -> int:
        return self.assessments_done + self.assessments_due + self.assessments_overdue

    @property
    def assessments_rate(self) -> int | None:
        """Per cent sent of this year's self-assessments (None when none was asked)."""
        return round(100 * self.assessments_done / self.assessments_total) if self.assessments_total else None

    @property
    def duties_total(self) -> int:
        return self.duties_done + self.duties_due + self.duties_overdue

    @property
    def score(self) -> int:
        """Worst first: what is owed and late weighs most."""
        return (3 * self.missing + 2 * self.results_overdue + self.overdue_items + self.late + 2 * self.meetings_short
                + 2 * self.duties_overdue + self.assessments_overdue)


SORTS = {
    "worst": (lambda r: (-r.score, r.agency.path), "需關注程度"),
    "name": (lambda r: (r.agency.path,), "機關"),
    "missing": (lambda r: (-r.missing, r.agency.path), "逾期未報"),
    "overdue": (lambda r: (-r.overdue_items, r.agency.path), "逾期列管事項"),
    "results": (lambda r: (-r.results_overdue, r.agency.path), "計畫成果逾期"),
    "meetings": (lambda r: (-r.meetings_short, r.agency.path), "會議不足"),
    "duties": (lambda r: (-r.duties_overdue, r.agency.path), "定期工作逾期"),
    "assessments": (lambda r: (-r.assessments_overdue, r.agency.path), "自評逾期"),
}


@dataclass
class SuperiorBoard:
    office: Agency
    offices: list[Agency]
    year: int
    kind: str
    sort: str
    rows: list[AgencyRow]
    columns: list  # (provider, Column) of the statistics registry
    years: list[dict]  # the trend over the years held

    @property
    def roc_year(self) -> int:
        return self.year - 1911

    def totals(self) -> dict[str, int]:
        keys = ("meetings_held", "meetings_expected", "received", "late", "missing", "results_received",
                "results_overdue", "overdue_items", "duties_done", "duties_due", "duties_overdue", "assessments_done",
                "assessments_due", "assessments_overdue")
        if not self.rows:
            return dict.fromkeys(keys, 0)
        return dict(zip(keys, map(sum, zip(*map(attrgetter(*keys), self.rows)))))


def board_office(*, person: Person, office_id: int | None) -> tuple[Agency, list[Agency]]:
    offices = policy.granting_agencies(person, "rollup.view")
    if not offices:
        raise Http404("您不是上級政風人員")
    if office_id is None:
        return offices[0], offices
    for o in offices:
        if o.pk == office_id:
            return o, offices
    raise Http404("找不到此機關")


def superior_board(*, person: Person, office: Agency, offices: list[Agency], year: int, kind: str = "",
                   sort: str = "worst", today: dt.date | None = None) -> SuperiorBoard:
    """Every subordinate agency's row for `year`; a fixed number of queries whatever the subtree's size
    or history (each figure is one grouped query over the agencies, limited to the year, or read from their
    summary rows: as many rows as agencies, however many years they hold)."""
    today = today or clock.today()
    agencies = Agency.objects.filter(path__startswith=office.path).exclude(pk=office.pk).order_by("path")
    if kind in Agency.Kind.values:
        agencies = agencies.filter(kind=kind)
    rows = {r[0]: AgencyRow(AgencyRef(*r)) for r in agencies.values_list("pk", "name", "kind", "path", "code")}
    ids = list(rows)
    # One summary row per agency holds what needs its whole history (open items by due date, meetings, filings),
    # and this year's figures as counted for today (by the daily job, or when the row last changed): those are read
    # alone; the others are counted here from their rows.
    within = agencies.values("pk")  # the agencies as a subquery: hundreds of ids are not sent one by one
    counted = summary.read_counted(within, today) if ids and year == today.year else []
    for c in counted:
        row = rows[c.agency_id]
        (row.received, row.late, row.missing, row.pending, row.meetings_held, row.overdue_items, row.assessments_done,
         row.assessments_due, row.assessments_overdue) = c.figures
    counted_ids = {c.agency_id for c in counted}
    summaries = (summary.read(within, uncounted_on=today if counted else None) if len(counted_ids) < len(ids)
                 else [])
    start, end = filings.year_span(year, today)
    if ids and start <= end:
        # This year's filings owed as kept in the summaries; those of another year (or not kept) are counted live.
        owed = summary.owed_states(summaries, year, today)
        live = [pk for pk in ids if pk not in owed and pk not in counted_ids]
        for pk, expected in (filings.expectations(live, year=year, today=today) if live else {}).items():
            owed[pk] = summary.owed_counts(summary.owed_rows(expected), today.isoformat())
        for pk, counts in owed.items():
            row = rows[pk]
            row.received, row.late, row.missing, row.pending = (counts["received"], counts["late"], counts["missing"],
                                                                counts["pending"])
            row.meetings_held = counts["held"]
        for pk, n in filings.meetings_expected(ids, year=year, today=today, among=within).items():
            rows[pk].meetings_expected = n
        for pk, n in summary.overdue_items(summaries, today).items():
            rows[pk].overdue_items = n
        # From the office's letters of the year (a handful), not from every agency-level assignment ever made.
        letters = list(Letter.objects.filter(agency=office, date__gte=start, date__lte=end)
                       .values_list("pk", flat=True))
        # Counted per agency in the database, the unit tested in the counts: filtering on it, SQLite read every
        # agency-level assignment through its index.
        whole = Q(unit_id__isnull=True)
        for pk, received, overdue in (
                Assignment.objects.filter(letter_id__in=letters, agency_id__in=within).order_by().values("agency_id")
                .annotate(received=Count("pk", filter=whole & Q(reported_at__isnull=False)),
                          overdue=Count("pk", filter=whole & Q(reported_at__isnull=True, due__lt=today)))
                .values_list("agency_id", "received", "overdue")):
            rows[pk].results_received, rows[pk].results_overdue = received, overdue
    for pk, state, n in _duty_counts(ids, today, among=within):
        setattr(rows[pk], f"duties_{state}", n)
    # This year's self-assessments as kept in the summaries; those of another year (or not kept) counted live.
    assessed = summary.assessed_states(summaries, year, today)
    for pk, kept in (summary.assessed_compute([pk for pk in ids if pk not in assessed and pk not in counted_ids],
                                              year) if len(assessed) + len(counted_ids) < len(ids) else {}).items():
        assessed[pk] = summary.assessed_counts(kept["rounds"], today.isoformat())
    for pk, (done, due, overdue) in assessed.items():
        rows[pk].assessments_done, rows[pk].assessments_due, rows[pk].assessments_overdue = done, due, overdue
    key = SORTS.get(sort, SORTS["worst"])[0]
    return SuperiorBoard(office=office, offices=offices, year=year, kind=kind, sort=sort if sort in SORTS else "worst",
                         rows=sorted(rows.values(), key=key), columns=count_columns(),
                         years=_years(summaries, counted, today))


def rows_detail(*, person: Person, board: SuperiorBoard, rows: list[AgencyRow], today: dt.date | None = None) -> None:
    """Incidents by category and the statistics registry's counts for the rows shown (a page of the table,
    or all of them for the export): these are read only for what is shown, so a county of hundreds of
    agencies costs one page's worth."""
    today = today or clock.today()
    start, end = filings.year_span(board.year, today)
    by_pk = {r.agency.pk: r for r in rows}
    ids = list(by_pk)
    if not ids or end < start:
        return
    lo, hi = period_datetimes(start, end)
    # Through the incidents policy: a category the superior may not see (Incident.superior_sees) is not counted.
    for pk, cat, n in (incident_list(person=person).filter(agency_id__in=ids, discovered_at__gte=lo, discovered_at__lt=hi)
                       .order_by().values_list("agency_id", "category").annotate(n=Count("pk"))):
        by_pk[pk].incidents[cat] = n
    for pk, values in count_rows(ids, start, end).items():
        by_pk[pk].counts = {c.key: v for (_, c), v in zip(board.columns, values)}


def _years(summaries: list[summary.Kept], counted: list[summary.Counted], today: dt.date) -> list[dict]:
    """Per year held (up to ten): meetings held and filings received by the office's agencies (their summaries, and
    the years counted for today)."""
    first = today.year - summary.TREND_YEARS + 1
    meetings, received = summary.years(summaries, first, today)
    if counted:  # each agency's ten years, summed column by column
        for totals, columns in ((meetings, zip(*(c.meetings for c in counted))),
                                (received, zip(*(c.filings for c in counted)))):
            for y, column in enumerate(columns, start=first):
                totals[y] = totals.get(y, 0) + sum(column)
    held = {y for y, n in meetings.items() if n} | {y for y, n in received.items() if n}  # from the first year held
    years = list(range(min(held), max(held) + 1)) if held else []  # a year without any is a zero, not a gap
    return [{"year": y, "roc": y - 1911, "meetings": meetings.get(y, 0), "received": received.get(y, 0)}
            for y in years]


# --- recurring duties and self-assessments of the subordinate agencies ------------------------------------

DUTY_STATES = duty_selectors.STATE_LABELS
ASSESSMENT_STATES = {"done": "已送出", "due": "尚未送出（未逾期）", "overdue": "逾期未送出"}


def _duty_states(agency_ids: list[int], today: dt.date,
                 among=None) -> list[tuple[int, str, duty_selectors.DutyState]]:
    """Each active recurring duty of the agencies (their own and their superiors' for the subtree) with its state
    (a fixed number of queries: duties.selectors; `among`: the agencies as a subquery, for hundreds)."""
    duties = duty_selectors.active_duties(agency_ids=agency_ids, today=today, among=among) if agency_ids else []
    return [(s.duty.agency_id, s.state(today), s) for s in duty_selectors.states(duties)]


def _duty_counts(agency_ids: list[int], today: dt.date, among=None) -> list[tuple[int, str, int]]:
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for pk, state, _ in _duty_states(agency_ids, today, among):
        counts[(pk, state)] += 1
    return [(pk, state, n) for (pk, state), n in counts.items()]


def _assessment_state(status: str, deadline: dt.date, today: dt.date) -> str:
    if status == SelfAssessment.Status.SUBMITTED:
        return "done"
    return "overdue" if deadline < today else "due"


def _subtree_agencies(office: Agency, agency_id: int | None) -> list[Agency]:
    agencies = Agency.objects.filter(path__startswith=office.path).exclude(pk=office.pk).order_by("path")
    if agency_id is not None:
        agencies = agencies.filter(pk=agency_id)
        if not agencies.exists():
            raise Http404("找不到此機關")
    return list(agencies.only("pk", "name", "kind", "path"))


@dataclass
class DutyLine:
    agency: Agency
    state: str
    duty: object
    last_done: dt.date | None
    next_due: dt.date

    @property
    def state_label(self) -> str:
        return DUTY_STATES[self.state]


def subordinate_duties(*, office: Agency, agency_id: int | None = None, state: str = "",
                       today: dt.date | None = None) -> list[DutyLine]:
    """For each subordinate agency (or one), each active recurring duty: last done, next date, state. Names of
    duties and agencies only: a duty record holds no personal data."""
    today = today or clock.today()
    agencies = {a.pk: a for a in _subtree_agencies(office, agency_id)}
    lines = [DutyLine(agencies[pk], st, s.duty, s.last_done, s.next_due)
             for pk, st, s in _duty_states(list(agencies), today) if not state or st == state]
    return sorted(lines, key=lambda x: (x.agency.path, x.duty.order))


@dataclass
class AssessmentLine:
    agency: Agency
    state: str
    round_title: str
    deadline: dt.date
    filler: str  # the unit's name, or the agency's when the agency answers as a whole

    @property
    def state_label(self) -> str:
        return ASSESSMENT_STATES[self.state]


def subordinate_assessments(*, office: Agency, year: int, agency_id: int | None = None, state: str = "",
                            today: dt.date | None = None) -> list[AssessmentLine]:
    today = today or clock.today()
    agencies = {a.pk: a for a in _subtree_agencies(office, agency_id)}
    lines = []
    for pk, status, title, deadline, unit in (summary.year_assessments(list(agencies), year)
                                               .values_list("agency_id", "status", "round__title", "round__deadline",
                                                            "unit__name")):
        st = _assessment_state(status, deadline, today)
        if not state or st == state:
            lines.append(AssessmentLine(agencies[pk], st, title, deadline, unit or agencies[pk].name))
    return sorted(lines, key=lambda x: (x.agency.path, x.deadline, x.round_title, x.filler))
