from __future__ import annotations

import logging

from django_tasks import task

from anwei.documents.fonts import FontMissingError

log = logging.getLogger(__name__)


@task()
def render_job_run(job_id: int) -> None:
    from anwei.documents.builders import document_build, document_weight
    from anwei.documents.models import RenderJob
    from anwei.documents.render import render
    from anwei.documents.services import render_job_finish, render_job_progress

    job = RenderJob.objects.filter(pk=job_id).defer("result").first()
    if job is None or job.is_finished:
        return
    try:
        render_job_progress(job, "整理文件內容…")
        doc = document_build(job.builder, job.kwargs)
        render_job_progress(job, f"排版中（{document_weight(doc)} 個段落與表格列，長文件約需數十秒）…")
        data = render(doc, job.fmt)
    except FontMissingError as exc:
        render_job_finish(job, result=None, error=str(exc))
    except Exception:  # the person gets a message; the log keeps the traceback
        log.exception("render job %s failed", job_id)
        render_job_finish(job, result=None, error="產生文件時發生錯誤，請稍後再試或聯絡系統管理者。")
    else:
        render_job_finish(job, result=data)
