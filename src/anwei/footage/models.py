"""CCTV footage requests (監視器攝錄資料調閱/複製申請), the camera registry and the rules around them.

The footage itself stays in the recorder; this app manages sites and devices, requests with their
approval chain, the viewing/copying record, the register (專簿) and retention (seed 001, 注意事項 七–十).

Personal data (applicant identity, phone, reasons, attachments) lives only in FootageRequest's own
fields, its attachments and its viewing record, so that destruction can remove it in one place and leave
an anonymised register line. Audit rows for requests carry only non-personal fields (AUDIT_FIELDS).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from anwei.core.concurrency import Versioned
from anwei.core.periods import Period, PeriodUnit, unit_field
from anwei.core.rulebook import RuleRow


# --- camera registry (shared with the daily device checks of the devicechecks app) ----------------------

class Site(models.Model):
    """A building or compound whose security devices an agency manages (e.g. 管理大樓)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="sites", verbose_name="機關")
    name = models.CharField("場所名稱", max_length=100)
    address = models.CharField("地址", max_length=200, blank=True)
    active = models.BooleanField("使用中", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "場所"
        verbose_name_plural = "場所"
        ordering = ["agency_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_site_name_per_agency")]

    def __str__(self) -> str:
        return self.name


class Device(Versioned):
    """One security device of a site: a camera, the recorder, a door-access controller."""

    class Kind(models.TextChoices):
        CAMERA = "camera", "監視攝影機"
        RECORDER = "recorder", "錄影主機"
        DOOR_ACCESS = "door_access", "門禁設備"
        OTHER = "other", "其他設備"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="devices", verbose_name="場所")
    kind = models.CharField("設備類別", max_length=20, choices=Kind.choices, default=Kind.CAMERA)
    code = models.CharField("編號", max_length=20, blank=True, help_text="例如 CH01")
    location = models.CharField("設置地點", max_length=100)
    active = models.BooleanField("使用中", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "設備"
        verbose_name_plural = "設備"
        ordering = ["site_id", "kind", "order", "id"]
        indexes = [models.Index(fields=["site", "kind", "active"])]

    def __str__(self) -> str:
        return f"{self.code} {self.location}".strip()

    @property
    def agency(self):
        return self.site.agency


# --- rules as data -------------------------------------------------------------------------------------

class FootageSettings(models.Model):
    """Per agency: which unit manages the CCTV system (seed 001 二: 秘書室) and the decision deadline."""

    agency = models.OneToOneField("orgs.Agency", on_delete=models.CASCADE, related_name="footage_settings",
                                  verbose_name="機關")
    managing_unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+",
                                      verbose_name="管理單位", help_text="負責監視系統及調閱、複製的單位")
    decision_days = models.PositiveSmallIntegerField("決定期限（日）", default=30,
                                                     help_text="申請送出後應於幾日內作成決定")
    decision_unit = unit_field("決定期限計算單位", default=PeriodUnit.DAYS)
    warn_days = models.PositiveSmallIntegerField("提前提醒（日）", default=5)

    class Meta:
        verbose_name = "監視錄影調閱設定"
        verbose_name_plural = "監視錄影調閱設定"

    def __str__(self) -> str:
        return f"{self.agency} 管理單位：{self.managing_unit}"

    def policy_unit_ids(self) -> set[int]:
        return {self.managing_unit_id}

    @property
    def decision_period(self) -> Period:
        return Period(self.decision_days, self.decision_unit)


class RequestKind(models.TextChoices):
    INTERNAL = "internal", "局內調閱"
    EXTERNAL = "external", "局外調閱"
    JUDICIAL = "judicial", "司法機關"


class StepRole(models.TextChoices):
    UNIT_HEAD = "unit_head", "申請單位主管"
    MANAGING_HEAD = "managing_head", "管理單位主管"
    ETHICS = "ethics", "政風單位"
    AGENCY_HEAD = "agency_head", "機關首長"


