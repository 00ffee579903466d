"""宣導 (awareness): events and actions (講習、會議宣導、電子郵件…) with their counts, and the library of
cases in the seeds' shape (【實際案例】【問題解析】【防範措施】) that events and work reports reuse.

An event counts in the period that holds its first day (`start_date`): an event on the last day of a
period belongs to it, one on the next day to the next period, whatever its length.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models

from anwei.core.concurrency import Versioned


class Topic(models.Model):
    """A topic of awareness. Rows with no agency are the list every agency starts with (migration 0002);
    an agency extends it with its own rows."""

    agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="awareness_topics", verbose_name="機關")
    name = models.CharField("主題", max_length=50)
    order = models.PositiveSmallIntegerField("順序", default=100)

    class Meta:
        verbose_name = "宣導主題"
        verbose_name_plural = "宣導主題"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_awareness_topic")]

    def __str__(self) -> str:
        return self.name


class Form(models.TextChoices):
    TRAINING = "training", "講習/訓練"
    MEETING = "meeting", "會議宣導"
    EMAIL = "email", "電子郵件"
    NOTICE = "notice", "公告"
    POSTER = "poster", "海報或文宣"
    WEBSITE = "website", "網站"
    OTHER = "other", "其他"


class Case(Versioned):
    """A case for the library. A superior ethics office publishes its cases to its subordinate agencies,
    which see them in their library (read only)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="awareness_cases",
                               verbose_name="機關")
    title = models.CharField("案例名稱", max_length=200, help_text="例如：公務機關網站加強資訊安全防護措施宣導")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+", verbose_name="主題")
    incident = models.TextField("實際案例", max_length=4000)
    analysis = models.TextField("問題解析", max_length=4000, blank=True)
    prevention = models.TextField("防範措施", max_length=4000, blank=True)
    source = models.CharField("資料來源", max_length=100, blank=True, help_text="例如：法務部廉政署")
    source_date = models.DateField("資料日期", null=True, blank=True)
    published = models.BooleanField("提供所屬機關使用", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "宣導案例"
        verbose_name_plural = "宣導案例"
        ordering = ["-source_date", "-id"]
        indexes = [models.Index(fields=["agency", "published"])]

    def __str__(self) -> str:
        return self.title

    def full_text(self) -> str:
        """The case as the seeds print it."""
        parts = [f"【實際案例】\n{self.incident.strip()}"]
        if self.analysis.strip():
            parts.append(f"【問題解析】\n{self.analysis.strip()}")
        if self.prevention.strip():
            parts.append(f"【防範措施】\n{self.prevention.strip()}")
        if self.source.strip():
            parts.append(f"（資料來源：{self.source.strip()}）")
        return "\n".join(parts)


class Event(Versioned):
    """One awareness event or action."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="awareness_events",
                               verbose_name="機關")
    title = models.CharField("名稱", max_length=200, help_text="例如：公務機密維護講習")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+", verbose_name="主題")
    form = models.CharField("方式", max_length=20, choices=Form.choices, default=Form.TRAINING)
    start_date = models.DateField("日期（起）")
    end_date = models.DateField("日期（迄）", null=True, blank=True, help_text="只有一天者免填")
    audience_units = models.ManyToManyField("orgs.Unit", blank=True, related_name="+", verbose_name="對象單位")
    audience_agencies = models.ManyToManyField("orgs.Agency", blank=True, related_name="+", verbose_name="對象所屬機關")
    audience_note = models.CharField("對象說明", max_length=200, blank=True, help_text="例如：全體同仁")
    audience_count = models.PositiveIntegerField("參加（宣導）人數", null=True, blank=True)
    speaker = models.CharField("講座／資料來源", max_length=100, blank=True)
    summary = models.TextField("內容摘要", max_length=2000, blank=True)
    materials = models.ManyToManyField("core.StoredFile", blank=True, related_name="+", verbose_name="教材檔案")
    cases = models.ManyToManyField(Case, blank=True, related_name="events", verbose_name="使用的案例")
    # Where it came from: a meeting ruling's tracked item, a plan's 工作重點, an incident … (generic).
    origin_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    origin = GenericForeignKey("origin_type", "origin_id")
    origin_label = models.CharField("來源", max_length=200, blank=True)
    # Which line of the origin it carries out, as people cite it: a plan's 陸、三、（三）.
    origin_key = models.CharField("來源項目", max_length=40, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "宣導活動"
        verbose_name_plural = "宣導活動"
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["agency", "start_date"]),
                   models.Index(fields=["origin_type", "origin_id"])]

    def __str__(self) -> str:
        return self.title

    @property
    def last_date(self):
        return self.end_date or self.start_date


# The words that make a plan's line an awareness duty (「加強宣導保密規定」「請適時提醒員工…」): the nationwide default.
DEFAULT_DUTY_WORDS = ("宣導", "提醒", "講習", "教育訓練", "說明會")


class DutyWords(Versioned):
    """The words that mark a plan's line as an awareness duty, as rule data. The row with no agency is the
    nationwide default (migration 0004); an agency's own row (edited by its ethics officer) replaces it for
    that agency, and an agency without one, or whose row is empty, inherits the default."""

    agency = models.OneToOneField("orgs.Agency", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="awareness_duty_words", verbose_name="機關",
                                  help_text="空白為全國預設；各機關未設定者適用預設")
    words = models.TextField("宣導工作關鍵字", max_length=500, blank=True,
                             help_text="一行一個；計畫的工作重點含任一關鍵字者，列為宣導工作")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="設定者")
    updated_at = models.DateTimeField("設定時間", auto_now=True)

    class Meta:
        verbose_name = "宣導工作關鍵字"
        verbose_name_plural = "宣導工作關鍵字"
        constraints = [models.UniqueConstraint(fields=["agency"], condition=models.Q(agency__isnull=True),
                                               name="uniq_awareness_duty_words_default")]

    def __str__(self) -> str:
        return f"{self.agency or '全國預設'}：{'、'.join(self.word_list())}"

    def word_list(self) -> list[str]:
        return [w.strip() for w in self.words.replace("、", "\n").splitlines() if w.strip()]
