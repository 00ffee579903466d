from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from anwei.core.audit import audit_record
from anwei.core.service import service
from anwei.documents.models import RenderJob

# Rendered files are kept this long (the data they came from stays in its own app).
JOB_KEEP = timedelta(days=7)


@service
def render_job_create(*, requester, builder: str, kwargs: dict, fmt: str, filename: str) -> RenderJob:
    """Record the request and queue the rendering (the queue row commits with the job)."""
    from anwei.documents.tasks import render_job_run

    RenderJob.objects.filter(requester=requester, created_at__lt=timezone.now() - JOB_KEEP).delete()
    job = RenderJob.objects.create(requester=requester, builder=builder, kwargs=kwargs, fmt=fmt,
                                   filename=filename, progress="排入佇列，等待產生…")
    audit_record(actor=requester, action="documents.render_job_create", obj=job,
                 agency=getattr(requester, "agency", None),
                 after={"builder": builder, "kwargs": kwargs, "fmt": fmt, "filename": filename},
                 access=True)  # a download request; the job shows only on its own (uncached) page
    render_job_run.enqueue(job.pk)
    return job
