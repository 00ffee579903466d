"""Two people editing the work report: the second gets the other's text, nothing is silently overwritten."""

import datetime as dt

from django.urls import reverse

from anwei.meetings import services as ms


def test_stale_work_report_edit_shows_the_other_text_and_keeps_mine(world, client):
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    report = ms.report_add(actor=world.officer, meeting=meeting, kind="work", title="秘書單位工作報告")
    stale = report.version
    ms.report_update(actor=world.officer, report=report, expected_version=stale, title=report.title, unit=None,
                     presenter="", body="同事先存的內容", kind="work")
    client.force_login(world.officer)
    url = reverse("meetings:report_edit", args=[report.pk])
    response = client.post(url, {"rep-version": stale, "rep-kind": "work", "rep-title": report.title,
                                 "rep-body": "我的內容"})
    body = response.content.decode()
    assert response.status_code == 200 and "同事先存的內容" in body and "我的內容" in body
    report.refresh_from_db()
    assert report.body == "同事先存的內容"
