"""Access control (門禁管理): the agency's controlled areas and doors with opening hours per kind of day
(rules with effective dates), badges granting areas, the visitor log, door-controller events and their
review. Visitor and badge records are personal data: see the access.* rules of orgs.policy."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from anwei.core.concurrency import Versioned
from anwei.orgs.models import Agency, Person, Unit


class AccessSettings(Versioned):
    """Per agency: who keeps areas and badges (秘書室), who runs the front desk, and the agency's own
    figures (replacement fee, closing time, the month of the yearly review)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="access_settings",
                                  verbose_name="機關")
    managing_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="管理單位",
                                      help_text="負責管制區域、門禁卡核發的單位（如秘書室）")
    desk_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="訪客登記單位", help_text="辦理訪客登記的單位（服務台）；空白表示管理單位")
    replacement_fee = models.PositiveIntegerField("補發工本費（元）", default=0)
    closing_time = models.TimeField("訪客清點時間", default=dt.time(17, 30),
                                    help_text="此時間後仍未離開的訪客列為「尚在館內」")
    review_month = models.PositiveSmallIntegerField("年度權限清查月份", default=12)

    class Meta:
        verbose_name = "門禁管理設定"
        verbose_name_plural = "門禁管理設定"

    def __str__(self) -> str:
        return f"{self.agency} 門禁管理單位：{self.managing_unit}"

    def policy_unit_ids(self) -> set[int]:
        return {self.managing_unit_id}


class Desk:
    """The front desk of an agency as a policy target: the desk unit (or the managing unit)."""

    def __init__(self, settings: AccessSettings) -> None:
        self.settings = settings
        self.agency = settings.agency

    def policy_unit_ids(self) -> set[int]:
        return {self.settings.desk_unit_id or self.settings.managing_unit_id, self.settings.managing_unit_id}


class AreaKind(models.TextChoices):
    ENTRANCE = "entrance", "大樓出入口"
    ARCHIVE = "archive", "檔案室"
    SERVER = "server", "機房"
    OFFICE = "office", "辦公室"
    PARKING = "parking", "停車場"
    OTHER = "other", "其他"


class Level(models.IntegerChoices):
    GENERAL = 1, "一般區域"
    CONTROLLED = 2, "管制區域"
    RESTRICTED = 3, "高度管制區域"


class Area(Versioned):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="access_areas", verbose_name="機關")
    name = models.CharField("區域名稱", max_length=60)
    kind = models.CharField("類別", max_length=20, choices=AreaKind.choices, default=AreaKind.OFFICE)
    level = models.PositiveSmallIntegerField("管制等級", choices=Level.choices, default=Level.GENERAL)
    location = models.CharField("位置", max_length=100, blank=True)
    note = models.CharField("備註", max_length=200, blank=True)
    is_active = models.BooleanField("使用中", default=True)

    class Meta:
        verbose_name = "門禁管制區域"
        verbose_name_plural = "門禁管制區域"
        ordering = ["-level", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="access_area_unique_name")]

    def __str__(self) -> str:
        return self.name


class AfterHours(models.TextChoices):
    CLOSED = "closed", "不得進入"
    LOG = "log", "須於加班登記簿簽名"
    NOTICE = "notice", "須事先通知管理單位並登記"
    OPEN = "open", "持卡者均可進入"


