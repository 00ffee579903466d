"""The retention job: destroys what has reached its destruction date. Run by `anwei retention --run`,
or daily as a background task (`footage_retention_run.enqueue()`; `anwei db_worker` runs it)."""

from __future__ import annotations

import datetime as dt
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


@task()
def footage_retention_run(dry_run: bool = False) -> int:
    return len(retention_run(dry_run=dry_run).destroyed)
