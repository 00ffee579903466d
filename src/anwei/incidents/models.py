"""Incident reports (狀況通報): an incident of a category, the chain of parties its category owes a
notification to (rules with effective dates per agency), the notifications actually made, the
初報／續報／結報 entries, the superior office's comments, follow-ups (tracked items) and closure.

Times are aware datetimes (stored UTC, shown and entered in Asia/Taipei). Each required party's
deadline is fixed when the incident is reported, from the rule in force on the day of discovery.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from anwei.core.concurrency import Versioned
from anwei.core.periods import Period, PeriodUnit
from anwei.core.rulebook import RuleRow
from anwei.orgs.models import Agency, Person, Unit


class Category(models.TextChoices):
    SECURITY = "security", "危安"
    INFOSEC = "infosec", "資安"
    LEAK = "leak", "洩密"
    PROTEST = "protest", "陳情抗議"
    DISASTER = "disaster", "災害及其他偶突發事件"


class Party(models.TextChoices):
    ETHICS_UNIT = "ethics_unit", "政風單位"
    AGENCY_HEAD = "head", "機關首長"
    SUPERIOR_ETHICS = "superior_ethics", "上級政風機構"
    INFOSEC_OFFICER = "infosec_officer", "機關資通安全長（資安窗口）"
    POLICE_FIRE = "police_fire", "警察或消防機關"
    INVESTIGATION = "investigation", "當地調查站（處）"


class PeriodKind(models.TextChoices):
    HOURS = "hours", "小時（鐘點計算，夜間及假日照計）"
    IMMEDIATE = "immediate", "立即（數字為容許分鐘數）"
    WORKDAYS = "workdays", "工作日（至該工作日終了）"
    DAYS = "days", "日曆天（至該日終了）"


class CategoryRule(RuleRow, models.Model):
    """How a category is handled, in force from `starts_on` (agency empty: every agency's default). A superior
    office's row is the default of its subtree (anwei.core.rulebook): an agency's own row on the same or a later
    date takes precedence unless the superior fixed its row."""

    KIND_FIELD = "category"

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="機關", help_text="空白表示全部機關適用")
    category = models.CharField("類別", max_length=20, choices=Category.choices)
    starts_on = models.DateField("生效日", help_text="此日（含）以後發現的狀況適用")
    restricted = models.BooleanField("保密處理", default=False,
                                     help_text="僅通報人、政風單位、機關首長及上級政風機構可閱覽")
    superior_sees = models.BooleanField("上級政風機構可閱覽", default=True)
    needs_level = models.BooleanField("須判定等級", default=False)
    levels = models.TextField("等級", blank=True, max_length=2000, help_text="一行一級")
    examples = models.CharField("範圍", max_length=200, blank=True)
    basis = models.CharField("依據", max_length=300, blank=True)
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律適用本規定，不得另訂")
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")

    class Meta:
        verbose_name = "狀況通報類別規定"
        verbose_name_plural = "狀況通報類別規定"
        ordering = ["category", "-starts_on"]
        indexes = [models.Index(fields=["category", "starts_on"])]

    def __str__(self) -> str:
        where = self.agency.name if self.agency_id else "全部機關"
        return f"{self.get_category_display()}（{where}，{self.starts_on.isoformat()}起）"

    def level_list(self) -> list[str]:
        return [line.strip() for line in self.levels.splitlines() if line.strip()]

    def rule_summary(self) -> str:
        """What the row says, in words (the rule pages)."""
        parts = ["保密處理" if self.restricted else "一般處理",
                 "上級政風機構可閱覽" if self.superior_sees else "上級政風機構不可閱覽"]
        if self.needs_level:
            parts.append(f"須判定等級（{len(self.level_list())}級）")
        return "；".join(parts)


class ChainRule(RuleRow, models.Model):
    """One party of a category's notification chain and its period, in force from `starts_on`.
    `required` False removes a party from that date on. A superior office's row is the default of its subtree
    (anwei.core.rulebook): an agency's own row on the same or a later date wins unless the superior fixed its row."""

    BASIS_FIELD = "note"

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="機關", help_text="空白表示全部機關適用")
    category = models.CharField("類別", max_length=20, choices=Category.choices)
    party = models.CharField("通報對象", max_length=20, choices=Party.choices)
    period_kind = models.CharField("期限計算方式", max_length=10, choices=PeriodKind.choices)
    amount = models.PositiveSmallIntegerField("期限數值", help_text="小時數、分鐘數或工作日數，依計算方式")
    starts_on = models.DateField("生效日")
    required = models.BooleanField("應通報", default=True)
    note = models.CharField("說明", max_length=200, blank=True)
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律適用本規定，不得另訂")
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")

    class Meta:
        verbose_name = "狀況通報對象與時限"
        verbose_name_plural = "狀況通報對象與時限"
        ordering = ["category", "party", "-starts_on"]
        indexes = [models.Index(fields=["category", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()}→{self.get_party_display()} {self.period_text()}"

    def period_text(self) -> str:
        return period_text(self.period_kind, self.amount)

    @property
    def kind_label(self) -> str:
        return f"{self.get_category_display()} → {self.get_party_display()}"

    @property
    def period(self) -> Period:
        return Period(self.amount, PERIOD_UNITS[self.period_kind])

    def rule_summary(self) -> str:
        return self.period_text() if self.required else "自生效日起免通報此對象"


def period_text(kind: str, amount: int) -> str:
    if kind == PeriodKind.HOURS:
        return f"{amount}小時內（鐘點計算）"
    if kind == PeriodKind.IMMEDIATE:
        return f"立即（{amount}分鐘內）"
    if kind == PeriodKind.DAYS:
        return f"{amount}日內"
    return f"{amount}個工作日內"


# Each way of counting a party's deadline as the period every rule uses (incidents.deadlines counts them).
PERIOD_UNITS = {PeriodKind.HOURS: PeriodUnit.HOURS, PeriodKind.IMMEDIATE: PeriodUnit.MINUTES,
                PeriodKind.WORKDAYS: PeriodUnit.WORKDAYS, PeriodKind.DAYS: PeriodUnit.DAYS}


class Status(models.TextChoices):
    OPEN = "open", "處理中"
    CLOSED = "closed", "已結案"


class Incident(Versioned):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="incidents", verbose_name="機關")
    number = models.CharField("編號", max_length=20)
    reporter = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name="通報人")
    reporter_label = models.CharField("通報人", max_length=120)
    reporter_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                      verbose_name="通報人單位")
    category = models.CharField("類別", max_length=20, choices=Category.choices, db_index=True)
    level = models.CharField("等級", max_length=200, blank=True)
    title = models.CharField("事由", max_length=100)
    description = models.TextField("發生經過", max_length=4000)
    place = models.CharField("地點", max_length=200)
    occurred_at = models.DateTimeField("發生時間")
    discovered_at = models.DateTimeField("發現時間")
    involved = models.TextField("涉及單位或人員", max_length=1000, blank=True)
    actions = models.TextField("已採取之處置", max_length=2000, blank=True)
    restricted = models.BooleanField("保密處理", default=False)
    superior_sees = models.BooleanField("上級政風機構可閱覽", default=True)
    category_rule = models.ForeignKey(CategoryRule, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey("plans.SpecialPlan", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="incidents", verbose_name="專案安全維護計畫")
    status = models.CharField("狀態", max_length=10, choices=Status.choices, default=Status.OPEN)
    # Set while a required party is still owed a notification: the reminder pass reads only these.
    owes = models.BooleanField("尚有應通報對象", default=True)
    conclusion = models.TextField("結案說明", max_length=4000, blank=True)
    closed_at = models.DateTimeField("結案時間", null=True, blank=True)
    closed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("通報時間")

    class Meta:
        verbose_name = "狀況通報"
        verbose_name_plural = "狀況通報"
        ordering = ["-discovered_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(discovered_at__gte=models.F("occurred_at")),
                                   name="incident_discovered_after_occurred"),
            models.UniqueConstraint(fields=["agency", "number"], name="uniq_incident_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "discovered_at"]),
            models.Index(fields=["owes", "status"], condition=Q(owes=True), name="incident_owes"),
        ]

    def __str__(self) -> str:
        return f"狀況通報 {self.number}"

    def policy_owner_id(self) -> int | None:
        return self.reporter_id

    def public_title(self) -> str:
        """What a notice or an e-mail may say: a restricted (保密) incident's subject stays in the system."""
        return "保密處理，請登入系統檢視" if self.restricted else self.title

    def policy_unit_ids(self) -> list[int]:
        return [self.reporter_unit_id] if self.reporter_unit_id else []

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN


class Attachment(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="attachments")
    stored = models.OneToOneField("core.StoredFile", on_delete=models.PROTECT, related_name="+")
    caption = models.CharField("說明", max_length=200, blank=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self) -> str:
        return self.caption or self.stored.name


class Clock(models.TextChoices):
    IN_TIME = "in_time", "已如期通報"
    LATE = "late", "逾時通報"
    OWED = "owed", "尚未通報"
    OVERDUE = "overdue", "逾時未通報"


class RequiredParty(models.Model):
    """A party the incident's chain requires, with its deadline (fixed when reported) and, once
    notified, the first notification that reached it."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="parties")
    party = models.CharField("通報對象", max_length=20, choices=Party.choices)
    period_kind = models.CharField("期限計算方式", max_length=10, choices=PeriodKind.choices)
    amount = models.PositiveSmallIntegerField("期限數值")
    due_at = models.DateTimeField("通報期限")
    rule = models.ForeignKey(ChainRule, on_delete=models.PROTECT, related_name="+")
    notified_at = models.DateTimeField("通報時間", null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "應通報對象"
        verbose_name_plural = "應通報對象"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["incident", "party"], name="uniq_incident_party")]

    def __str__(self) -> str:
        return self.get_party_display()

    def period_text(self) -> str:
        return period_text(self.period_kind, self.amount)

    def clock(self, now: dt.datetime) -> str:
        if self.notified_at is not None:
            return Clock.IN_TIME if self.notified_at <= self.due_at else Clock.LATE
        return Clock.OVERDUE if now > self.due_at else Clock.OWED

    def clock_label(self, now: dt.datetime) -> str:
        return Clock(self.clock(now)).label


class Method(models.TextChoices):
    PHONE = "phone", "電話"
    EMAIL = "email", "電子郵件"
    LETTER = "letter", "公文"
    SYSTEM = "system", "通報系統"
    IN_PERSON = "in_person", "當面報告"


class NotificationMade(models.Model):
    """A notification the ethics officer actually made: to whom, how, when."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notifications")
    party = models.CharField("通報對象", max_length=20, choices=Party.choices)
    recipient = models.CharField("受通報人", max_length=100, help_text="職稱姓名或單位")
    method = models.CharField("方式", max_length=10, choices=Method.choices)
    notified_at = models.DateTimeField("通報時間")
    note = models.CharField("備註", max_length=300, blank=True)
    late = models.BooleanField("逾時", default=False)
    recorded_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "通報紀錄"
        verbose_name_plural = "通報紀錄"
        ordering = ["notified_at", "id"]

    def __str__(self) -> str:
        return f"通報{self.get_party_display()}"


