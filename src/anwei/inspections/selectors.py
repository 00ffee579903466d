"""Reads of inspections, their findings and deficiencies; always scoped by the policy.

Lists return querysets with everything a page prints joined or annotated, so a page's
query count does not grow with the number of units.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from anwei.assessments.models import AnswerKind, ChecklistItem
from anwei.inspections.models import Evidence, Finding, Inspection, InspectionCheck
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit


def _get_or_404(qs: QuerySet, pk: int, person: Person, action: str, message: str):
    obj = qs.filter(pk=pk).first()
    if obj is None or not policy.may(person, action, obj):
        raise Http404(message)
    return obj


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


def agencies_for(*, person: Person, action: str) -> QuerySet[Agency]:
    s = policy.scope(person, action)
    return Agency.objects.filter(policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None)
                                 .q(agency=None, unit=None)).order_by("path")


def work_reports_for(*, person: Person, agency: Agency):
    """The agency's meeting work reports this person may edit (meetings' own rule), newest meeting first."""
    from anwei.meetings.selectors import work_reports_editable

    return work_reports_editable(person=person, agency=agency)


def inspection_check_rows(inspection: Inspection, unit: Unit | None) -> list[InspectionCheck]:
    """The checklist rows for one inspected unit: those already recorded (frozen text), else the current
    verdict items of the inspection's checklist."""
    rows = list(InspectionCheck.objects.filter(inspection=inspection, unit=unit).select_related("item")
                .order_by("item__order", "item__key"))
    if rows or inspection.template_id is None:
        return rows
    items = ChecklistItem.objects.filter(template=inspection.template_id, is_current=True,
                                         answer_kind=AnswerKind.VERDICT).order_by("order", "key")
    return [InspectionCheck(inspection=inspection, unit=unit, item=i, item_text=i.text, item_version=i.version)
            for i in items]
