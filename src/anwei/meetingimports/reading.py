"""Upload and read: the file is kept in one transaction, then read outside any transaction — now when it is
small, by the background worker (django-tasks) when it is large, the page showing progress meanwhile — and
what the reading gave is recorded in another. Reading a 200-page PDF takes seconds; it must not hold the
database while it does (SQLite writes one transaction at a time)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from anwei.meetingimports import services
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.tasks import import_read, meeting_import_read_task
from anwei.orgs.models import Agency, Person

# Files larger than this are read by the background worker.
BACKGROUND_BYTES = 512 * 1024


def import_file(*, actor: Person | None, agency: Agency, upload: UploadedFile,
                background: bool | None = None) -> MeetingImport:
    """Keep the file, then read it now (small) or queue it for the worker (large, or `background`)."""
    background = upload.size > BACKGROUND_BYTES if background is None else background
    with transaction.atomic():  # the queue row commits with the import
        imp = services.meeting_import_upload(actor=actor, agency=agency, upload=upload, background=background)
        if background:
            meeting_import_read_task.enqueue(imp.pk)
    return imp if background else import_read(actor=actor, imp=imp)
