"""Shared models: working-day overrides, the audit log, letter-number (文號) counters."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarOverride(models.Model):
    """A day whose status differs from the published calendar: a typhoon closure
    (停止上班), or a revision of the official calendar made after release.

    Scope: nationwide (scope_path empty), a city or county and every agency under it (the agency's
    tree path with `subtree`), or one agency only (its path without `subtree`). The most specific row
    that applies to an agency wins. `core` knows agencies only by their tree path, so it stays below `orgs`."""

    date = models.DateField("日期")
    is_workday = models.BooleanField("是否上班", help_text="勾選表示當天上班；不勾選表示停止上班（例如颱風假）")
    reason = models.CharField("原因", max_length=100)
    scope_path = models.CharField("適用範圍（機關樹路徑）", max_length=255, blank=True, default="", db_default="",
                                  help_text="空白表示全國")
    scope_name = models.CharField("適用範圍", max_length=100, blank=True, default="", db_default="",
                                  help_text="宣布停止上班的縣市或機關名稱")
    subtree = models.BooleanField("含所屬機關", default=True, db_default=True,
                                  help_text="勾選表示該縣市（機關）及其所屬機關都適用；不勾選表示只適用該機關")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "行事曆調整"
        verbose_name_plural = "行事曆調整"
        ordering = ["date", "scope_path"]
        constraints = [models.UniqueConstraint(fields=["date", "scope_path"], name="uniq_calendar_override_scope")]

    def __str__(self) -> str:
        where = self.scope_name or "全國"
        if self.scope_path and not self.subtree:
            where += "（僅該機關）"
        return f"{self.date} {where}{'上班' if self.is_workday else '停止上班'}（{self.reason}）"

    def applies_to(self, path: str) -> bool:
        if not self.scope_path:
            return True
        return path == self.scope_path or (self.subtree and path.startswith(self.scope_path))


class AuditEntry(models.Model):
    """One append-only row per change, chained by SHA-256 so edits are detectable.

    Rows form one chain per top-level agency (a county and everything below it) and one for
    changes under no agency, so that unrelated writes do not queue behind one lock. `digest`
    covers every other field plus the previous row's digest in the same chain; changing or
    deleting a row breaks its chain from that row on (see core.audit.audit_verify). Rows written
    before chains were split carry chain "" (one chain, as they were written).
    """

    at = models.DateTimeField("時間", db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name="操作者")
    actor_label = models.CharField("操作者名稱", max_length=150, blank=True)
    agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="機關")
    action = models.CharField("動作", max_length=80)
    object_type = models.CharField("物件類型", max_length=80)
    object_id = models.CharField("物件編號", max_length=64)
    object_label = models.CharField("物件", max_length=300, blank=True)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改後", null=True, blank=True)
    chain = models.CharField("雜湊鏈", max_length=20, default="")
    prev_digest = models.CharField(max_length=64)
    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "稽核紀錄"
        verbose_name_plural = "稽核紀錄"
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id", "id"]), models.Index(fields=["chain", "id"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"


class AuditChain(models.Model):
    """A chain's last digest and length; locking its row serialises appends to that chain only."""

    chain = models.CharField(max_length=20, primary_key=True)
    last_digest = models.CharField(max_length=64, default="0" * 64)
    count = models.PositiveBigIntegerField(default=0)
    # HMAC-SHA256 of (chain, count, last_digest) under settings.AUDIT_KEY, kept outside the database:
    # whoever rewrites rows and recomputes the chain cannot seal the new end.
    seal = models.CharField(max_length=64, blank=True, default="")

    def __str__(self) -> str:
        return self.chain or "（分鏈前）"


class DataVersion(models.Model):
    """How many audited changes a scope ("global", "own:<agency>", "tree:<agency>") has seen:
    what cached pages are keyed under (core.dataversion). Written with raw SQL, one upsert per change."""

    scope = models.CharField(max_length=40, primary_key=True)
    n = models.PositiveBigIntegerField(default=0)


class LetterNumberPattern(models.Model):
    """An agency's 文號 pattern, e.g. 府政行字第{year:03}{serial:07}號.

    Placeholders: {year} (ROC year), {serial}; format specs as in Python.
    """

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="letter_patterns",
                               verbose_name="機關")
    name = models.CharField("名稱", max_length=50, default="發文字號")
    pattern = models.CharField("字號格式", max_length=100, help_text="例如 府政行字第{year:03}{serial:07}號")
    is_default = models.BooleanField("預設", default=True)

    class Meta:
        verbose_name = "文號格式"
        verbose_name_plural = "文號格式"
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_pattern_name_per_agency")]

    def __str__(self) -> str:
        return f"{self.agency} {self.name}：{self.pattern}"


class LetterNumberCounter(models.Model):
    pattern = models.ForeignKey(LetterNumberPattern, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField("民國年")
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pattern", "year"], name="uniq_counter_per_year")]


class IssuedLetterNumber(models.Model):
    """Every number handed out; the unique constraint is the last line of defence."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("文號", max_length=120)
    issued_at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField("用途", max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "number"], name="uniq_letter_number")]


class StoredFile(models.Model):
    """An uploaded file (attachment, evidence, slides). Kept under settings.UPLOAD_DIR,
    outside the web root; served only by a view that checks the owning record."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    name = models.CharField("檔名", max_length=200)  # sanitised original name, shown to people
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    relpath = models.CharField(max_length=300, unique=True)  # under UPLOAD_DIR; never derived from the name

    class Meta:
        verbose_name = "上傳檔案"
        verbose_name_plural = "上傳檔案"

    def __str__(self) -> str:
        return self.name
