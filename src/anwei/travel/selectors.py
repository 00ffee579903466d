"""Reads of travel records. Travel records are personal data: each read is scoped to the
traveller, the reviewers (the unit head, the ethics unit of the reviewing agency), and the
personnel unit of the traveller's agency. Everyone else gets nothing (views answer 404)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import access_log
from anwei.core.models import AuditEntry
from anwei.core.rulebook import RuleBook
from anwei.lib import ruletree
from anwei.orgs import policy, posts
from anwei.orgs.models import Agency, Person, Unit
from anwei.travel.models import (HKMO, ClassifiedRetiree, ReturnReport, RuleKind, Status, TravelApplication,
                                 TravelRule)


class NoRuleError(ValidationError):
    """No rule of this kind is in force: the request cannot be judged (shown on top of the form)."""

    def __init__(self, kind: str, on: dt.date):
        super().__init__(f"{on.isoformat()}尚無有效的「{RuleKind(kind).label}」規定，請系統管理者設定赴陸規定。")


INHERITED = ("declarations", "approval", "note", "basis")
BOOK = RuleBook(TravelRule, inherited=INHERITED)


def _line(agency: Agency) -> Q:
    return BOOK.line(agency)


def _matches(r: TravelRule, *, agency: Agency, person: Person | None, purpose: str) -> bool:
    """A row's conditions (官等、職等以上、機關類別、事由) all hold; empty conditions always do."""
    if r.grade and getattr(person, "grade", "") != r.grade:
        return False
    if r.rank_min and not (getattr(person, "rank", None) and person.rank >= r.rank_min):
        return False
    if r.agency_kind and agency.kind != r.agency_kind:
        return False
    return not r.purpose or r.purpose == purpose


def _signature(r: TravelRule) -> tuple:
    return (r.grade, r.rank_min or 0, r.agency_kind, r.purpose)


def _resolve(agency: Agency, rules, on: dt.date, *, person: Person | None = None, purpose: str = ""
             ) -> TravelRule | None:
    """Rows whose conditions hold, grouped by their conditions; the most specific group with a row in force
    decides (within it: anwei.lib.ruletree), and empty parts come from the rows behind, then the general ones."""
    rows = [r for r in rules if _matches(r, agency=agency, person=person, purpose=purpose)]
    groups: dict[tuple, list[TravelRule]] = {}
    for r in rows:
        groups.setdefault(_signature(r), []).append(r)
    ranked = sorted(groups, key=lambda sig: (sum(bool(x) for x in sig), sig), reverse=True)
    behind: list[TravelRule] = []
    winner = None
    for sig in ranked:
        order = BOOK.ordered(agency, groups[sig], on)
        if winner is None and order:
            winner, order = order[0], order[1:]
        behind += order
    return ruletree.complete(winner, behind, INHERITED) if winner is not None else None


def trip_rule_kinds(region: str, meets_specified: bool) -> tuple[str, str]:
    """(lead kind, report kind) of a trip: the mainland's application rules, or Hong Kong / Macau's notices
    (a longer lead when meeting specified persons; after return, the report of an unplanned meeting)."""
    if region in HKMO:
        return (RuleKind.HKMO_MEETING if meets_specified else RuleKind.HKMO_NOTICE), RuleKind.HKMO_UNPLANNED
    return RuleKind.APPLICATION_LEAD, RuleKind.RETURN_REPORT


def rule_in_force(*, agency: Agency, kind: str, on: dt.date, person: Person | None = None,
                  purpose: str = "") -> TravelRule:
    """The rule that applies to something filed on `on` (anwei.lib.ruletree: latest start date, nearer agency,
    a superior's fixed row; empty optional parts from the rows behind it)."""
    found = _resolve(agency, TravelRule.objects.filter(_line(agency), kind=kind, starts_on__lte=on)
                     .select_related("agency"), on, person=person, purpose=purpose)
    if found is None:
        raise NoRuleError(kind, on)
    return found


def rule_completed(rule: TravelRule, *, on: dt.date) -> TravelRule:
    """A rule fixed at filing, with its empty optional parts from the rows behind it on the filing day."""
    return BOOK.completed(rule, on)


def rules_in_force(*, agency: Agency, on: dt.date, person: Person | None = None) -> list[TravelRule]:
    """Every kind's rule in force on a day (one query), for the page that tells staff the deadlines (the rows
    with conditions that hold for `person`; without a person, the general rows)."""
    rows = list(TravelRule.objects.filter(_line(agency), starts_on__lte=on).select_related("agency"))
    found = [_resolve(agency, [r for r in rows if r.kind == k], on, person=person) for k in RuleKind.values]
    return [r for r in found if r is not None]


