"""Writes of approvals, filings and their rules; each in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.core.workdays import workday_add
from anwei.meetings.models import SecurityMeeting
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.plans.models import Letter, SpecialPlan
from anwei.submissions.models import ApprovalRule, Kind, PlanApproval, ReportRule, Submission
from anwei.submissions.selectors import _rules, may_acknowledge, rule_values

APPROVAL_FIELDS = ["status", "note", "comment", "submitted_by_id", "decided_by_id"]
SUBMISSION_FIELDS = ["status", "note", "comment", "due", "sent_by_id", "decided_by_id"]


def _refuse(action: str, person: Person, obj) -> None:
    if not policy.may(person, action, obj):
        raise ValidationError("您沒有權限辦理此事項。")


# --- 核定 -------------------------------------------------------------------------------------------


@service
def approval_rule_set(*, actor: Person, agency: Agency, required: bool, effective_from: dt.date) -> ApprovalRule:
    _refuse("submissions.rules.manage", actor, agency)
    row = ApprovalRule.objects.create(agency=agency, required=required, effective_from=effective_from)
    audit_record(actor=actor, action="submissions.approval_rule.create", obj=row, agency=agency, after=snapshot(row))
    return row


@service
def approval_submit(*, actor: Person, plan: SpecialPlan, note: str = "") -> PlanApproval:
    """The officer asks the head to approve the plan (again, after a return)."""
    _refuse("submissions.approval.submit", actor, plan)
    if Letter.objects.filter(plan=plan, dispatched_at__isnull=False).exists():
        raise ValidationError("此計畫的函已發文，不需再送核定。")
    approval = PlanApproval.objects.select_for_update().filter(plan=plan).first()
    before = snapshot(approval, APPROVAL_FIELDS) if approval else None
    if approval is None:
        approval = PlanApproval(plan=plan, agency=plan.agency)
    elif approval.status == PlanApproval.Status.SUBMITTED:
        raise ValidationError("此計畫已送核定，請待首長核定。")
    elif approval.status == PlanApproval.Status.APPROVED:
        raise ValidationError("此計畫已核定。")
    approval.status, approval.note, approval.comment = PlanApproval.Status.SUBMITTED, note, ""
    approval.submitted_by, approval.submitted_at = actor, clock.now()
    approval.decided_by, approval.decided_at = None, None
    if approval.pk:
        approval.version += 1
    approval.save()
    audit_record(actor=actor, action="submissions.approval.submit", obj=approval, before=before,
                 after=snapshot(approval, APPROVAL_FIELDS))
    return approval


@service
def approval_decide(*, actor: Person, approval: PlanApproval, expected_version: int, approve: bool,
                    comment: str = "") -> PlanApproval:
    """The head approves (核定) or returns the plan with a comment (a return needs one)."""
    _refuse("submissions.approval.decide", actor, approval)
    if approval.status != PlanApproval.Status.SUBMITTED:
        raise ValidationError("此計畫目前不在待核定狀態。")
    if not approve and not comment.strip():
        raise ValidationError({"comment": "退回時請填寫意見，讓承辦人知道要修改什麼。"})
    before = snapshot(approval, APPROVAL_FIELDS)
    version_bump(approval, expected_version)
    approval.status = PlanApproval.Status.APPROVED if approve else PlanApproval.Status.RETURNED
    approval.comment, approval.decided_by, approval.decided_at = comment.strip(), actor, clock.now()
    approval.save()
    acting = policy.acting_for(actor, "submissions.approval.decide", approval)
    audit_record(actor=actor, action="submissions.approval.approve" if approve else "submissions.approval.return",
                 obj=approval, before=before,
                 after={**snapshot(approval, APPROVAL_FIELDS), **({"acting_for": acting.pk} if acting else {})})
    return approval


# --- 核備・備查 ------------------------------------------------------------------------------------------


@service
def report_rule_set(*, actor: Person, agency: Agency, kind: str, workdays: int, effective_from: dt.date,
                    per_year: int = 2) -> ReportRule:
    _refuse("submissions.rules.manage", actor, agency)
    if kind not in Kind.values:
        raise ValidationError({"kind": "請選擇陳報事項。"})
    if not 1 <= workdays <= 60:
        raise ValidationError({"workdays": "期限須為 1 至 60 個工作日。"})
    row = ReportRule.objects.create(agency=agency, kind=kind, workdays=workdays, per_year=per_year,
                                    effective_from=effective_from)
    audit_record(actor=actor, action="submissions.report_rule.create", obj=row, agency=agency, after=snapshot(row))
    return row


def _event(kind: str, agency: Agency, meeting: SecurityMeeting | None, plan: SpecialPlan | None) -> tuple[str, dt.date]:
    """The filing's title and the day its deadline counts from; refuses what is not owed yet."""
    today = clock.today()
    if kind == Kind.MINUTES:
        if meeting is None or meeting.agency_id != agency.pk:
            raise ValidationError("請選擇本機關的會議。")
        if meeting.date > today:
            raise ValidationError("會議尚未召開，不能陳報紀錄。")
        return f"安全維護會報{meeting.label}會議紀錄及裁示事項辦理情形", meeting.date
    if plan is None or plan.agency_id != agency.pk:
        raise ValidationError("請選擇本機關的專案計畫。")
    letter = Letter.objects.filter(plan=plan).first()  # as it is now, not as the caller loaded it
    if letter is None or not letter.is_dispatched:
        raise ValidationError("計畫的函發文後才能陳報。")
    if kind == Kind.PLAN_FILING:
        return plan.title, letter.date
    if plan.period_end >= today:
        raise ValidationError("計畫工作期間結束後才能陳報執行成果。")
    return f"{plan.title}執行成果", plan.period_end


