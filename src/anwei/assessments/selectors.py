"""Reads of checklists, rounds and self-assessments; always scoped by the policy.

Lists return querysets with everything a page prints joined or annotated, so a page's
query count does not grow with the number of units.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from anwei.assessments.models import (
    Answer, AnswerKind, AssessmentRound, ChecklistItem, ChecklistTemplate, SelfAssessment, Verdict,
)
from anwei.core import clock
from anwei.orgs import policy, posts
from anwei.orgs.models import Agency, Person


def _get_or_404(qs: QuerySet, pk: int, person: Person, action: str, message: str):
    obj = qs.filter(pk=pk).first()
    if obj is None or not policy.may(person, action, obj):
        raise Http404(message)
    return obj


# --- checklists ------------------------------------------------------------------------------------------

def checklist_list(*, person: Person) -> QuerySet[ChecklistTemplate]:
    s = policy.scope(person, "assessments.checklist.view")
    return (ChecklistTemplate.objects.filter(s.q(agency="agency", unit=None)).select_related("agency")
            .annotate(item_count=Count("items", filter=Q(items__is_current=True)))
            .order_by("agency__path", "order", "id"))


def checklist_get(*, person: Person, pk: int, action: str = "assessments.checklist.view") -> ChecklistTemplate:
    return _get_or_404(ChecklistTemplate.objects.select_related("agency"), pk, person, action, "找不到此檢查表")


def checklist_items(*, template: ChecklistTemplate) -> list[ChecklistItem]:
    return list(template.items.filter(is_current=True).order_by("order", "key"))


def checklist_item_get(*, person: Person, pk: int) -> ChecklistItem:
    item = ChecklistItem.objects.select_related("template__agency").filter(pk=pk).first()
    if item is None or not policy.may(person, "assessments.checklist.manage", item.template):
        raise Http404("找不到此檢查項目")
    return item


def checklists_for(*, agency: Agency) -> QuerySet[ChecklistTemplate]:
    return ChecklistTemplate.objects.filter(agency=agency, is_active=True).order_by("order", "id")


# --- rounds and assessments ------------------------------------------------------------------------------

def round_list(*, person: Person) -> QuerySet[AssessmentRound]:
    s = policy.scope(person, "assessments.round.view")
    return (AssessmentRound.objects.filter(s.q(agency="agency", unit=None)).select_related("agency")
            .annotate(total=Count("assessments", distinct=True),
                      submitted=Count("assessments", filter=Q(assessments__status=SelfAssessment.Status.SUBMITTED),
                                      distinct=True))
            .order_by("-deadline", "-id"))


def round_get(*, person: Person, pk: int, action: str = "assessments.round.view") -> AssessmentRound:
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
    s = policy.scope(person, "assessments.assessment.view")
    return (SelfAssessment.objects.filter(s.q(agency="agency", unit="unit"))
            .select_related("round", "round__agency", "unit", "agency").order_by("-round__deadline", "unit__order"))


def assessment_todo(*, person: Person) -> QuerySet[SelfAssessment]:
    """Forms waiting for this person: to fill (liaison, or an agency's ethics officer) or to confirm (head)."""
    fill = policy.scope(person, "assessments.assessment.fill")
    fill_agency = policy.scope(person, "assessments.assessment.fill_agency")
    confirm = policy.scope(person, "assessments.assessment.confirm")
    confirm_agency = policy.scope(person, "assessments.assessment.confirm_agency")
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
                       pk, person, "assessments.assessment.view", "找不到此自評表")


def plan_assignments_for(*, agency: Agency):
    """Plans dispatched to this agency (as a whole) that a self-assessment round can carry out."""
    from anwei.plans.models import Assignment

    return (Assignment.objects.filter(agency=agency, unit__isnull=True, letter__dispatched_at__isnull=False)
            .select_related("letter", "letter__agency", "agency").order_by("-id"))


def assessment_period_counts(*, agency: Agency, start: dt.date, end: dt.date) -> dict[str, int]:
    """Forms of the rounds an agency started in the period, for the work report's counts; one query.
    A round counts in the period it was started (the work report tells what was done since the last meeting)."""
    return SelfAssessment.objects.filter(round__agency=agency, round__created_at__date__range=(start, end)).aggregate(
        total=Count("id"), submitted=Count("id", filter=Q(status=SelfAssessment.Status.SUBMITTED)),
        rounds=Count("round", distinct=True))


def round_items_current(rnd: AssessmentRound) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(template__in=rnd.templates.all(), is_current=True)
                .select_related("template").order_by("template__order", "template_id", "order", "key"))


