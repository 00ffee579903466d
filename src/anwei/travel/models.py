"""Travel to mainland China (赴陸): rules with effective dates, applications (or a classified
retiree's declaration), and the return report (返臺通報表) that follows each trip.

A trip is one TravelApplication row. Serving staff apply and are reviewed (unit head, then the
ethics unit); a classified retiree (涉密退離職人員) declares, and the ethics officer records it.
Both owe a return report within the working days of the rule in force when they filed.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from anwei.core.concurrency import Versioned
from anwei.core.periods import Period, PeriodUnit, unit_field
from anwei.core.rulebook import RuleRow
from anwei.orgs.models import Agency, Grade, Person, Unit


class RuleKind(models.TextChoices):
    APPLICATION_LEAD = "application_lead", "赴陸申請（出發前工作日數）"
    RETURN_REPORT = "return_report", "返臺通報（返臺後工作日數）"
    RETIREE_LEAD = "retiree_lead", "涉密退離職人員入境前申報（工作日數）"
    RETIREE_REPORT = "retiree_report", "涉密退離職人員返臺後申報（工作日數）"
    HKMO_NOTICE = "hkmo_notice", "赴港澳出境前通報（出境前期間）"
    HKMO_MEETING = "hkmo_meeting", "赴港澳預定與特定人士會面（出境前期間）"
    HKMO_UNPLANNED = "hkmo_unplanned", "赴港澳非預期接觸返臺後通報（返臺後期間）"


class Region(models.TextChoices):
    """Where the trip goes: the mainland (兩岸條例) or Hong Kong / Macau (香港澳門關係條例), each with its own rules."""

    MAINLAND = "mainland", "大陸地區"
    HONG_KONG = "hong_kong", "香港"
    MACAU = "macau", "澳門"


HKMO = (Region.HONG_KONG, Region.MACAU)


class Purpose(models.TextChoices):
    FAMILY = "family", "探親"
    TOURISM = "tourism", "旅遊"
    PRIVATE_OTHER = "private_other", "其他私人事由"
    OFFICIAL = "official", "公務"


class Approval(models.TextChoices):
    UNIT_HEAD_AND_ETHICS = "unit_head_and_ethics", "單位主管審核後，送政風單位審核"
    ETHICS_ONLY = "ethics_only", "逕送政風單位審核"


class TravelRule(RuleRow, models.Model):
    """One rule, in force from `starts_on` until a later row of the same kind replaces it.

    agency empty = the default for every agency; a superior office's row is the default of its subtree; an
    agency's own row with the same or a later start date takes precedence unless a superior fixed its row
    (see selectors.rule_in_force, anwei.lib.ruletree)."""

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="travel_rules",
                               verbose_name="機關", help_text="空白表示全部機關適用")
    kind = models.CharField("規定類別", max_length=30, choices=RuleKind.choices)
    working_days = models.PositiveSmallIntegerField("期間數值", help_text="依計算單位：工作日數、日數、月數等")
    unit = unit_field(default=PeriodUnit.WORKDAYS)
    starts_on = models.DateField("生效日", help_text="此日（含）以後提出的申請適用本規定")
    approval = models.CharField("審核流程", max_length=30, choices=Approval.choices, blank=True,
                                help_text="僅「赴陸申請」適用")
    head_to_superior = models.BooleanField("機關首長向直屬上級機關申請", default=True)
    declarations = models.TextField("應勾選之聲明事項", blank=True, max_length=4000, help_text="一行一項；申請時須逐項勾選")
    note = models.TextField("規定內容", blank=True, max_length=2000)
    basis = models.CharField("依據", max_length=300, blank=True)
    # Conditions: empty means every traveller. A row with conditions applies only where they all hold, and
    # then before the rows without (selectors.rule_in_force).
    grade = models.CharField("適用官等", max_length=12, choices=Grade.choices, blank=True)
    rank_min = models.PositiveSmallIntegerField("適用職等（以上）", null=True, blank=True)
    agency_kind = models.CharField("適用機關類別", max_length=20, choices=Agency.Kind.choices, blank=True)
    purpose = models.CharField("適用事由", max_length=20, choices=Purpose.choices, blank=True)
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律適用本規定，不得另訂")
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")

    class Meta:
        verbose_name = "赴陸規定"
        verbose_name_plural = "赴陸規定"
        ordering = ["kind", "-starts_on"]
        indexes = [models.Index(fields=["kind", "starts_on"])]

    def __str__(self) -> str:
        where = self.agency.name if self.agency_id else "全部機關"
        return f"{self.get_kind_display()} {self.period.text()}（{where}，{self.starts_on.isoformat()}起）"

    @property
    def period(self) -> Period:
        return Period(self.working_days, self.unit)

    def conditions_text(self) -> str:
        parts = []
        if self.grade:
            parts.append(f"{self.get_grade_display()}{f'第{self.rank_min}職等以上' if self.rank_min else ''}")
        if self.agency_kind:
            parts.append(self.get_agency_kind_display())
        if self.purpose:
            parts.append(self.get_purpose_display())
        return "、".join(parts)

    def declaration_list(self) -> list[str]:
        return [line.strip() for line in self.declarations.splitlines() if line.strip()]

    def rule_summary(self) -> str:
        said = f"{len(self.declaration_list())}項" if self.declarations else "沿用"
        return f"適用對象：{self.conditions_text() or '全部'}；聲明事項：{said}"


class ClassifiedRetiree(Versioned):
    """涉密退離職人員: a former staff member who must declare trips to the former agency for the
    period the agency set (1 to 3 years after the control period ends)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="classified_retirees",
                               verbose_name="原服務機關")
    full_name = models.CharField("姓名", max_length=50)
    former_title = models.CharField("原職稱", max_length=50, blank=True)
    former_unit = models.CharField("原服務單位", max_length=50, blank=True)
    left_on = models.DateField("退離職日")
    control_ends_on = models.DateField("管制赴陸期間屆滿日")
    declaration_years = models.PositiveSmallIntegerField("申報期間（年）", choices=[(1, "1年"), (2, "2年"), (3, "3年")])
    contact = models.CharField("聯絡方式", max_length=100, blank=True)
    created_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "涉密退離職人員"
        verbose_name_plural = "涉密退離職人員"
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["agency", "control_ends_on"])]

    def __str__(self) -> str:
        return self.full_name

    def declaration_until(self) -> dt.date:
        """Last day of the declaration period: control end plus the years the agency set."""
        end = self.control_ends_on
        try:
            return end.replace(year=end.year + self.declaration_years)
        except ValueError:  # 29 February
            return end.replace(year=end.year + self.declaration_years, day=28)

    def must_declare_on(self, day: dt.date) -> bool:
        return self.control_ends_on < day <= self.declaration_until()