@service
def submission_send(*, actor: Person, agency: Agency, kind: str, meeting: SecurityMeeting | None = None,
                    plan: SpecialPlan | None = None, note: str = "") -> Submission:
    """Send a filing up to the superior office (the agency's parent); a returned one is sent again."""
    _refuse("submissions.send", actor, agency)
    if agency.parent_id is None:
        raise ValidationError("本機關沒有上級機關，不需陳報。")
    if kind not in Kind.values:
        raise ValidationError("請選擇陳報事項。")
    title, event = _event(kind, agency, meeting, plan)
    lookup = {"kind": kind, "meeting": meeting} if kind == Kind.MINUTES else {"kind": kind, "plan": plan}
    existing = Submission.objects.select_for_update().filter(**lookup).first()
    now = clock.now()
    if existing is not None:
        if existing.status != Submission.Status.RETURNED:
            raise ValidationError("此事項已陳報，上級退回後才能再次陳報。")
        before = snapshot(existing, SUBMISSION_FIELDS)
        existing.status, existing.note, existing.sent_at, existing.sent_by = Submission.Status.SENT, note, now, actor
        existing.version += 1
        existing.save()
        audit_record(actor=actor, action="submissions.submission.resend", obj=existing, before=before,
                     after=snapshot(existing, SUBMISSION_FIELDS))
        return existing
    wd, _ = rule_values(_rules([agency.pk]), agency.pk, kind, event)
    s = Submission.objects.create(agency=agency, office_id=agency.parent_id, kind=kind, title=title[:200],
                                  meeting=meeting if kind == Kind.MINUTES else None,
                                  plan=plan if kind != Kind.MINUTES else None, due=workday_add(event, wd, agency.path), note=note,
                                  first_sent_at=now, sent_at=now, sent_by=actor)
    audit_record(actor=actor, action="submissions.submission.send", obj=s, after=snapshot(s, SUBMISSION_FIELDS))
    return s


@service
def submission_decide(*, actor: Person, submission: Submission, expected_version: int, acknowledge: bool,
                      comment: str = "") -> Submission:
    """The superior office acknowledges the filing (備查/核備) or returns it with a comment."""
    if not may_acknowledge(actor, submission):
        raise ValidationError("您沒有權限核閱此陳報。")
    if submission.status != Submission.Status.SENT:
        raise ValidationError("此陳報目前不在待核閱狀態。")
    if not acknowledge and not comment.strip():
        raise ValidationError({"comment": "退回時請填寫意見，讓陳報機關知道要補正什麼。"})
    before = snapshot(submission, SUBMISSION_FIELDS)
    version_bump(submission, expected_version)
    submission.status = Submission.Status.ACKNOWLEDGED if acknowledge else Submission.Status.RETURNED
    submission.comment, submission.decided_by, submission.decided_at = comment.strip(), actor, clock.now()
    submission.save()
    audit_record(actor=actor, action="submissions.submission." + ("acknowledge" if acknowledge else "return"),
                 obj=submission, before=before, after=snapshot(submission, SUBMISSION_FIELDS))
    return submission
