"""Checklists (versioned items) and self-assessment rounds (自評表).

Checklist items are never edited in place: a revision retires the row and creates a
new one with the next version, and answers copy the item's text, kind and version, so
changing a template never changes what a unit already answered.

The tables keep the names they had in the inspections app, which held these models
until the split (migrations: inspections 0003).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anwei.core.concurrency import Versioned


class ChecklistTemplate(Versioned):
    """A 自評表 / 檢查表 of one agency: 機關安全維護, 公務機密維護, 資通安全, or one the agency adds."""

    class Kind(models.TextChoices):
        SECURITY = "security", "機關安全維護"
        SECRECY = "secrecy", "公務機密維護"
        INFOSEC = "infosec", "資通安全"
        OTHER = "other", "其他"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="checklists",
                               verbose_name="機關")
    name = models.CharField("名稱", max_length=100)
    kind = models.CharField("類別", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField("說明", blank=True)
    is_active = models.BooleanField("使用中", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        db_table = "inspections_checklisttemplate"
        verbose_name = "檢查表"
        verbose_name_plural = "檢查表"
        ordering = ["agency_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_checklist_name_per_agency")]

    def __str__(self) -> str:
        return self.name


class AnswerKind(models.TextChoices):
    VERDICT = "verdict", "符合／不符合／不適用"
    NUMBER = "number", "數字"
    TEXT = "text", "文字"


class Verdict(models.TextChoices):
    CONFORM = "conform", "符合"
    NONCONFORM = "nonconform", "不符合"
    NOT_APPLICABLE = "na", "不適用"


class ChecklistItem(models.Model):
    """One question of a checklist, at one version. `key` stays the same across revisions."""

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items",
                                 verbose_name="檢查表")
    key = models.PositiveIntegerField("項目代號")
    version = models.PositiveIntegerField("版次", default=1)
    order = models.PositiveSmallIntegerField("排序", default=0)
    section = models.CharField("分類", max_length=50, blank=True, help_text="例如「門禁管制」「文書處理」")
    text = models.TextField("檢查項目")
    answer_kind = models.CharField("作答方式", max_length=10, choices=AnswerKind.choices, default=AnswerKind.VERDICT)
    corrective_required = models.BooleanField("不符合時須填改善措施", default=True)
    is_current = models.BooleanField("現行版本", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "inspections_checklistitem"
        verbose_name = "檢查項目"
        verbose_name_plural = "檢查項目"
        ordering = ["template_id", "order", "key", "-version"]
        constraints = [models.UniqueConstraint(fields=["template", "key", "version"], name="uniq_item_version")]
        indexes = [models.Index(fields=["template", "is_current", "order"])]

    def __str__(self) -> str:
        return self.text[:60]


class AssessmentRound(Versioned):
    """The officer asks units (or subordinate agencies) to fill chosen checklists by a deadline."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="assessment_rounds",
                               verbose_name="發起機關")
    title = models.CharField("名稱", max_length=150)
    instructions = models.TextField("說明", blank=True)
    deadline = models.DateField("填報期限")
    templates = models.ManyToManyField(ChecklistTemplate, related_name="rounds", verbose_name="檢查表")
    # A round that carries out a dispatched plan hangs on the plan's assignment to this agency.
    plan_assignment = models.ForeignKey("plans.Assignment", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="assessment_rounds", verbose_name="依據計畫")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    closed = models.BooleanField("已結束", default=False)

    class Meta:
        db_table = "inspections_assessmentround"
        verbose_name = "自評梯次"
        verbose_name_plural = "自評梯次"
        ordering = ["-deadline", "-id"]
        indexes = [models.Index(fields=["agency", "deadline"])]

    def __str__(self) -> str:
        return self.title


class SelfAssessment(Versioned):
    """One unit's (or one subordinate agency's) answers in a round."""

    class Status(models.TextChoices):
        DRAFT = "draft", "填寫中"
        AWAITING_HEAD = "awaiting_head", "待主管確認"
        SUBMITTED = "submitted", "已送出"

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="assessments",
                              verbose_name="梯次")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="機關")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                             verbose_name="單位")
    status = models.CharField("狀態", max_length=20, choices=Status.choices, default=Status.DRAFT)
    filled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name="填表人")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="確認主管")
    submitted_at = models.DateTimeField("送出時間", null=True, blank=True)
    head_note = models.CharField("主管意見", max_length=300, blank=True)
    confirmed_by_label = models.CharField("確認者", max_length=120, blank=True,
                                          help_text="確認者職稱姓名；代理或主管出缺時註明")
    reminded_at = models.DateTimeField("催報時間", null=True, blank=True)

    class Meta:
        db_table = "inspections_selfassessment"
        verbose_name = "自評表"
        verbose_name_plural = "自評表"
        ordering = ["round_id", "agency_id", "unit__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "agency", "unit"], name="uniq_assessment_per_unit"),
            models.UniqueConstraint(fields=["round", "agency"], condition=models.Q(unit__isnull=True),
                                    name="uniq_assessment_per_agency"),
        ]
        indexes = [models.Index(fields=["round", "status"]), models.Index(fields=["agency", "unit", "status"])]

    def __str__(self) -> str:
        return f"{self.round}：{self.respondent_label()}"

    def respondent_label(self) -> str:
        return f"{self.unit.name}" if self.unit_id else self.agency.name

    def is_unit_level(self) -> bool:
        return self.unit_id is not None

    def fill_action(self) -> str:
        return "assessments.assessment.fill" if self.unit_id else "assessments.assessment.fill_agency"

    def confirm_action(self) -> str:
        return "assessments.assessment.confirm" if self.unit_id else "assessments.assessment.confirm_agency"

    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT and not self.round.closed


class Answer(models.Model):
    """An answer, with the item's text, kind and version copied at the time of answering."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="answers")
    template_name = models.CharField("檢查表", max_length=100)
    item_text = models.TextField("檢查項目")
    item_version = models.PositiveIntegerField("版次")
    answer_kind = models.CharField(max_length=10, choices=AnswerKind.choices)
    verdict = models.CharField("結果", max_length=12, choices=Verdict.choices, blank=True)
    number = models.DecimalField("數值", max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField("內容", blank=True)
    note = models.CharField("說明", max_length=500, blank=True)
    corrective_action = models.TextField("改善措施", blank=True)
    # A 不符合 answer of a submitted form may be tracked to its correction by the one tracking engine.
    tracked_item = models.OneToOneField("tracking.TrackedItem", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="assessment_answer", verbose_name="列管事項")

    class Meta:
        db_table = "inspections_answer"
        verbose_name = "自評答案"
        verbose_name_plural = "自評答案"
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="uniq_answer_per_item")]
        indexes = [models.Index(fields=["verdict", "assessment"])]

    def __str__(self) -> str:
        return f"{self.item_text[:30]}：{self.display_value()}"

    def display_value(self) -> str:
        if self.answer_kind == AnswerKind.VERDICT:
            return self.get_verdict_display()
        if self.answer_kind == AnswerKind.NUMBER:
            return "" if self.number is None else f"{self.number.normalize():f}"
        return self.text
