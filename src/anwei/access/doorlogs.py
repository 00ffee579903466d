"""Upload then read: the file is kept (and its columns checked) in one transaction; its rows are read now
when it is small, or by the background worker when it is large, the review page showing the rows read so
far. A file of a million events takes minutes: it must not hold a web request, nor the database."""

from __future__ import annotations

from django.db import transaction

from anwei.access import services
from anwei.access.models import AccessSettings, DoorLog
from anwei.access.tasks import door_log_run, door_log_task
from anwei.orgs.models import Person

BACKGROUND_BYTES = 1024 * 1024  # about 20,000 events


def door_log_upload(*, actor: Person, settings: AccessSettings, upload, filename: str, digest: str, size: int,
                    background: bool | None = None) -> DoorLog:
    background = size > BACKGROUND_BYTES if background is None else background
    with transaction.atomic():
        log = services.door_log_start(actor=actor, settings=settings, upload=upload, filename=filename, digest=digest)
        if background:
            door_log_task.enqueue(log.pk)
    return log if background else door_log_run(log)