class AreaHours(models.Model):
    """An area's opening hours per kind of day, in force from `starts_on` until the next row's date.
    Rows are never edited: a change is a new row (past days keep being judged by the rule they had)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="hours", verbose_name="區域")
    starts_on = models.DateField("生效日")
    workday_open = models.TimeField("上班日開放")
    workday_close = models.TimeField("上班日關閉")
    makeup_open = models.TimeField("補行上班日開放", null=True, blank=True, help_text="空白表示同上班日")
    makeup_close = models.TimeField("補行上班日關閉", null=True, blank=True)
    dayoff_open = models.TimeField("放假日開放", null=True, blank=True, help_text="空白表示放假日不開放")
    dayoff_close = models.TimeField("放假日關閉", null=True, blank=True)
    after_hours = models.CharField("開放時間外", max_length=10, choices=AfterHours.choices, default=AfterHours.LOG)
    after_hours_note = models.CharField("開放時間外說明", max_length=200, blank=True)
    created_by_label = models.CharField("訂定人", max_length=80, blank=True)

    class Meta:
        verbose_name = "開放時間"
        verbose_name_plural = "開放時間"
        ordering = ["area", "-starts_on"]
        constraints = [models.UniqueConstraint(fields=["area", "starts_on"], name="access_hours_one_per_day")]

    def __str__(self) -> str:
        return f"{self.area} {self.starts_on.isoformat()}起"

    @property
    def agency(self):
        return self.area.agency

    def window(self, kind: str) -> tuple[dt.time, dt.time] | None:
        """(open, close) for a kind of day (see access.hours.DayKind), or None when closed all day."""
        if kind == "workday":
            return self.workday_open, self.workday_close
        if kind == "makeup":
            if self.makeup_open and self.makeup_close:
                return self.makeup_open, self.makeup_close
            return self.workday_open, self.workday_close
        if self.dayoff_open and self.dayoff_close:
            return self.dayoff_open, self.dayoff_close
        return None


class Door(Versioned):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="doors", verbose_name="區域")
    name = models.CharField("門名稱", max_length=60)
    code = models.CharField("門禁控制器代碼", max_length=40, help_text="門禁系統匯出紀錄中此門的代碼")

    class Meta:
        verbose_name = "門"
        verbose_name_plural = "門"
        ordering = ["area", "name", "id"]

    def __str__(self) -> str:
        return f"{self.area.name}／{self.name}"

    @property
    def agency(self):
        return self.area.agency


class BadgeKind(models.TextChoices):
    STAFF = "staff", "員工"
    CONTRACTOR = "contractor", "委外廠商"
    TEMPORARY = "temporary", "臨時通行證"


class BadgeStatus(models.TextChoices):
    ACTIVE = "active", "使用中"
    SUSPENDED = "suspended", "停用"
    LOST = "lost", "遺失"
    EXPIRED = "expired", "已屆期（待繳回）"
    RETURNED = "returned", "已繳回"
    REPLACED = "replaced", "已補發新卡"


# A badge in these states is still out there (in someone's pocket); the others are closed.
OUTSTANDING = (BadgeStatus.ACTIVE, BadgeStatus.SUSPENDED, BadgeStatus.EXPIRED)


class Badge(Versioned):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="access_badges", verbose_name="機關")
    number = models.CharField("卡號", max_length=30)
    kind = models.CharField("類別", max_length=20, choices=BadgeKind.choices)
    holder = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="持卡同仁")
    holder_name = models.CharField("持卡人", max_length=50)
    organisation = models.CharField("廠商／單位名稱", max_length=100, blank=True)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="所屬單位")
    issued_on = models.DateField("核發日")
    ends_on = models.DateField("有效期限", null=True, blank=True)
    status = models.CharField("狀態", max_length=20, choices=BadgeStatus.choices, default=BadgeStatus.ACTIVE)
    status_on = models.DateField("狀態日期", null=True, blank=True)
    areas = models.ManyToManyField(Area, related_name="badges", blank=True, verbose_name="授權區域")
    replaces = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="replaced_by", verbose_name="補發自")
    fee = models.PositiveIntegerField("工本費（元）", default=0)
    note = models.CharField("備註", max_length=200, blank=True)

    class Meta:
        verbose_name = "門禁卡"
        verbose_name_plural = "門禁卡"
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="access_badge_unique_number"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("issued_on")),
                                   name="access_badge_ends_after_issue"),
        ]
        indexes = [models.Index(fields=["agency", "status"]), models.Index(fields=["status", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.number}（{self.holder_name}）"

    def policy_unit_ids(self) -> set[int]:
        return {self.unit_id} if self.unit_id else set()

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING

    def overdue_on(self, day: dt.date) -> bool:
        """Past its end date and not yet returned."""
        return self.is_outstanding and self.ends_on is not None and self.ends_on < day


class BadgeEvent(models.Model):
    """The badge's own history for its register (issued, returned, lost …); the audit log has the details."""

    class Kind(models.TextChoices):
        ISSUE = "issue", "核發"
        GRANT = "grant", "變更授權區域"
        SUSPEND = "suspend", "停用"
        RESUME = "resume", "恢復使用"
        LOST = "lost", "報遺失"
        REPLACE = "replace", "補發"
        EXPIRE = "expire", "屆期停用"
        RETURN = "return", "繳回"

    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="events", verbose_name="門禁卡")
    kind = models.CharField("事項", max_length=10, choices=Kind.choices)
    on = models.DateField("日期")
    note = models.CharField("說明", max_length=200, blank=True)
    by_label = models.CharField("經辦", max_length=80, blank=True)

    class Meta:
        ordering = ["badge", "on", "id"]