class ApprovalChain(models.Model):
    """Who decides, in what order. Agencies differ (seed 001: 單位主管 → 會辦政風室 → 機關首長).

    A request follows the chain in force on the day it is filed (footage.selectors.chain_in_force) and keeps a
    copy of its steps (RequestStep). A superior office's chain is the default of its subtree; a chain for one
    request kind beats a chain for all kinds; a newer start date supersedes the older chain from that date."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="footage_chains",
                               verbose_name="機關")
    name = models.CharField("名稱", max_length=100)
    request_kind = models.CharField("適用申請類別", max_length=20, choices=RequestKind.choices, blank=True,
                                    help_text="空白表示適用所有類別")
    effective_from = models.DateField("生效日")
    effective_to = models.DateField("失效日", null=True, blank=True)
    created_by = models.ForeignKey("orgs.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")

    class Meta:
        verbose_name = "核決流程"
        verbose_name_plural = "核決流程"
        ordering = ["agency_id", "-effective_from"]
        indexes = [models.Index(fields=["agency", "effective_from"])]

    def __str__(self) -> str:
        return self.name


class ApprovalStep(models.Model):
    chain = models.ForeignKey(ApprovalChain, on_delete=models.CASCADE, related_name="steps", verbose_name="流程")
    order = models.PositiveSmallIntegerField("順序")
    role = models.CharField("核決者", max_length=20, choices=StepRole.choices)
    label = models.CharField("關卡名稱", max_length=50, help_text="例如「會辦政風室」")

    class Meta:
        verbose_name = "核決關卡"
        verbose_name_plural = "核決關卡"
        ordering = ["chain_id", "order"]
        constraints = [models.UniqueConstraint(fields=["chain", "order"], name="uniq_footage_step_order")]

    def __str__(self) -> str:
        return self.label


class RetentionRule(RuleRow, models.Model):
    """How long each kind of record is kept (seed 001 七、九(四)) and how soon a request is decided; the rule in
    force on the start date applies. A superior office's row is the default of its subtree (anwei.lib.ruletree):
    an agency's own row with the same or a later date takes precedence unless the superior fixed its row."""

    KIND_FIELD = "record"
    START_FIELD = "effective_from"
    BASIS_FIELD = "note"

    class Record(models.TextChoices):
        FOOTAGE = "footage", "監視錄影原始資料（可調閱期間）"
        COPY = "copy", "複製之影音資料（至遲銷毀期限）"
        REQUEST = "request", "申請表及登記簿（至少保存）"
        DECISION = "decision", "調閱申請之決定期限（送出後）"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="footage_retention_rules",
                               verbose_name="機關")
    record = models.CharField("規定類別", max_length=20, choices=Record.choices)
    days = models.PositiveIntegerField("期間數值", help_text="依計算單位：日數、月數或年數等")
    unit = unit_field(default=PeriodUnit.DAYS)
    effective_from = models.DateField("生效日")
    note = models.CharField("依據", max_length=200, blank=True)
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律適用本規定，不得另訂")
    created_by = models.ForeignKey("orgs.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="設定者")

    class Meta:
        verbose_name = "監視錄影規則（保存期限、決定期限）"
        verbose_name_plural = "監視錄影規則（保存期限、決定期限）"
        ordering = ["agency_id", "record", "-effective_from"]
        indexes = [models.Index(fields=["agency", "record", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.get_record_display()}：{self.period.text()}"

    @property
    def period(self) -> Period:
        return Period(self.days, self.unit)


DEFAULT_RETENTION_DAYS = {RetentionRule.Record.FOOTAGE: 30, RetentionRule.Record.COPY: 365,
                          RetentionRule.Record.REQUEST: 365}


# --- requests ------------------------------------------------------------------------------------------

class RefusalGround(models.TextChoices):
    """Seed 001 十: grounds for refusing to provide footage."""

    SECRET = "secret", "依法應保持秘密之事項"
    INVESTIGATION = "investigation", ("提供資訊有妨害犯罪之偵查、追訴、執行或足以妨害刑事被告公正之裁判，"
                                      "或有危害他人生命、身體、自由、財產之虞")
    PRIVACY = "privacy", "有侵害第三人隱私之虞（未經該當事人書面同意）"
    OTHER = "other", "其他理由"


class FootageRequest(Versioned):
    class Purpose(models.TextChoices):
        VIEW = "view", "調閱"
        COPY = "copy", "複製"

    class Status(models.TextChoices):
        PENDING = "pending", "審核中"
        RETURNED = "returned", "退回補正"
        APPROVED = "approved", "核准，待調閱"
        REFUSED = "refused", "不予核准"
        COMPLETED = "completed", "已調閱／複製"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="footage_requests",
                               verbose_name="機關")
    number_year = models.PositiveSmallIntegerField("登記年度（民國）")
    number_serial = models.PositiveIntegerField("登記序號")
    kind = models.CharField("申請類別", max_length=20, choices=RequestKind.choices, default=RequestKind.INTERNAL)
    purpose = models.CharField("申請項目", max_length=10, choices=Purpose.choices, default=Purpose.VIEW)

    # Who asks. For internal requests filed_by is the applicant; external and judicial requests are
    # registered by the managing unit on behalf of the outside applicant.
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name="填表人")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="申請單位")
    managing_unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+",
                                      verbose_name="管理單位")
    applicant_name = models.CharField("申請人", max_length=50, blank=True)
    outside_body = models.CharField("單位（機關名稱）", max_length=100, blank=True)
    extension = models.CharField("分機", max_length=20, blank=True)
    phone = models.CharField("聯絡電話", max_length=50, blank=True)
    reason = models.TextField("申請事由", blank=True)
    copy_reason = models.TextField("複製理由", blank=True)
    window_start = models.DateTimeField("調閱時段（起）")
    window_end = models.DateTimeField("調閱時段（迄）")
    cameras = models.ManyToManyField(Device, blank=True, related_name="footage_requests", verbose_name="攝影機")
    areas = models.CharField("其他區域說明", max_length=200, blank=True)
    letter_reference = models.CharField("來文字號", max_length=100, blank=True)
    acknowledged = models.BooleanField("已閱讀個資法注意事項並願遵守", default=False)

    status = models.CharField("狀態", max_length=20, choices=Status.choices, default=Status.PENDING)
    round = models.PositiveSmallIntegerField("送審次數", default=1)
    current_step = models.PositiveSmallIntegerField("目前關卡", null=True, blank=True)
    current_role = models.CharField("目前核決者", max_length=20, choices=StepRole.choices, blank=True)
    submitted_at = models.DateTimeField("送出時間")
    due_on = models.DateField("決定期限", null=True, blank=True)
    decided_at = models.DateTimeField("最後決定時間", null=True, blank=True)
    conditions = models.TextField("附款或注意事項", blank=True)
    refusal_ground = models.CharField("不予核准理由", max_length=20, choices=RefusalGround.choices, blank=True)
    refusal_reason = models.TextField("不予核准說明", blank=True)

    legal_hold = models.BooleanField("保全中（停止銷毀計算）", default=False)
    hold_reason = models.CharField("保全原因", max_length=200, blank=True)
    hold_remaining_days = models.IntegerField("保全時剩餘日數", null=True, blank=True)
    retention_due_on = models.DateField("應銷毀日", null=True, blank=True)
    destroyed_at = models.DateTimeField("銷毀時間", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "監視錄影調閱申請"
        verbose_name_plural = "監視錄影調閱申請"
        ordering = ["-number_year", "-number_serial"]
        constraints = [models.UniqueConstraint(fields=["agency", "number_year", "number_serial"],
                                               name="uniq_footage_request_number")]
        indexes = [
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["agency", "number_year", "number_serial"]),
            models.Index(fields=["status", "current_role"]),
            models.Index(fields=["retention_due_on", "legal_hold"]),
        ]

    def __str__(self) -> str:
        # No personal data here: this label is copied into the permanent audit log.
        return f"監視錄影調閱申請 {self.number_label}"

    @property
    def number_label(self) -> str:
        return f"{self.number_year}年第{self.number_serial:04d}號"

    def policy_unit_ids(self) -> set[int]:
        return {self.managing_unit_id}

    def policy_owner_id(self) -> int | None:
        return self.filed_by_id

    @property
    def is_destroyed(self) -> bool:
        return self.destroyed_at is not None

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == self.Status.PENDING and self.due_on is not None and self.due_on < today

    def days_left(self, today: dt.date) -> int | None:
        return (self.due_on - today).days if self.due_on else None

    def requester_label(self) -> str:
        if self.is_destroyed:
            return "（已去識別化）"
        who = self.outside_body or (self.unit.name if self.unit_id else "")
        return f"{who} {self.applicant_name}".strip()


