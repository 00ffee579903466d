"""Sending the outbox: each message is claimed by one sender (two workers never send it twice), sent
through Django's e-mail framework, and on failure — relay down, message refused — put back with a
growing delay (1, 2, 4 … minutes, at most 6 hours) and the error kept for the administrator
(系統管理 → 寄件匣). Nothing is dropped. State changes here are the outbox's bookkeeping, not a
person's change: no audit row (the pass that wrote the message has one)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.utils import timezone

from anwei.notifications.models import OutboundMail

log = logging.getLogger(__name__)
State = OutboundMail.State
STUCK = dt.timedelta(minutes=10)  # a sender that died mid-send: its claim lapses
MAX_DELAY = 6 * 3600


def retry_delay(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), MAX_DELAY))


@dataclass(frozen=True)
class Delivery:
    sent: int
    failed: int


def mail_due(now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return OutboundMail.objects.filter(state=State.PENDING, next_attempt_at__lte=now).exists() or \
        OutboundMail.objects.filter(state=State.SENDING, claimed_at__lt=now - STUCK).exists()


def mail_deliver(limit: int = 200, now: dt.datetime | None = None) -> Delivery:
    now = now or timezone.now()
    OutboundMail.objects.filter(state=State.SENDING, claimed_at__lt=now - STUCK).update(state=State.PENDING)
    due = list(OutboundMail.objects.filter(state=State.PENDING, next_attempt_at__lte=now)
               .order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])
    sent = failed = 0
    connection = None
    for pk in due:
        if not OutboundMail.objects.filter(pk=pk, state=State.PENDING).update(state=State.SENDING, claimed_at=now):
            continue  # another sender took it
        mail = OutboundMail.objects.get(pk=pk)
        try:
            connection = connection or get_connection()
            message = EmailMultiAlternatives(mail.subject, mail.body_text, to=[mail.to], connection=connection)
            if mail.body_html:
                message.attach_alternative(mail.body_html, "text/html")
            message.send()
        except Exception as exc:  # any failure of the relay: keep the message, try later
            log.warning("mail %s to %s not sent: %s", pk, mail.to, exc)
            OutboundMail.objects.filter(pk=pk).update(
                state=State.PENDING, attempts=F("attempts") + 1, last_error=f"{type(exc).__name__}: {exc}"[:500],
                next_attempt_at=now + retry_delay(mail.attempts + 1), claimed_at=None)
            failed += 1
            connection = None  # a fresh connection next time
        else:
            OutboundMail.objects.filter(pk=pk).update(state=State.SENT, sent_at=timezone.now(),
                                                      attempts=F("attempts") + 1, last_error="")
            sent += 1
    if connection is not None:
        try:
            connection.close()
        except Exception:  # closing a broken connection
            pass
    return Delivery(sent, failed)
