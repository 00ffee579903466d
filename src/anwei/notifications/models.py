"""Reminder rules (data with effective dates, per agency), what was sent to whom (once per obligation,
person and day, enforced by the database), people's preferences, the mail outbox, calendar tokens, and
the record of scheduled runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from anwei.core.dataversion import person_scope
from anwei.core.rulebook import RuleRow


class ReminderRule(RuleRow, models.Model):
    """When to remind and escalate, in government working days. The rule in force on the day of the pass
    applies (notifications.rules): the rows of the obligation's kind along the agency's line (a superior ethics
    office's row is the default of its subtree, unless the agency has its own row of the same or a later date;
    `fixed` forbids the agencies under it their own: anwei.core.rulebook), else those for all kinds, else the
    defaults below."""

    START_FIELD = "effective_from"
    BASIS_FIELD = "note"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="reminder_rules",
                               verbose_name="機關")
    kind = models.CharField("適用事項", max_length=40, blank=True, help_text="空白表示適用所有事項")
    effective_from = models.DateField("生效日")
    remind_before = models.PositiveSmallIntegerField("期限前幾個工作日提醒", default=2,
                                                     help_text="0 表示不提前提醒")
    remind_on_due = models.BooleanField("期限當日提醒", default=True)
    overdue_every = models.PositiveSmallIntegerField("逾期後每幾個工作日再提醒", default=2,
                                                     help_text="逾期第1個工作日一定提醒；0 表示之後不再提醒")
    escalate_unit_after = models.PositiveSmallIntegerField("逾期幾個工作日陳報單位主管", default=3,
                                                           help_text="0 表示不陳報")
    escalate_agency_after = models.PositiveSmallIntegerField("逾期幾個工作日陳報機關首長", default=10,
                                                             help_text="0 表示不陳報")
    escalate_superior_after = models.PositiveSmallIntegerField(
        "所屬機關逾期幾個工作日陳報上級政風機構", default=5, help_text="計畫執行成果、自評等所屬機關應報事項；0 表示不陳報")
    note = models.CharField("說明", max_length=200, blank=True)
    fixed = models.BooleanField("所屬機關不得另訂", default=False, db_default=False,
                                help_text="勾選後，所屬機關自生效日起一律適用本規則，不得另訂")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "提醒與陳報規則"
        verbose_name_plural = "提醒與陳報規則"
        ordering = ["agency_id", "kind", "-effective_from", "-id"]
        indexes = [models.Index(fields=["agency", "effective_from"])]

    def __str__(self) -> str:
        return f"提醒規則（{self.effective_from:%Y-%m-%d}起）" if self.effective_from else "提醒規則（系統預設）"

    @property
    def kind_label(self) -> str:
        from anwei.portal.obligations import obligation_kinds

        return dict(obligation_kinds()).get(self.kind, self.kind) if self.kind else "所有事項"

    @property
    def rule_period_text(self) -> str:
        """「期限前2個工作日、當日提醒；逾期每2個工作日；逾期3／10／5個工作日陳報」."""
        before = f"期限前{self.remind_before}個工作日" if self.remind_before else "期限前不提醒"
        again = f"逾期每{self.overdue_every}個工作日再提醒" if self.overdue_every else "逾期第1個工作日提醒"
        ups = [f"{label}逾期{n}個工作日" for label, n in (("單位主管", self.escalate_unit_after),
               ("機關首長", self.escalate_agency_after), ("上級政風機構", self.escalate_superior_after)) if n]
        return (f"{before}{'、當日' if self.remind_on_due else ''}提醒；{again}；"
                + (f"陳報{'、'.join(ups)}" if ups else "不陳報"))


DEFAULT_RULE = ReminderRule(remind_before=2, remind_on_due=True, overdue_every=2, escalate_unit_after=3,
                            escalate_agency_after=10, escalate_superior_after=5, note="系統預設")


class Stage(models.TextChoices):
    AWAITING = "awaiting", "待您核決"
    BEFORE = "before", "期限將屆"
    DUE = "due", "今日到期"
    OVERDUE = "overdue", "已逾期"
    ESCALATION = "escalation", "逾期陳報"
    ANNOUNCED = "announced", "即時通知"  # told at once, not by the reminder pass (a new incident report)
    ALERT = "alert", "資安警訊"  # signs of attack, to the administrators (notifications.alerts)


# When several apply to one person and obligation on one day, the one shown is the strongest.
STAGE_STRENGTH = {Stage.AWAITING: 1, Stage.BEFORE: 2, Stage.DUE: 3, Stage.OVERDUE: 4, Stage.ESCALATION: 5,
                  Stage.ANNOUNCED: 6, Stage.ALERT: 7}


class Notification(models.Model):
    """One notice to one person about one obligation on one day (the unique constraint is what makes two
    schedulers running at once send nothing twice). Shown in the notification centre; mailed at once when
    the person chose so (or for an escalation), else in the day's digest."""

    class Mail(models.TextChoices):
        NONE = "", "不另寄送"
        PENDING = "pending", "待寄送"
        QUEUED = "queued", "已排入寄件"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=120)
    day = models.DateField("日期")
    stage = models.CharField("類別", max_length=20, choices=Stage.choices)
    level = models.PositiveSmallIntegerField("陳報層級", default=0)  # 1 unit head, 2 agency head, 3 superior office
    agency = models.ForeignKey("orgs.Agency", null=True, on_delete=models.CASCADE, related_name="+")
    category = models.CharField("類別", max_length=30)
    title = models.CharField("事項", max_length=300)
    url = models.CharField(max_length=300)
    due = models.DateField("期限", null=True, blank=True)
    note = models.CharField("說明", max_length=300, blank=True)
    acting_for = models.CharField("代理", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField("已讀時間", null=True, blank=True)
    mail_state = models.CharField(max_length=10, choices=Mail.choices, blank=True, default="")

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-day", "-id"]
        constraints = [models.UniqueConstraint(fields=["person", "key", "day"], name="uniq_notice_per_day")]
        indexes = [models.Index(fields=["person", "read_at"]), models.Index(fields=["person", "-day", "-id"]),
                   models.Index(fields=["mail_state"], condition=Q(mail_state="pending"), name="notice_mail_pending")]

    def __str__(self) -> str:  # no titles: the audit log outlives what they name
        return f"通知 #{self.pk}"

    def data_scopes(self) -> list[str]:
        return [person_scope(self.person_id)]  # only its reader's pages (the bell) change

    @property
    def is_escalation(self) -> bool:
        return self.stage == Stage.ESCALATION

    def stage_label(self) -> str:
        if self.stage == Stage.ESCALATION:
            return {1: "逾期陳報（單位主管）", 2: "逾期陳報（機關首長）", 3: "逾期陳報（上級政風機構）"}.get(self.level, "逾期陳報")
        return self.get_stage_display()


class Preference(models.Model):
    class Mode(models.TextChoices):
        DIGEST = "digest", "每日摘要：每個上班日最多一封，列出到期、逾期與陳報事項"
        IMMEDIATE = "immediate", "即時：逾期陳報與待核決事項立即寄送，其餘列入每日摘要"
        OFF = "off", "不寄送（逾期陳報仍會立即寄送，無法關閉）"

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_pref")
    email_mode = models.CharField("電子郵件通知", max_length=10, choices=Mode.choices, default=Mode.DIGEST)

    class Meta:
        verbose_name = "通知偏好"
        verbose_name_plural = "通知偏好"

    def __str__(self) -> str:
        return f"通知偏好 #{self.pk}"

    def data_scopes(self) -> list[str]:
        return [person_scope(self.person_id)]


class OutboundMail(models.Model):
    """The outbox: a message is written here first, in the same transaction as what caused it, and sent by
    `mail_deliver` with retries and back-off: an SMTP relay that is down or refuses loses nothing, and the
    administrator sees what waits and why (系統管理 → 寄件匣)."""

    class Kind(models.TextChoices):
        DIGEST = "digest", "每日摘要"
        IMMEDIATE = "immediate", "即時通知"

    class State(models.TextChoices):
        PENDING = "pending", "待寄送"
        SENDING = "sending", "寄送中"
        SENT = "sent", "已寄出"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="收件人")
    to = models.CharField("收件地址", max_length=254)
    kind = models.CharField("種類", max_length=10, choices=Kind.choices)
    day = models.DateField("日期")
    notification = models.OneToOneField(Notification, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="mail")
    subject = models.CharField("主旨", max_length=200)
    body_text = models.TextField("內容")
    body_html = models.TextField("內容（HTML）", blank=True)
    state = models.CharField("狀態", max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField("嘗試次數", default=0)
    next_attempt_at = models.DateTimeField("下次嘗試", db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField("最近錯誤", max_length=500, blank=True)
    created_at = models.DateTimeField("建立時間", auto_now_add=True)
    sent_at = models.DateTimeField("寄出時間", null=True, blank=True)

    class Meta:
        verbose_name = "寄件匣"
        verbose_name_plural = "寄件匣"
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["person", "day"], condition=Q(kind="digest"),
                                               name="uniq_digest_per_day")]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"郵件 #{self.pk}"

    def data_scopes(self) -> list[str]:
        return []


