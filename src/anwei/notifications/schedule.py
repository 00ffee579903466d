"""The scheduler: `anwei scheduler` enqueues periodic jobs for the task worker (`anwei db_worker`) at the
times in settings.SCHEDULE (cron expressions in Asia/Taipei, read with croniter).

Why our own loop and not a scheduler library: APScheduler's job stores are not safe with two schedulers
on one store, and django-tasks has none. Here a job's time slot is claimed by inserting a ScheduledRun
row (job, slot) that the database keeps unique, so two schedulers running at once (a second server, an
overlap during a restart) enqueue each job once. The jobs themselves are safe to run twice anyway.
Apps plug their jobs in with job_register() in their AppConfig.ready().
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from croniter import croniter
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from anwei.notifications.models import ScheduledRun

log = logging.getLogger(__name__)
GRACE = dt.timedelta(minutes=30)  # a slot missed by longer than this (scheduler down) is not run late


@dataclass(frozen=True)
class Job:
    name: str
    task: object  # a django-tasks Task
    label: str
    if_due: Callable[[], bool] | None = None  # enqueue only when there is something to do


_jobs: dict[str, Job] = {}


def job_register(name: str, task, label: str, *, if_due: Callable[[], bool] | None = None) -> None:
    _jobs[name] = Job(name, task, label, if_due)


def jobs() -> dict[str, Job]:
    return dict(_jobs)


def cron_of(name: str) -> str:
    return settings.SCHEDULE.get(name, "")


def last_slot(cron: str, now: dt.datetime) -> dt.datetime:
    """The latest time at or before `now` that `cron` names (local time, aware)."""
    local = timezone.localtime(now)
    return croniter(cron, local + dt.timedelta(seconds=1)).get_prev(dt.datetime)


def claim(job: str, slot: dt.datetime) -> bool:
    """True for the one scheduler that gets to enqueue `job` for `slot`."""
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(job=job, slot=slot)
    except IntegrityError:
        return False
    return True


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose latest slot has come and is not claimed yet; returns the names enqueued."""
    now = now or timezone.now()
    done = []
    for name, job in _jobs.items():
        cron = cron_of(name)
        if not cron:
            continue
        slot = last_slot(cron, now)
        if now - slot > GRACE or ScheduledRun.objects.filter(job=name, slot=slot).exists():
            continue
        if job.if_due is not None and not job.if_due():
            continue
        if claim(name, slot):
            job.task.enqueue()
            done.append(name)
            log.info("scheduled %s for %s", name, slot)
    return done


def run_forever(interval: float = 20.0, stop: Callable[[], bool] = lambda: False) -> None:
    for name in _jobs:
        if cron_of(name):
            croniter(cron_of(name))  # a bad expression stops start-up, naming it
    while not stop():
        try:
            tick()
        except Exception:  # a database hiccup: log it and try at the next tick
            log.exception("scheduler tick failed")
        time.sleep(interval)