LEAD_KINDS = (RuleKind.APPLICATION_LEAD, RuleKind.RETIREE_LEAD)


def rule_example(*, kind: str, period, agency: Agency, on: dt.date) -> str:
    """What a rule means on a given day, in the agency's calendar: 「115年12月3日提出的申請，出發日最早為…」."""
    from anwei.core.periods import due
    from anwei.lib.rocdate import format_with_weekday as roc
    from anwei.travel.deadlines import apply_by

    if kind in LEAD_KINDS:
        # The earliest departure whose last filing day is still `on` or later.
        day = due(on, period, agency)
        while apply_by(departure_on=day - dt.timedelta(days=1), period=period, agency=agency) >= on:
            day -= dt.timedelta(days=1)
        what = "提出的申請" if kind == RuleKind.APPLICATION_LEAD else "收到的申報"
        return f"{roc(on)}{what}，出發日最早為{roc(day)}（出發日前{period.text()}）"
    return f"{roc(on)}返臺者，應於{roc(due(on, period, agency))}以前通報（返臺後{period.text()}內）"


def rule_rows(*, agency: Agency) -> list[TravelRule]:
    """Every row that can apply to the agency (nationwide, its superiors', its own), newest first."""
    return BOOK.rows(agency)


def rule_locked_by(*, agency: Agency, kind: str, on: dt.date) -> TravelRule | None:
    """A superior's fixed row that forbids the agency its own row of `kind` from `on`."""
    return BOOK.locked_by(agency, kind, on)


def personnel_agency_ids(person: Person) -> set[int]:
    """Agencies whose personnel unit (人事室) this person belongs to (by their unit or a membership)."""
    cached = getattr(person, "_travel_personnel", None)
    if cached is None:
        if not getattr(person, "is_authenticated", False):
            cached = set()
        else:
            cached = set(Unit.objects.filter(is_personnel=True)
                         .filter(Q(pk=person.unit_id) | Q(memberships__person=person))
                         .values_list("agency_id", flat=True))
        person._travel_personnel = cached
    return cached


def _visible_q(person: Person) -> Q:
    q = Q(traveller_id=person.pk)
    q |= policy.scope(person, "travel.review_unit").q(agency="agency", unit="unit")
    q |= policy.scope(person, "travel.review_ethics").q(agency="reviewing_agency", unit=None)
    personnel = personnel_agency_ids(person)
    if personnel:
        q |= Q(agency_id__in=personnel, retiree__isnull=True)
    return q


def application_list(*, person: Person) -> QuerySet[TravelApplication]:
    if not getattr(person, "is_authenticated", False):
        return TravelApplication.objects.none()
    return (TravelApplication.objects.filter(_visible_q(person))
            .select_related("agency", "reviewing_agency", "unit", "return_report")
            .order_by("-filed_on", "-id"))


def application_get(*, person: Person, pk: int) -> TravelApplication:
    app = (application_list(person=person).select_related("traveller", "retiree", "unit_reviewer", "ethics_reviewer",
                                                           "lead_rule", "report_rule")
           .filter(pk=pk).first())
    if app is None:
        raise Http404("找不到此赴陸申請")
    return app


def unit_head_vacant(apps: list[TravelApplication], on: dt.date | None = None) -> set[int]:
    """Applications at the unit review whose unit has no unit head on the day (two queries)."""
    waiting = [a for a in apps if a.status == Status.UNIT_REVIEW and a.unit_id]
    vacant = posts.unit_heads_vacant(((a.agency_id, a.unit_id) for a in waiting), on or clock.today())
    return {a.pk for a in waiting if (a.agency_id, a.unit_id) in vacant}


def may_review_unit(person: Person, app: TravelApplication) -> bool:
    """The unit head (or their deputy); when the unit has lost its head since the filing, the next step's
    holder — the reviewing agency's ethics unit — reviews in its place."""
    if app.status != Status.UNIT_REVIEW or app.traveller_id == person.pk:
        return False
    if policy.may(person, "travel.review_unit", app):
        return True
    return (app.pk in unit_head_vacant([app])
            and policy.may(person, "travel.review_ethics", app.reviewing_agency))


