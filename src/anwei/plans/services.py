"""Writes of plans, templates, recipient groups, letters and assignments.
Each runs in one transaction and writes its audit row in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.models import LetterNumberPattern
from anwei.core.numbering import letter_number_allocate
from anwei.core.service import service
from anwei.core.uploads import stored_file_save
from anwei.lib import rocdate
from anwei.orgs.models import Agency, Person, Unit
from anwei.plans.deadlines import letter_dues
from anwei.plans.gates import dispatch_gates
from anwei.plans.models import (Assignment, AssignmentFile, DutyRow, Letter, LetterRecipient, Occasion,
                                PlanContact, PlanReference, PlanTemplate, RecipientGroup, SpecialPlan)
from anwei.plans.periods import period_propose, shift_year

PLAN_FIELDS = ["title", "election_name", "period_start", "period_end", "sections", "result_workdays"]


def _plan_title(*, template: PlanTemplate, agency: Agency, year: int, election_name: str) -> str:
    return template.title_pattern.format_map({"agency": agency.name, "year": year,
                                             "election": election_name or "選舉"})


def _sections_copy(sections: list[dict]) -> list[dict]:
    return [dict(s) for s in sections]


@service
def plan_create(*, actor: Person, agency: Agency, template: PlanTemplate, year: int, election_name: str = "",
                period_start: dt.date | None = None, period_end: dt.date | None = None) -> SpecialPlan:
    """A new plan from a template; the period is proposed from the calendar unless given."""
    if period_start is None or period_end is None:
        proposed = period_propose(occasion=template.occasion, roc_year=year, lead=template.lead_period,
                                  agency=agency)
        if proposed is None:
            raise ValidationError({"period_start": "選舉及其他專案請輸入工作期間起迄日。"})
        period_start, period_end = proposed
    if period_end < period_start:
        raise ValidationError({"period_end": "工作期間迄日不能早於起日。"})
    plan = SpecialPlan.objects.create(
        agency=agency, occasion=template.occasion, election_name=election_name, year=year,
        title=_plan_title(template=template, agency=agency, year=year, election_name=election_name),
        period_start=period_start, period_end=period_end, sections=_sections_copy(template.sections),
        result_workdays=template.result_workdays, template=template, created_by=actor)
    audit_record(actor=actor, action="plan.create", obj=plan, after=snapshot(plan))
    return plan


@service
def plan_request_create(*, actor: Person, agency: Agency, title: str, year: int, period_start: dt.date,
                        period_end: dt.date, heading: str, body: str) -> SpecialPlan:
    """A plan that only asks the recipients for something of a period (a superior office asking its agencies for
    their work report): no template, one section of text, dispatched and collected like any plan."""
    if period_end < period_start:
        raise ValidationError({"period_end": "期間迄日不能早於起日。"})
    plan = SpecialPlan.objects.create(
        agency=agency, occasion=Occasion.OTHER, year=year, title=title[:200], period_start=period_start,
        period_end=period_end, sections=[{"key": "request", "heading": heading, "required": True, "body": body}],
        created_by=actor)
    audit_record(actor=actor, action="plan.create", obj=plan, after=snapshot(plan))
    return plan


@dataclass
class PlanChildren:
    references: list[dict]
    duties: list[dict]
    contacts: list[dict]


def _children_replace(plan: SpecialPlan, children: PlanChildren) -> None:
    plan.references.all().delete()
    plan.duties.all().delete()
    plan.contacts.all().delete()
    PlanReference.objects.bulk_create([PlanReference(plan=plan, order=i, **r)
                                       for i, r in enumerate(children.references)])
    DutyRow.objects.bulk_create([DutyRow(plan=plan, order=i, **r) for i, r in enumerate(children.duties)])
    PlanContact.objects.bulk_create([PlanContact(plan=plan, order=i, **c) for i, c in enumerate(children.contacts)])


def _children_of(plan: SpecialPlan) -> PlanChildren:
    return PlanChildren(
        references=list(plan.references.values("issuer", "date", "number", "kind")),
        duties=list(plan.duties.values("party", "duties")),
        contacts=list(plan.contacts.values("name", "role", "office_phone", "mobile", "fax")))


@service
def plan_update(*, actor: Person, plan: SpecialPlan, expected_version: int, title: str, election_name: str,
                period_start: dt.date, period_end: dt.date, result_workdays: int, children: PlanChildren,
                sections: list[dict] | None = None) -> SpecialPlan:
    """Save the plan's fields, its sections (None keeps them) and its references, duties and contacts."""
    if period_end < period_start:
        raise ValidationError({"period_end": "工作期間迄日不能早於起日。"})
    if Letter.objects.filter(plan=plan, dispatched_at__isnull=False).exists():
        # Recipients hold what was sent; a correction is a new plan and a new letter.
        raise ValidationError("此計畫已發文，不能再修改；如需修正，請複製後另行發文。")
    version_bump(plan, expected_version)
    before = {**snapshot(plan, PLAN_FIELDS), **_children_of(plan).__dict__}
    plan.title, plan.election_name = title, election_name
    plan.period_start, plan.period_end, plan.result_workdays = period_start, period_end, result_workdays
    if sections is not None:
        plan.sections = sections
    plan.save()
    _children_replace(plan, children)
    audit_record(actor=actor, action="plan.update", obj=plan, before=before,
                 after={**snapshot(plan, PLAN_FIELDS), **children.__dict__})
    return plan


