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


class DoneRecord(models.Model):
    """That a duty was done on a date (an agency's own duty, or its share of one set from above)."""

    done_on = models.DateField("辦理日期")
    note = models.CharField("辦理情形", max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                    verbose_name="登錄人")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class DutyDone(DoneRecord):
    duty = models.ForeignKey(RecurringDuty, on_delete=models.CASCADE, related_name="done", verbose_name="定期工作")

    class Meta:
        verbose_name = "定期工作辦理紀錄"
        verbose_name_plural = "定期工作辦理紀錄"
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["duty", "done_on"])]

    def __str__(self) -> str:
        return f"{self.duty.name} {self.done_on.isoformat()}"


class SubtreeDuty(Versioned):
    """A superior ethics office's duty for its whole subtree (its own agency and every agency below it, also those
    added later): each of them owes it without a row of its own. How often is a rule along the agency tree
    (SubtreeDutyFrequency, anwei.core.rulebook): the office's rows are the default, `fixed` or open to an agency
    below setting its own frequency from a date. Stopped from `ends_on` for every agency at once."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="subtree_duties",
                               verbose_name="訂定機關")
    kind = models.CharField("類別", max_length=30, choices=Kind.choices)
    name = models.CharField("名稱", max_length=100)
    starts_on = models.DateField("起算日", help_text="各機關第一次應於起算日後一個期間內辦理")
    ends_on = models.DateField("停止日", null=True, blank=True)
    basis = models.CharField("依據", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "上級訂定之定期工作（所屬機關共同適用）"
        verbose_name_plural = "上級訂定之定期工作（所屬機關共同適用）"
        ordering = ["agency_id", "kind", "id"]
        indexes = [models.Index(fields=["agency", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.agency.name}：{self.name}"


class SubtreeDutyFrequency(models.Model):
    """How often a subtree duty is due from a date: the office's own rows (the default of its subtree) and the
    rows of an agency below that sets its own (for itself and its own subtree) where the office allows. The row
    in force for an agency follows anwei.lib.ruletree: the latest start wins, the nearer agency on the same date,
    and while the office's latest row is `fixed` no agency below counts."""

    duty = models.ForeignKey(SubtreeDuty, on_delete=models.CASCADE, related_name="frequencies",
                             verbose_name="定期工作")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="訂定機關")
    every = models.PositiveSmallIntegerField("每隔", help_text="至少每隔多久辦理一次")
    unit = unit_field("單位", default=PeriodUnit.MONTHS)
    starts_on = models.DateField("生效日")
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律依此頻率辦理，只能登錄辦理情形")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "定期工作頻率"
        verbose_name_plural = "定期工作頻率"
        ordering = ["duty_id", "-starts_on", "-id"]
        indexes = [models.Index(fields=["duty", "agency", "starts_on"])]

    def __str__(self) -> str:
        return f"每{self.period.text()}（{self.starts_on.isoformat()}起）"

    @property
    def period(self) -> Period:
        return Period(self.every, self.unit)


class SubtreeDutyDone(DoneRecord):
    """That one agency of the subtree did the duty on a date (each agency keeps its own records)."""

    duty = models.ForeignKey(SubtreeDuty, on_delete=models.CASCADE, related_name="done", verbose_name="定期工作")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="機關")

    class Meta:
        verbose_name = "上級訂定之定期工作辦理紀錄"
        verbose_name_plural = "上級訂定之定期工作辦理紀錄"
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["duty", "agency", "done_on"])]

    def __str__(self) -> str:
        return f"{self.duty.name} {self.done_on.isoformat()}"
