"""Writes of checklists, self-assessments, inspections and daily device checks.

Each service runs in one transaction and writes its audit row inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import row_lock, version_bump
from anwei.core.forms import ConflictError
from anwei.core.uploads import stored_file_delete, stored_file_save
from anwei.inspections.defaults import DEFAULT_CHECKLISTS
from anwei.inspections.models import (
    Answer, AnswerKind, AssessmentRound, ChecklistItem, ChecklistTemplate, DailyCheck, DeviceSystem, Evidence,
    Finding, Inspection, InspectionCheck, RepairRecord, SelfAssessment, Verdict,
)
from anwei.inspections.selectors import day_checks
from anwei.lib import rocdate
from anwei.orgs.models import Agency, Person, Unit

ITEM_FIELDS = ["section", "text", "answer_kind", "corrective_required", "order"]


# --- checklists ------------------------------------------------------------------------------------------

@transaction.atomic
def checklist_defaults_install(*, actor: Person | None, agency: Agency) -> list[ChecklistTemplate]:
    """Give an agency its own copy of the default checklists (those it does not have yet)."""
    have = set(ChecklistTemplate.objects.filter(agency=agency).values_list("name", flat=True))
    made = []
    for order, (name, kind, description, items) in enumerate(DEFAULT_CHECKLISTS, start=1):
        if name in have:
            continue
        template = checklist_create(actor=actor, agency=agency, name=name, kind=kind, description=description,
                                    order=order)
        for n, (section, text, answer_kind, corrective) in enumerate(items, start=1):
            checklist_item_add(actor=actor, template=template, section=section, text=text,
                               answer_kind=answer_kind, corrective_required=corrective, order=n * 10)
        made.append(template)
    return made


@transaction.atomic
def checklist_create(*, actor: Person | None, agency: Agency, name: str, kind: str = ChecklistTemplate.Kind.OTHER,
                     description: str = "", order: int | None = None) -> ChecklistTemplate:
    name = name.strip()
    row_lock(agency)  # the name check and the order below, one creation at a time
    if ChecklistTemplate.objects.filter(agency=agency, name=name).exists():
        raise ValidationError({"name": f"本機關已有名為「{name}」的檢查表。"})
    if order is None:
        order = (ChecklistTemplate.objects.filter(agency=agency).aggregate(m=Max("order"))["m"] or 0) + 1
    template = ChecklistTemplate.objects.create(agency=agency, name=name, kind=kind, description=description,
                                                order=order)
    audit_record(actor=actor, action="inspections.checklist_create", obj=template, after=snapshot(template))
    return template


@transaction.atomic
def checklist_update(*, actor: Person, template: ChecklistTemplate, expected_version: int, name: str,
                     kind: str, description: str, is_active: bool) -> ChecklistTemplate:
    name = name.strip()
    if ChecklistTemplate.objects.filter(agency=template.agency_id, name=name).exclude(pk=template.pk).exists():
        raise ValidationError({"name": f"本機關已有名為「{name}」的檢查表。"})
    before = snapshot(template)
    version_bump(template, expected_version)
    template.name, template.kind, template.description, template.is_active = name, kind, description, is_active
    template.save(update_fields=["name", "kind", "description", "is_active"])
    audit_record(actor=actor, action="inspections.checklist_update", obj=template, before=before,
                 after=snapshot(template))
    return template


@transaction.atomic
def checklist_item_add(*, actor: Person | None, template: ChecklistTemplate, text: str, section: str = "",
                       answer_kind: str = AnswerKind.VERDICT, corrective_required: bool = True,
                       order: int | None = None) -> ChecklistItem:
    if not text.strip():
        raise ValidationError({"text": "請填寫檢查項目。"})
    # One addition at a time per checklist: the new key must not be taken by another at the same instant.
    ChecklistTemplate.objects.select_for_update().filter(pk=template.pk).values_list("pk", flat=True).get()
    agg = ChecklistItem.objects.filter(template=template).aggregate(k=Max("key"), o=Max("order"))
    item = ChecklistItem.objects.create(
        template=template, key=(agg["k"] or 0) + 1, version=1, order=order if order is not None else (agg["o"] or 0) + 10,
        section=section.strip(), text=text.strip(), answer_kind=answer_kind, corrective_required=corrective_required)
    audit_record(actor=actor, action="inspections.checklist_item_add", obj=item, agency=template.agency,
                 after=snapshot(item))
    return item


def _item_latest(item: ChecklistItem) -> ChecklistItem:
    return ChecklistItem.objects.filter(template=item.template_id, key=item.key).order_by("-version").first()


@transaction.atomic
def checklist_item_revise(*, actor: Person, item: ChecklistItem, expected_version: int, text: str, section: str,
                          answer_kind: str, corrective_required: bool, order: int) -> ChecklistItem:
    """A new version of the item; the old row stays, unchanged, for the answers that quote it.

    `item` is any version of the question (the one the form was opened on); `expected_version` is the 版次
    the person was looking at. A revision made since then is a conflict carrying the current version, so
    saving again after reading it revises that one."""
    current = (ChecklistItem.objects.select_for_update()
               .filter(template=item.template_id, key=item.key, is_current=True).first())
    if current is None:
        raise ValidationError("此檢查項目已停用，不能再修訂。")
    if current.version != expected_version:
        raise ConflictError(current)
    if not text.strip():
        raise ValidationError({"text": "請填寫檢查項目。"})
    # Conditional, so two revisions racing past the read above cannot both retire the same version.
    if not ChecklistItem.objects.filter(pk=current.pk, is_current=True).update(is_current=False):
        raise ConflictError(_item_latest(item))
    new = ChecklistItem.objects.create(template_id=current.template_id, key=current.key, version=current.version + 1,
                                       order=order, section=section.strip(), text=text.strip(),
                                       answer_kind=answer_kind, corrective_required=corrective_required)
    audit_record(actor=actor, action="inspections.checklist_item_revise", obj=new, agency=item.template.agency,
                 before=snapshot(current, ITEM_FIELDS + ["version"]), after=snapshot(new, ITEM_FIELDS + ["version"]))
    return new


@transaction.atomic
def checklist_item_retire(*, actor: Person, item: ChecklistItem) -> None:
    """Retire the version the person saw (`item`); if it was revised or retired since, nothing changes
    (ConflictError with the current version, ValidationError if already retired)."""
    current = (ChecklistItem.objects.select_for_update()
               .filter(template=item.template_id, key=item.key, is_current=True).first())
    if current is None:
        raise ValidationError("此檢查項目已停用。")
    if current.pk != item.pk:
        raise ConflictError(current)
    ChecklistItem.objects.filter(pk=item.pk).update(is_current=False)
    audit_record(actor=actor, action="inspections.checklist_item_retire", obj=item, agency=item.template.agency,
                 before={"is_current": True}, after={"is_current": False})


# --- self-assessment rounds ------------------------------------------------------------------------------

@transaction.atomic
def round_create(*, actor: Person, agency: Agency, title: str, deadline: dt.date,
                 templates: Iterable[ChecklistTemplate], units: Iterable[Unit] = (),
                 agencies: Iterable[Agency] = (), instructions: str = "", plan_assignment=None) -> AssessmentRound:
    """Ask units of `agency` and/or its subordinate agencies to fill the chosen checklists."""
    templates, units, agencies = list(templates), list(units), list(agencies)
    errors = {}
    if not templates:
        errors["templates"] = "請至少選擇一份檢查表。"
    if not units and not agencies:
        errors["units"] = "請至少選擇一個單位或所屬機關。"
    if deadline < timezone.localdate():
        errors["deadline"] = "填報期限不能早於今天。"
    if any(t.agency_id != agency.pk for t in templates):
        errors["templates"] = "只能選擇本機關的檢查表。"
    if any(u.agency_id != agency.pk for u in units):
        errors["units"] = "只能選擇本機關的單位。"
    if any(a.pk == agency.pk or not a.is_within(agency) for a in agencies):
        errors["agencies"] = "只能選擇所屬機關。"
    if plan_assignment is not None and plan_assignment.agency_id != agency.pk:
        errors["plan_assignment"] = "只能選擇函送本機關的計畫。"
    if errors:
        raise ValidationError(errors)
    rnd = AssessmentRound.objects.create(agency=agency, title=title.strip(), deadline=deadline,
                                         instructions=instructions, created_by=actor, plan_assignment=plan_assignment)
    rnd.templates.set(templates)
    SelfAssessment.objects.bulk_create(
        [SelfAssessment(round=rnd, agency=agency, unit=u) for u in units]
        + [SelfAssessment(round=rnd, agency=a, unit=None) for a in agencies])
    audit_record(actor=actor, action="inspections.round_create", obj=rnd,
                 after={**snapshot(rnd), "templates": [t.pk for t in templates], "units": [u.pk for u in units],
                        "agencies": [a.pk for a in agencies]})
    return rnd


@transaction.atomic
def round_close(*, actor: Person, rnd: AssessmentRound) -> AssessmentRound:
    AssessmentRound.objects.filter(pk=rnd.pk).update(closed=True)
    rnd.closed = True
    audit_record(actor=actor, action="inspections.round_close", obj=rnd, before={"closed": False},
                 after={"closed": True})
    return rnd


@transaction.atomic
def round_remind(*, actor: Person, rnd: AssessmentRound) -> int:
    """催報: every form not yet submitted shows the reminder on its unit's home page. Returns how many."""
    late = SelfAssessment.objects.filter(round=rnd).exclude(status=SelfAssessment.Status.SUBMITTED)
    ids = sorted(late.values_list("pk", flat=True))
    late.update(reminded_at=timezone.now())
    audit_record(actor=actor, action="inspections.round_remind", obj=rnd, after={"assessments": ids})
    return len(ids)