@service
def plan_copy(*, actor: Person, source: SpecialPlan, year: int) -> SpecialPlan:
    """Copy a plan to another year: texts, duties and contacts kept; the period moved to that
    year's occasion (from the calendar for holidays, same dates a year on otherwise). The
    cited letters are the old year's and are left out: the new year's come in new letters."""
    years = year - source.year
    proposed = None
    if source.template_id:
        proposed = period_propose(occasion=source.occasion, roc_year=year, lead=source.template.lead_period,
                                  agency=source.agency)
    start, end = proposed or (shift_year(source.period_start, years), shift_year(source.period_end, years))
    old_year = str(source.year)
    plan = SpecialPlan.objects.create(
        agency=source.agency, occasion=source.occasion, election_name=source.election_name, year=year,
        title=source.title.replace(f"{old_year}年", f"{year}年"), period_start=start, period_end=end,
        sections=_sections_copy(source.sections), result_workdays=source.result_workdays,
        template=source.template, copied_from=source, created_by=actor)
    kids = _children_of(source)
    kids.references = []
    _children_replace(plan, kids)
    audit_record(actor=actor, action="plan.copy", obj=plan, after={**snapshot(plan), "copied_from": source.pk})
    return plan


@service
def plan_delete(*, actor: Person, plan: SpecialPlan) -> None:
    """Delete a plan that was never dispatched (with its draft letter)."""
    letter = Letter.objects.filter(plan=plan).first()
    if letter and letter.is_dispatched:
        raise ValidationError("此計畫已發文，不能刪除。")
    audit_record(actor=actor, action="plan.delete", obj=plan,
                 before={**snapshot(plan, PLAN_FIELDS), **_children_of(plan).__dict__})
    if letter:
        letter.delete()
    plan.delete()


# --- templates -------------------------------------------------------------------------

TEMPLATE_FIELDS = ["name", "title_pattern", "sections", "lead_days", "lead_unit", "result_workdays"]


@service
def template_adopt(*, actor: Person, agency: Agency, default: PlanTemplate) -> PlanTemplate:
    """The agency's own editable copy of a default template (or the one it already has)."""
    own = PlanTemplate.objects.filter(agency=agency, occasion=default.occasion).first()
    if own:
        return own
    own = PlanTemplate.objects.create(
        agency=agency, occasion=default.occasion, name=default.name.replace("（預設範本）", ""),
        title_pattern=default.title_pattern, sections=_sections_copy(default.sections),
        lead_days=default.lead_days, result_workdays=default.result_workdays)
    audit_record(actor=actor, action="plan_template.adopt", obj=own, after=snapshot(own))
    return own


@service
def template_update(*, actor: Person, template: PlanTemplate, expected_version: int, name: str,
                    title_pattern: str, lead_days: int, result_workdays: int,
                    sections: list[dict], lead_unit: str | None = None) -> PlanTemplate:
    if template.agency_id is None:
        raise ValueError("預設範本不能直接修改，請先採用為本機關範本")
    version_bump(template, expected_version)
    before = snapshot(template, TEMPLATE_FIELDS)
    template.name, template.title_pattern = name, title_pattern
    template.lead_days, template.result_workdays = lead_days, result_workdays
    if lead_unit is not None:
        if lead_unit not in ("days", "workdays", "weeks"):
            raise ValidationError({"lead_unit": "提前期間單位應為日曆天、工作日或週。"})
        template.lead_unit = lead_unit
    template.sections = sections
    template.save()
    audit_record(actor=actor, action="plan_template.update", obj=template, before=before,
                 after=snapshot(template, TEMPLATE_FIELDS))
    return template


# --- recipient groups --------------------------------------------------------------------