class Stage(models.TextChoices):
    FIRST = "first", "初報"
    FOLLOW = "follow", "續報"
    FINAL = "final", "結報"


class Entry(models.Model):
    """初報／續報／結報: what the officer reports up the chain as the case develops."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="entries")
    stage = models.CharField("階段", max_length=10, choices=Stage.choices)
    text = models.TextField("內容", max_length=4000)
    author = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    author_label = models.CharField("填報人", max_length=120)
    created_at = models.DateTimeField("填報時間")

    class Meta:
        verbose_name = "通報內容"
        verbose_name_plural = "通報內容"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.get_stage_display()


class Comment(models.Model):
    """The superior ethics office's comment, or its request for more."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField("意見", max_length=2000)
    asks_more = models.BooleanField("請補充續報", default=False)
    # Set by the next 續報／結報: until then a request for more is the ethics unit's to-do.
    answered_at = models.DateTimeField("已補充時間", null=True, blank=True)
    author = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    author_label = models.CharField("提出人", max_length=120)
    created_at = models.DateTimeField("時間")

    class Meta:
        verbose_name = "上級意見"
        verbose_name_plural = "上級意見"
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["asks_more"], condition=Q(asks_more=True, answered_at__isnull=True),
                                name="incident_comment_open")]

    def __str__(self) -> str:
        return "上級意見"


class FollowUp(models.Model):
    """A follow-up action, tracked in the one tracking engine."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="follow_ups")
    tracked_item = models.OneToOneField("tracking.TrackedItem", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "後續改善"
        verbose_name_plural = "後續改善"

    def __str__(self) -> str:
        return f"後續改善 #{self.pk}"
