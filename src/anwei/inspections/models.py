"""Inspections with their findings and evidence, and the checklist as the inspectors found it.

Checklists are the assessments app's: an inspection may go through one, and a 不符合 on
an item that needs a corrective action becomes a deficiency, tracked to closure.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anwei.assessments.models import ChecklistItem, ChecklistTemplate, Verdict
from anwei.core.concurrency import Versioned


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