@service
def group_save(*, actor: Person, agency: Agency, group: RecipientGroup | None, expected_version: int | None,
               name: str, agency_kind: str, agencies: list[Agency], units: list[Unit]) -> RecipientGroup:
    if any(not a.path.startswith(agency.path) or a.pk == agency.pk for a in agencies):
        raise ValidationError({"agencies": "只能選擇本機關所屬機關。"})
    if any(u.agency_id != agency.pk for u in units):
        raise ValidationError({"units": "只能選擇本機關的單位。"})
    if group is None:
        group = RecipientGroup.objects.create(agency=agency, name=name, agency_kind=agency_kind)
        before = None
    else:
        version_bump(group, expected_version or 0)
        before = {**snapshot(group, ["name", "agency_kind"]),
                  "agencies": sorted(group.agencies.values_list("pk", flat=True)),
                  "units": sorted(group.units.values_list("pk", flat=True))}
        group.name, group.agency_kind = name, agency_kind
        group.save(update_fields=["name", "agency_kind"])
    group.agencies.set(agencies)
    group.units.set(units)
    audit_record(actor=actor, action="recipient_group.save", obj=group, before=before,
                 after={**snapshot(group, ["name", "agency_kind"]), "agencies": sorted(a.pk for a in agencies),
                        "units": sorted(u.pk for u in units)})
    return group


# --- letters -------------------------------------------------------------------------------

LETTER_FIELDS = ["subject", "explanation", "speed", "secrecy", "file_no", "retention", "contact_name",
                 "contact_phone", "contact_email", "extra_cc", "decision_level", "due"]


@dataclass
class RecipientChoice:
    groups: list[RecipientGroup]
    agencies: list[Agency]
    units: list[Unit]

    def rows(self, copy: str) -> list[LetterRecipient]:
        out = [LetterRecipient(copy=copy, group=g) for g in self.groups]
        out += [LetterRecipient(copy=copy, target_unit=u) for u in self.units]
        out += [LetterRecipient(copy=copy, target_agency=a) for a in self.agencies]
        return out

    def is_empty(self) -> bool:
        return not (self.groups or self.agencies or self.units)


@service
def letter_save(*, actor: Person, plan: SpecialPlan, letter: Letter | None, expected_version: int | None,
                fields: dict, main: RecipientChoice, cc: RecipientChoice) -> Letter:
    if main.is_empty():
        raise ValidationError({"main_groups": "請至少選擇一個正本受文者。"})
    if letter is None:
        letter = Letter.objects.create(plan=plan, agency=plan.agency, **fields)
        before = None
    else:
        if letter.is_dispatched:
            raise ValidationError("此函已發文，不能再修改。")
        version_bump(letter, expected_version or 0)
        before = {**snapshot(letter, LETTER_FIELDS), "recipients": [r.label() for r in letter.recipients.all()]}
        for k, v in fields.items():
            setattr(letter, k, v)
        letter.save()
        letter.recipients.all().delete()
    rows = main.rows(LetterRecipient.Copy.MAIN) + cc.rows(LetterRecipient.Copy.CC)
    for i, r in enumerate(rows):
        r.letter, r.order = letter, i
    LetterRecipient.objects.bulk_create(rows)
    audit_record(actor=actor, action="letter.save", obj=letter, before=before,
                 after={**snapshot(letter, LETTER_FIELDS), "recipients": [r.label() for r in rows]})
    return letter


def _recipients_expand(*, letter: Letter) -> tuple[list[int], list[int]]:
    """The 正本 recipients as (agency ids, own unit ids), groups opened, duplicates removed.
    A fixed number of queries whatever the size of the groups."""
    sender = letter.agency
    main = list(letter.recipients.filter(copy=LetterRecipient.Copy.MAIN).select_related("group"))
    group_ids = [r.group_id for r in main if r.group_id]
    kinds = {r.group.agency_kind for r in main if r.group_id and r.group.agency_kind}
    explicit_agencies = {r.target_agency_id for r in main if r.target_agency_id}
    unit_ids = {r.target_unit_id for r in main if r.target_unit_id}
    if group_ids:
        explicit_agencies |= set(RecipientGroup.agencies.through.objects.filter(recipientgroup_id__in=group_ids)
                                 .values_list("agency_id", flat=True))
        unit_ids |= set(RecipientGroup.units.through.objects.filter(recipientgroup_id__in=group_ids)
                        .values_list("unit_id", flat=True))
    q = Q(pk__in=explicit_agencies)
    if kinds:
        q |= Q(kind__in=kinds, path__startswith=sender.path)
    agency_ids = list(Agency.objects.filter(q, path__startswith=sender.path).exclude(pk=sender.pk)
                      .order_by("path").values_list("pk", flat=True))
    units = list(Unit.objects.filter(pk__in=unit_ids, agency=sender).order_by("order", "id")
                 .values_list("pk", flat=True))
    return agency_ids, units