def unit_review_label(person: Person, app: TravelApplication) -> str:
    if policy.may(person, "travel.review_unit", app):
        return posts.record_label(person, acting_for=policy.acting_for(person, "travel.review_unit", app))
    return posts.record_label(person, vacancy=f"{app.unit.name}單位主管出缺", verb="審核")


def may_review_ethics(person: Person, app: TravelApplication) -> bool:
    return (app.status == Status.ETHICS_REVIEW and app.traveller_id != person.pk
            and policy.may(person, "travel.review_ethics", app.reviewing_agency))


def is_reviewer(person: Person, app: TravelApplication) -> bool:
    """Holds a reviewing role for this record, whatever its current step."""
    return (policy.may(person, "travel.review_ethics", app.reviewing_agency)
            or (app.unit_id is not None and policy.may(person, "travel.review_unit", app)))


def ethics_agencies(person: Person) -> QuerySet[Agency]:
    """Agencies where this person is the ethics unit (may see overdue lists and retirees)."""
    s = policy.scope(person, "travel.review_ethics")
    return Agency.objects.filter(pk__in=s.agency_ids).order_by("path")


def overdue_list(*, person: Person, today: dt.date) -> QuerySet[TravelApplication]:
    """Approved trips (and retiree declarations) whose return report is past due and not filed."""
    s = policy.scope(person, "travel.review_ethics")
    return (TravelApplication.objects.filter(s.q(agency="reviewing_agency", unit=None))
            .filter(status__in=[Status.APPROVED, Status.DECLARED], report_due__lt=today, return_report__isnull=True)
            .select_related("agency", "unit").order_by("report_due", "id"))


def retiree_list(*, person: Person) -> QuerySet[ClassifiedRetiree]:
    s = policy.scope(person, "travel.retirees")
    return (ClassifiedRetiree.objects.filter(s.q(agency="agency", unit=None)).select_related("agency")
            .annotate(trip_count=Count("trips")).order_by("full_name", "id"))


def retiree_get(*, person: Person, pk: int) -> ClassifiedRetiree:
    retiree = retiree_list(person=person).filter(pk=pk).first()
    if retiree is None:
        raise Http404("找不到此人員")
    return retiree


def statistics_agency_get(*, person: Person, pk: int) -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not policy.may(person, "travel.statistics", agency):
        raise Http404("找不到此機關")
    return agency


def statistics_agencies(*, person: Person) -> QuerySet[Agency]:
    s = policy.scope(person, "travel.statistics")
    return Agency.objects.filter(s.q(agency=None, unit=None)).order_by("path")


def report_sentence(count: int) -> str:
    """The line the meeting work report quotes (seed 000, 秘書單位工作報告 五(四))."""
    return f"公務員赴大陸地區返臺通報案件計{count}件"


def travel_statistics(agency: Agency, start: dt.date, end: dt.date, *, include_subtree: bool = False) -> dict:
    """Counts for the work report, for `agency`'s own staff and retirees (with include_subtree, also
    those of every agency below it), from start to end inclusive.

    applications: applications filed in the period; late_applications: of those, filed after the
    lead time; return_reports: return reports filed in the period (serving staff); late_reports:
    of those, filed after the due date; overdue_unreported: approved trips whose report was due in
    the period and is still missing; retiree_*: the same for classified retirees.
    Three queries whatever the data size.
    """
    where = Q(agency__path__startswith=agency.path) if include_subtree else Q(agency=agency)
    apps = TravelApplication.objects.filter(where, filed_on__range=(start, end))
    a = apps.aggregate(
        applications=Count("id", filter=Q(retiree__isnull=True)),
        late_applications=Count("id", filter=Q(retiree__isnull=True, late_filing=True)),
        approved=Count("id", filter=Q(retiree__isnull=True, status=Status.APPROVED)),
        refused=Count("id", filter=Q(retiree__isnull=True, status=Status.REFUSED)),
        retiree_declarations=Count("id", filter=Q(retiree__isnull=False)),
        retiree_late_declarations=Count("id", filter=Q(retiree__isnull=False, late_filing=True)),
    )
    r = ReturnReport.objects.filter(where, filed_on__range=(start, end)).aggregate(
        return_reports=Count("id", filter=Q(application__retiree__isnull=True)),
        late_reports=Count("id", filter=Q(application__retiree__isnull=True, late=True)),
        retiree_reports=Count("id", filter=Q(application__retiree__isnull=False)),
        retiree_late_reports=Count("id", filter=Q(application__retiree__isnull=False, late=True)),
    )
    today = timezone.localdate()
    o = TravelApplication.objects.filter(
        where, status__in=[Status.APPROVED, Status.DECLARED], report_due__range=(start, end),
        report_due__lt=today, return_report__isnull=True,
    ).aggregate(overdue_unreported=Count("id"))
    result = {"agency": agency.name, "include_subtree": include_subtree, "start": start, "end": end, **a, **r, **o}
    result["sentence"] = report_sentence(result["return_reports"])
    return result