def _current_items(rnd: AssessmentRound) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(template__in=rnd.templates.all(), is_current=True)
                .select_related("template").order_by("template__order", "template_id", "order", "key"))


def assessment_rows(assessment: SelfAssessment) -> list[Answer]:
    """The rows a unit answers: its own answers (frozen text) once started, else the current items."""
    answers = list(assessment.answers.select_related("item").order_by("item__template__order", "item__template_id",
                                                                       "item__order", "item__key"))
    if answers:
        return answers
    return [Answer(assessment=assessment, item=i, template_name=i.template.name, item_text=i.text,
                   item_version=i.version, answer_kind=i.answer_kind) for i in _current_items(assessment.round)]


def _answers_snapshot(assessment: SelfAssessment) -> list[dict]:
    return [{"item": a.item_id, "v": a.item_version, "verdict": a.verdict, "number": a.number, "text": a.text,
             "note": a.note, "corrective": a.corrective_action} for a in assessment.answers.order_by("item_id")]


@transaction.atomic
def assessment_save(*, actor: Person, assessment: SelfAssessment, expected_version: int,
                    values: dict[int, dict]) -> SelfAssessment:
    """Store answers; `values` maps item id → {verdict, number, text, note, corrective_action}.

    The first save freezes the item texts into the assessment's own answer rows.
    """
    if not assessment.is_editable():
        raise ValidationError("此自評表已送出，不能再修改。")
    before = _answers_snapshot(assessment)
    version_bump(assessment, expected_version)
    rows = assessment_rows(assessment)
    new_rows = [r for r in rows if r.pk is None]
    if new_rows:
        Answer.objects.bulk_create(new_rows)
        rows = assessment_rows(assessment)
    for row in rows:
        v = values.get(row.item_id, {})
        row.verdict = v.get("verdict") or ""
        row.number = v.get("number")
        row.text = (v.get("text") or "").strip()
        row.note = (v.get("note") or "").strip()
        row.corrective_action = (v.get("corrective_action") or "").strip()
    Answer.objects.bulk_update(rows, ["verdict", "number", "text", "note", "corrective_action"])
    assessment.filled_by = actor
    assessment.save(update_fields=["filled_by"])
    audit_record(actor=actor, action="inspections.assessment_save", obj=assessment, before={"answers": before},
                 after={"answers": _answers_snapshot(assessment)})
    return assessment


