"""Checklists (versioned items), self-assessment rounds, inspections with findings and
evidence, and the daily device checks with their repairs.

Checklist items are never edited in place: a revision retires the row and creates a
new one with the next version, and answers copy the item's text, kind and version, so
changing a template never changes what a unit already answered.
"""

from __future__ import annotations

import datetime as dt

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
    reminded_at = models.DateTimeField("催報時間", null=True, blank=True)

    class Meta:
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
        return "inspections.assessment.fill" if self.unit_id else "inspections.assessment.fill_agency"

    def confirm_action(self) -> str:
        return "inspections.assessment.confirm" if self.unit_id else "inspections.assessment.confirm_agency"

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

    class Meta:
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


class Inspection(Versioned):
    """An inspection by the ethics unit: scheduled or unannounced (不定期抽查)."""

    class Kind(models.TextChoices):
        SECURITY = "security", "機關安全狀況檢查"
        SECRECY = "secrecy", "公務機密維護檢查"
        INFOSEC = "infosec", "資訊安全稽核"
        FACILITY = "facility", "安全維護設施檢查"
        OTHER = "other", "其他檢查"

    class Mode(models.TextChoices):
        SCHEDULED = "scheduled", "定期檢查"
        UNANNOUNCED = "unannounced", "不定期抽查"

    class Status(models.TextChoices):
        DRAFT = "draft", "紀錄中"
        REPORTED = "reported", "已簽報首長"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="inspections",
                               verbose_name="機關")
    title = models.CharField("名稱", max_length=150)
    kind = models.CharField("檢查類別", max_length=20, choices=Kind.choices)
    mode = models.CharField("方式", max_length=20, choices=Mode.choices, default=Mode.SCHEDULED)
    date = models.DateField("檢查日期")
    inspectors = models.CharField("檢查人員", max_length=300, help_text="例如：政風室林專員、秘書室王主任")
    units = models.ManyToManyField("orgs.Unit", related_name="+", blank=True, verbose_name="受檢單位")
    template = models.ForeignKey(ChecklistTemplate, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="inspections", verbose_name="使用檢查表")
    scope_note = models.TextField("檢查範圍與說明", blank=True)
    status = models.CharField("狀態", max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "檢查"
        verbose_name_plural = "檢查"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["agency", "date"]), models.Index(fields=["agency", "kind", "date"])]

    def __str__(self) -> str:
        return self.title

    def policy_unit_ids(self) -> list[int]:
        return [u.pk for u in self.units.all()]


class Finding(Versioned):
    """A finding of an inspection: 優點, 缺點 (a deficiency, tracked to closure) or 建議事項."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "優點"
        DEFICIENCY = "deficiency", "缺點（缺失）"
        RECOMMENDATION = "recommendation", "建議事項與策進作為"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices)
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="主辦單位")
    item_text = models.CharField("對應檢查項目", max_length=500, blank=True)
    text = models.TextField("內容")
    due_date = models.DateField("改善期限", null=True, blank=True)
    # A deficiency is tracked to closure by the one tracking engine.
    tracked_item = models.OneToOneField("tracking.TrackedItem", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="inspection_finding", verbose_name="列管事項")
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "檢查發現"
        verbose_name_plural = "檢查發現"
        ordering = ["inspection_id", "kind", "order", "id"]
        indexes = [models.Index(fields=["kind", "inspection"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def agency(self):
        return self.inspection.agency

    def policy_unit_ids(self) -> list[int]:
        return [self.unit_id] if self.unit_id else []


class InspectionCheck(models.Model):
    """One checklist item as the inspectors found it in one inspected unit. A 不符合 on an item that needs
    a corrective action becomes a deficiency finding (and so a tracked item)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="checks")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="受檢單位")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    item_text = models.TextField("檢查項目")
    item_version = models.PositiveIntegerField("版次")
    verdict = models.CharField("結果", max_length=12, choices=Verdict.choices, blank=True)
    note = models.CharField("說明", max_length=500, blank=True)
    finding = models.OneToOneField("Finding", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="checklist_check")

    class Meta:
        verbose_name = "檢查項目結果"
        verbose_name_plural = "檢查項目結果"
        constraints = [models.UniqueConstraint(fields=["inspection", "unit", "item"], name="uniq_inspection_check")]

    def __str__(self) -> str:
        return f"{self.item_text[:30]}：{self.get_verdict_display()}"


