"""Upload and read: the file is kept in one transaction, then read outside any transaction — now when it is
small, by the background worker (django-tasks) when it is large, the page showing progress meanwhile — and
what the reading gave is recorded in another. Reading a 200-page PDF takes seconds; it must not hold the
database while it does (SQLite writes one transaction at a time)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from anwei.meetingimports import services
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.selectors import meeting_import_parse
from anwei.orgs.models import Agency, Person

# Files larger than this are read by the background worker.
BACKGROUND_BYTES = 512 * 1024


def import_read(*, actor: Person | None, imp: MeetingImport) -> MeetingImport:
    return services.meeting_import_read(actor=actor, imp=imp, parsed=meeting_import_parse(imp))


def import_file(*, actor: Person | None, agency: Agency, upload: UploadedFile,
                background: bool | None = None) -> MeetingImport:
    """Keep the file, then read it now (small) or queue it for the worker (large, or `background`)."""
    background = upload.size > BACKGROUND_BYTES if background is None else background
    imp = services.meeting_import_upload(actor=actor, agency=agency, upload=upload, background=background)
    return imp if background else import_read(actor=actor, imp=imp)