AUDIT_FIELDS = ["number_year", "number_serial", "kind", "purpose", "status", "round", "current_step",
                "current_role", "due_on", "decided_at", "refusal_ground", "legal_hold", "retention_due_on",
                "destroyed_at", "window_start", "window_end", "version"]


class RequestStep(models.Model):
    """The chain as it stood when the request was filed; later edits of the chain do not touch it."""

    request = models.ForeignKey(FootageRequest, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField("順序")
    role = models.CharField("核決者", max_length=20, choices=StepRole.choices)
    label = models.CharField("關卡名稱", max_length=50)

    class Meta:
        ordering = ["request_id", "order"]
        constraints = [models.UniqueConstraint(fields=["request", "order"], name="uniq_request_step_order")]
        indexes = [models.Index(fields=["role", "request"])]

    def __str__(self) -> str:
        return self.label

    @property
    def agency(self):
        return self.request.agency

    def policy_unit_ids(self) -> set[int]:
        """The unit whose head decides this step (only meaningful for the head roles)."""
        if self.role == StepRole.UNIT_HEAD:
            return {self.request.unit_id} if self.request.unit_id else set()
        if self.role == StepRole.MANAGING_HEAD:
            return {self.request.managing_unit_id}
        return set()


class Decision(models.Model):
    class Action(models.TextChoices):
        APPROVE = "approve", "核准（同意）"
        APPROVE_CONDITIONS = "approve_conditions", "附款核准"
        RETURN = "return", "退回補正"
        REFUSE = "refuse", "不予核准"

    request = models.ForeignKey(FootageRequest, on_delete=models.CASCADE, related_name="decisions")
    round = models.PositiveSmallIntegerField("送審次數")
    step_order = models.PositiveSmallIntegerField("關卡順序")
    step_label = models.CharField("關卡名稱", max_length=50)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="決定者")
    decided_by_label = models.CharField("決定者", max_length=100)
    decided_at = models.DateTimeField("決定時間")
    action = models.CharField("決定", max_length=20, choices=Action.choices)
    conditions = models.TextField("附款或注意事項", blank=True)
    refusal_ground = models.CharField("不予核准理由", max_length=20, choices=RefusalGround.choices, blank=True)
    reason = models.TextField("說明", blank=True)

    class Meta:
        ordering = ["request_id", "id"]

    def __str__(self) -> str:
        return f"{self.step_label} {self.get_action_display()}"


