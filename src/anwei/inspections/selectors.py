"""Reads of checklists, rounds, assessments, inspections and device checks; always scoped by the policy.

Lists return querysets with everything a page prints joined or annotated, so a page's
query count does not grow with the number of units.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from anwei.core import workdays
from anwei.core.models import CalendarOverride
from anwei.inspections.models import (
    Answer, AssessmentRound, ChecklistItem, ChecklistTemplate, DailyCheck, DeviceSystem, Evidence, Finding,
    Inspection, RepairRecord, SelfAssessment, Verdict,
)
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit


def _get_or_404(qs: QuerySet, pk: int, person: Person, action: str, message: str):
    obj = qs.filter(pk=pk).first()
    if obj is None or not policy.may(person, action, obj):
        raise Http404(message)
    return obj


# --- checklists ------------------------------------------------------------------------------------------

def checklist_list(*, person: Person) -> QuerySet[ChecklistTemplate]:
    s = policy.scope(person, "inspections.checklist.view")
    return (ChecklistTemplate.objects.filter(s.q(agency="agency", unit=None)).select_related("agency")
            .annotate(item_count=Count("items", filter=Q(items__is_current=True)))
            .order_by("agency__path", "order", "id"))


def checklist_get(*, person: Person, pk: int, action: str = "inspections.checklist.view") -> ChecklistTemplate:
    return _get_or_404(ChecklistTemplate.objects.select_related("agency"), pk, person, action, "找不到此檢查表")


def checklist_items(*, template: ChecklistTemplate) -> list[ChecklistItem]:
    return list(template.items.filter(is_current=True).order_by("order", "key"))


def checklist_item_get(*, person: Person, pk: int) -> ChecklistItem:
    item = ChecklistItem.objects.select_related("template__agency").filter(pk=pk).first()
    if item is None or not policy.may(person, "inspections.checklist.manage", item.template):
        raise Http404("找不到此檢查項目")
    return item


def checklists_for(*, agency: Agency) -> QuerySet[ChecklistTemplate]:
    return ChecklistTemplate.objects.filter(agency=agency, is_active=True).order_by("order", "id")


# --- rounds and assessments ------------------------------------------------------------------------------

def round_list(*, person: Person) -> QuerySet[AssessmentRound]:
    s = policy.scope(person, "inspections.round.view")
    return (AssessmentRound.objects.filter(s.q(agency="agency", unit=None)).select_related("agency")
            .annotate(total=Count("assessments", distinct=True),
                      submitted=Count("assessments", filter=Q(assessments__status=SelfAssessment.Status.SUBMITTED),
                                      distinct=True))
            .order_by("-deadline", "-id"))


def round_get(*, person: Person, pk: int, action: str = "inspections.round.view") -> AssessmentRound:
    return _get_or_404(AssessmentRound.objects.select_related("agency", "plan_assignment__letter"), pk, person,
                       action, "找不到此自評梯次")


def round_completion(*, rnd: AssessmentRound, status: str = "") -> QuerySet[SelfAssessment]:
    """Every respondent of a round with its status and count of 不符合; one query per page."""
    qs = (SelfAssessment.objects.filter(round=rnd).select_related("unit", "agency", "filled_by", "confirmed_by")
          .annotate(nonconform=Count("answers", filter=Q(answers__verdict=Verdict.NONCONFORM)))
          .order_by("agency__path", "unit__order", "unit_id", "id"))
    if status:
        qs = qs.filter(status=status)
    return qs


def round_summary(*, rnd: AssessmentRound) -> dict[str, int]:
    rows = SelfAssessment.objects.filter(round=rnd).values("status").annotate(n=Count("id"))
    counts = {r["status"]: r["n"] for r in rows}
    total = sum(counts.values())
    submitted = counts.get(SelfAssessment.Status.SUBMITTED, 0)
    return {"total": total, "submitted": submitted, "awaiting_head": counts.get(SelfAssessment.Status.AWAITING_HEAD, 0),
            "draft": counts.get(SelfAssessment.Status.DRAFT, 0),
            "percent": round(100 * submitted / total) if total else 0}


def round_nonconformities(*, rnd: AssessmentRound) -> QuerySet[Answer]:
    return (Answer.objects.filter(assessment__round=rnd, verdict=Verdict.NONCONFORM)
            .select_related("assessment__unit", "assessment__agency")
            .order_by("assessment__agency__path", "assessment__unit__order", "assessment_id", "item_id"))


def assessment_list(*, person: Person) -> QuerySet[SelfAssessment]:
    """The forms a person may open: a unit's own, an agency's, or all under an officer."""
    s = policy.scope(person, "inspections.assessment.view")
    return (SelfAssessment.objects.filter(s.q(agency="agency", unit="unit"))
            .select_related("round", "round__agency", "unit", "agency").order_by("-round__deadline", "unit__order"))


def assessment_todo(*, person: Person) -> QuerySet[SelfAssessment]:
    """Forms waiting for this person: to fill (liaison, or an agency's ethics officer) or to confirm (head)."""
    fill = policy.scope(person, "inspections.assessment.fill")
    fill_agency = policy.scope(person, "inspections.assessment.fill_agency")
    confirm = policy.scope(person, "inspections.assessment.confirm")
    confirm_agency = policy.scope(person, "inspections.assessment.confirm_agency")
    draft, awaiting = SelfAssessment.Status.DRAFT, SelfAssessment.Status.AWAITING_HEAD
    q = (Q(status=draft) & (fill.q(agency=None, unit="unit") | (Q(unit__isnull=True)
                                                                 & fill_agency.q(agency="agency", unit=None))))
    q |= (Q(status__in=[draft, awaiting]) & confirm.q(agency=None, unit="unit"))
    q |= (Q(status__in=[draft, awaiting], unit__isnull=True) & confirm_agency.q(agency="agency", unit=None))
    return (SelfAssessment.objects.filter(q, round__closed=False).select_related("round", "unit", "agency")
            .order_by("round__deadline", "id"))


def assessment_get(*, person: Person, pk: int) -> SelfAssessment:
    return _get_or_404(SelfAssessment.objects.select_related("round", "round__agency", "unit", "agency",
                                                             "filled_by", "confirmed_by"),
                       pk, person, "inspections.assessment.view", "找不到此自評表")


# --- inspections and deficiencies ------------------------------------------------------------------------

def inspection_list(*, person: Person, kind: str = "") -> QuerySet[Inspection]:
    s = policy.scope(person, "inspections.inspection.view")
    ids = Inspection.objects.filter(s.q(agency="agency", unit="units")).values("pk")
    qs = (Inspection.objects.filter(pk__in=ids).select_related("agency", "template")
          .prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("order", "id")))
          .annotate(deficiency_count=Count("findings", filter=Q(findings__kind=Finding.Kind.DEFICIENCY)))
          .order_by("-date", "-id"))
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def inspection_get(*, person: Person, pk: int, action: str = "inspections.inspection.view") -> Inspection:
    return _get_or_404(Inspection.objects.select_related("agency", "template").prefetch_related("units"),
                       pk, person, action, "找不到此檢查紀錄")


