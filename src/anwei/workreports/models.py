"""工作報告 (work report) composed from the records: which period and cases a meeting's work report was
composed from, and the text 安維 composed the last time it was applied (the base of the three-way merge
that carries later changes in the records into the officer's edited text)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anwei.core.concurrency import Versioned


class Composition(Versioned):
    report = models.OneToOneField("meetings.Report", on_delete=models.CASCADE, related_name="composition",
                                  verbose_name="工作報告")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    start = models.DateField("期間起日")
    end = models.DateField("期間迄日")
    cases = models.ManyToManyField("awareness.Case", blank=True, related_name="+", verbose_name="引用的案例")
    composed = models.TextField("產生的內容", max_length=60000, blank=True)
    composed_at = models.DateTimeField("產生時間")
    composed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = "工作報告產生紀錄"
        verbose_name_plural = "工作報告產生紀錄"

    def __str__(self) -> str:
        return f"{self.report}（{self.start}～{self.end}）"


class ReportRequest(models.Model):
    """A superior office asking its agencies for their work report of a period. The asking and the collecting
    are a plan's 函 and its assignments (plans): this row only says which period the answers cover, so each
    recipient can have its answer written from its own records."""

    office = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="上級機關")
    plan = models.OneToOneField("plans.SpecialPlan", on_delete=models.CASCADE, related_name="report_request")
    start = models.DateField("期間起日")
    end = models.DateField("期間迄日")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "工作報告報送要求"
        verbose_name_plural = "工作報告報送要求"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.plan.title
