"""At 375×812 (a phone) the page never scrolls sideways on any page the unit liaison and the staff member can
open; the menu folds behind one button; wide tables scroll inside their own box. Like the accessibility audit
this does not depend on the database engine, so it runs once, on SQLite."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.browser.helpers import login, page_urls
from tests.test_permission_matrix import ROWS
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_no_page_of_liaison_or_staff_scrolls_sideways_on_a_phone(live_server, browser):
    if connection.vendor != "sqlite":
        pytest.skip("版面檢查與資料庫無關，只在 SQLite 執行一次")
    world = build_world()
    urls, clashed = page_urls(world, ["liaison", "staff"])
    assert len(clashed) <= 5, f"太多頁面無法在同一個測試世界中建立：{clashed}"
    wide: list[str] = []
    visited = 0
    for role in ("liaison", "staff"):
        context = browser.new_context(locale="zh-TW", viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(live_server.url + "/login/")
        assert page.evaluate(SIDEWAYS) <= 0
        login(page, live_server, world.people[role].username)
        # The menu is folded: one button opens it.
        assert not page.is_visible("#mainnav a[href='/']")
        page.click(".menu-toggle")
        assert page.is_visible("#mainnav a[href='/']")
        for row in ROWS:
            if row.method != "get" or row.expected(role) != 200:
                continue
            if row.name not in urls:
                continue
            url = urls[row.name]
            if not context.request.get(live_server.url + url).headers.get("content-type", "").startswith("text/html"):
                continue
            page.goto(live_server.url + url)
            visited += 1
            overflow = page.evaluate(SIDEWAYS)
            if overflow > 0:
                wide.append(f"{role} {url}：頁面向右多出 {overflow} px")
        context.close()
    assert visited > 10
    assert not wide, "手機寬度下頁面橫向捲動：\n" + "\n".join(wide)
