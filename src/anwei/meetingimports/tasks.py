from __future__ import annotations

import logging

from django_tasks import task

from anwei.meetingimports import services
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.selectors import meeting_import_parse
from anwei.orgs.models import Person

log = logging.getLogger(__name__)


def import_read(*, actor: Person | None, imp: MeetingImport) -> MeetingImport:
    """Read the file (outside any transaction), then record what it gave (a service)."""
    return services.meeting_import_read(actor=actor, imp=imp, parsed=meeting_import_parse(imp))


@task()
def meeting_import_read_task(import_id: int) -> None:
    """Read a large file in the background; the import's page shows the progress line."""
    imp = MeetingImport.objects.filter(pk=import_id).select_related("agency", "file").first()
    if imp is None or imp.state != MeetingImport.State.QUEUED:
        return
    # Progress lines are bookkeeping, not a person's edit: no audit row (as documents' render jobs).
    pages = f"（{imp.size // 1024} KB，長文件約需數十秒）"
    MeetingImport.objects.filter(pk=imp.pk).update(state=MeetingImport.State.PARSING,
                                                   progress=f"讀取文件文字並辨識會議內容中{pages}…")
    imp.state = MeetingImport.State.PARSING
    try:
        import_read(actor=None, imp=imp)
    except Exception:  # the person gets a message; the log keeps the traceback
        log.exception("meeting import %s failed", import_id)
        MeetingImport.objects.filter(pk=imp.pk).update(state=MeetingImport.State.FAILED, progress="無法匯入",
                                                       error="讀取文件時發生錯誤，請稍後再試或聯絡系統管理者。")
