"""Past meeting packets and minutes brought into 安維: each uploaded file is one MeetingImport, read into
a draft (anwei.lib.meetingimport) that the ethics officer reviews and confirms; confirming creates the
meeting, its reports, proposals and rulings and the tracked directives through the meetings and tracking
services. UnitAlias remembers, per agency, which unit a name printed in its documents stands for."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from anwei.core.concurrency import Versioned


class MeetingImport(Versioned):
    class State(models.TextChoices):
        QUEUED = "queued", "等待讀取"
        PARSING = "parsing", "讀取中"
        REVIEW = "review", "待確認"
        FAILED = "failed", "無法匯入"
        IMPORTED = "imported", "已匯入"
        DISCARDED = "discarded", "已放棄"

    # The states in which a file counts as brought in (the same file again is refused).
    LIVE = (State.QUEUED, State.PARSING, State.REVIEW, State.IMPORTED)

    class Kind(models.TextChoices):
        PACKET = "packet", "會議資料"
        MINUTES = "minutes", "會議紀錄"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    file = models.ForeignKey("core.StoredFile", null=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="檔案")
    filename = models.CharField("檔名", max_length=200)
    size = models.PositiveIntegerField("大小", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    state = models.CharField("狀態", max_length=20, choices=State.choices, default=State.QUEUED)
    kind = models.CharField("文件種類", max_length=20, choices=Kind.choices, blank=True)
    progress = models.CharField("進度", max_length=200, blank=True)
    error = models.CharField("無法匯入的原因", max_length=1000, blank=True)
    draft = models.JSONField("讀取結果", null=True, blank=True)  # MeetingDraft.as_dict()
    lines = models.JSONField("原文", default=list, blank=True)  # [[line number, text], …]
    notes = models.JSONField("讀取說明", default=list, blank=True)  # e.g. the name did not fit the content
    meeting = models.ForeignKey("meetings.SecurityMeeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", verbose_name="匯入的會議")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "會議文件匯入"
        verbose_name_plural = "會議文件匯入"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(
            fields=["agency", "sha256"], condition=models.Q(state__in=["queued", "parsing", "review", "imported"]),
            name="uniq_meeting_import_file")]
        indexes = [models.Index(fields=["agency", "state"])]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_finished(self) -> bool:
        return self.state not in (self.State.QUEUED, self.State.PARSING)


class UnitAlias(models.Model):
    """「秘書單位」 in this agency's documents means its 秘書室 (or, with all_units, every unit)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="機關")
    name = models.CharField("文件上的名稱", max_length=100)
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                             verbose_name="對應單位")
    all_units = models.BooleanField("各科室（所有單位）", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "單位名稱對應"
        verbose_name_plural = "單位名稱對應"
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_unit_alias")]

    def __str__(self) -> str:
        return f"{self.name} → {'各科室' if self.all_units else self.unit}"
