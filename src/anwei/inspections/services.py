"""Writes of inspections, their findings (deficiencies go under tracking) and evidence.

Each service runs in one transaction and writes its audit row inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from anwei.assessments.models import ChecklistTemplate, Verdict
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.core.uploads import stored_file_delete, stored_file_save
from anwei.inspections.models import Evidence, Finding, Inspection
from anwei.inspections.selectors import inspection_check_rows
from anwei.lib import rocdate
from anwei.orgs.models import Agency, Person, Unit

INSPECTION_FIELDS = ["title", "kind", "mode", "date", "inspectors", "template", "scope_note"]


def _check_inspection(agency: Agency, units: list[Unit], template: ChecklistTemplate | None) -> None:
    errors = {}
    if any(u.agency_id != agency.pk for u in units):
        errors["units"] = "只能選擇本機關的單位。"
    if template is not None and template.agency_id != agency.pk:
        errors["template"] = "只能選擇本機關的檢查表。"
    if errors:
        raise ValidationError(errors)


def _inspection_snapshot(inspection: Inspection) -> dict:
    return {**snapshot(inspection), "units": sorted(u.pk for u in inspection.units.all())}


@service
def inspection_create(*, actor: Person, agency: Agency, title: str, kind: str, mode: str, date: dt.date,
                      inspectors: str, units: Iterable[Unit] = (), template: ChecklistTemplate | None = None,
                      scope_note: str = "") -> Inspection:
    units = list(units)
    _check_inspection(agency, units, template)
    inspection = Inspection.objects.create(agency=agency, title=title.strip(), kind=kind, mode=mode, date=date,
                                           inspectors=inspectors.strip(), template=template,
                                           scope_note=scope_note, created_by=actor)
    inspection.units.set(units)
    audit_record(actor=actor, action="inspections.inspection_create", obj=inspection,
                 after=_inspection_snapshot(inspection))
    return inspection


@service
def inspection_update(*, actor: Person, inspection: Inspection, expected_version: int, title: str, kind: str,
                      mode: str, date: dt.date, inspectors: str, units: Iterable[Unit],
                      template: ChecklistTemplate | None, scope_note: str) -> Inspection:
    units = list(units)
    _check_inspection(inspection.agency, units, template)
    before = _inspection_snapshot(inspection)
    version_bump(inspection, expected_version)
    inspection.title, inspection.kind, inspection.mode, inspection.date = title.strip(), kind, mode, date
    inspection.inspectors, inspection.template, inspection.scope_note = inspectors.strip(), template, scope_note
    inspection.save(update_fields=["title", "kind", "mode", "date", "inspectors", "template", "scope_note"])
    inspection.units.set(units)
    audit_record(actor=actor, action="inspections.inspection_update", obj=inspection, before=before,
                 after=_inspection_snapshot(inspection))
    return inspection


@service
def inspection_report_mark(*, actor: Person, inspection: Inspection) -> Inspection:
    """The report has been 簽報首長."""
    before = {"status": inspection.status}
    Inspection.objects.filter(pk=inspection.pk).update(status=Inspection.Status.REPORTED)
    inspection.status = Inspection.Status.REPORTED
    audit_record(actor=actor, action="inspections.inspection_reported", obj=inspection, before=before,
                 after={"status": inspection.status})
    return inspection


@service
def inspection_checks_save(*, actor: Person, inspection: Inspection, expected_version: int, unit: Unit | None,
                           values: dict[int, dict], due_date: dt.date | None) -> int:
    """Record the checklist as found in one unit. Each new 不符合 on an item that needs a corrective action
    becomes a deficiency of that unit, tracked to closure. Returns the number of new deficiencies."""
    if unit is not None and not inspection.units.filter(pk=unit.pk).exists():
        raise ValidationError({"unit": "請選擇本次受檢單位。"})
    rows = inspection_check_rows(inspection, unit)
    new_deficiencies = [r for r in rows if (values.get(r.item_id) or {}).get("verdict") == Verdict.NONCONFORM
                        and r.item.corrective_required and r.finding_id is None]
    if new_deficiencies:
        errors = {}
        if unit is None:
            errors["unit"] = "不符合的項目須列為受檢單位的缺失，請先選擇受檢單位。"
        if due_date is None:
            errors["due_date"] = "有不符合的項目，請填寫改善期限。"
        if errors:
            raise ValidationError(errors)
    version_bump(inspection, expected_version)
    before = [snapshot(r, ["item_id", "verdict", "note"]) for r in rows if r.pk]
    for r in rows:
        v = values.get(r.item_id) or {}
        r.verdict, r.note = v.get("verdict") or "", (v.get("note") or "").strip()
        r.save()
    for r in new_deficiencies:
        text = f"{r.item_text.rstrip('。')}：{r.note}" if r.note else f"不符合：{r.item_text}"
        r.finding = finding_add(actor=actor, inspection=inspection, kind=Finding.Kind.DEFICIENCY, text=text,
                                unit=unit, item_text=r.item_text, due_date=due_date)
        r.save(update_fields=["finding"])
    audit_record(actor=actor, action="inspections.inspection_checks_save", obj=inspection,
                 before={"unit": unit.pk if unit else None, "checks": before},
                 after={"unit": unit.pk if unit else None,
                        "checks": [snapshot(r, ["item_id", "verdict", "note", "finding_id"]) for r in rows]})
    return len(new_deficiencies)


def _deficiency_origin_label(inspection: Inspection) -> str:
    """How the tracking engine names the origin: 113年3月5日機關安全狀況檢查."""
    return f"{rocdate.format_short(inspection.date)}{inspection.get_kind_display()}"[:200]


@service
def finding_add(*, actor: Person, inspection: Inspection, kind: str, text: str, unit: Unit | None = None,
                item_text: str = "", due_date: dt.date | None = None, uploads: Iterable = (),
                caption: str = "") -> Finding:
    """Record a finding; a deficiency goes under tracking at once (lead unit, due date)."""
    errors = {}
    if not text.strip():
        errors["text"] = "請填寫內容。"
    if unit is not None and unit.agency_id != inspection.agency_id:
        errors["unit"] = "只能選擇本機關的單位。"
    if kind == Finding.Kind.DEFICIENCY:
        if unit is None:
            errors["unit"] = "缺失請指定主辦改善的單位。"
        if due_date is None:
            errors["due_date"] = "缺失請填寫改善期限。"
        elif due_date < inspection.date:
            errors["due_date"] = "改善期限不能早於檢查日期。"
    if errors:
        raise ValidationError(errors)
    order = (Finding.objects.filter(inspection=inspection, kind=kind).aggregate(m=Max("order"))["m"] or 0) + 1
    finding = Finding.objects.create(inspection=inspection, kind=kind, unit=unit, item_text=item_text.strip(),
                                     text=text.strip(), due_date=due_date, order=order)
    for upload in uploads:
        stored = stored_file_save(actor=actor, agency=inspection.agency, upload=upload)
        Evidence.objects.create(finding=finding, stored=stored, caption=caption.strip())
    audit_record(actor=actor, action="inspections.finding_add", obj=finding, agency=inspection.agency,
                 after={**snapshot(finding), "evidence": list(finding.evidence.values_list("stored_id", flat=True))})
    if kind == Finding.Kind.DEFICIENCY:
        deficiency_track(actor=actor, finding=finding)
    return finding


@service
def deficiency_track(*, actor: Person, finding: Finding):
    """Put a deficiency under tracking through the tracking engine (its progress and release loop)."""
    from anwei.tracking.models import TrackedItem
    from anwei.tracking.services import item_round_ensure, tracked_item_create

    if finding.tracked_item_id:
        return finding.tracked_item
    inspection = finding.inspection
    item = tracked_item_create(
        actor=actor, agency=inspection.agency, source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
        text=finding.text, lead_unit=finding.unit, due_date=finding.due_date,
        source=finding, origin_label=_deficiency_origin_label(inspection),
        roc_year=rocdate.roc_year(inspection.date))
    Finding.objects.filter(pk=finding.pk).update(tracked_item=item)
    finding.tracked_item = item
    audit_record(actor=actor, action="inspections.deficiency_track", obj=finding, agency=inspection.agency,
                 after={"tracked_item": item.pk})
    item_round_ensure(actor=actor, item=item, title=f"{inspection.title}缺失改善情形填報")
    return item


@service
def finding_update(*, actor: Person, finding: Finding, expected_version: int, text: str, item_text: str = "",
                   unit: Unit | None = None, due_date: dt.date | None = None) -> Finding:
    """Correct a finding, if nobody has saved it since `expected_version` (else ConflictError with the
    saved row). A tracked deficiency's text, lead unit and due date change in the tracking engine too
    (through its own service, so its audit and versioning apply)."""
    errors = {}
    if not text.strip():
        errors["text"] = "請填寫內容。"
    if unit is not None and unit.agency_id != finding.inspection.agency_id:
        errors["unit"] = "只能選擇本機關的單位。"
    if finding.kind == Finding.Kind.DEFICIENCY:
        if unit is None:
            errors["unit"] = "缺失請指定主辦改善的單位。"
        if due_date is None:
            errors["due_date"] = "缺失請填寫改善期限。"
    if errors:
        raise ValidationError(errors)
    before = snapshot(finding)
    version_bump(finding, expected_version)
    finding.text, finding.item_text, finding.unit, finding.due_date = text.strip(), item_text.strip(), unit, due_date
    finding.save(update_fields=["text", "item_text", "unit", "due_date"])
    audit_record(actor=actor, action="inspections.finding_update", obj=finding, agency=finding.inspection.agency,
                 before=before, after=snapshot(finding))
    if finding.tracked_item_id:
        from anwei.tracking.services import tracked_item_update

        item = finding.tracked_item
        tracked_item_update(actor=actor, item=item, expected_version=item.version, text=finding.text,
                            lead_unit=unit, all_units=False, co_units=list(item.co_units.all()), due_date=due_date)
    return finding


@service
def finding_delete(*, actor: Person, finding: Finding, expected_version: int) -> None:
    """Remove a finding recorded by mistake; a tracked deficiency stays (release it through tracking).
    A finding corrected since the page was opened is not deleted unseen (ConflictError)."""
    if finding.tracked_item_id:
        raise ValidationError("此缺失已列管，請透過列管事項處理。")
    before = snapshot(finding)
    version_bump(finding, expected_version)
    audit_record(actor=actor, action="inspections.finding_delete", obj=finding, agency=finding.inspection.agency,
                 before=before)
    for evidence in list(finding.evidence.select_related("stored")):
        stored = evidence.stored
        evidence.delete()
        stored_file_delete(stored)
    finding.delete()


@service
def evidence_add(*, actor: Person, finding: Finding, upload, caption: str = "") -> Evidence:
    stored = stored_file_save(actor=actor, agency=finding.inspection.agency, upload=upload)
    evidence = Evidence.objects.create(finding=finding, stored=stored, caption=caption.strip())
    audit_record(actor=actor, action="inspections.evidence_add", obj=evidence, agency=finding.inspection.agency,
                 after=snapshot(evidence))
    return evidence


@service
def work_report_insert(*, actor: Person, report, stats: dict):
    """Append the period's counts to a meeting's 工作報告 through the meetings service."""
    from anwei.inspections.stats import work_report_block
    from anwei.meetings import services as meetings

    return meetings.report_append(actor=actor, report=report, text=work_report_block(stats))