def assessment_problems(assessment: SelfAssessment) -> dict[int, str]:
    """What is missing before the form can go to the head: item id → message."""
    rows = assessment_rows(assessment)
    problems: dict[int, str] = {}
    if not rows or rows[0].pk is None:
        return {0: "尚未填寫任何項目。"}
    corrective_needed = {i.pk: i.corrective_required for i in ChecklistItem.objects.filter(
        pk__in=[r.item_id for r in rows])}
    for r in rows:
        if r.answer_kind == AnswerKind.VERDICT:
            if not r.verdict:
                problems[r.item_id] = "請選擇符合、不符合或不適用。"
            elif r.verdict == Verdict.NONCONFORM and corrective_needed.get(r.item_id) and not r.corrective_action:
                problems[r.item_id] = "不符合的項目請填寫改善措施。"
        elif r.answer_kind == AnswerKind.NUMBER and r.number is None:
            problems[r.item_id] = "請填寫數字（沒有請填 0）。"
    return problems


def _transition(actor: Person, assessment: SelfAssessment, status: str, action: str, **fields) -> SelfAssessment:
    """Change the status; the caller has already claimed the version the person saw (_claim)."""
    before = snapshot(assessment, ["status", "confirmed_by_id", "submitted_at", "head_note"])
    assessment.status = status
    for k, v in fields.items():
        setattr(assessment, k, v)
    SelfAssessment.objects.filter(pk=assessment.pk).update(status=status, **fields)
    audit_record(actor=actor, action=action, obj=assessment, before=before,
                 after=snapshot(assessment, ["status", "confirmed_by_id", "submitted_at", "head_note"]))
    return assessment