class IdType(models.TextChoices):
    NATIONAL_ID = "national_id", "國民身分證"
    DRIVER = "driver", "駕駛執照"
    HEALTH = "health", "健保卡"
    PASSPORT = "passport", "護照"
    RESIDENT = "resident", "居留證"
    STAFF_CARD = "staff_card", "服務證"
    NONE = "none", "未換證"


class Visitor(Versioned):
    """One visit. Only what the desk needs: no full ID number (type and its last four characters)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="access_visitors", verbose_name="機關")
    visit_on = models.DateField("來訪日期")
    name = models.CharField("訪客姓名", max_length=50)
    organisation = models.CharField("服務單位", max_length=100, blank=True)
    host = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="受訪人")
    host_label = models.CharField("受訪人", max_length=60)
    purpose = models.CharField("事由", max_length=200)
    meeting = models.CharField("會議名稱", max_length=100, blank=True)
    preregistered = models.BooleanField("受訪人預先登記", default=False)
    arrived_at = models.DateTimeField("進入時間", null=True, blank=True)
    left_at = models.DateTimeField("離開時間", null=True, blank=True)
    pass_number = models.CharField("臨時通行證號", max_length=20, blank=True)
    id_type = models.CharField("換證種類", max_length=20, choices=IdType.choices, default=IdType.NONE)
    id_last4 = models.CharField("證件末四碼", max_length=4, blank=True)
    host_confirmed_at = models.DateTimeField("受訪人確認時間", null=True, blank=True)
    registered_by_label = models.CharField("登記人", max_length=80, blank=True)
    retention_due_on = models.DateField("應銷毀日", null=True, blank=True)

    class Meta:
        verbose_name = "訪客登記"
        verbose_name_plural = "訪客登記"
        ordering = ["-visit_on", "-arrived_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(left_at__isnull=True) | Q(arrived_at__isnull=False)
                                              & Q(left_at__gte=models.F("arrived_at")), name="access_visitor_out_after_in")]
        indexes = [models.Index(fields=["agency", "visit_on"]), models.Index(fields=["retention_due_on"]),
                   models.Index(fields=["agency", "left_at"], condition=Q(left_at__isnull=True),
                                name="access_visitor_inside")]

    def __str__(self) -> str:
        return f"{self.name}（{self.visit_on.isoformat()}）"

    def policy_owner_id(self) -> int | None:
        return self.host_id

    def policy_unit_ids(self) -> set[int]:
        return set()

    @property
    def inside(self) -> bool:
        return self.arrived_at is not None and self.left_at is None


class VisitorRetention(models.Model):
    """How long visitor records are kept, from `starts_on` (agency empty: every agency's default)."""

    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name="機關", help_text="空白表示全部機關適用")
    starts_on = models.DateField("生效日")
    days = models.PositiveIntegerField("保存日數")
    basis = models.CharField("依據", max_length=200, blank=True)

    class Meta:
        verbose_name = "訪客資料保存期限"
        verbose_name_plural = "訪客資料保存期限"
        ordering = ["-starts_on", "id"]

    def __str__(self) -> str:
        return f"保存{self.days}日（{self.starts_on.isoformat()}起）"