class Evidence(models.Model):
    """A photo or file attached to a finding; the bytes live in core.StoredFile outside the web root."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="evidence")
    stored = models.OneToOneField("core.StoredFile", on_delete=models.PROTECT, related_name="+")
    caption = models.CharField("說明", max_length=200, blank=True)

    class Meta:
        verbose_name = "佐證資料"
        verbose_name_plural = "佐證資料"

    def __str__(self) -> str:
        return self.caption or self.stored.name


class DeviceSystem(Versioned):
    """A system checked every working day: a door-access controller, a CCTV recorder and its cameras."""

    class Kind(models.TextChoices):
        DOOR_ACCESS = "door_access", "門禁系統"
        CCTV = "cctv", "監視系統"
        OTHER = "other", "其他設備"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="device_systems",
                               verbose_name="機關")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="負責單位")
    name = models.CharField("名稱", max_length=100)
    kind = models.CharField("類別", max_length=20, choices=Kind.choices)
    location = models.CharField("位置", max_length=200, blank=True)
    # The registry of sites and their cameras / door controllers is footage's; a checked system
    # is one kind of device at one site.
    site = models.ForeignKey("footage.Site", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="場所")
    vendor = models.CharField("維修廠商", max_length=100, blank=True)
    in_service_from = models.DateField("開始檢查日期", default=dt.date.today)
    is_active = models.BooleanField("使用中", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "檢查設備"
        verbose_name_plural = "檢查設備"
        ordering = ["agency_id", "order", "id"]
        indexes = [models.Index(fields=["agency", "unit", "is_active"])]

    def __str__(self) -> str:
        return self.name

    def footage_kinds(self) -> list[str]:
        """The footage.Device kinds this system covers."""
        return {"door_access": ["door_access"], "cctv": ["camera", "recorder"]}.get(self.kind, ["other"])


class DailyCheck(Versioned):
    """One working day's check of one system: working (√) or not (×), and any problem. A day's form
    carries the sum of its checks' versions (selectors.day_checks), which grows with every change."""

    system = models.ForeignKey(DeviceSystem, on_delete=models.CASCADE, related_name="checks")
    date = models.DateField("日期")
    working = models.BooleanField("正常運作")
    problem = models.CharField("問題說明", max_length=300, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="檢查人")
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "每日檢查"
        verbose_name_plural = "每日檢查"
        ordering = ["date", "system_id"]
        constraints = [models.UniqueConstraint(fields=["system", "date"], name="uniq_check_per_day")]
        indexes = [models.Index(fields=["date", "system"])]

    def __str__(self) -> str:
        return f"{self.system} {self.date} {'√' if self.working else '×'}"

    @property
    def mark(self) -> str:
        return "√" if self.working else "×"


class RepairRecord(Versioned):
    """Opened by a ×: reported to the vendor on …, repaired on …"""

    system = models.ForeignKey(DeviceSystem, on_delete=models.CASCADE, related_name="repairs")
    opened_by_check = models.OneToOneField(DailyCheck, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="repair")
    opened_on = models.DateField("發現日期")
    problem = models.CharField("故障情形", max_length=300)
    reported_on = models.DateField("通報廠商日期", null=True, blank=True)
    vendor = models.CharField("維修廠商", max_length=100, blank=True)
    repaired_on = models.DateField("修復日期", null=True, blank=True)
    note = models.CharField("備註", max_length=300, blank=True)

    class Meta:
        verbose_name = "維修紀錄"
        verbose_name_plural = "維修紀錄"
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["system", "repaired_on"])]

    def __str__(self) -> str:
        return f"{self.system} {self.opened_on} {self.problem[:30]}"

    @property
    def agency(self):
        return self.system.agency

    @property
    def unit_id(self):
        return self.system.unit_id

    def is_open(self) -> bool:
        return self.repaired_on is None
