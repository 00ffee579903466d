"""Reading attachments' text for the index, in the background worker (a long PDF takes seconds)."""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from anwei.core.models import StoredFile
from anwei.core.uploads import stored_file_bytes
from anwei.lib import docextract
from anwei.portal.searchables import searchable
from anwei.search import index
from anwei.search.models import FileText

log = logging.getLogger(__name__)

MAX_CHARS = 200_000  # of one file's text in the index: enough for a long packet, bounded for the row


def _read(stored: StoredFile) -> FileText:
    try:
        text = docextract.extract(stored_file_bytes(stored), stored.name).text()
        return FileText(stored=stored, text=f"附件「{stored.name}」：{text[:MAX_CHARS]}")
    except docextract.ExtractError as exc:
        return FileText(stored=stored, error=str(exc)[:200])
    except Exception:  # a missing or unreadable file must not stop the others
        log.exception("reading stored file %s for the search index", stored.pk)
        return FileText(stored=stored, error="檔案無法讀取。")


@task()
def file_text_read(kind: str, object_ids: list[int], file_ids: list[int]) -> int:
    """Read the files not read yet, then reindex the records they belong to. Index rows and file texts
    are derived data: no audit row (the upload has one)."""
    done = set(FileText.objects.filter(stored_id__in=file_ids).values_list("stored_id", flat=True))
    read = [_read(f) for f in StoredFile.objects.filter(pk__in=set(file_ids) - done)]
    s = searchable(kind)
    with transaction.atomic():
        FileText.objects.bulk_create(read, ignore_conflicts=True)
        if s is not None:
            index.reindex(s, object_ids)
    return len(read)
