"""列管: the one tracking engine. Meeting directives, proposal resolutions, report rulings and
(later) inspection deficiencies all become TrackedItems with the same progress-and-release loop:
a ProgressRound collects each unit's ProgressReport, and a TrackingDecision (繼續/解除列管)
is the only way an item is released."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from anwei.core.concurrency import Versioned


class TrackedItem(Versioned):
    class Source(models.TextChoices):
        MEETING_DIRECTIVE = "directive", "主席裁(指)示事項"
        PROPOSAL_RESOLUTION = "resolution", "提案決議"
        EXTEMPORE_MOTION = "extempore", "臨時動議"
        REPORT_RULING = "report_ruling", "報告事項主席裁示"
        INSPECTION_DEFICIENCY = "deficiency", "檢查缺失"
        SELF_ASSESSMENT = "assessment", "自評缺失"
        INCIDENT = "incident", "狀況通報後續改善"
        OTHER = "other", "其他"

    class Status(models.TextChoices):
        TRACKING = "tracking", "列管中"
        RELEASE_PROPOSED = "release_proposed", "建議解除列管"
        RELEASED = "released", "已解除列管"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="tracked_items",
                               verbose_name="機關")
    source_kind = models.CharField("來源", max_length=20, choices=Source.choices)
    # Generic references (tracking knows none of its sources; see tracking.sources): the origin is
    # the record whose series numbers the item (the meeting that gave it: its packet lists it), the
    # source the record it came from (the chair's ruling, the inspection's finding).
    # (Indexed with origin_id below: an index of the type alone, a handful of values, led SQLite to read every item of
    # every meeting for each meeting of a list.)
    origin_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    db_index=False)
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    origin = GenericForeignKey("origin_type", "origin_id")
    origin_date = models.DateField("來源日期", null=True, blank=True)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    origin_label = models.CharField("來源說明", max_length=200, help_text="例如：108年第2次會議、113年3月安全狀況檢查")
    roc_year = models.PositiveSmallIntegerField("年度（民國）")
    number = models.PositiveSmallIntegerField("項次")
    text = models.TextField("列管事項")
    lead_unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="主辦單位")
    all_units = models.BooleanField("各科室", default=False, help_text="由機關所有單位辦理")
    co_units = models.ManyToManyField("orgs.Unit", blank=True, related_name="+", verbose_name="協辦單位")
    status = models.CharField("狀態", max_length=20, choices=Status.choices, default=Status.TRACKING)
    due_date = models.DateField("完成期限", null=True, blank=True)
    # Items from other sources (an inspection's deficiency) are followed in rounds like any other,
    # but appear in a meeting packet only when the ethics officer brings them to the meeting.
    in_packet = models.BooleanField("列入會報資料", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "列管事項"
        verbose_name_plural = "列管事項"
        ordering = ["agency_id", "roc_year", "origin_label", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "origin_label", "number"], name="uniq_tracked_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["agency", "lead_unit", "status"]),
            models.Index(fields=["agency", "origin_type", "origin_id", "number"]),
            models.Index(fields=["origin_type", "origin_id"]),  # a meeting's items, counted in lists of meetings
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["agency", "roc_year"]),
            models.Index(fields=["agency", "due_date"]),
            # the reminder pass: open items with a completion date, never the released history
            models.Index(fields=["due_date"], condition=models.Q(status__in=["tracking", "release_proposed"]),
                         name="tracking_item_open_due"),
        ]

    def __str__(self) -> str:
        return f"{self.origin_label}第{self.number}項"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.RELEASED

    def is_overdue(self, today) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < today

    def shows_in_packet(self) -> bool:
        """A meeting's items are in its series' packets by birth; others when the officer brings them."""
        return self.origin_id is not None or self.in_packet

    def units_label(self) -> str:
        """主(協)辦單位 as the packets print it: 秘書室（協辦：人事室）, or 各科室. Uses prefetched co_units."""
        lead = "各科室" if self.all_units else (self.lead_unit.name if self.lead_unit_id else "")
        co = "、".join(u.name for u in self.co_units.all())
        return f"{lead}（協辦：{co}）" if co else lead

    def policy_unit_ids(self) -> list[int]:
        if self.all_units:
            return list(self.agency.units.values_list("pk", flat=True))
        return [self.lead_unit_id, *(u.pk for u in self.co_units.all())]


class ProgressRound(models.Model):
    """One collection of 執行情形, usually for the next meeting."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="progress_rounds")
    # What the round collects for (a meeting), generic as an item's origin; at most one round each.
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    target_date = models.DateField("會議日期", null=True, blank=True)
    title = models.CharField("名稱", max_length=200)
    deadline = models.DateField("填報期限")
    items = models.ManyToManyField(TrackedItem, related_name="rounds", blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "執行情形填報"
        verbose_name_plural = "執行情形填報"
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["agency", "closed_at"]),
                   models.Index(fields=["deadline"], condition=models.Q(closed_at__isnull=True),
                                name="tracking_round_open")]
        constraints = [models.UniqueConstraint(fields=["target_type", "target_id"], name="uniq_round_per_target")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ProgressReport(Versioned):
    """A unit's 執行情形 on one item in one round. unit=None is the ethics unit's consolidated
    text, which the packet prints instead of the units' own when it is filled."""

    class Status(models.TextChoices):
        PENDING = "pending", "待填報"
        AWAITING_HEAD = "awaiting_head", "待主管核閱"
        SUBMITTED = "submitted", "已填報"
        RETURNED = "returned", "退回補正"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    round = models.ForeignKey(ProgressRound, on_delete=models.CASCADE, related_name="reports")
    item = models.ForeignKey(TrackedItem, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="填報單位")
    status = models.CharField("狀態", max_length=20, choices=Status.choices, default=Status.PENDING)
    text = models.TextField("執行情形", blank=True)
    propose_release = models.BooleanField("建議解除列管", default=False)
    release_reason = models.TextField("建議解除列管理由", blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField("退回意見", blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # The unit head's review (where the agency's ReviewRule asks for it): who passed it on to the ethics
    # officer, named as records name deciders (職稱姓名, with 代理).
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="核閱主管")
    reviewed_label = models.CharField("核閱", max_length=120, blank=True)
    reviewed_at = models.DateTimeField("核閱時間", null=True, blank=True)

    class Meta:
        verbose_name = "執行情形"
        verbose_name_plural = "執行情形"
        ordering = ["round_id", "item_id", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["round", "item", "unit"], name="uniq_progress_report")]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return f"{self.item}（{self.unit or '彙整'}）"


class TrackingDecision(models.Model):
    class Decision(models.TextChoices):
        CONTINUE = "continue", "繼續列管"
        RELEASE = "release", "解除列管"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(TrackedItem, on_delete=models.CASCADE, related_name="decisions")
    # None: decided on the item itself, between meetings (an inspection deficiency corrected early)
    round = models.ForeignKey(ProgressRound, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="decisions")
    decision = models.CharField("決定", max_length=20, choices=Decision.choices)
    note = models.TextField("說明", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "列管決定"
        verbose_name_plural = "列管決定"
        constraints = [models.UniqueConstraint(fields=["item", "round"], name="uniq_decision_per_round")]

    def __str__(self) -> str:
        return f"{self.item}：{self.get_decision_display()}"


class ReviewRule(models.Model):
    """Whether a unit's 執行情形 goes to its unit head for review (核閱) before it reaches the ethics officer:
    one agency's rule, from its effective date until a later row replaces it. No row: no review (the default)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+", verbose_name="機關")
    effective_from = models.DateField("生效日")
    unit_head_review = models.BooleanField("執行情形須經單位主管核閱", default=False)
    note = models.CharField("說明", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "執行情形核閱規則"
        verbose_name_plural = "執行情形核閱規則"
        ordering = ["agency_id", "-effective_from", "-id"]
        indexes = [models.Index(fields=["agency", "effective_from"])]

    def __str__(self) -> str:
        return f"{'須' if self.unit_head_review else '免'}經單位主管核閱（{self.effective_from:%Y-%m-%d}起）"