def _require_complete(assessment: SelfAssessment) -> None:
    problems = assessment_problems(assessment)
    if problems:
        raise ValidationError(f"尚有 {len(problems)} 個項目未完成，請補齊後再送出。")


def _claim(assessment: SelfAssessment, expected_version: int) -> None:
    """A send, confirm or return acts on the answers the person saw: if someone saved the form (or moved
    it on) since `expected_version`, ConflictError, so a head never confirms answers they have not read."""
    version_bump(assessment, expected_version)
    assessment.refresh_from_db(fields=["status"])


@transaction.atomic
def assessment_send(*, actor: Person, assessment: SelfAssessment, expected_version: int) -> SelfAssessment:
    """The liaison hands the filled form to the unit head (送主管確認)."""
    _claim(assessment, expected_version)
    if not assessment.is_editable():
        raise ValidationError("此自評表目前不在填寫中。")
    _require_complete(assessment)
    return _transition(actor, assessment, SelfAssessment.Status.AWAITING_HEAD, "inspections.assessment_send")


@transaction.atomic
def assessment_confirm(*, actor: Person, assessment: SelfAssessment, expected_version: int,
                       note: str = "") -> SelfAssessment:
    """The head confirms and the form is submitted to the ethics unit. A head may confirm a draft directly."""
    _claim(assessment, expected_version)
    if assessment.status == SelfAssessment.Status.SUBMITTED or assessment.round.closed:
        raise ValidationError("此自評表已送出或梯次已結束。")
    _require_complete(assessment)
    return _transition(actor, assessment, SelfAssessment.Status.SUBMITTED, "inspections.assessment_confirm",
                       confirmed_by=actor, submitted_at=timezone.now(), head_note=note.strip())


@transaction.atomic
def assessment_return(*, actor: Person, assessment: SelfAssessment, expected_version: int,
                      note: str) -> SelfAssessment:
    """The head sends it back to the liaison with a note."""
    _claim(assessment, expected_version)
    if assessment.status != SelfAssessment.Status.AWAITING_HEAD:
        raise ValidationError("只有待主管確認的自評表可以退回。")
    return _transition(actor, assessment, SelfAssessment.Status.DRAFT, "inspections.assessment_return",
                       head_note=note.strip())


# --- inspections -----------------------------------------------------------------------------------------

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


@transaction.atomic
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


@transaction.atomic
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


@transaction.atomic
def inspection_report_mark(*, actor: Person, inspection: Inspection) -> Inspection:
    """The report has been 簽報首長."""
    before = {"status": inspection.status}
    Inspection.objects.filter(pk=inspection.pk).update(status=Inspection.Status.REPORTED)
    inspection.status = Inspection.Status.REPORTED
    audit_record(actor=actor, action="inspections.inspection_reported", obj=inspection, before=before,
                 after={"status": inspection.status})
    return inspection


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


@transaction.atomic
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


def deficiency_origin_label(inspection: Inspection) -> str:
    """How the tracking engine names the origin: 113年3月5日機關安全狀況檢查."""
    return f"{rocdate.format_short(inspection.date)}{inspection.get_kind_display()}"[:200]


