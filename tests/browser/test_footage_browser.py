"""A unit files an internal request; its head, the ethics unit and the head of agency approve; the
managing unit records the viewing; the register shows it."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.lib import rocdate
from tests.footage import factories as f
from tests.world import build_world
from tests.browser.helpers import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def approve_from_home(page, base, username, number):
    login(page, base, username)
    page.click(f"a:has-text('{number}')")
    page.wait_for_selector("#decide")
    page.check("#decide input[value=approve]")
    page.click("#decide button[type=submit]")
    page.wait_for_selector("text=已記錄您的決定")


def test_internal_request_through_the_chain_to_the_register(live_server, page):
    world = build_world()
    f.setup(world)
    f.planhead(world)
    base = live_server.url
    when = timezone.localtime() - dt.timedelta(days=1)

    login(page, base, "staff")
    page.click("nav.mainnav >> text=監視錄影調閱")
    page.click("text=提出申請")
    page.fill("#id_reason", "會議室走道公告欄遭破壞，需確認時間。")
    page.fill("#id_window_start_0", rocdate.format_slash(when.date()))
    page.fill("#id_window_start_1", "09:00")
    page.fill("#id_window_end_0", rocdate.format_slash(when.date()))
    page.fill("#id_window_end_1", "08:30")  # ends before it starts
    page.check("text=CH03 會議室走道")
    page.check("#id_acknowledged")
    page.click("button:has-text('送出申請')")
    page.wait_for_selector("#field-window_end .errorlist")
    assert "結束時間必須晚於開始時間" in page.inner_text("#field-window_end")
    assert page.input_value("#id_reason") == "會議室走道公告欄遭破壞，需確認時間。"  # nothing typed is lost
    page.fill("#id_window_end_1", "09:45")
    page.check("#id_acknowledged")
    page.click("button:has-text('送出申請')")
    page.wait_for_selector("text=已送出申請")
    number = page.inner_text("h1").replace("監視錄影調閱申請", "").strip()
    assert "單位主管" in page.inner_text("ol.chain .current")

    approve_from_home(page, base, "planhead", number)
    approve_from_home(page, base, "officer", number)
    approve_from_home(page, base, "head", number)
    assert page.inner_text("#req-status") == "核准，待調閱"

    login(page, base, "liaison")
    page.click(f"a:has-text('{number} 已核准')")
    page.wait_for_selector("h1:has-text('登錄調閱')")
    page.check("#id_applicant_signed")
    page.click("button:has-text('登錄')")
    page.wait_for_selector("text=已登錄調閱（複製）紀錄")
    assert "測承辦" in page.inner_text("#viewing")

    page.click("nav.mainnav >> text=監視錄影調閱")
    page.click("text=調閱登記簿")
    row = page.locator("#register tbody tr", has_text=number)
    assert "核准，已調閱" in row.inner_text() and "綜合企劃科" in row.inner_text()
