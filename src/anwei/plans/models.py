"""Special security plans (專案安全維護計畫), the letters (函) that dispatch them,
and the assignments (one per 正本 recipient) through which results come back.

Section texts are stored as JSON lists of {key, heading, body, required}; the body is
lines in the outline convention of plans.outline (一、（一）1、（1） renumbered on output).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from anwei.core.concurrency import Versioned
from anwei.core.periods import Period, PeriodUnit, unit_field
from anwei.lib import rocdate
from anwei.orgs.models import Agency


class Occasion(models.TextChoices):
    LUNAR_NEW_YEAR = "lunar_new_year", "春節"
    TOMB_SWEEPING = "tomb_sweeping", "清明"
    DRAGON_BOAT = "dragon_boat", "端午"
    MID_AUTUMN = "mid_autumn", "中秋"
    NATIONAL_DAY = "national_day", "國慶（十月慶典）"
    NEW_YEAR = "new_year", "元旦"
    ELECTION = "election", "選舉"
    OTHER = "other", "其他"


class PlanTemplate(Versioned):
    """A plan template for one occasion. agency=None rows are the shipped defaults;
    an agency adopts one (a copy it owns) and edits its copy."""

    agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="plan_templates", verbose_name="機關")
    occasion = models.CharField("節日／專案", max_length=20, choices=Occasion.choices)
    name = models.CharField("範本名稱", max_length=100)
    title_pattern = models.CharField(
        "計畫名稱格式", max_length=200,
        help_text="可用 {agency}（機關名稱）、{year}（民國年）、{election}（選舉名稱）")
    sections = models.JSONField("章節", default=list)
    lead_days = models.PositiveSmallIntegerField(
        "連續假期前提前天數", default=4,
        help_text="工作期間自連續假期第一天前多久開始（依計算單位），至假期後第一個上班日止")
    lead_unit = unit_field("提前期間計算單位", default=PeriodUnit.DAYS)
    result_workdays = models.PositiveSmallIntegerField(
        "成果報送期限（工作日）", default=5, help_text="工作期間結束後幾個工作日內報送執行成果")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "計畫範本"
        verbose_name_plural = "計畫範本"
        ordering = ["agency_id", "occasion", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "occasion"], name="uniq_template_per_occasion",
                                               condition=Q(agency__isnull=False))]

    def __str__(self) -> str:
        return self.name

    @property
    def is_default(self) -> bool:
        return self.agency_id is None

    @property
    def lead_period(self) -> Period:
        return Period(self.lead_days, self.lead_unit)


class SpecialPlan(Versioned):
    """One agency's plan for one occasion in one ROC year."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="special_plans",
                               verbose_name="機關")
    occasion = models.CharField("節日／專案", max_length=20, choices=Occasion.choices)
    election_name = models.CharField("選舉名稱", max_length=100, blank=True,
                                     help_text="例如 第15任總統副總統及第10屆立法委員選舉")
    year = models.PositiveSmallIntegerField("民國年")
    title = models.CharField("計畫名稱", max_length=200)
    period_start = models.DateField("工作期間起日")
    period_end = models.DateField("工作期間迄日")
    sections = models.JSONField("章節", default=list)
    result_workdays = models.PositiveSmallIntegerField("成果報送期限（工作日）", default=5)
    template = models.ForeignKey(PlanTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "專案安全維護計畫"
        verbose_name_plural = "專案安全維護計畫"
        ordering = ["-year", "-period_start", "-id"]
        # (year, agency): a superior office's views read one year of plans of hundreds of agencies
        indexes = [models.Index(fields=["agency", "occasion", "year"]), models.Index(fields=["year", "agency"])]

    def __str__(self) -> str:
        return self.title

    @property
    def days(self) -> int:
        """Days of the period, both ends included (112/1/16–1/30 is 15 days)."""
        return (self.period_end - self.period_start).days + 1

    def section(self, key: str) -> dict | None:
        return next((s for s in self.sections if s.get("key") == key), None)


class PlanReference(models.Model):
    """A letter cited under 依據: 法務部廉政署108年10月14日廉政字第10807018360號函."""

    class Kind(models.TextChoices):
        LETTER = "函", "函"
        BRIEF_LETTER = "書函", "書函"
        ORDER = "令", "令"
        ANNOUNCEMENT = "公告", "公告"

    plan = models.ForeignKey(SpecialPlan, on_delete=models.CASCADE, related_name="references")
    order = models.PositiveSmallIntegerField(default=0)
    issuer = models.CharField("發文機關", max_length=100)
    date = models.DateField("發文日期")
    number = models.CharField("文號", max_length=100, help_text="例如 廉政字第10807018360號")
    kind = models.CharField("文別", max_length=10, choices=Kind.choices, default=Kind.LETTER)

    class Meta:
        ordering = ["order", "id"]

    def citation(self) -> str:
        return f"{self.issuer}{rocdate.format_short(self.date)}{self.number}{self.kind}"


class DutyRow(models.Model):
    """One row of the duty table (分工表): a unit or agency and what it does."""

    plan = models.ForeignKey(SpecialPlan, on_delete=models.CASCADE, related_name="duties")
    order = models.PositiveSmallIntegerField(default=0)
    party = models.CharField("單位／機關", max_length=100)
    duties = models.TextField("分工事項")

    class Meta:
        ordering = ["order", "id"]


class PlanContact(models.Model):
    """狀況通報 contact. Personal data: listed only on the agency's own plan pages and in
    the dispatched plan text."""

    plan = models.ForeignKey(SpecialPlan, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField("姓名", max_length=50)
    role = models.CharField("職稱／任務", max_length=60, blank=True)
    office_phone = models.CharField("辦公室電話", max_length=50, blank=True)
    mobile = models.CharField("行動電話", max_length=50, blank=True)
    fax = models.CharField("傳真", max_length=50, blank=True)

    class Meta:
        ordering = ["order", "id"]


class RecipientGroup(Versioned):
    """A saved recipient list such as 本縣各公立國民中小學: explicit agencies and units, plus
    optionally every agency of a kind in the owner's subtree (so new schools are included)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="recipient_groups",
                               verbose_name="機關")
    name = models.CharField("群組名稱", max_length=100, help_text="發文時顯示的名稱，例如「本縣各公立國民中小學」")
    agency_kind = models.CharField("含所屬全部此類機關", max_length=20, blank=True,
                                   choices=[("", "（不自動納入）"), *Agency.Kind.choices])
    agencies = models.ManyToManyField("orgs.Agency", blank=True, related_name="+", verbose_name="所屬機關")
    units = models.ManyToManyField("orgs.Unit", blank=True, related_name="+", verbose_name="本機關單位")

    class Meta:
        verbose_name = "受文者群組"
        verbose_name_plural = "受文者群組"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_recipient_group_name")]

    def __str__(self) -> str:
        return self.name


class Letter(Versioned):
    """The 函 dispatching a plan. Numbered (發文字號) and dated only when dispatched."""

    class Speed(models.TextChoices):
        MOST_URGENT = "最速件", "最速件"
        URGENT = "速件", "速件"
        NORMAL = "普通件", "普通件"

    plan = models.OneToOneField(SpecialPlan, on_delete=models.PROTECT, related_name="letter")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="plan_letters")
    subject = models.TextField("主旨")
    explanation = models.TextField("說明", blank=True)
    speed = models.CharField("速別", max_length=10, choices=Speed.choices, default=Speed.NORMAL)
    secrecy = models.CharField("密等及解密條件或保密期限", max_length=100, blank=True)
    file_no = models.CharField("檔號", max_length=50, blank=True)
    retention = models.CharField("保存年限", max_length=20, blank=True)
    contact_name = models.CharField("承辦人", max_length=50, blank=True)
    contact_phone = models.CharField("電話", max_length=50, blank=True)
    contact_email = models.CharField("電子信箱", max_length=100, blank=True)
    extra_cc = models.TextField("其他副本", blank=True, help_text="不在機關樹中的副本受文者，一行一個")
    decision_level = models.CharField("決行層級", max_length=60, blank=True,
                                      help_text="授權決行時填寫，例如「授權單位主管決行」；首長親自決行免填")
    due = models.DateField("執行成果報送期限", null=True, blank=True)
    number = models.CharField("發文字號", max_length=120, blank=True)
    date = models.DateField("發文日期", null=True, blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    dispatched_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "函"
        verbose_name_plural = "函"
        constraints = [models.UniqueConstraint(fields=["agency", "number"], name="uniq_plan_letter_number",
                                               condition=~Q(number=""))]

    def __str__(self) -> str:
        return self.number or f"（草稿）{self.subject[:30]}"

    @property
    def is_dispatched(self) -> bool:
        return self.dispatched_at is not None


class LetterRecipient(models.Model):
    """One line of 正本 or 副本: a group, an agency or one of the sender's own units."""

    class Copy(models.TextChoices):
        MAIN = "main", "正本"
        CC = "cc", "副本"

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="recipients")
    copy = models.CharField(max_length=4, choices=Copy.choices)
    group = models.ForeignKey(RecipientGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    target_agency = models.ForeignKey("orgs.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    target_unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["copy", "order", "id"]

    def label(self) -> str:
        return str(self.group or self.target_agency or self.target_unit)


class Assignment(Versioned):
    """What one 正本 recipient must do under a dispatched plan: acknowledge receipt, then
    report results by `due`. `agency` is the recipient agency (the sender's own agency for
    an internal unit, with `unit` set), so the one policy decides who answers it."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="plan_assignments")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due = models.DateField("報送期限")
    received_at = models.DateTimeField("簽收時間", null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    result_text = models.TextField("執行成果", blank=True)
    reported_at = models.DateTimeField("成果報送時間", null=True, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reminded_at = models.DateTimeField("最近催辦時間", null=True, blank=True)
    remind_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "計畫執行分派"
        verbose_name_plural = "計畫執行分派"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "agency"], name="uniq_assignment_agency",
                                    condition=Q(unit__isnull=True)),
            models.UniqueConstraint(fields=["letter", "unit"], name="uniq_assignment_unit",
                                    condition=Q(unit__isnull=False)),
        ]
        indexes = [models.Index(fields=["agency", "reported_at"]), models.Index(fields=["unit", "reported_at"]),
                   models.Index(fields=["letter", "reported_at", "due"]),
                   # the reminder pass: results still owed, never the reported history
                   models.Index(fields=["due"], condition=Q(reported_at__isnull=True), name="plans_assignment_open")]

    def __str__(self) -> str:
        return f"{self.recipient_label()}：{self.letter}"

    def recipient_label(self) -> str:
        return self.unit.name if self.unit_id else self.agency.name

    def is_late(self, today: dt.date) -> bool:
        """Not reported and past due, or reported after the due date."""
        if self.reported_at is None:
            return today > self.due
        return self.reported_at.date() > self.due

    def policy_action(self) -> str:
        return "plans.assignment.respond_unit" if self.unit_id else "plans.assignment.respond"


class AssignmentFile(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="files")
    stored = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]