@transaction.atomic
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


@transaction.atomic
def deficiency_track(*, actor: Person, finding: Finding):
    """Put a deficiency under tracking through the tracking engine (its progress and release loop)."""
    from anwei.tracking.models import TrackedItem
    from anwei.tracking.services import tracked_item_create

    if finding.tracked_item_id:
        return finding.tracked_item
    inspection = finding.inspection
    item = tracked_item_create(
        actor=actor, agency=inspection.agency, source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
        text=finding.text, lead_unit=finding.unit, due_date=finding.due_date,
        source_ref=f"inspections.finding:{finding.pk}", origin_label=deficiency_origin_label(inspection),
        roc_year=rocdate.roc_year(inspection.date))
    Finding.objects.filter(pk=finding.pk).update(tracked_item=item)
    finding.tracked_item = item
    audit_record(actor=actor, action="inspections.deficiency_track", obj=finding, agency=inspection.agency,
                 after={"tracked_item": item.pk})
    _deficiency_round_ensure(actor=actor, item=item, title=f"{inspection.title}缺失改善情形填報")
    return item


def _deficiency_round_ensure(*, actor: Person, item, title: str) -> None:
    """The unit reports its correction in a progress round. tracked_item_create has already put the item
    into any round that is collecting; between meetings there may be none, so open one for deficiencies
    only (progress_round_open would pull in every open directive and close nothing useful). The next
    meeting's round, opened by the officer, closes it and carries the still-open items to the meeting."""
    from anwei.tracking.models import ProgressRound
    from anwei.tracking.services import progress_round_open_for

    if ProgressRound.objects.filter(agency=item.agency_id, closed_at__isnull=True, items=item).exists():
        return
    deadline = max(item.due_date or timezone.localdate(), timezone.localdate())
    progress_round_open_for(actor=actor, items=[item], title=title, deadline=deadline)


@transaction.atomic
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


@transaction.atomic
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


@transaction.atomic
def evidence_add(*, actor: Person, finding: Finding, upload, caption: str = "") -> Evidence:
    stored = stored_file_save(actor=actor, agency=finding.inspection.agency, upload=upload)
    evidence = Evidence.objects.create(finding=finding, stored=stored, caption=caption.strip())
    audit_record(actor=actor, action="inspections.evidence_add", obj=evidence, agency=finding.inspection.agency,
                 after=snapshot(evidence))
    return evidence


# --- daily device checks ---------------------------------------------------------------------------------

@transaction.atomic
def device_system_create(*, actor: Person, agency: Agency, unit: Unit, name: str, kind: str, location: str = "",
                         vendor: str = "", in_service_from: dt.date | None = None, **links) -> DeviceSystem:
    if unit.agency_id != agency.pk:
        raise ValidationError({"unit": "負責單位須為本機關的單位。"})
    site = links.get("site")
    if site is not None and site.agency_id != agency.pk:
        raise ValidationError({"site": "只能選擇本機關的場所。"})
    system = DeviceSystem.objects.create(agency=agency, unit=unit, name=name.strip(), kind=kind,
                                         location=location.strip(), vendor=vendor.strip(),
                                         in_service_from=in_service_from or timezone.localdate(), **links)
    audit_record(actor=actor, action="inspections.device_create", obj=system, after=snapshot(system))
    return system


@transaction.atomic
def device_system_update(*, actor: Person, system: DeviceSystem, expected_version: int, **fields) -> DeviceSystem:
    unit, site = fields.get("unit"), fields.get("site")
    if unit is not None and unit.agency_id != system.agency_id:
        raise ValidationError({"unit": "負責單位須為本機關的單位。"})
    if site is not None and site.agency_id != system.agency_id:
        raise ValidationError({"site": "只能選擇本機關的場所。"})
    before = snapshot(system)
    version_bump(system, expected_version)
    for k, v in fields.items():
        setattr(system, k, v)
    system.save(update_fields=list(fields))
    audit_record(actor=actor, action="inspections.device_update", obj=system, before=before,
                 after=snapshot(system))
    return system


