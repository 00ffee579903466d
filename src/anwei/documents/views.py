from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from anwei.documents.http import file_response
from anwei.documents.selectors import render_job_get


@login_required
def job(request, pk: int):
    """Progress of a background rendering; htmx polls the status part every 2 s."""
    job = render_job_get(request.user, pk)
    template = "documents/_job_status.html" if request.htmx else "documents/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request, pk: int):
    job = render_job_get(request.user, pk, with_result=True)
    if job.status != job.Status.DONE or job.result is None:
        raise Http404("檔案尚未產生完成")
    return file_response(bytes(job.result), fmt=job.fmt, filename=job.filename)
