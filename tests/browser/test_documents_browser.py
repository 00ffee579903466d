import pytest

from anwei.documents.models import RenderJob
from tests.world import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_job_page_polls_until_the_download_appears(live_server, page):
    world = build_world()
    job = RenderJob.objects.create(requester=world.officer, builder="specimen.short", kwargs={},
                                   fmt="pdf", filename="安全維護會報108年第2次會議資料", progress="排版中…",
                                   status=RenderJob.Status.RUNNING)
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('首頁')")
    page.goto(f"{live_server.url}/documents/jobs/{job.pk}/")
    assert "排版中" in page.inner_text("#job-status")
    assert page.locator("#job-status a").count() == 0

    # the worker finishes; htmx polling (every 2 s) swaps in the download link
    RenderJob.objects.filter(pk=job.pk).update(status=RenderJob.Status.DONE, progress="已完成",
                                               result=b"%PDF-1.7 test", size=13)
    link = page.wait_for_selector("#job-status a:has-text('下載')", timeout=10000)
    assert "安全維護會報108年第2次會議資料.pdf" in link.inner_text()
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "安全維護會報108年第2次會議資料.pdf"
