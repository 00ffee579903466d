"""Reads of approvals and filings, always through the policy; and what each agency is expected to file.

`expectations()` answers, for many agencies at once in a fixed number of queries, which filings each owes
this year (a meeting held, a plan dispatched, a plan period ended), their deadlines by the rules in force,
and whether each was received in time, late, or is missing. The superior's dashboard and the agency's own
list read the same answer, so their numbers agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from anwei.core import clock
from anwei.core.workdays import Calendars
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.orgs.selectors import superior_offices_below
from anwei.plans.models import Letter, SpecialPlan
from anwei.meetings.models import SecurityMeeting
from anwei.submissions.models import (DEFAULT_MEETINGS_PER_YEAR, DEFAULT_WORKDAYS, ApprovalRule, Kind,
                                      PlanApproval, ReportRule, Submission, rule_pick)

# --- approval (核定) ---------------------------------------------------------------------------------


def approval_required(*, agency_id: int, on: dt.date | None = None) -> bool:
    rows = list(ApprovalRule.objects.filter(Q(agency_id=agency_id) | Q(agency__isnull=True)))
    found = rule_pick(rows, agency_id, on or clock.today())
    return bool(found and found.required)


def approval_rules_of(*, agency: Agency) -> list[ApprovalRule]:
    return list(ApprovalRule.objects.filter(Q(agency=agency) | Q(agency__isnull=True)))


def plan_for_approval(*, person: Person, pk: int) -> tuple[SpecialPlan, PlanApproval | None]:
    plan = SpecialPlan.objects.select_related("agency").filter(pk=pk).first()
    if plan is None or not policy.may(person, "submissions.approval.view", plan):
        raise Http404("找不到此計畫")
    return plan, PlanApproval.objects.filter(plan=plan).select_related("submitted_by", "decided_by").first()


def approvals_awaiting(*, person: Person) -> QuerySet[PlanApproval]:
    """Plans submitted for the head's 核定 in the agencies where the person decides."""
    return (PlanApproval.objects.filter(policy.scope(person, "submissions.approval.decide").q(unit=None),
                                        status=PlanApproval.Status.SUBMITTED)
            .select_related("plan", "agency").order_by("submitted_at", "pk"))


# --- filings (核備・備查) ------------------------------------------------------------------------------


@dataclass
class Expected:
    """One filing an agency owes: what, by when, and where it stands."""

    agency_id: int
    kind: str
    title: str
    event: dt.date  # the meeting's date, the letter's date, the plan period's end
    due: dt.date
    meeting_id: int | None = None
    plan_id: int | None = None
    submission: Submission | None = None

    @property
    def state(self) -> str:
        """received (in time), late (received after the deadline), missing (not received, past due),
        pending (not received, not yet due)."""
        return self.state_on(clock.today())

    @property
    def sent_state(self) -> str:
        """"received" or "late" once filed, "" while not."""
        s = self.submission
        return "" if s is None else ("late" if s.is_late else "received")

    def state_on(self, today: dt.date) -> str:
        return filing_state(self.sent_state, self.due, today)


def filing_state(sent_state: str, due, today) -> str:
    """A filing's state: as sent (received, late), else missing once today is past its deadline, else pending.
    `due` and `today` are both dates or both ISO strings (the dashboard's summary rows keep strings)."""
    return sent_state or ("missing" if today > due else "pending")

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


STATE_LABELS = {"received": "如期陳報", "late": "逾期陳報", "missing": "逾期未報", "pending": "尚未到期"}


def _rules(agency_ids) -> list[ReportRule]:
    ids = agency_ids if isinstance(agency_ids, QuerySet) else list(agency_ids)
    return list(ReportRule.objects.filter(Q(agency_id__in=ids) | Q(agency__isnull=True)))


def rule_values(rows: list[ReportRule], agency_id: int, kind: str, on: dt.date) -> tuple[int, int]:
    """(working days, meetings per year) for one agency and kind on a day."""
    return _rule_values([r for r in rows if r.kind == kind], agency_id, kind, on)


def _rule_values(rows: list[ReportRule], agency_id: int, kind: str, on: dt.date) -> tuple[int, int]:
    found = rule_pick(rows, agency_id, on)
    if found is None:
        return DEFAULT_WORKDAYS[Kind(kind)], DEFAULT_MEETINGS_PER_YEAR
    return found.workdays, found.per_year


def year_span(year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)