class RequestAttachment(models.Model):
    class Kind(models.TextChoices):
        POLICE_REPORT = "police_report", "報案三聯單"
        LETTER = "letter", "來文"
        CONSENT = "consent", "當事人書面同意書"
        OTHER = "other", "其他附件"

    request = models.ForeignKey(FootageRequest, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("附件類別", max_length=20, choices=Kind.choices)
    stored = models.OneToOneField("core.StoredFile", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["request_id", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.stored.name}"


class ViewingRecord(models.Model):
    """The viewing or copying itself, done with the managing unit's staff present (seed 001 九(四))."""

    class Medium(models.TextChoices):
        NONE = "", "未複製（僅調閱）"
        USB = "usb", "USB 隨身碟"
        DISC = "disc", "光碟"
        DRIVE = "drive", "外接硬碟"
        OTHER = "other", "其他"

    request = models.OneToOneField(FootageRequest, on_delete=models.CASCADE, related_name="viewing")
    performed_at = models.DateTimeField("調閱（複製）時間")
    viewer_name = models.CharField("調閱人", max_length=100)
    accompanied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name="陪同人員")
    copied = models.BooleanField("已複製", default=False)
    copied_items = models.TextField("複製內容", blank=True)
    medium = models.CharField("儲存媒體", max_length=10, choices=Medium.choices, blank=True)
    medium_note = models.CharField("媒體說明", max_length=100, blank=True)
    applicant_signed = models.BooleanField("申請人已簽名確認", default=False)
    reply_letter_reference = models.CharField("函覆文號", max_length=100, blank=True)
    # A copy may be destroyed as soon as it is no longer needed (seed 001 七(四)); the form stays.
    copy_destroyed_at = models.DateTimeField("複製資料銷毀時間", null=True, blank=True)
    copy_destroyed_note = models.CharField("複製資料銷毀方式", max_length=200, blank=True)
    copy_destroyed_by_label = models.CharField("複製資料銷毀人", max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="登錄人")
    recorded_at = models.DateTimeField("登錄時間", auto_now_add=True)

    class Meta:
        verbose_name = "調閱（複製）紀錄"
        verbose_name_plural = "調閱（複製）紀錄"

    def __str__(self) -> str:
        return f"調閱紀錄 {self.request.number_label}"

    @property
    def performed_on(self) -> dt.date:
        return timezone.localtime(self.performed_at).date()


class Destruction(models.Model):
    """Who destroyed a request's records, when and how (the line stays; the personal data goes)."""

    request = models.OneToOneField(FootageRequest, on_delete=models.CASCADE, related_name="destruction")
    destroyed_at = models.DateTimeField("銷毀時間")
    destroyed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="銷毀人")
    destroyed_by_label = models.CharField("銷毀人", max_length=100)
    method = models.CharField("銷毀方式", max_length=200)
    items = models.CharField("銷毀項目", max_length=300)
    due_on = models.DateField("應銷毀日", null=True)

    class Meta:
        verbose_name = "銷毀紀錄"
        verbose_name_plural = "銷毀紀錄"
        ordering = ["-destroyed_at"]
        indexes = [models.Index(fields=["destroyed_at"])]

    def __str__(self) -> str:
        return f"銷毀 {self.request.number_label}"