@transaction.atomic
def daily_checks_record(*, actor: Person, date: dt.date, expected_version: int,
                        entries: list[tuple[DeviceSystem, bool, str]]) -> list[DailyCheck]:
    """Record one day's √/× for each system. A × opens a repair record unless one is already open.

    `expected_version` is the day's version (selectors.day_checks) when the form was opened: a check
    recorded or changed since then by someone else is a ConflictError carrying the day's checks."""
    if date > timezone.localdate():
        raise ValidationError({"date": "不能登錄未來日期的檢查。"})
    errors = {}
    for system, working, problem in entries:
        if not working and not problem.strip():
            errors[f"problem_{system.pk}"] = "請說明故障情形。"
    if errors:
        raise ValidationError(errors)
    systems = [e[0] for e in entries]
    existing = {c.system_id: c for c in DailyCheck.objects.select_for_update().filter(
        date=date, system__in=systems)}
    if sum(c.version for c in existing.values()) != expected_version:
        raise ConflictError(day_checks(systems=systems, date=date))
    open_repairs = set(RepairRecord.objects.filter(system__in=[e[0] for e in entries], repaired_on__isnull=True)
                       .values_list("system_id", flat=True))
    saved = []
    for system, working, problem in entries:
        check = existing.get(system.pk)
        before = snapshot(check, ["working", "problem"]) if check else None
        if before != {"working": working, "problem": problem.strip()}:
            # An unchanged re-submission keeps the check, and who made it, as it was.
            if check is None:
                check = DailyCheck(system=system, date=date, working=working, problem=problem.strip(),
                                   checked_by=actor)
                try:
                    with transaction.atomic():  # someone recording the same day at the same moment
                        check.save()
                except IntegrityError:
                    raise ConflictError(day_checks(systems=systems, date=date)) from None
            else:
                try:
                    version_bump(check, check.version)
                except ConflictError:
                    raise ConflictError(day_checks(systems=systems, date=date)) from None
                check.working, check.problem, check.checked_by = working, problem.strip(), actor
                check.save(update_fields=["working", "problem", "checked_by", "checked_at"])
            audit_record(actor=actor, action="inspections.daily_check", obj=check, agency=system.agency,
                         before=before, after=snapshot(check, ["system_id", "date", "working", "problem"]))
        if not working and system.pk not in open_repairs:
            repair = RepairRecord.objects.create(system=system, opened_by_check=check, opened_on=date,
                                                 problem=check.problem, vendor=system.vendor)
            audit_record(actor=actor, action="inspections.repair_open", obj=repair, agency=system.agency,
                         after=snapshot(repair))
            open_repairs.add(system.pk)
        saved.append(check)
    return saved


@transaction.atomic
def repair_update(*, actor: Person, repair: RepairRecord, expected_version: int, reported_on: dt.date | None,
                  vendor: str, repaired_on: dt.date | None, note: str) -> RepairRecord:
    errors = {}
    if reported_on and reported_on < repair.opened_on:
        errors["reported_on"] = "通報廠商日期不能早於發現日期。"
    if repaired_on and repaired_on < repair.opened_on:
        errors["repaired_on"] = "修復日期不能早於發現日期。"
    if repaired_on and repaired_on > timezone.localdate():
        errors["repaired_on"] = "修復日期不能是未來的日期。"
    if errors:
        raise ValidationError(errors)
    before = snapshot(repair)
    version_bump(repair, expected_version)
    repair.reported_on, repair.vendor, repair.repaired_on, repair.note = reported_on, vendor.strip(), repaired_on, note
    repair.save(update_fields=["reported_on", "vendor", "repaired_on", "note"])
    audit_record(actor=actor, action="inspections.repair_update", obj=repair, agency=repair.system.agency,
                 before=before, after=snapshot(repair))
    return repair


def number_or_none(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(value)


@transaction.atomic
def work_report_insert(*, actor: Person, report, stats: dict):
    """Append the period's counts to a meeting's 工作報告 through the meetings service."""
    from anwei.inspections.stats import work_report_block
    from anwei.meetings import services as meetings

    # Appending commutes with any concurrent edit: lock and re-read instead of asking for a version.
    report = type(report).objects.select_for_update().get(pk=report.pk)
    body = (report.body.rstrip() + "\n\n" if report.body.strip() else "") + work_report_block(stats)
    return meetings.report_update(actor=actor, report=report, expected_version=report.version, title=report.title,
                                  unit=report.unit, presenter=report.presenter, body=body, kind=report.kind)
