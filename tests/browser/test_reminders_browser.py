"""A liaison with an open progress round is reminded two working days before the deadline; the deadline
passes and the unit head gets the escalation; the liaison names a deputy, whose home page then shows the
task. The application's date is set with the ANWEI_TODAY setting (core.clock)."""

import datetime as dt

import pytest

from anwei.notifications import tasks
from tests.browser.helpers import login
from tests.notifications.conftest import progress_round
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reminder_escalation_deputy(live_server, page, settings):
    world = build_world()
    progress_round(world, dt.date(2024, 2, 21))  # 秘書室 owes progress on 2 items by Wednesday 2024-02-21
    base = live_server.url

    # Monday 2024-02-19, two working days before: the morning's pass reminds the liaison.
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    tasks.reminders_now()
    login(page, base, "liaison")
    assert page.inner_text("#unread-count") == "1"
    page.click("#bell")
    row = page.locator("#notifications tbody tr").first
    assert "期限將屆" in row.inner_text() and "秘書室有2項列管事項待填報執行情形" in row.inner_text()
    row.locator("button").click()
    page.wait_for_url("**/tracking/mine/")
    assert page.locator("#unread-count").count() == 0

    # Monday 2024-02-26, three working days overdue: the unit head gets the escalation.
    settings.ANWEI_TODAY = dt.date(2024, 2, 26)
    tasks.reminders_now()
    login(page, base, "unithead")
    page.click("#bell")
    assert "逾期陳報（單位主管）" in page.inner_text("#notifications")
    assert "秘書室有2項列管事項待填報執行情形" in page.inner_text("#notifications")

    # The liaison goes on leave and names a deputy in their profile.
    login(page, base, "liaison")
    page.click("text=個人設定")
    page.select_option("#id_deputy", label=f"綜合企劃科 {world.staff.display_with_title()}")
    page.fill("#id_starts_on", "113/2/26")
    page.fill("#id_ends_on", "113/3/1")
    page.fill("#id_reason", "休假")
    page.click("button:has-text('指定代理人')")
    page.wait_for_selector("text=已指定科員測同仁為職務代理人")
    assert "代理中" in page.inner_text("#deputies")

    # The deputy's home page shows the task, marked with the absent liaison's name.
    login(page, base, "staff")
    todo = page.inner_text("#todo")
    assert "秘書室有2項列管事項待填報執行情形" in todo and "代理 科員測承辦" in todo
    page.click("text=秘書室有2項列管事項待填報執行情形")
    page.wait_for_url("**/tracking/mine/")
    assert "請秘書室辦理第1項" in page.inner_text("main")
