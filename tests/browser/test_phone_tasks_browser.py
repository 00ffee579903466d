"""The field tasks of the phone, done at 375×812 by tapping: the unit liaison's progress report, a recipient's
plan acknowledgement and result, and the staff member's travel application (the incident report is driven at
phone width in test_incidents_browser). On every form of the way the page never scrolls sideways, each field
takes the width of the screen, is at least 44 px tall and types at 16 px or more (smaller text makes a phone
zoom in), and the button that sends is as tall. Layout does not depend on the database: SQLite only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from anwei.meetings import services as ms
from anwei.travel.services import travel_rules_seed_defaults
from tests.browser.helpers import login
from tests.plans.factories import dispatched_to_units
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}

# Each visible text field and select inside the form, and its send buttons: what is too small or too wide.
FORM_PROBLEMS = """(sel) => {
  const form = document.querySelector(sel);
  if (!form) return ['找不到表單 ' + sel];
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) out.push('頁面向右多出 ' + (doc.scrollWidth - doc.clientWidth) + ' px');
  const fields = form.querySelectorAll(
    'input[type=text], input[type=date], input[type=time], input[type=number], input:not([type]), select, textarea');
  for (const f of fields) {
    const r = f.getBoundingClientRect();
    if (!r.width) continue;  // hidden (another choice's field)
    const name = f.name || f.id;
    if (r.left < 0 || r.right > doc.clientWidth) out.push(name + ' 超出畫面');
    if (r.width < doc.clientWidth * 0.7) out.push(name + ' 只有 ' + Math.round(r.width) + ' px 寬');
    if (r.height < 44) out.push(name + ' 只有 ' + Math.round(r.height) + ' px 高');
    if (parseFloat(getComputedStyle(f).fontSize) < 16) out.push(name + ' 字小於 16 px');
  }
  for (const b of form.querySelectorAll('button[type=submit], button:not([type])')) {
    const r = b.getBoundingClientRect();
    if (r.width && r.height < 44) out.push('按鈕「' + b.innerText.trim() + '」只有 ' + Math.round(r.height) + ' px 高');
  }
  return out;
}"""


def _phone(browser):
    context = browser.new_context(locale="zh-TW", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def _menu(page, text: str) -> None:
    """Open the folded menu and tap an entry, as on a phone."""
    page.tap(".menu-toggle")
    page.tap(f"#mainnav >> text={text}")


def _comfortable(page, form: str) -> None:
    problems = page.evaluate(FORM_PROBLEMS, form)
    assert not problems, f"{page.url} 在手機上不好用：\n" + "\n".join(problems)


@pytest.fixture
def world_on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("版面檢查與資料庫無關，只在 SQLite 執行一次")
    return build_world()


def test_liaison_reports_progress_on_a_phone(live_server, browser, world_on_sqlite):
    world = world_on_sqlite
    last = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=last, text="請秘書室研擬門禁管制規定。", actionable=True,
                  lead_unit=world.units["秘書室"])
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date.today() + dt.timedelta(days=30))
    ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date.today() + dt.timedelta(days=7))
    context, page = _phone(browser)
    login(page, live_server, "liaison")
    _menu(page, "本單位填報")
    page.tap("text=填寫")
    page.wait_for_selector("#id_text")
    _comfortable(page, "form:has(#id_text)")
    page.fill("#id_text", "已簽陳門禁管制規定草案，預定下月實施。")
    page.tap("form:has(#id_text) button[type=submit]")
    page.wait_for_selector("text=已送出")
    context.close()


def test_recipient_acknowledges_a_plan_and_reports_its_result_on_a_phone(live_server, browser, world_on_sqlite):
    dispatched_to_units(world_on_sqlite)
    context, page = _phone(browser)
    login(page, live_server, "liaison")
    page.tap("text=春節期間專案安全維護計畫")
    page.tap("#receive")
    page.wait_for_selector("#received")
    _comfortable(page, "form:has(#id_result_text)")
    page.fill("#id_result_text", "已完成秘書室門禁與監視系統檢查，無異常。")
    page.tap("#report")
    page.wait_for_selector("text=執行成果已報送")
    context.close()


def test_staff_applies_for_travel_on_a_phone(live_server, browser, world_on_sqlite):
    travel_rules_seed_defaults()
    context, page = _phone(browser)
    login(page, live_server, "staff")
    _menu(page, "赴陸申請")
    page.tap("text=提出赴陸申請")
    page.wait_for_selector("#id_destinations")
    _comfortable(page, "form:has(#id_destinations)")
    page.check("input[name=purpose][value=family]")
    page.fill("#id_destinations", "福建省廈門市")
    start = dt.date.today() + dt.timedelta(days=40)
    page.fill("#id_departure_on", f"{start.year - 1911}/{start.month}/{start.day}")
    back = start + dt.timedelta(days=5)
    page.fill("#id_return_on", f"{back.year - 1911}/{back.month}/{back.day}")
    for box in page.query_selector_all("input[name=declarations]"):
        box.check()
    page.tap("button:has-text('送出申請')")
    page.wait_for_selector("#status:has-text('待')")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
