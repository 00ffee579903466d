from urllib.parse import quote

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.documents.http import document_response
from anwei.documents.models import RenderJob
from anwei.documents.services import render_job_create

pytestmark = pytest.mark.django_db


def test_long_pdf_runs_as_a_job_with_progress_and_download(world, rf_user, client):
    # few rows, much text: 4 items of 100,000 characters each go to the background, not the request
    response = document_response(rf_user(world.officer), builder="specimen.heavy_text",
                                 kwargs={"rows": 4, "chars": 100_000}, fmt="pdf", filename="長表格")
    job = RenderJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:job", kwargs={"pk": job.pk})
    assert job.status == RenderJob.Status.DONE and job.size > 1000  # ran at once (ImmediateBackend)
    assert AuditEntry.objects.filter(action="documents.render_job_create", object_id=str(job.pk)).exists()

    client.force_login(world.officer)
    page = client.get(reverse("documents:job", kwargs={"pk": job.pk})).content.decode()
    download = reverse("documents:job_download", kwargs={"pk": job.pk})
    assert "已完成" in page and download in page and "長表格.pdf" in page
    assert "every 2s" not in page  # finished jobs stop polling

    got = client.get(download)
    assert got.status_code == 200 and got.content.startswith(b"%PDF-")
    assert f"filename*=utf-8''{quote('長表格.pdf')}" in got["Content-Disposition"]


def test_short_documents_render_inline(world, rf_user):
    response = document_response(rf_user(world.officer), builder="specimen.long_table",
                                 kwargs={"rows": 20}, fmt="pdf", filename="短表格")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert not RenderJob.objects.exists()


def test_pending_job_polls_every_two_seconds(world, client):
    job = RenderJob.objects.create(requester=world.liaison, builder="specimen.short", kwargs={},
                                   fmt="pdf", filename="等待中", progress="排入佇列，等待產生…")
    client.force_login(world.liaison)
    url = reverse("documents:job", kwargs={"pk": job.pk})
    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and 'hx-trigger="every 2s"' in page and "排入佇列" in page
    part = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert part.lstrip().startswith('<div id="job-status"') and "<html" not in part
    assert client.get(reverse("documents:job_download", kwargs={"pk": job.pk})).status_code == 404


def test_only_the_requester_sees_the_job(world, client):
    job = render_job_create(requester=world.officer, builder="specimen.short", kwargs={},
                            fmt="pdf", filename="機密")
    for person in (world.head, world.superior, world.other_officer):
        client.force_login(person)
        assert client.get(reverse("documents:job", kwargs={"pk": job.pk})).status_code == 404
        assert client.get(reverse("documents:job_download", kwargs={"pk": job.pk})).status_code == 404


def test_failed_builder_gives_a_message(world, client):
    job = render_job_create(requester=world.officer, builder="specimen.broken", kwargs={},
                            fmt="pdf", filename="失敗")
    job.refresh_from_db()
    assert job.status == RenderJob.Status.FAILED and job.result is None
    client.force_login(world.officer)
    page = client.get(reverse("documents:job", kwargs={"pk": job.pk})).content.decode()
    assert "產生文件時發生錯誤" in page


def test_old_jobs_of_the_requester_are_cleared(world):
    from datetime import timedelta

    from django.utils import timezone

    old = RenderJob.objects.create(requester=world.officer, builder="specimen.short", kwargs={},
                                   fmt="pdf", filename="舊", status=RenderJob.Status.DONE, result=b"x")
    RenderJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    others = RenderJob.objects.create(requester=world.head, builder="specimen.short", kwargs={},
                                      fmt="pdf", filename="別人的", status=RenderJob.Status.DONE, result=b"x")
    RenderJob.objects.filter(pk=others.pk).update(created_at=timezone.now() - timedelta(days=8))
    render_job_create(requester=world.officer, builder="specimen.short", kwargs={}, fmt="pdf",
                      filename="新")
    assert not RenderJob.objects.filter(pk=old.pk).exists()
    assert RenderJob.objects.filter(pk=others.pk).exists()
