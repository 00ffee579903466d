"""The periodic jobs, run by the task worker when the scheduler enqueues them (or by hand:
`anwei reminders --run`, `anwei reminders --digest`)."""

from __future__ import annotations

from django_tasks import task

from anwei.core import clock
from anwei.core.workdays import is_workday
from anwei.notifications import engine, outbox, services


def reminders_now():
    """Plan outside any transaction (reads only), then write in one short one. Nothing on a day off."""
    plan = engine.reminders_plan(clock.today())
    if not plan.workday:
        return None
    run = services.notices_deliver(plan=plan)
    outbox.mail_deliver()
    return run


def digest_now():
    today = clock.today()
    digests = engine.digest_plan(today)
    if not digests and not is_workday(today):
        return None
    run = services.digests_queue(day=today, digests=digests)
    outbox.mail_deliver()
    return run


@task()
def reminders_run() -> int:
    run = reminders_now()
    return run.notices if run else 0


@task()
def digest_run() -> int:
    run = digest_now()
    return run.mails if run else 0


@task()
def mail_run() -> int:
    return outbox.mail_deliver().sent


def mail_due() -> bool:
    return outbox.mail_due()
