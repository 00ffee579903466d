"""Recurring duties: what an agency must do at least once per period, and each time it was done."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anwei.core.concurrency import Versioned
from anwei.core.periods import Period, PeriodUnit, unit_field


class Kind(models.TextChoices):
    CONFIDENTIALITY_INSPECTION = "confidentiality_inspection", "機密維護檢查"
    SECURITY_MEETING = "security_meeting", "機關安全維護會報"
    CCTV_ACCOUNTS = "cctv_accounts", "監視系統帳號清查"
    DOOR_BADGES = "door_badges", "門禁卡清查"
    OTHER = "other", "其他定期工作"


class RecurringDuty(Versioned):
    """One agency's duty: due one period after it was last done (the first time, one period after `starts_on`).
    Stopped from `ends_on` (a rule changes by stopping one row and adding another)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="recurring_duties",
                               verbose_name="機關")
    kind = models.CharField("類別", max_length=30, choices=Kind.choices)
    name = models.CharField("名稱", max_length=100, help_text="例如「上半年機密維護檢查」可只寫「機密維護檢查」")
    every = models.PositiveSmallIntegerField("每隔", help_text="至少每隔多久辦理一次")
    unit = unit_field("單位", default=PeriodUnit.MONTHS)
    starts_on = models.DateField("起算日")
    ends_on = models.DateField("停止日", null=True, blank=True)
    basis = models.CharField("依據", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "定期工作"
        verbose_name_plural = "定期工作"
        ordering = ["agency_id", "kind", "id"]
        indexes = [models.Index(fields=["agency", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.name}（每{self.period.text()}）"

    @property
    def period(self) -> Period:
        return Period(self.every, self.unit)


class DutyDone(models.Model):
    duty = models.ForeignKey(RecurringDuty, on_delete=models.CASCADE, related_name="done", verbose_name="定期工作")
    done_on = models.DateField("辦理日期")
    note = models.CharField("辦理情形", max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                    verbose_name="登錄人")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "定期工作辦理紀錄"
        verbose_name_plural = "定期工作辦理紀錄"
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["duty", "done_on"])]

    def __str__(self) -> str:
        return f"{self.duty.name} {self.done_on.isoformat()}"