def inspection_findings(*, inspection: Inspection) -> list[Finding]:
    """Findings with evidence; a tracked deficiency also gets `open_round_id`, the progress round
    (tracking) where its unit reports the correction and the officer releases it."""
    from anwei.tracking.models import ProgressRound

    findings = list(inspection.findings.select_related("unit", "tracked_item")
                    .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related("stored")))
                    .order_by("kind", "order", "id"))
    tracked = [f.tracked_item_id for f in findings if f.tracked_item_id]
    rounds = dict(ProgressRound.objects.filter(items__in=tracked, closed_at__isnull=True)
                  .values_list("items", "id")) if tracked else {}
    for f in findings:
        f.open_round_id = rounds.get(f.tracked_item_id)
    return findings


def finding_get(*, person: Person, pk: int, action: str = "inspections.inspection.manage") -> Finding:
    finding = (Finding.objects.select_related("inspection__agency", "unit", "tracked_item").filter(pk=pk).first())
    if finding is None or not policy.may(person, action, finding.inspection):
        raise Http404("找不到此檢查發現")
    return finding


def evidence_get(*, person: Person, pk: int) -> Evidence:
    evidence = Evidence.objects.select_related("stored", "finding__inspection__agency").filter(pk=pk).first()
    if evidence is None or not policy.may(person, "inspections.inspection.view", evidence.finding.inspection):
        raise Http404("找不到此檔案")
    return evidence


