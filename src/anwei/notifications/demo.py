"""Demo: every demo login gets the default mail setting; the day's reminder pass runs, so the bell has
something to show, and on a working day the digests are written to var/mail/ (no relay in the demo)."""

from __future__ import annotations

from anwei.notifications import tasks


def load(ctx: dict) -> None:
    tasks.reminders_now()
    tasks.digest_now()