class WindowHold(models.Model):
    """The requested window is kept from overwriting while the request waits for its decision (問題22.9).

    The recorder keeps footage for the FOOTAGE retention rule; footage of `window_start` is overwritten on
    `overwrite_on`. Filing places the hold (the managing unit preserves the window on the recorder) and the
    decision deadline is computed so that it falls before `overwrite_on`; `clamped` says the rule's own
    deadline (`rule_due_on`) would have fallen on or after it. The final decision releases the hold."""

    request = models.OneToOneField(FootageRequest, on_delete=models.CASCADE, related_name="window_hold")
    window_start = models.DateTimeField("保全時段（起）")
    window_end = models.DateTimeField("保全時段（迄）")
    overwrite_on = models.DateField("錄影覆寫日", help_text="依監視錄影保存期限，時段起點的影像於此日被覆寫")
    rule_due_on = models.DateField("依規定之決定期限")
    clamped = models.BooleanField("決定期限已提前至覆寫日前", default=False)
    placed_at = models.DateTimeField("保全時間")
    released_at = models.DateTimeField("解除保全時間", null=True, blank=True)

    class Meta:
        verbose_name = "調閱時段保全"
        verbose_name_plural = "調閱時段保全"
        indexes = [models.Index(fields=["released_at", "overwrite_on"])]

    def __str__(self) -> str:
        return f"調閱時段保全 {self.request.number_label}"

    @property
    def active(self) -> bool:
        return self.released_at is None