class ColumnMapping(Versioned):
    """How an agency's door-controller export names its columns (saved once, reused at every import)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="access_column_mapping",
                                  verbose_name="機關")
    time_column = models.CharField("時間欄", max_length=40, default="時間")
    door_column = models.CharField("門代碼欄", max_length=40, default="門號")
    badge_column = models.CharField("卡號欄", max_length=40, default="卡號")
    result_column = models.CharField("結果欄", max_length=40, default="結果", blank=True)
    granted_values = models.CharField("通過的結果值", max_length=100, default="通過,OK,Granted",
                                      help_text="以逗號分隔；其他值視為刷卡失敗")

    class Meta:
        verbose_name = "門禁紀錄欄位對應"
        verbose_name_plural = "門禁紀錄欄位對應"

    def granted_set(self) -> set[str]:
        return {v.strip().lower() for v in self.granted_values.split(",") if v.strip()}


class DoorLog(models.Model):
    """One imported file. The digest recognises the same file imported again. A large file is read by the
    background worker, batch by batch (each batch committed), the page showing the rows read so far."""

    class Status(models.TextChoices):
        QUEUED = "queued", "等待匯入"
        RUNNING = "running", "匯入中"
        DONE = "done", "已完成"
        FAILED = "failed", "匯入失敗"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    digest = models.CharField("SHA-256", max_length=64)
    filename = models.CharField("檔名", max_length=200)
    encoding = models.CharField("編碼", max_length=20, blank=True)
    imported_at = models.DateTimeField("匯入時間")
    by_label = models.CharField("匯入人", max_length=80)
    rows = models.PositiveIntegerField("資料列數", default=0)
    added = models.PositiveIntegerField("新增事件數", default=0)
    flagged = models.PositiveIntegerField("註記數", default=0)
    bad_lines = models.TextField("無法讀取的列", blank=True, max_length=20000)
    by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                           verbose_name="匯入人")
    status = models.CharField("狀態", max_length=10, choices=Status.choices, default=Status.QUEUED)
    path = models.CharField("暫存檔", max_length=300, blank=True)
    error = models.CharField("錯誤", max_length=300, blank=True)

    class Meta:
        verbose_name = "門禁紀錄匯入"
        verbose_name_plural = "門禁紀錄匯入"
        ordering = ["-imported_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["agency", "digest"], name="access_doorlog_once")]

    def __str__(self) -> str:
        return self.filename


class Flag(models.TextChoices):
    AFTER_HOURS = "after_hours", "開放時間外進入"
    LOST = "lost", "遺失卡"
    SUSPENDED = "suspended", "停用卡"
    EXPIRED = "expired", "逾期卡"
    LEFT = "left", "已離職（調職）人員"
    UNKNOWN = "unknown", "未登記卡號"
    FAILURES = "failures", "連續刷卡失敗"


class Review(models.TextChoices):
    NONE = "", "無須審查"
    PENDING = "pending", "待審查"
    EXPLAINED = "explained", "已說明"
    DEFICIENCY = "deficiency", "已列為缺失"


class DoorEvent(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    log = models.ForeignKey(DoorLog, on_delete=models.CASCADE, related_name="events", verbose_name="匯入檔")
    line = models.PositiveIntegerField("列號")
    at = models.DateTimeField("時間")
    door = models.ForeignKey(Door, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="門")
    door_code = models.CharField("門代碼", max_length=40)
    badge = models.ForeignKey(Badge, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="門禁卡")
    badge_number = models.CharField("卡號", max_length=30)
    granted = models.BooleanField("通過", default=True)
    flags = models.CharField("註記", max_length=100, blank=True)
    review = models.CharField("審查", max_length=12, choices=Review.choices, default=Review.NONE, blank=True)
    explanation = models.CharField("說明", max_length=200, blank=True)
    tracked_item = models.ForeignKey("tracking.TrackedItem", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="列管事項")

    class Meta:
        verbose_name = "門禁事件"
        verbose_name_plural = "門禁事件"
        ordering = ["-at", "-id"]
        constraints = [models.UniqueConstraint(fields=["agency", "at", "door_code", "badge_number", "granted"],
                                               name="access_event_once")]
        indexes = [models.Index(fields=["agency", "review", "at"], condition=~Q(review=""), name="access_event_review")]

    def __str__(self) -> str:
        return f"{self.door_code} {self.badge_number} {self.at.isoformat()}"

    def flag_labels(self) -> list[str]:
        labels = dict(Flag.choices)
        return [labels.get(f, f) for f in self.flags.split(",") if f]


class YearlyReview(models.Model):
    """A unit head's confirmation of the unit's badges and area grants for a year (what was confirmed is
    kept as text, so the record still shows it after badges change)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name="機關")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="單位")
    year = models.PositiveSmallIntegerField("年度（民國）")
    confirmed_at = models.DateTimeField("確認時間")
    confirmed_by_label = models.CharField("確認人", max_length=80)
    listing = models.TextField("確認時的門禁卡與授權區域", max_length=20000)
    note = models.CharField("意見", max_length=200, blank=True)

    class Meta:
        verbose_name = "門禁權限年度清查"
        verbose_name_plural = "門禁權限年度清查"
        ordering = ["-year", "unit"]
        constraints = [models.UniqueConstraint(fields=["agency", "unit", "year"], name="access_review_once")]

    def policy_unit_ids(self) -> set[int]:
        return {self.unit_id}
