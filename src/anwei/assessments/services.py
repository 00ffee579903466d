"""Writes of checklists and self-assessment rounds.

Each service runs in one transaction and writes its audit row inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from anwei.assessments.defaults import DEFAULT_CHECKLISTS
from anwei.assessments.models import (
    Answer, AnswerKind, AssessmentRound, ChecklistItem, ChecklistTemplate, SelfAssessment, Verdict,
)
from anwei.assessments.selectors import assessment_confirm_label, assessment_problems, assessment_rows, row_label
from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import row_lock, version_bump
from anwei.core.forms import ConflictError
from anwei.core.service import service
from anwei.orgs.models import Agency, Person, Unit

ITEM_FIELDS = ["section", "text", "answer_kind", "corrective_required", "order"]


# --- checklists ------------------------------------------------------------------------------------------

@service
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


@service
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
    audit_record(actor=actor, action="assessments.checklist_create", obj=template, after=snapshot(template))
    return template


@service
def checklist_update(*, actor: Person, template: ChecklistTemplate, expected_version: int, name: str,
                     kind: str, description: str, is_active: bool) -> ChecklistTemplate:
    name = name.strip()
    if ChecklistTemplate.objects.filter(agency=template.agency_id, name=name).exclude(pk=template.pk).exists():
        raise ValidationError({"name": f"本機關已有名為「{name}」的檢查表。"})
    before = snapshot(template)
    version_bump(template, expected_version)
    template.name, template.kind, template.description, template.is_active = name, kind, description, is_active
    template.save(update_fields=["name", "kind", "description", "is_active"])
    audit_record(actor=actor, action="assessments.checklist_update", obj=template, before=before,
                 after=snapshot(template))
    return template


@service
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
    audit_record(actor=actor, action="assessments.checklist_item_add", obj=item, agency=template.agency,
                 after=snapshot(item))
    return item


def _item_latest(item: ChecklistItem) -> ChecklistItem:
    return ChecklistItem.objects.filter(template=item.template_id, key=item.key).order_by("-version").first()


@service
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
    audit_record(actor=actor, action="assessments.checklist_item_revise", obj=new, agency=item.template.agency,
                 before=snapshot(current, ITEM_FIELDS + ["version"]), after=snapshot(new, ITEM_FIELDS + ["version"]))
    return new


@service
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
    audit_record(actor=actor, action="assessments.checklist_item_retire", obj=item, agency=item.template.agency,
                 before={"is_current": True}, after={"is_current": False})


# --- self-assessment rounds ------------------------------------------------------------------------------

@service
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
    audit_record(actor=actor, action="assessments.round_create", obj=rnd,
                 after={**snapshot(rnd), "templates": [t.pk for t in templates], "units": [u.pk for u in units],
                        "agencies": [a.pk for a in agencies]})
    return rnd


@service
def round_close(*, actor: Person, rnd: AssessmentRound) -> AssessmentRound:
    AssessmentRound.objects.filter(pk=rnd.pk).update(closed=True)
    rnd.closed = True
    audit_record(actor=actor, action="assessments.round_close", obj=rnd, before={"closed": False},
                 after={"closed": True})
    return rnd


@service
def round_remind(*, actor: Person, rnd: AssessmentRound) -> int:
    """催報: every form not yet submitted shows the reminder on its unit's home page. Returns how many."""
    late = SelfAssessment.objects.filter(round=rnd).exclude(status=SelfAssessment.Status.SUBMITTED)
    ids = sorted(late.values_list("pk", flat=True))
    late.update(reminded_at=timezone.now())
    audit_record(actor=actor, action="assessments.round_remind", obj=rnd, after={"assessments": ids})
    return len(ids)


def _answers_snapshot(assessment: SelfAssessment) -> list[dict]:
    return [{"item": a.item_id, "v": a.item_version, "verdict": a.verdict, "number": a.number, "text": a.text,
             "note": a.note, "corrective": a.corrective_action} for a in assessment.answers.order_by("item_id")]


@service
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
    audit_record(actor=actor, action="assessments.assessment_save", obj=assessment, before={"answers": before},
                 after={"answers": _answers_snapshot(assessment)})
    return assessment


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
    """Refuse an incomplete form, naming each missing item (checklist, number, the question's start, what is missing)."""
    rows = assessment_rows(assessment)
    problems = assessment_problems(assessment, rows)
    if 0 in problems:
        raise ValidationError(problems[0])
    if problems:
        missing = "；".join(f"{row_label(r)}：{problems[r.item_id]}" for r in rows if r.item_id in problems)
        raise ValidationError(f"尚有 {len(problems)} 個項目未完成：{missing}請補齊後再送出。")


