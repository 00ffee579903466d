"""The cycle in a real browser: the officer creates a meeting and opens a round, a liaison reports
progress, the officer records the decision, and the next meeting's table shows the item."""

import datetime as dt

import pytest

from anwei.lib import rocdate
from anwei.meetings import services as ms
from tests.world import build_world
from tests.browser.helpers import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logout(page):
    page.click("text=登出")
    page.wait_for_selector("h1:has-text('登入安維')")


def test_meeting_round_progress_decision_next_packet(live_server, page):
    world = build_world()
    # The last meeting gave one directive to 秘書室.
    last = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=last, text="請秘書室研擬門禁管制規定。", actionable=True,
                  lead_unit=world.units["秘書室"])
    base = live_server.url

    login(page, base, "officer")
    page.click("nav >> text=會報")
    page.click("text=召開新會議")
    page.fill("#id_date", "113/10/2")
    page.fill("#id_start_time", "11:30")
    page.fill("#id_place", "本局第一會議室")
    page.click("button:has-text('建立會議')")
    page.wait_for_selector("h1:has-text('113年第2次會議')")
    assert "11:30–11:35" in page.inner_text("#agenda")
    page.click("text=開始蒐集執行情形")
    page.fill("#id_deadline", rocdate.format_slash(dt.date.today() + dt.timedelta(days=7)))
    page.click("button:has-text('開始蒐集')")
    # the meeting (113/10/2) is before the deadline: the page asks before accepting it
    page.wait_for_selector("text=在會議日期")
    page.click("button:has-text('仍設定此期限')")
    page.wait_for_selector("h2:has-text('各單位填報情形')")
    assert "未完成" in page.inner_text(".unit-status")
    logout(page)

    login(page, base, "liaison")
    assert "待填報執行情形" in page.inner_text("main")
    page.click("nav >> text=本單位填報")
    page.click("a.button:has-text('填寫')")
    page.fill("#id_text", "已簽陳門禁管制規定草案，提下次會議審議。")
    page.click("button:has-text('送出')")
    page.wait_for_selector("text=已送出")
    assert "已填報" in page.inner_text("main")
    logout(page)

    login(page, base, "officer")
    page.click("nav >> text=會報")
    page.click("text=113年第2次會議")
    row = page.locator("table.directives tr", has_text="請秘書室研擬門禁管制規定。")
    assert "已簽陳門禁管制規定草案" in row.inner_text()
    row.locator("input[value=continue]").check()
    row.locator("button:has-text('記錄')").click()
    row.locator("text=已記錄：繼續列管").wait_for()  # htmx swapped the cell in place
    page.click("text=會議資料預覽")
    table = page.locator(".document-preview table", has_text="請秘書室研擬門禁管制規定。")
    text = table.inner_text()
    assert "113年第1次會議" in text and "秘書室" in text and "已簽陳門禁管制規定草案" in text
    assert "■繼續列管" in text and "□解除列管" in text


def test_a_closed_section_loads_its_form_when_opened(live_server, page):
    world = build_world()
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    login(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    assert page.locator("#id_rul-text").count() == 0  # not on the page until asked for
    page.click("#ruling-form summary")
    page.fill("#id_rul-text", "請各單位加強下班後門窗管制。")  # waits for htmx to bring the form
    page.select_option("#id_rul-lead_unit", label="秘書室")
    page.click("button:has-text('新增裁示')")
    row = page.locator("#rulings tr", has_text="請各單位加強下班後門窗管制。")
    assert "第1項" in row.inner_text()


def test_attendance_table_with_all_present_in_the_browser(live_server, page):
    """The roster's lines are inputs of one form (form="attendance-form"): one press saves them all."""
    world = build_world()
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    login(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    page.select_option(f"select[name=p{world.liaison.pk}-status]", "absent")
    page.select_option(f"select[name=p{world.unithead.pk}-status]", "represented")
    page.fill(f"input[name=p{world.unithead.pk}-represented_by]", "專員代理人")
    page.fill(f"input[name=u{world.units['人事室'].pk}-name]", "人事室主任測人事")
    page.click("button:has-text('全部出席')")
    page.wait_for_selector("text=已儲存出席情形")
    assert "出席1人、代理出席1人、請假1人" in page.inner_text("body")
    statuses = {a.name: a.status for a in meeting.attendances.all()}
    assert statuses == {"科員測承辦": "absent", "科員測主管": "represented", "人事室主任測人事": "present"}