def expectations(agency_ids: Iterable[int] | QuerySet, *, year: int, today: dt.date | None = None) -> dict[int, list[Expected]]:
    """Per agency (ids, or a queryset of agencies), the filings owed for events of `year` up to today, due by each
    agency's own calendar (a county's typhoon day moves its agencies' deadlines only). Seven queries whatever the
    number of agencies (their paths, rules, calendar overrides, meetings, plans, letters and filings of one year)."""
    today = today or clock.today()
    # Hundreds of ids in five queries: as a subquery, not one by one (Django prepares each value of a list).
    ids = agency_ids if isinstance(agency_ids, QuerySet) else Agency.objects.filter(pk__in=list(agency_ids))
    ids = ids.order_by().values("pk")
    paths = dict(Agency.objects.filter(pk__in=ids).values_list("pk", "path"))
    start, end = year_span(year, today)
    out: dict[int, list[Expected]] = {pk: [] for pk in paths}
    if end < start or not paths:
        return out
    rules = _rules(ids)
    by_kind = {k: [r for r in rules if r.kind == k] for k in Kind.values}
    own = {k: {r.agency_id for r in rows if r.agency_id} for k, rows in by_kind.items()}
    calendars = Calendars(start, end + dt.timedelta(days=120))
    # Hundreds of agencies share a handful of calendars and rules (most have none of their own, and one letter
    # dispatches a plan to all of them on one date): each deadline is counted once.
    mine: dict[int, object] = {}
    memo: dict[tuple, dt.date] = {}

    def due(agency_id: int, kind: str, day: dt.date) -> dt.date:
        if agency_id not in mine:
            mine[agency_id] = calendars.for_scope(paths.get(agency_id, ""))
        key = (id(mine[agency_id]), agency_id if agency_id in own[kind] else None, kind, day)
        if key not in memo:
            memo[key] = mine[agency_id].add(day, _rule_values(by_kind[kind], agency_id, kind, day)[0])
        return memo[key]

    for pk, agency_id, date, roc_year, sequence in (
            SecurityMeeting.objects.filter(agency_id__in=ids, date__gte=start, date__lte=end)
            .values_list("pk", "agency_id", "date", "roc_year", "sequence").order_by("date", "pk")):
        out[agency_id].append(Expected(agency_id, Kind.MINUTES,
                                       f"安全維護會報{roc_year}年第{sequence}次會議紀錄及裁示事項辦理情形",
                                       date, due(agency_id, Kind.MINUTES, date), meeting_id=pk))
    plans = list(SpecialPlan.objects.filter(agency_id__in=ids, year=year - 1911)
                 .values_list("pk", "agency_id", "title", "period_end").order_by("period_start", "pk"))
    # The letters of those plans by their own unique index, the plans named (PostgreSQL joined them to every letter
    # of every year, or read them all when given the plans as a subquery).
    dispatched = dict(Letter.objects.filter(plan_id__in=[p[0] for p in plans], dispatched_at__isnull=False)
                      .values_list("plan_id", "date"))
    for pk, agency_id, title, period_end in plans:
        if pk not in dispatched:
            continue
        sent = dispatched[pk]
        out[agency_id].append(Expected(agency_id, Kind.PLAN_FILING, title, sent, due(agency_id, Kind.PLAN_FILING, sent),
                                       plan_id=pk))
        if period_end < today:
            out[agency_id].append(Expected(agency_id, Kind.PLAN_RESULTS, f"{title}執行成果", period_end,
                                           due(agency_id, Kind.PLAN_RESULTS, period_end), plan_id=pk))
    found = {}
    # The filings of this year's meetings and plans, selected by the same conditions as the events above.
    for s in Submission.objects.filter(Q(meeting__date__gte=start, meeting__date__lte=end) | Q(plan__year=year - 1911),
                                       agency_id__in=ids):
        found[(s.kind, s.meeting_id or s.plan_id)] = s
    for rows in out.values():
        for e in rows:
            e.submission = found.get((e.kind, e.meeting_id or e.plan_id))
    return out


def meetings_expected(agency_ids: list[int], *, year: int, today: dt.date | None = None,
                      among: QuerySet | None = None) -> dict[int, int]:
    """Meetings each agency should have held this year by its rule (one query for the rules; `among`: the agencies
    as a subquery, for hundreds)."""
    today = today or clock.today()
    on = min(today, dt.date(year, 12, 31))
    rules = [r for r in _rules(agency_ids if among is None else among) if r.kind == Kind.MINUTES]
    own = {r.agency_id for r in rules}
    default = _rule_values(rules, None, Kind.MINUTES, on)[1]  # (None: the nationwide rows alone)
    return {pk: _rule_values(rules, pk, Kind.MINUTES, on)[1] if pk in own else default for pk in agency_ids}


