"""Writes of the notifications app. The reminder pass and the digest write one audit row each (what ran
and how much it sent: a log line in the audit trail); the rows they write are bookkeeping that moves
only the scopes of the people notified (their bell), never every page of an agency."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone

from anwei.core import clock, dataversion
from anwei.core.audit import audit_record, snapshot
from anwei.core.service import service
from anwei.lib import rocdate
from anwei.notifications.engine import Digest, Plan, mail_at_once
from anwei.notifications.models import (CalendarToken, Notification, OutboundMail, Preference, ReminderRule, Run,
                                         Stage)
from anwei.orgs.models import Agency, Person
from anwei.orgs.services import person_email_update

_security_log = logging.getLogger("anwei.security")

CHUNK = 1000


def _absolute(url: str) -> str:
    return url if url.startswith("http") else settings.SITE_URL + url


def _run(job: str, day: dt.date, started: dt.datetime, **counts) -> Run:
    return Run.objects.create(job=job, day=day, started_at=started, finished_at=timezone.now(), **counts)


def _notice_mail(n: Notification, name: str) -> dict:
    ctx = {"n": n, "name": name, "link": _absolute(n.url), "site": settings.SITE_URL,
           "due": rocdate.format_with_weekday(n.due) if n.due else ""}
    subject = f"安維通知：{n.stage_label()}｜{n.title}"[:200]
    return {"subject": subject, "body_text": render_to_string("notifications/mail_notice.txt", ctx),
            "body_html": render_to_string("notifications/mail_notice.html", ctx)}


@service
def notices_deliver(*, plan: Plan) -> Run:
    """Write the pass's notices (a second pass on the same day adds nothing: one per obligation, person and
    day), queue the ones to be mailed at once, and move the bells of the people notified."""
    started = timezone.now()
    rows = []
    for n in plan.notices:
        o = n.obligation
        mode = plan.modes.get(n.person_id, Preference.Mode.DIGEST)
        at_once = mail_at_once(n.stage, mode) and n.person_id in plan.emails
        rows.append(Notification(
            person_id=n.person_id, key=o.key[:120], day=plan.day, stage=n.stage, level=n.level, agency_id=o.agency_id,
            category=o.category[:30], title=o.title[:300], url=n.url[:300], due=o.due, note=o.note[:300],
            acting_for=plan.names.get(n.acting_for_id, "")[:100] if n.acting_for_id else "",
            mail_state=Notification.Mail.PENDING if at_once else Notification.Mail.NONE))
    for i in range(0, len(rows), CHUNK):
        Notification.objects.bulk_create(rows[i:i + CHUNK], ignore_conflicts=True)
    mails = _queue_at_once(plan)
    dataversion.bump([dataversion.person_scope(pk) for pk in {n.person_id for n in plan.notices}])
    run = _run("reminders", plan.day, started, obligations=plan.obligations, notices=len(rows), mails=mails)
    audit_record(actor=None, action="notifications.reminders", obj=run,
                 after={"day": plan.day, "from": plan.window_start, "obligations": plan.obligations,
                        "notices": len(rows), "mails": mails})
    return run


def _queue_at_once(plan: Plan) -> int:
    """Mail for every notice still waiting to be mailed (this pass's, or one a crashed pass left)."""
    pending = list(Notification.objects.filter(mail_state=Notification.Mail.PENDING, mail__isnull=True)
                   .order_by("id")[:5000])
    if not pending:
        return 0
    names = plan.names
    missing = {n.person_id for n in pending} - set(plan.emails)
    if missing:
        for pk, email, name in Person.objects.filter(pk__in=missing).values_list("pk", "email", "full_name"):
            if email:
                plan.emails[pk], names[pk] = email, names.get(pk, name)
    now = timezone.now()
    mails = [OutboundMail(person_id=n.person_id, to=plan.emails[n.person_id], kind=OutboundMail.Kind.IMMEDIATE,
                          day=n.day, notification=n, next_attempt_at=now, **_notice_mail(n, names.get(n.person_id, "")))
             for n in pending if n.person_id in plan.emails]
    OutboundMail.objects.bulk_create(mails, ignore_conflicts=True)
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(mail_state=Notification.Mail.QUEUED)
    return len(mails)


@service
def digests_queue(*, day: dt.date, digests: list[Digest]) -> Run:
    """One digest per person per working day (the database refuses a second)."""
    started, now = timezone.now(), timezone.now()
    mails = []
    for d in digests:
        ctx = {"d": d, "day": rocdate.format_with_weekday(day), "site": settings.SITE_URL,
               "entries": [(e, _absolute(e.url), rocdate.format_with_weekday(e.obligation.due)
                            if e.obligation.due else "") for e in d.entries],
               "profile": _absolute("/me/")}
        mails.append(OutboundMail(
            person_id=d.person_id, to=d.email, kind=OutboundMail.Kind.DIGEST, day=day, next_attempt_at=now,
            subject=f"安維每日待辦摘要：{rocdate.format_short(day)}（{len(d.entries)}件）",
            body_text=render_to_string("notifications/mail_digest.txt", ctx),
            body_html=render_to_string("notifications/mail_digest.html", ctx)))
    for i in range(0, len(mails), CHUNK):
        OutboundMail.objects.bulk_create(mails[i:i + CHUNK], ignore_conflicts=True)
    run = _run("digest", day, started, mails=len(mails))
    audit_record(actor=None, action="notifications.digest", obj=run, after={"day": day, "mails": len(mails)})
    return run


# --- the person's own ------------------------------------------------------------------------------------

@service
def notification_read(*, actor: Person, notification: Notification) -> Notification:
    if notification.person_id != actor.pk:
        raise ValidationError("找不到此通知。")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        audit_record(actor=actor, action="notifications.read", obj=notification, agency=None)
    return notification


@service
def notifications_read_all(*, actor: Person) -> int:
    unread = Notification.objects.filter(person=actor, read_at__isnull=True)
    n = unread.update(read_at=timezone.now()) if unread.exists() else 0
    if n:
        pref, _ = Preference.objects.get_or_create(person=actor)
        audit_record(actor=actor, action="notifications.read_all", obj=pref, agency=None, after={"count": n})
    return n


@service
def profile_update(*, actor: Person, email: str, mode: str) -> Preference:
    """The person's address (refused in Chinese when malformed) and how they want mail."""
    if mode not in Preference.Mode.values:
        raise ValidationError({"email_mode": "請選擇電子郵件通知方式。"})
    person_email_update(actor=actor, person=actor, email=email)
    pref, created = Preference.objects.get_or_create(person=actor)
    if created or pref.email_mode != mode:  # the first save creates the row: that is a change too
        before = None if created else snapshot(pref)
        pref.email_mode = mode
        pref.save(update_fields=["email_mode"])
        audit_record(actor=actor, action="notifications.preference", obj=pref, agency=None, before=before,
                     after=snapshot(pref))
    return pref


@service
def calendar_token_renew(*, actor: Person) -> CalendarToken:
    """A new private feed address; the old one (if any) stops working at once."""
    CalendarToken.objects.filter(person=actor).delete()
    row = CalendarToken.objects.create(person=actor, token=secrets.token_urlsafe(32))
    audit_record(actor=actor, action="notifications.calendar.renew", obj=row, agency=None)
    return row


@service
def calendar_token_revoke(*, actor: Person) -> None:
    row = CalendarToken.objects.filter(person=actor).first()
    if row is None:
        raise ValidationError("您目前沒有行事曆訂閱網址。")
    audit_record(actor=actor, action="notifications.calendar.revoke", obj=row, agency=None)
    row.delete()


DAY_FIELDS = ("remind_before", "overdue_every", "escalate_unit_after", "escalate_agency_after",
              "escalate_superior_after")


@dataclass(frozen=True)
class ReminderRuleInput:
    kind: str  # "" for all kinds
    starts_on: dt.date
    remind_before: int
    remind_on_due: bool
    overdue_every: int
    escalate_unit_after: int
    escalate_agency_after: int
    escalate_superior_after: int
    note: str = ""
    fixed: bool = False


@service
def reminder_rule_create(*, actor: Person, agency: Agency, data: ReminderRuleInput, today: dt.date) -> ReminderRule:
    """The agency's ethics officer adds a rule from its effective date on (rules change by new rows; reminders
    already sent kept theirs). A superior office's row is the default of its subtree; `fixed` forbids its
    agencies their own of that kind (of any kind, for a fixed rule for all kinds)."""
    from anwei.orgs import policy
    from anwei.portal.obligations import obligation_kinds
    from anwei.notifications.rules import ALL_KINDS, BOOK

    if not policy.may(actor, "notifications.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的提醒與陳報規則。")
    kinds = {ALL_KINDS: "所有事項", **dict(obligation_kinds())}
    if data.kind not in kinds:
        raise ValidationError({"kind": "請選擇適用事項。"})
    BOOK.check_new(agency=agency, kind=data.kind, starts_on=data.starts_on, today=today, kind_label=kinds[data.kind])
    if data.kind != ALL_KINDS:
        locked = BOOK.locked_by(agency, ALL_KINDS, data.starts_on)
        if locked is not None:
            raise ValidationError({"kind": BOOK.locked_text(locked, "所有事項")})
    for name in DAY_FIELDS:
        if not 0 <= getattr(data, name) <= 60:
            raise ValidationError({name: "請填 0 到 60 之間的工作日數。"})
    if data.escalate_agency_after and data.escalate_unit_after > data.escalate_agency_after:
        raise ValidationError({"escalate_agency_after": "陳報機關首長的日數應大於或等於陳報單位主管的日數。"})
    rule = ReminderRule.objects.create(
        agency=agency, kind=data.kind, effective_from=data.starts_on, remind_on_due=data.remind_on_due,
        note=data.note.strip(), fixed=data.fixed, created_by=actor, **{k: getattr(data, k) for k in DAY_FIELDS})
    audit_record(actor=actor, action="notifications.rule.create", obj=rule, agency=agency, after=snapshot(rule))
    return rule


@service
def security_alert(*, kind: str, title: str, note: str = "", url: str = "/admin/") -> int:
    """Tell every active administrator at once (notice and e-mail), once a day per kind. Returns how many
    people were told now (0: already told today)."""
    day = clock.today()
    key = f"security.{kind}"[:120]
    told = set(Notification.objects.filter(key=key, day=day).values_list("person_id", flat=True))
    everyone = list(Person.objects.filter(is_superuser=True, is_active=True).values_list("pk", "email", "full_name"))
    if not everyone:
        # No administrator to tell: the server's error log (read by whoever runs the server) says it instead.
        _security_log.critical("資安警訊，但沒有任何啟用中的系統管理者可以通知：%s；%s", title, note)
        return 0
    admins = [(pk, email, name) for pk, email, name in everyone if pk not in told]
    if not admins:
        return 0
    started = timezone.now()
    for pk, email, name in admins:
        n = Notification.objects.create(
            person_id=pk, key=key, day=day, stage=Stage.ALERT, category="資安警訊", title=title[:300], url=url[:300],
            note=note[:300], mail_state=Notification.Mail.QUEUED if email else Notification.Mail.NONE)
        if email:
            OutboundMail.objects.create(person_id=pk, to=email, kind=OutboundMail.Kind.IMMEDIATE, day=day,
                                        notification=n, next_attempt_at=started, **_notice_mail(n, name))
    dataversion.bump([dataversion.person_scope(pk) for pk, _, _ in admins])
    run = _run("security", day, started, notices=len(admins), mails=sum(1 for _, e, _ in admins if e))
    audit_record(actor=None, action="notifications.security_alert", obj=run,
                 after={"kind": kind, "title": title, "note": note, "people": len(admins)})
    return len(admins)
