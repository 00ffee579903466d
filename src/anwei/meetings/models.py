"""安全維護會報: the meeting, its timed agenda, attendance, reports, proposals and the
chair's rulings. Actionable rulings become tracked items (anwei.tracking)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from anwei.core.concurrency import Versioned


class SecurityMeeting(Versioned):
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="security_meetings",
                               verbose_name="機關")
    roc_year = models.PositiveSmallIntegerField("年度（民國）")
    sequence = models.PositiveSmallIntegerField("次別")
    date = models.DateField("日期")
    start_time = models.TimeField("開始時間", default=dt.time(11, 30))
    place = models.CharField("地點", max_length=200, blank=True)
    chair_name = models.CharField("主席", max_length=100, blank=True)
    recorder_name = models.CharField("紀錄", max_length=100, blank=True)
    attendees_note = models.CharField("出席", max_length=200, blank=True, default="（如簽到簿）")
    opening_remarks = models.TextField("主席致詞", blank=True)
    conclusion = models.TextField("主席結論", blank=True)
    adjourned_at = models.TimeField("散會時間", null=True, blank=True)
    # The attendance table is saved as a whole: its version, apart from the meeting's own, so that
    # editing the basic data and recording attendance do not conflict with each other.
    attendance_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The items this meeting put under tracking (their origin) and the round that collects progress for
    # it: tracking refers to meetings generically, so the relations are declared on this side.
    tracked_items = GenericRelation("tracking.TrackedItem", content_type_field="origin_type",
                                    object_id_field="origin_id", related_query_name="origin_meeting")
    progress_rounds = GenericRelation("tracking.ProgressRound", content_type_field="target_type",
                                      object_id_field="target_id")

    class Meta:
        verbose_name = "安全維護會報"
        verbose_name_plural = "安全維護會報"
        ordering = ["-roc_year", "-sequence"]
        constraints = [models.UniqueConstraint(fields=["agency", "roc_year", "sequence"], name="uniq_meeting_number")]
        # (date): a superior office's views read one year of meetings of hundreds of agencies
        indexes = [models.Index(fields=["agency", "date"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"安全維護會報{self.label}會議"

    @property
    def label(self) -> str:
        return f"{self.roc_year}年第{self.sequence}次"

    def full_title(self) -> str:
        return f"{self.agency.name}安全維護會報{self.label}會議"


class AgendaItem(Versioned):
    """One row of the 程序表. Start and end are computed from the meeting's start and
    the durations before it (see selectors.agenda_timed)."""

    meeting = models.ForeignKey(SecurityMeeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField("順序", default=0)
    title = models.CharField("議程", max_length=200)
    minutes = models.PositiveSmallIntegerField("使用時間（分鐘）", default=5)
    presenter = models.CharField("主持（報告）人", max_length=100, blank=True)
    note = models.CharField("備考", max_length=200, blank=True)

    class Meta:
        ordering = ["meeting_id", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """One line of the meeting's attendance: a person of the agency's roster (a unit's head or liaison)
    or anyone typed in (a guest), present, represented by a stand-in (代理) or on leave (請假)."""

    class Status(models.TextChoices):
        PRESENT = "present", "出席"
        REPRESENTED = "represented", "代理出席"
        ABSENT = "absent", "請假"

    meeting = models.ForeignKey(SecurityMeeting, on_delete=models.CASCADE, related_name="attendances")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="單位")
    person = models.ForeignKey("orgs.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="人員")
    name = models.CharField("姓名（職稱）", max_length=100)
    status = models.CharField("出席情形", max_length=20, choices=Status.choices, default=Status.PRESENT)
    represented_by = models.CharField("代理人", max_length=100, blank=True)

    class Meta:
        verbose_name = "出席"
        verbose_name_plural = "出席"
        ordering = ["meeting_id", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], condition=models.Q(person__isnull=False),
                                               name="uniq_attendance_person")]

    def __str__(self) -> str:
        return self.name


class Report(Versioned):
    class Kind(models.TextChoices):
        WORK = "work", "工作報告"
        SPECIAL = "special", "專題報告"

    meeting = models.ForeignKey(SecurityMeeting, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices, default=Kind.WORK)
    order = models.PositiveSmallIntegerField("順序", default=0)
    title = models.CharField("題目", max_length=200)
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="報告單位")
    presenter = models.CharField("報告人", max_length=100, blank=True)
    body = models.TextField("內容", blank=True)
    attachments = models.ManyToManyField("core.StoredFile", blank=True, related_name="+", verbose_name="附件")

    class Meta:
        ordering = ["meeting_id", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Proposal(Versioned):
    class Kind(models.TextChoices):
        REGULAR = "regular", "提案"
        EXTEMPORE = "extempore", "臨時動議"

    class Resolution(models.TextChoices):
        PENDING = "", "（尚未決議）"
        PASSED = "passed", "通過"
        AMENDED = "amended", "修正通過"
        REJECTED = "rejected", "不通過"
        RESERVED = "reserved", "保留"
        DEFERRED = "deferred", "下次會議續審"

    meeting = models.ForeignKey(SecurityMeeting, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    number = models.PositiveSmallIntegerField("案號")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="提案單位")
    subject = models.TextField("案由")
    explanation = models.TextField("說明", blank=True)
    method = models.TextField("辦法", blank=True)
    resolution = models.CharField("決議結果", max_length=20, choices=Resolution.choices, blank=True, default="")
    resolution_text = models.TextField("決議", blank=True)
    origin = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continuations",
                               verbose_name="前次會議提案")
    attachments = models.ManyToManyField("core.StoredFile", blank=True, related_name="+", verbose_name="附件")
    # A resolution put under tracking directly (its 決議 is the item's text), as a ruling is.
    tracked_items = GenericRelation("tracking.TrackedItem", content_type_field="source_type",
                                    object_id_field="source_id")

    class Meta:
        ordering = ["meeting_id", "kind", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "kind", "number"], name="uniq_proposal_number")]

    def __str__(self) -> str:
        return self.number_label

    @property
    def number_label(self) -> str:
        return f"第{self.number}案" if self.kind == self.Kind.REGULAR else f"臨時動議第{self.number}案"


class Ruling(Versioned):
    """A chair ruling (主席裁示), resolution note or directive, in the minutes section it belongs to.
    When actionable, the service creates a TrackedItem whose source is this row."""

    class Section(models.TextChoices):
        PREVIOUS = "previous", "上次會議主席裁(指)示事項辦理情形"
        REPORTS = "reports", "報告事項"
        PROPOSALS = "proposals", "提案討論"
        EXTEMPORE = "extempore", "臨時動議"
        CONCLUSION = "conclusion", "主席結論"

    meeting = models.ForeignKey(SecurityMeeting, on_delete=models.CASCADE, related_name="rulings")
    section = models.CharField("所屬議程", max_length=20, choices=Section.choices, default=Section.CONCLUSION)
    order = models.PositiveSmallIntegerField("順序", default=0)
    subject = models.CharField("標題", max_length=300, blank=True, help_text="例如：有關綜合規劃處所提「社交工程演練」部分")
    text = models.TextField("裁示內容")
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="rulings",
                               verbose_name="報告")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="rulings",
                                 verbose_name="提案")
    actionable = models.BooleanField("需列管", default=False)
    tracked_items = GenericRelation("tracking.TrackedItem", content_type_field="source_type",
                                    object_id_field="source_id")

    class Meta:
        ordering = ["meeting_id", "order", "id"]

    def __str__(self) -> str:
        return self.text[:60]