def reporting_agency(person: Person) -> Agency | None:
    """The agency whose filings the person sends (their first agency as its ethics officer)."""
    agencies = policy.granting_agencies(person, "submissions.send")
    agencies = [a for a in agencies if policy.may(person, "submissions.send", a) and a.parent_id]
    return agencies[0] if agencies else None


def outgoing(*, person: Person, agency: Agency, year: int) -> list[Expected]:
    if not policy.may(person, "submissions.view", agency):
        raise Http404("找不到此機關")
    return expectations([agency.pk], year=year)[agency.pk]


def inbox(*, person: Person, status: str = "", agency_id: int | None = None, kind: str = "") -> QuerySet[Submission]:
    """Filings the person's superior office receives: from the agencies below it, never its own agency's, and not
    those a nearer superior office below it receives (an office two levels up neither receives nor acknowledges)."""
    qs = Submission.objects.filter(policy.scope(person, "submissions.acknowledge").q(unit=None))
    mine = policy.granting_agencies(person, "submissions.acknowledge")
    qs = qs.exclude(agency_id__in=[a.pk for a in mine])
    for nearer in superior_offices_below(mine):
        qs = qs.exclude(Q(agency__path__startswith=nearer.path) & ~Q(agency_id=nearer.pk))
    if status in Submission.Status.values:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    return qs.select_related("agency").order_by("status", "-sent_at", "-pk")


def submission_get(*, person: Person, pk: int, action: str = "submissions.view") -> Submission:
    s = Submission.objects.select_related("agency", "office").filter(pk=pk).first()
    if s is None or not policy.may(person, action, s):
        raise Http404("找不到此陳報")
    if action == "submissions.acknowledge" and not may_acknowledge(person, s):
        raise Http404("找不到此陳報")
    return s


def may_acknowledge(person: Person, s: Submission) -> bool:
    if not policy.may(person, "submissions.acknowledge", s):
        return False
    mine = policy.granting_agencies(person, "submissions.acknowledge")
    if s.agency_id in {a.pk for a in mine}:
        return False
    return not any(s.agency.path.startswith(n.path) and s.agency_id != n.pk for n in superior_offices_below(mine))


def approvals_returned(*, person: Person) -> QuerySet[PlanApproval]:
    """Plans the head returned, for the officer who resubmits them."""
    return (PlanApproval.objects.filter(policy.scope(person, "submissions.approval.submit").q(unit=None),
                                        status=PlanApproval.Status.RETURNED)
            .select_related("plan", "agency").order_by("decided_at", "pk"))


def approval_of(plan) -> PlanApproval | None:
    return PlanApproval.objects.filter(plan_id=plan.pk).first()


def reporting_parents() -> dict[int, int]:
    """Every agency that reports to a parent, with the parent's id (the reminder pass)."""
    return dict(Agency.objects.filter(parent__isnull=False).values_list("pk", "parent_id"))


def plan_gate(plan):
    """The head's 核定 as a condition on issuing the plan's letter (plans.gates)."""
    from django.urls import reverse

    from anwei.plans.gates import Gate

    required = approval_required(agency_id=plan.agency_id)
    approval = approval_of(plan)
    if not required and approval is None:
        return None
    state = approval.get_status_display() if approval else "尚未送核定"
    blocking = required and (approval is None or approval.status != PlanApproval.Status.APPROVED)
    return Gate("首長核定", state, reverse("submissions:approval", args=[plan.pk]), blocking,
                f"本機關規定專案計畫須經機關首長核定後始得發文；此計畫{state}。")


def agency_for(*, person: Person, pk: int, action: str = "submissions.view") -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not policy.may(person, action, agency):
        raise Http404("找不到此機關")
    return agency


def event_of(*, agency: Agency, kind: str, pk: int):
    """(meeting, plan) a filing refers to, of the agency only."""
    if kind == Kind.MINUTES:
        return SecurityMeeting.objects.filter(pk=pk, agency=agency).first(), None
    return None, SpecialPlan.objects.select_related("letter").filter(pk=pk, agency=agency).first()


def report_rules_in_force(*, agency_id: int) -> list[tuple[str, int, int]]:
    """(kind label, working days, meetings per year) in force today."""
    rows = _rules([agency_id])
    today = clock.today()
    return [(label, *rule_values(rows, agency_id, value, today)) for value, label in Kind.choices]


def approvals_of(*, person: Person, agency: Agency, limit: int = 20) -> list[PlanApproval]:
    """The agency's plans sent for 核定, newest first (its officer and head)."""
    if not policy.may(person, "submissions.approval.view", agency):
        return []
    return list(PlanApproval.objects.filter(agency=agency).select_related("plan")
                .order_by("-submitted_at", "-pk")[:limit])