def work_report_period(start: dt.date, end: dt.date, today: dt.date | None = None) -> str:
    """A period as the work report writes it: 「109年度迄今」 for this year so far, else both dates."""
    from anwei.lib.rocdate import format_short, roc_year

    if start == dt.date(end.year, 1, 1) and end == (today or timezone.localdate()):
        return f"{roc_year(end)}年度迄今"
    return f"{format_short(start)}至{format_short(end)}"


def travel_work_report_sentence(agency: Agency, start: dt.date, end: dt.date, *, today: dt.date | None = None,
                                include_subtree: bool = False) -> str:
    """The line the meeting work report inserts, e.g. 「109年度迄今公務員赴大陸地區返臺通報案件計0件」."""
    stats = travel_statistics(agency, start, end, include_subtree=include_subtree)
    return work_report_period(start, end, today) + stats["sentence"]


# --- home page reminders (each part a fixed number of queries) ---

def my_open_trips(person: Person) -> list[TravelApplication]:
    """The person's own trips that need something from them: correction or a return report."""
    return list(TravelApplication.objects.filter(traveller=person)
                .filter(Q(status=Status.RETURNED)
                        | Q(status=Status.APPROVED, return_report__isnull=True))
                .order_by("report_due", "id")[:50])


def review_queue(*, person: Person) -> QuerySet[TravelApplication]:
    """Applications at a step this person decides (never their own)."""
    unit_scope = policy.scope(person, "travel.review_unit")
    ethics_scope = policy.scope(person, "travel.review_ethics")
    if unit_scope.empty and ethics_scope.empty:
        return TravelApplication.objects.none()
    q = Q(status=Status.UNIT_REVIEW) & unit_scope.q(agency="agency", unit="unit")
    q |= Q(status=Status.ETHICS_REVIEW) & ethics_scope.q(agency="reviewing_agency", unit=None)
    return TravelApplication.objects.filter(q).exclude(traveller_id=person.pk).order_by("departure_on", "id")


def reviews_waiting(person: Person) -> list[TravelApplication]:
    """What waits on this person's review now, with the unit reviews the ethics unit takes over from a unit
    that has no head (the vacancy rule: marked `vacancy`)."""
    apps = list(review_queue(person=person)[:50])
    ethics = policy.scope(person, "travel.review_ethics").agency_ids
    if ethics:
        taken = (TravelApplication.objects.filter(status=Status.UNIT_REVIEW, reviewing_agency__in=ethics,
                                                  unit__isnull=False)
                 .exclude(traveller_id=person.pk).exclude(pk__in=[a.pk for a in apps]).select_related("unit")
                 .order_by("departure_on", "id")[:50])
        taken = list(taken)
        vacant = unit_head_vacant(taken)
        for app in taken:
            if app.pk in vacant:
                app.vacancy = f"{app.unit.name}單位主管出缺"
                apps.append(app)
    return apps


def overdue_count(person: Person, today: dt.date) -> int:
    if policy.scope(person, "travel.review_ethics").empty:
        return 0
    return overdue_list(person=person, today=today).count()


def retiree_reports_waiting(person: Person, today: dt.date) -> list[TravelApplication]:
    """Retiree declarations whose return report the ethics officer still has to record."""
    s = policy.scope(person, "travel.review_ethics")
    if s.empty:
        return []
    return list(TravelApplication.objects.filter(s.q(agency="reviewing_agency", unit=None))
                .filter(status=Status.DECLARED, return_report__isnull=True, report_due__gte=today)
                .order_by("report_due", "id")[:50])



VIEW_ACTIONS = {"travel.view": "檢視申請", "travel.view.document": "下載申請表", "travel.view.report": "下載返臺通報表"}


def application_view_log(*, person: Person, app: TravelApplication) -> list[AuditEntry] | None:
    """Who looked at the application (for the agency's ethics officer; None for anyone else)."""
    if not policy.may(person, "travel.access_log", app.agency):
        return None
    return access_log(app, VIEW_ACTIONS)