def deficiency_list(*, person: Person, state: str = "") -> QuerySet[Finding]:
    """Every deficiency the person may see, with its tracking state; a unit sees those it leads."""
    s = policy.scope(person, "inspections.inspection.view")
    qs = (Finding.objects.filter(kind=Finding.Kind.DEFICIENCY)
          .filter(s.q(agency="inspection__agency", unit="unit"))
          .select_related("inspection", "inspection__agency", "unit", "tracked_item")
          .order_by("-inspection__date", "inspection_id", "order", "id"))
    from anwei.tracking.models import TrackedItem
    released = TrackedItem.Status.RELEASED
    if state == "open":
        qs = qs.exclude(tracked_item__status=released)
    elif state == "closed":
        qs = qs.filter(tracked_item__status=released)
    return qs


# --- device checks ---------------------------------------------------------------------------------------

def device_system_list(*, person: Person) -> QuerySet[DeviceSystem]:
    s = policy.scope(person, "inspections.device.view")
    return (DeviceSystem.objects.filter(s.q(agency="agency", unit="unit")).select_related("agency", "unit", "site")
            .annotate(open_repairs=Count("repairs", filter=Q(repairs__repaired_on__isnull=True)))
            .order_by("agency__path", "order", "id"))


def device_system_get(*, person: Person, pk: int, action: str = "inspections.device.view") -> DeviceSystem:
    return _get_or_404(DeviceSystem.objects.select_related("agency", "unit"), pk, person, action, "找不到此設備")


def device_systems_to_check(*, person: Person) -> QuerySet[DeviceSystem]:
    s = policy.scope(person, "inspections.device.check")
    return (DeviceSystem.objects.filter(s.q(agency="agency", unit="unit"), is_active=True)
            .select_related("agency", "unit").order_by("agency__path", "order", "id"))


def repair_list(*, person: Person, open_only: bool = False) -> QuerySet[RepairRecord]:
    s = policy.scope(person, "inspections.device.view")
    qs = (RepairRecord.objects.filter(s.q(agency="system__agency", unit="system__unit"))
          .select_related("system", "system__agency", "system__unit").order_by("-opened_on", "-id"))
    return qs.filter(repaired_on__isnull=True) if open_only else qs


def repair_get(*, person: Person, pk: int, action: str = "inspections.device.view") -> RepairRecord:
    return _get_or_404(RepairRecord.objects.select_related("system", "system__agency", "system__unit"), pk, person,
                       action, "找不到此維修紀錄")


@dataclass(frozen=True)
class DayChecks:
    """One day's recorded checks of some systems. Its version, the sum of the checks' versions, grows
    with every check recorded or changed that day, so a day's form carries it like a row's version."""

    date: dt.date
    checks: list[DailyCheck]

    @property
    def version(self) -> int:
        return sum(c.version for c in self.checks)


def day_checks(*, systems: list[DeviceSystem], date: dt.date) -> DayChecks:
    """The checks recorded on `date` for `systems` (already scoped: device_systems_to_check)."""
    return DayChecks(date, list(DailyCheck.objects.filter(system__in=systems, date=date)
                                .select_related("system", "checked_by").order_by("system__order", "system_id")))