class Status(models.TextChoices):
    UNIT_REVIEW = "unit_review", "待單位主管審核"
    ETHICS_REVIEW = "ethics_review", "待政風單位審核"
    RETURNED = "returned", "退回補正"
    APPROVED = "approved", "已核准"
    REFUSED = "refused", "不予同意"
    DECLARED = "declared", "已申報"


class TravelApplication(Versioned):
    """A trip filed in advance: a serving staff member's application, or a classified retiree's
    declaration (exactly one of traveller / retiree is set)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="travel_applications",
                               verbose_name="服務機關")
    reviewing_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="travel_reviews",
                                         verbose_name="受理機關")
    traveller = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="travel_applications", verbose_name="申請人")
    retiree = models.ForeignKey(ClassifiedRetiree, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="trips", verbose_name="涉密退離職人員")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="單位")
    traveller_name = models.CharField("姓名", max_length=50)
    traveller_title = models.CharField("職稱", max_length=50, blank=True)

    region = models.CharField("前往地區別", max_length=12, choices=Region.choices, default=Region.MAINLAND,
                              db_default=Region.MAINLAND)
    meets_specified = models.BooleanField("預定與特定人士會面", default=False, db_default=False,
                                          help_text="赴港澳預定與大陸地區黨政軍等特定人士會面者，適用較長的出境前期間")
    purpose = models.CharField("事由", max_length=20, choices=Purpose.choices)
    purpose_detail = models.CharField("事由說明", max_length=200, blank=True)
    destinations = models.TextField("前往地區")
    transit_stops = models.CharField("轉機地點", max_length=200, blank=True)
    transit_mainland = models.BooleanField("經大陸地區機場轉機", default=False)
    departure_on = models.DateField("出發日期")
    return_on = models.DateField("返臺日期")
    urgent = models.BooleanField("急迫情形", default=False)
    urgent_reason = models.TextField("急迫情形說明", blank=True)
    declarations_accepted = models.JSONField("已勾選之聲明事項", default=list)

    filed_on = models.DateField("申請日期", db_index=True)
    lead_workdays = models.PositiveSmallIntegerField("應於出發前工作日數")
    report_workdays = models.PositiveSmallIntegerField("返臺後通報工作日數")
    lead_rule = models.ForeignKey(TravelRule, on_delete=models.PROTECT, related_name="+")
    report_rule = models.ForeignKey(TravelRule, on_delete=models.PROTECT, related_name="+")
    apply_by = models.DateField("應申請期限")
    late_filing = models.BooleanField("逾期申請", default=False)

    status = models.CharField("狀態", max_length=20, choices=Status.choices)
    handles_classified = models.BooleanField("涉及國家安全、利益或機密業務", null=True, blank=True)
    unit_reviewer = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    unit_reviewed_at = models.DateTimeField(null=True, blank=True)
    unit_reviewer_label = models.CharField("單位審核者", max_length=120, blank=True,
                                           help_text="審核者職稱姓名；代理或主管出缺時註明")
    ethics_reviewer = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    ethics_reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField("審核意見", blank=True)
    report_due = models.DateField("返臺通報期限", null=True, blank=True)
    # Set when the return report is filed: the reminder pass reads only trips still owing one (index below).
    report_filed = models.BooleanField("已填報返臺通報", default=False)
    created_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "赴陸申請"
        verbose_name_plural = "赴陸申請"
        ordering = ["-filed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(traveller__isnull=False, retiree__isnull=True)
                           | Q(traveller__isnull=True, retiree__isnull=False)),
                name="travel_one_traveller"),
            models.CheckConstraint(condition=Q(return_on__gte=models.F("departure_on")), name="travel_return_after"),
        ]
        indexes = [
            models.Index(fields=["reviewing_agency", "status"]),
            models.Index(fields=["agency", "status", "report_due"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["report_filed", "status", "report_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.traveller_name} 赴陸{self.kind_label()}（{self.departure_on.isoformat()}）"

    # policy hooks: the traveller owns the record; the unit head sees the unit's records.
    @property
    def lead_period(self) -> Period:
        """The lead period fixed at filing (the amount is copied; the unit is the rule's)."""
        return Period(self.lead_workdays, self.lead_rule.unit)

    @property
    def report_period(self) -> Period:
        return Period(self.report_workdays, self.report_rule.unit)

    def policy_owner_id(self) -> int | None:
        return self.traveller_id

    def is_retiree(self) -> bool:
        return self.retiree_id is not None

    def kind_label(self) -> str:
        return "申報" if self.is_retiree() else "申請"

    def is_open_for_report(self) -> bool:
        return self.status in (Status.APPROVED, Status.DECLARED)

    def report_overdue_on(self, today: dt.date) -> bool:
        return self.report_due is not None and today > self.report_due


class ReturnReport(models.Model):
    """返臺通報表. Filed once; `late` is fixed when filed, so statistics never change afterwards."""

    application = models.OneToOneField(TravelApplication, on_delete=models.PROTECT, related_name="return_report",
                                       verbose_name="赴陸申請")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    filed_on = models.DateField("通報日期", db_index=True)
    actual_departure_on = models.DateField("實際出發日期")
    actual_return_on = models.DateField("實際返臺日期")
    places = models.TextField("實際停留地區")
    contacted_officials = models.BooleanField("曾與大陸地區官方、黨務或軍方人員接觸", default=False)
    contact_detail = models.TextField("接觸情形", blank=True)
    incidents = models.BooleanField("曾遭受盤查、留置、威脅利誘或其他異常情形", default=False)
    incident_detail = models.TextField("異常情形說明", blank=True)
    note = models.TextField("其他應說明事項", blank=True)
    late = models.BooleanField("逾期通報", default=False)
    filed_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "返臺通報表"
        verbose_name_plural = "返臺通報表"
        indexes = [models.Index(fields=["agency", "filed_on"])]

    def __str__(self) -> str:
        return f"{self.application.traveller_name} 返臺通報（{self.filed_on.isoformat()}）"
