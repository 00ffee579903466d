from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from anwei.documents.fonts import FontMissingError
from anwei.documents.models import RenderJob

log = logging.getLogger(__name__)


@task()
def render_job_run(job_id: int) -> None:
    from anwei.documents.builders import document_build, document_weight
    from anwei.documents.render import render

    job = RenderJob.objects.filter(pk=job_id).defer("result").first()
    if job is None or job.is_finished:
        return
    try:
        _progress(job, "整理文件內容…")
        doc = document_build(job.builder, job.kwargs)
        _progress(job, f"排版中（{document_weight(doc)} 個段落與表格列，長文件約需數十秒）…")
        data = render(doc, job.fmt)
    except FontMissingError as exc:
        _finish(job, result=None, error=str(exc))
    except Exception:  # the person gets a message; the log keeps the traceback
        log.exception("render job %s failed", job_id)
        _finish(job, result=None, error="產生文件時發生錯誤，請稍後再試或聯絡系統管理者。")
    else:
        _finish(job, result=data)


def _progress(job: RenderJob, text: str, *, status: str = RenderJob.Status.RUNNING) -> None:
    """Progress lines are system bookkeeping, not a person's edit: no audit row."""
    job.status, job.progress = status, text
    RenderJob.objects.filter(pk=job.pk).update(status=status, progress=text)


def _finish(job: RenderJob, *, result: bytes | None, error: str = "") -> None:
    job.finished_at = timezone.now()
    if result is not None:
        job.status, job.result, job.size, job.progress = RenderJob.Status.DONE, result, len(result), "已完成"
    else:
        job.status, job.error, job.progress = RenderJob.Status.FAILED, error, "產生失敗"
    job.save(update_fields=["status", "result", "size", "progress", "error", "finished_at"])
