"""The application's "today": the one place pages, deadlines and reminders read the date from.

In production it is the calendar date in Asia/Taipei. A training or test set-up can move it with the
setting ANWEI_TODAY (a date; environment variable ANWEI_TODAY, accepted only with ANWEI_DEBUG): the
clock then runs from that date at the real time of day, so that reminders before a deadline, the
deadline passing and the escalation after it can be shown in minutes instead of weeks. Django's own
bookkeeping (sessions, login lock-outs, auto_now fields) keeps the real time.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone


def _offset() -> dt.timedelta:
    fixed = getattr(settings, "ANWEI_TODAY", None)
    if not fixed:
        return dt.timedelta(0)
    if isinstance(fixed, str):
        fixed = dt.date.fromisoformat(fixed)
    return fixed - timezone.localdate()


def now() -> dt.datetime:
    """The current moment (aware), on the application's date."""
    return timezone.now() + _offset()


def today() -> dt.date:
    """The application's date in the local time zone (Asia/Taipei)."""
    return timezone.localdate(now())