def _claim(assessment: SelfAssessment, expected_version: int) -> None:
    """A send, confirm or return acts on the answers the person saw: if someone saved the form (or moved
    it on) since `expected_version`, ConflictError, so a head never confirms answers they have not read."""
    version_bump(assessment, expected_version)
    assessment.refresh_from_db(fields=["status"])


@service
def assessment_send(*, actor: Person, assessment: SelfAssessment, expected_version: int) -> SelfAssessment:
    """The liaison hands the filled form to the unit head (送主管確認)."""
    _claim(assessment, expected_version)
    if not assessment.is_editable():
        raise ValidationError("此自評表目前不在填寫中。")
    _require_complete(assessment)
    return _transition(actor, assessment, SelfAssessment.Status.AWAITING_HEAD, "assessments.assessment_send")


@service
def assessment_confirm(*, actor: Person, assessment: SelfAssessment, expected_version: int,
                       note: str = "") -> SelfAssessment:
    """The head confirms and the form is submitted to the ethics unit. A head may confirm a draft directly."""
    _claim(assessment, expected_version)
    if assessment.status == SelfAssessment.Status.SUBMITTED or assessment.round.closed:
        raise ValidationError("此自評表已送出或梯次已結束。")
    _require_complete(assessment)
    return _transition(actor, assessment, SelfAssessment.Status.SUBMITTED, "assessments.assessment_confirm",
                       confirmed_by=actor, confirmed_by_label=assessment_confirm_label(actor, assessment)[:120],
                       submitted_at=timezone.now(), head_note=note.strip())


@service
def assessment_return(*, actor: Person, assessment: SelfAssessment, expected_version: int,
                      note: str) -> SelfAssessment:
    """The head sends it back to the liaison with a note."""
    _claim(assessment, expected_version)
    if assessment.status != SelfAssessment.Status.AWAITING_HEAD:
        raise ValidationError("只有待主管確認的自評表可以退回。")
    return _transition(actor, assessment, SelfAssessment.Status.DRAFT, "assessments.assessment_return",
                       head_note=note.strip())


# --- a 不符合 answer tracked to its correction ----------------------------------------------------------

@service
def answer_track(*, actor: Person, answer: Answer, text: str, lead_unit: Unit | None,
                 due_date: dt.date | None):
    """Put a submitted form's 不符合 answer under tracking as a deficiency (自評缺失) of the form's agency: the
    unit reports its correction in the progress rounds and the ethics officer releases it, as any tracked item."""
    from anwei.lib import rocdate
    from anwei.tracking.models import TrackedItem
    from anwei.tracking.services import item_round_ensure, tracked_item_create

    assessment = answer.assessment
    Answer.objects.select_for_update().filter(pk=answer.pk).values_list("pk", flat=True).get()
    answer.refresh_from_db(fields=["tracked_item"])
    if answer.tracked_item_id:
        raise ValidationError(f"此項目已列管為{answer.tracked_item}。")
    if answer.verdict != Verdict.NONCONFORM:
        raise ValidationError("只有「不符合」的項目可以列管。")
    if assessment.status != SelfAssessment.Status.SUBMITTED:
        raise ValidationError("自評表送出後，才能把不符合的項目列管。")
    errors = {}
    if due_date is None:
        errors["due_date"] = "請填寫改善期限。"
    elif due_date < clock.today():
        errors["due_date"] = "改善期限不能早於今天。"
    if errors:
        raise ValidationError(errors)
    rnd = assessment.round
    item = tracked_item_create(
        actor=actor, agency=assessment.agency, source_kind=TrackedItem.Source.SELF_ASSESSMENT, text=text,
        lead_unit=lead_unit, due_date=due_date, source=answer, origin_label=f"{rnd.title}自評缺失"[:200],
        roc_year=rocdate.roc_year(rnd.deadline))
    Answer.objects.filter(pk=answer.pk).update(tracked_item=item)
    answer.tracked_item = item
    audit_record(actor=actor, action="assessments.answer_track", obj=answer, agency=assessment.agency,
                 after={"tracked_item": item.pk})
    item_round_ensure(actor=actor, item=item, title=f"{rnd.title}自評缺失改善情形填報")
    return item