class CalendarToken(models.Model):
    """The secret in a person's calendar feed address. Revoking deletes it: the old address answers 404."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "行事曆訂閱"
        verbose_name_plural = "行事曆訂閱"

    def __str__(self) -> str:  # never the token
        return f"行事曆訂閱 #{self.pk}"

    def data_scopes(self) -> list[str]:
        return [person_scope(self.person_id)]


class Run(models.Model):
    """One run of a periodic job: the reminder pass of a day (the next pass starts its window after the
    last finished one, so a day the scheduler was down is caught up), a digest, a mail delivery."""

    job = models.CharField(max_length=20)
    day = models.DateField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    obligations = models.PositiveIntegerField(default=0)
    notices = models.PositiveIntegerField(default=0)
    mails = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "排程執行紀錄"
        verbose_name_plural = "排程執行紀錄"
        ordering = ["-id"]
        indexes = [models.Index(fields=["job", "day"])]

    def __str__(self) -> str:
        return f"{self.job} {self.day:%Y-%m-%d}"

    def data_scopes(self) -> list[str]:
        return []  # nothing a page shows: the people notified have their own scopes moved


class ScheduledRun(models.Model):
    """A job's time slot, claimed by the scheduler that enqueues it: the unique constraint lets only one of
    two schedulers running at once enqueue it."""

    job = models.CharField(max_length=20)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="uniq_job_slot")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
