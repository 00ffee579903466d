"""A document rendered in the background (long PDFs); only its requester can see it."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RenderJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "等待中"
        RUNNING = "running", "產生中"
        DONE = "done", "已完成"
        FAILED = "failed", "失敗"

    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                  verbose_name="申請人")
    builder = models.CharField("文件產生函式", max_length=200)
    kwargs = models.JSONField("參數", default=dict)
    fmt = models.CharField("格式", max_length=8)
    filename = models.CharField("檔名", max_length=200)
    status = models.CharField("狀態", max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.CharField("進度", max_length=200, blank=True)
    error = models.TextField("錯誤訊息", blank=True)
    result = models.BinaryField("檔案內容", null=True, editable=False)
    size = models.PositiveIntegerField("檔案大小", default=0)
    created_at = models.DateTimeField("建立時間", auto_now_add=True)
    finished_at = models.DateTimeField("完成時間", null=True, blank=True)

    class Meta:
        verbose_name = "文件產生工作"
        verbose_name_plural = "文件產生工作"
        indexes = [models.Index(fields=["requester", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.filename}.{self.fmt}（{self.get_status_display()}）"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def download_name(self) -> str:
        from anwei.documents.render import EXTENSIONS

        return f"{self.filename}.{EXTENSIONS.get(self.fmt, self.fmt)}"
