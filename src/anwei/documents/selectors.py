from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from anwei.documents.models import RenderJob


def render_jobs_of(person) -> QuerySet[RenderJob]:
    """Only the requester sees a job; the result bytes are left out of listings."""
    return RenderJob.objects.filter(requester=person).defer("result")


def render_job_get(person, pk: int, *, with_result: bool = False) -> RenderJob:
    qs = RenderJob.objects.filter(requester=person)
    if not with_result:
        qs = qs.defer("result")
    job = qs.filter(pk=pk).first()
    if job is None:
        raise Http404("找不到這個文件產生工作")
    return job