class DispatchError(ValidationError):
    pass


@service
def letter_dispatch(*, actor: Person, letter: Letter, on: dt.date | None = None) -> Letter:
    """Number and date the letter and create one assignment per 正本 recipient, in bulk."""
    letter = Letter.objects.select_for_update().select_related("agency", "plan").get(pk=letter.pk)
    if letter.is_dispatched:
        raise DispatchError(f"此函已於{rocdate.format_short(letter.date)}發文（{letter.number}），不能重複發文。")
    blocked = [g for g in dispatch_gates(letter.plan) if g.blocking]
    if blocked:  # e.g. the agency's rule asks for the head's 核定 first
        raise DispatchError(blocked[0].message)
    pattern = (LetterNumberPattern.objects.filter(agency=letter.agency).order_by("-is_default", "id").first())
    if pattern is None:
        raise DispatchError("本機關尚未設定發文字號格式，請洽系統管理者於「文號格式」設定。")
    agency_ids, unit_ids = _recipients_expand(letter=letter)
    if not agency_ids and not unit_ids:
        raise DispatchError("正本受文者沒有任何機關或單位（群組可能是空的），請檢查受文者。")
    on = on or timezone.localdate()
    dues = letter_dues(letter, agency_ids + [letter.agency_id])  # each recipient in its own calendar
    due = letter.due or dues[letter.agency_id]
    letter.number = letter_number_allocate(pattern=pattern, on=on, purpose=f"函送 {letter.plan.title}"[:200])
    letter.date, letter.due = on, due
    letter.dispatched_at, letter.dispatched_by = timezone.now(), actor
    letter.recipient_count = len(agency_ids) + len(unit_ids)
    letter.save()
    Assignment.objects.bulk_create(
        [Assignment(letter=letter, agency_id=a, due=dues[a]) for a in agency_ids]
        + [Assignment(letter=letter, agency_id=letter.agency_id, unit_id=u, due=dues[letter.agency_id]) for u in unit_ids],
        batch_size=500)
    audit_record(actor=actor, action="letter.dispatch", obj=letter,
                 after={"number": letter.number, "date": on, "due": due, "agencies": agency_ids, "units": unit_ids})
    return letter


@service
def letter_remind_late(*, actor: Person, letter: Letter) -> int:
    """Mark every late recipient as reminded; their home page shows the reminder."""
    now = timezone.now()
    late = letter.assignments.filter(reported_at__isnull=True, due__lt=timezone.localdate())
    ids = list(late.values_list("pk", flat=True))
    Assignment.objects.filter(pk__in=ids).update(reminded_at=now, remind_count=F("remind_count") + 1)
    if ids:
        audit_record(actor=actor, action="letter.remind", obj=letter, after={"assignments": ids})
    return len(ids)


# --- assignments ------------------------------------------------------------------------------

@service
def assignment_receive(*, actor: Person, assignment: Assignment) -> Assignment:
    if assignment.received_at is None:
        Assignment.objects.filter(pk=assignment.pk, received_at__isnull=True).update(
            received_at=timezone.now(), received_by=actor)
        assignment.refresh_from_db()
        audit_record(actor=actor, action="assignment.receive", obj=assignment, agency=assignment.agency,
                     after={"received_at": assignment.received_at})
    return assignment


@service
def assignment_report(*, actor: Person, assignment: Assignment, expected_version: int, result_text: str,
                      uploads: list) -> Assignment:
    """Report (or correct) the execution results; receiving is implied."""
    version_bump(assignment, expected_version)
    before = snapshot(assignment, ["result_text", "reported_at"])
    now = timezone.now()
    assignment.result_text = result_text
    assignment.reported_at = assignment.reported_at or now
    assignment.reported_by = actor
    if assignment.received_at is None:
        assignment.received_at, assignment.received_by = now, actor
    assignment.save()
    for upload in uploads:
        stored = stored_file_save(actor=actor, agency=assignment.agency, upload=upload)
        AssignmentFile.objects.create(assignment=assignment, stored=stored)
    audit_record(actor=actor, action="assignment.report", obj=assignment, agency=assignment.agency, before=before,
                 after={**snapshot(assignment, ["result_text", "reported_at"]), "files": len(uploads)})
    return assignment

