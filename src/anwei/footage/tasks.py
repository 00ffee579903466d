"""The retention job: destroys what has reached its destruction date. Run by `anwei retention --run`,
or daily as a background task (`footage_retention_run.enqueue()`; `anwei db_worker` runs it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django_tasks import task

from anwei.footage import selectors
from anwei.footage.models import FootageRequest
from anwei.footage.services import request_destroy


@dataclass(frozen=True)
class RetentionResult:
    due: list[FootageRequest]
    destroyed: list[FootageRequest]


def retention_run(*, dry_run: bool, today: dt.date | None = None) -> RetentionResult:
    """Destroy every request whose destruction date has come (legal holds excepted). One transaction per
    request, so one failure does not undo the others."""
    due = list(selectors.retention_due(today=today))
    destroyed: list[FootageRequest] = []
    if not dry_run:
        for req in due:
            request_destroy(actor=None, req=req)
            destroyed.append(req)
    return RetentionResult(due, destroyed)


# Other personal-data records with a retention rule (the visitor log) join the same nightly job: each step
# takes (dry_run, today) and returns how many records it destroyed (or would destroy).
_steps: list[tuple[str, Callable[[bool, dt.date | None], int]]] = []


def retention_step_register(label: str, step: Callable[[bool, dt.date | None], int]) -> None:
    if all(existing != label for existing, _ in _steps):
        _steps.append((label, step))


def retention_steps_run(*, dry_run: bool, today: dt.date | None = None) -> list[tuple[str, int]]:
    return [(label, step(dry_run, today)) for label, step in _steps]


@task()
def footage_retention_run(dry_run: bool = False) -> int:
    done = len(retention_run(dry_run=dry_run).destroyed)
    return done + sum(n for _, n in retention_steps_run(dry_run=dry_run))