def assessment_rows(assessment: SelfAssessment) -> list[Answer]:
    """The rows a unit answers: its own answers (frozen text) once started, else the current items. Each row's
    `seq` is its number within its checklist (each checklist of the form starts again at 1)."""
    answers = list(assessment.answers.select_related("item", "tracked_item").order_by(
        "item__template__order", "item__template_id", "item__order", "item__key"))
    if not answers:
        answers = [Answer(assessment=assessment, item=i, template_name=i.template.name, item_text=i.text,
                          item_version=i.version, answer_kind=i.answer_kind)
                   for i in round_items_current(assessment.round)]
    return _numbered(answers)


def _numbered(rows: list[Answer]) -> list[Answer]:
    n, template = 0, None
    for r in rows:
        if r.item.template_id != template:
            n, template = 0, r.item.template_id
        n += 1
        r.seq = n
    return rows


def row_label(row: Answer) -> str:
    """How a message names a row: 「機關安全維護自評表第3項（門禁卡遺失時…）」."""
    text = row.item_text if len(row.item_text) <= 20 else f"{row.item_text[:20]}…"
    return f"{row.template_name}第{row.seq}項（{text}）"


def assessment_problems(assessment: SelfAssessment, rows: list[Answer] | None = None) -> dict[int, str]:
    """What is missing before the form can go to the head: item id → message."""
    rows = assessment_rows(assessment) if rows is None else rows
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


# --- confirmation: the unit head, their deputy, or under the vacancy rule the ethics unit ---------------

def head_vacant(assessments: list[SelfAssessment], on: dt.date | None = None) -> set[int]:
    """The unit-level forms whose unit has no unit head on the day (two queries for any number)."""
    unit_level = [a for a in assessments if a.unit_id]
    vacant = posts.unit_heads_vacant(((a.agency_id, a.unit_id) for a in unit_level), on or clock.today())
    return {a.pk for a in unit_level if (a.agency_id, a.unit_id) in vacant}


def assessment_may_confirm(person: Person, assessment: SelfAssessment) -> bool:
    """The unit head (or their deputy) confirms; when the unit has no head, the next step — the ethics
    unit that receives the form — confirms in its place."""
    if policy.may(person, assessment.confirm_action(), assessment):
        return True
    return (assessment.unit_id is not None and assessment.pk in head_vacant([assessment])
            and posts.held_by(person, posts.ethics_officers(assessment.agency_id)) is not None)


def assessment_confirm_label(person: Person, assessment: SelfAssessment) -> str:
    """How the record names who confirmed: 職稱姓名, with 代理 or the vacancy when it was not the head."""
    if policy.may(person, assessment.confirm_action(), assessment):
        return posts.record_label(person, acting_for=policy.acting_for(person, assessment.confirm_action(), assessment))
    return posts.record_label(person, vacancy=f"{assessment.unit.name}單位主管出缺", verb="確認")


def assessments_vacant_for(person: Person) -> list[SelfAssessment]:
    """For an agency's ethics officers: forms awaiting a unit head who is not there."""
    agencies = sorted(posts.agencies_held(person, posts.ethics_officers))
    if not agencies:
        return []
    waiting = list(SelfAssessment.objects.filter(agency__in=agencies, status=SelfAssessment.Status.AWAITING_HEAD,
                                                 unit__isnull=False, round__closed=False)
                   .select_related("round", "unit", "agency").order_by("round__deadline", "id")[:50])
    vacant = head_vacant(waiting)
    return [a for a in waiting if a.pk in vacant]


def answer_get(*, person: Person, pk: int) -> Answer:
    """A 不符合 answer of a submitted form, for one who keeps the form's agency's tracked items (404 otherwise)."""
    answer = (Answer.objects.select_related("assessment__round", "assessment__agency", "assessment__unit", "item",
                                            "tracked_item").filter(pk=pk).first())
    if answer is None or not policy.may(person, "tracking.manage", answer.assessment.agency):
        raise Http404("找不到此自評項目")
    return answer


def answers_trackable(person: Person, answers) -> set[int]:
    """Of these answers (with their assessments), the 不符合 ones of submitted forms that this person may put
    under tracking (they keep the form's agency's tracked items) and that are not tracked yet."""
    return {a.pk for a in answers if a.verdict == Verdict.NONCONFORM and a.tracked_item_id is None
            and a.assessment.status == SelfAssessment.Status.SUBMITTED
            and policy.may(person, "tracking.manage", a.assessment.agency)}
