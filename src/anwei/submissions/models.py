"""核定・核備・備查: the head's approval of a special plan before its letter is issued, and what an agency
files with its superior ethics office (the approved plan 核備; the meeting's minutes with the results of its
directives, and the plan's execution results 備查), each with a deadline set by a rule.

Rules are data with effective dates: a row with agency=None is the default for every agency; an agency's
own row overrides it from its effective date.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from anwei.core.concurrency import Versioned


class Kind(models.TextChoices):
    PLAN_FILING = "plan_filing", "專案計畫（核備）"
    MINUTES = "minutes", "會議紀錄及裁示事項辦理情形（備查）"
    PLAN_RESULTS = "plan_results", "專案計畫執行成果（備查）"


# What the superior office does with each kind: 核備 for the plan, 備查 for the rest.
ACK_VERB = {Kind.PLAN_FILING: "核備", Kind.MINUTES: "備查", Kind.PLAN_RESULTS: "備查"}
# The shipped defaults (working days after the event), used until a rule row says otherwise.
DEFAULT_WORKDAYS = {Kind.PLAN_FILING: 5, Kind.MINUTES: 10, Kind.PLAN_RESULTS: 10}
DEFAULT_MEETINGS_PER_YEAR = 2


class ApprovalRule(models.Model):
    """Whether the agency's special plans need the head's 核定 before their letter is issued."""

    agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="機關")
    required = models.BooleanField("專案計畫須經首長核定後始得發文", default=False)
    effective_from = models.DateField("生效日")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "計畫核定規則"
        verbose_name_plural = "計畫核定規則"
        ordering = ["agency_id", "-effective_from", "-id"]
        indexes = [models.Index(fields=["agency", "effective_from"])]


class PlanApproval(Versioned):
    """One plan's 核定: submitted by the ethics officer, approved or returned (with a comment) by the head."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "待核定"
        APPROVED = "approved", "已核定"
        RETURNED = "returned", "已退回"

    plan = models.OneToOneField("plans.SpecialPlan", on_delete=models.CASCADE, related_name="approval")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("狀態", max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    note = models.CharField("簽陳說明", max_length=500, blank=True)
    comment = models.CharField("首長意見", max_length=500, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "計畫核定"
        verbose_name_plural = "計畫核定"
        indexes = [models.Index(fields=["agency", "status"]),
                   models.Index(fields=["submitted_at"], condition=Q(status="submitted"), name="subm_approval_open")]


class ReportRule(models.Model):
    """What an agency files with its superior and within how many working days (of the meeting, of the
    letter's dispatch, of the plan period's end); for minutes also the meetings expected per year."""

    agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="機關")
    kind = models.CharField("陳報事項", max_length=20, choices=Kind.choices)
    workdays = models.PositiveSmallIntegerField("期限（工作日）")
    per_year = models.PositiveSmallIntegerField("每年應開會次數", default=DEFAULT_MEETINGS_PER_YEAR)
    effective_from = models.DateField("生效日")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "陳報規則"
        verbose_name_plural = "陳報規則"
        ordering = ["agency_id", "kind", "-effective_from", "-id"]


class Submission(Versioned):
    """One filing sent up: the superior office acknowledges it (備查/核備) or returns it with a comment;
    a returned filing is sent again (the same row: one filing per meeting or plan and kind)."""

    class Status(models.TextChoices):
        SENT = "sent", "待上級核閱"
        ACKNOWLEDGED = "acknowledged", "已備查／核備"
        RETURNED = "returned", "退回補正"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="submissions",
                               verbose_name="陳報機關")
    office = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="submissions_received",
                               verbose_name="上級機關")
    kind = models.CharField("陳報事項", max_length=20, choices=Kind.choices)
    title = models.CharField("標題", max_length=200)
    meeting = models.ForeignKey("meetings.SecurityMeeting", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    plan = models.ForeignKey("plans.SpecialPlan", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due = models.DateField("陳報期限")
    note = models.CharField("說明", max_length=1000, blank=True)
    status = models.CharField("狀態", max_length=14, choices=Status.choices, default=Status.SENT)
    first_sent_at = models.DateTimeField("首次陳報時間")
    sent_at = models.DateTimeField("陳報時間")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.CharField("上級意見", max_length=500, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = "陳報"
        verbose_name_plural = "陳報"
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "meeting"], name="uniq_submission_meeting",
                                    condition=Q(meeting__isnull=False)),
            models.UniqueConstraint(fields=["kind", "plan"], name="uniq_submission_plan", condition=Q(plan__isnull=False)),
        ]
        indexes = [models.Index(fields=["agency", "kind"]), models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_late(self) -> bool:
        """First sent after its deadline (a return and resend does not make it late)."""
        from django.utils import timezone

        return timezone.localtime(self.first_sent_at).date() > self.due

    @property
    def ack_verb(self) -> str:
        return ACK_VERB[Kind(self.kind)]


def rule_pick(rows, agency_id: int, on: dt.date):
    """The rule in force for the agency on a day among `rows` (the agency's own before the default)."""
    mine = [r for r in rows if r.agency_id == agency_id and r.effective_from <= on]
    default = [r for r in rows if r.agency_id is None and r.effective_from <= on]
    found = mine or default
    return max(found, key=lambda r: (r.effective_from, r.pk)) if found else None
