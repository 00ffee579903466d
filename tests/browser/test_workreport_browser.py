"""The officer records a 講習, composes the work report for the next meeting, edits a sentence, re-composes
after another event is recorded, sees the change offered without losing the edit, and finds the report
in the packet."""

import datetime as dt

import pytest

from anwei.awareness import services as aw
from anwei.awareness.models import Topic
from anwei.core import clock
from anwei.lib import rocdate
from anwei.meetings import services as ms
from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_compose_edit_recompose_packet(live_server, page):
    w = build_world()
    aw.topics_seed_defaults()  # the tables were emptied by the transactional tests before this one
    today = clock.today()
    ms.meeting_create(actor=w.officer, agency=w.bureau, date=today - dt.timedelta(days=40))
    meeting = ms.meeting_create(actor=w.officer, agency=w.bureau, date=today + dt.timedelta(days=20))
    base = live_server.url

    # A 講習 recorded through the form (a negative audience is refused next to the field first).
    login(page, base, "officer")
    page.click("nav >> text=宣導")
    page.click("text=新增宣導活動")
    page.fill("#id_title", "公務機密維護講習")
    page.select_option("#id_topic", label="公務機密維護")
    page.select_option("#id_form", label="講習/訓練")
    page.fill("#id_start_date", rocdate.format_slash(today))
    page.fill("#id_audience_count", "-3")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=人數不得為負數。")
    page.fill("#id_audience_count", "45")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=已新增宣導活動")

    # Compose the work report for the next meeting from the meeting page.
    page.goto(f"{base}/meetings/{meeting.pk}/")
    page.click("#compose-work-report")
    page.wait_for_selector("#composed:has-text('公務機密維護講習')")
    page.click("#apply")
    page.wait_for_selector("text=已產生工作報告")

    # The officer edits a sentence.
    page.click("text=編輯工作報告文字")
    body = page.input_value("#id_rep-body")
    line = next(x for x in body.splitlines() if x.startswith("三、門禁及監視系統每日檢查"))
    page.fill("#id_rep-body", body.replace(line, "三、門禁及監視系統每日檢查：由秘書室每日檢查，均正常運作（本室補充）。"))
    page.click("button[type=submit].primary")
    page.wait_for_url(f"**/meetings/{meeting.pk}/**")

    # Another event is recorded; re-composing offers it and keeps the edit.
    aw.event_create(actor=w.officer, agency=w.bureau, title="反詐騙宣導", topic=Topic.objects.get(name="反詐騙"),
                    form="email", start_date=today, audience_count=120)
    page.goto(f"{base}/workreports/meeting/{meeting.pk}/")
    page.wait_for_selector("#changes ins:has-text('反詐騙宣導')")
    merged = page.inner_text("#merged")
    assert "本室補充" in merged and "反詐騙宣導" in merged
    page.click("#apply")
    page.wait_for_selector("text=已帶入紀錄的變動")
    page.wait_for_selector("#unchanged")

    # The report, edit and change both, is in the packet.
    page.goto(f"{base}/meetings/{meeting.pk}/packet/")
    packet = page.content()
    assert "本室補充" in packet and "反詐騙宣導" in packet and "公務機密維護講習" in packet