def workday_list(start: dt.date, end: dt.date) -> list[dt.date]:
    """Working days from start to end inclusive, with one query for the overrides."""
    if end < start:
        return []
    overrides = dict(CalendarOverride.objects.filter(date__range=(start, end)).values_list("date", "is_workday"))
    days = ((start + dt.timedelta(days=i)) for i in range((end - start).days + 1))
    return [d for d in days if workdays._with(d, overrides)]


def month_sheet(*, systems: list[DeviceSystem], year: int, month: int) -> dict:
    """The seed's 31-day form: for each day, each system's check (or None), and whether it was a working day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, monthrange(year, month)[1])
    checks = {(c.system_id, c.date): c for c in DailyCheck.objects.filter(
        system__in=systems, date__range=(first, last)).select_related("checked_by")}
    working = set(workday_list(first, last))
    days = []
    for n in range(1, 32):
        try:
            day = dt.date(year, month, n)
        except ValueError:
            days.append({"n": n, "date": None, "workday": False, "cells": [], "checkers": []})
            continue
        cells = [checks.get((s.pk, day)) for s in systems]
        checkers = list(dict.fromkeys(str(c.checked_by) for c in cells if c and c.checked_by_id))
        days.append({"n": n, "date": day, "workday": day in working, "cells": cells, "checkers": checkers})
    return {"first": first, "last": last, "days": days}


def missed_days(*, systems: list[DeviceSystem], start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
    """Working days in [start, end] on which a system (in service then) has no entry."""
    if not systems:
        return {}
    days = workday_list(start, end)
    done = set(DailyCheck.objects.filter(system__in=systems, date__range=(start, end))
               .values_list("system_id", "date"))
    return {s.pk: [d for d in days if d >= s.in_service_from and (s.pk, d) not in done] for s in systems}


def device_month_units(*, person: Person, agency: Agency) -> list[Unit]:
    ids = device_system_list(person=person).filter(agency=agency).values_list("unit_id", flat=True)
    return list(Unit.objects.filter(pk__in=ids).order_by("order", "id"))


def agencies_for(*, person: Person, action: str) -> QuerySet[Agency]:
    s = policy.scope(person, action)
    return Agency.objects.filter(policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None)
                                 .q(agency=None, unit=None)).order_by("path")



def plan_assignments_for(*, agency: Agency):
    """Plans dispatched to this agency (as a whole) that a self-assessment round can carry out."""
    from anwei.plans.models import Assignment

    return (Assignment.objects.filter(agency=agency, unit__isnull=True, letter__dispatched_at__isnull=False)
            .select_related("letter", "letter__agency", "agency").order_by("-id"))


def sites_for(*, agency: Agency):
    from anwei.footage.models import Site

    return Site.objects.filter(agency=agency, active=True).order_by("order", "id")


def site_device_counts(systems) -> dict[int, int]:
    """How many registered devices (footage's registry) each system covers; one query."""
    from anwei.footage.models import Device

    site_ids = {s.site_id for s in systems if s.site_id}
    if not site_ids:
        return {}
    rows = (Device.objects.filter(site__in=site_ids, active=True).values("site_id", "kind")
            .annotate(n=Count("id")))
    by = {(r["site_id"], r["kind"]): r["n"] for r in rows}
    return {s.pk: sum(by.get((s.site_id, k), 0) for k in s.footage_kinds()) for s in systems if s.site_id}


def work_reports_for(*, person: Person, agency: Agency):
    """The agency's meeting work reports this person may edit (meetings' own rule), newest meeting first."""
    from anwei.meetings.models import Report

    if not policy.may(person, "meeting.manage", agency):
        return Report.objects.none()
    return (Report.objects.filter(meeting__agency=agency, kind=Report.Kind.WORK).select_related("meeting")
            .order_by("-meeting__date", "order")[:10])
