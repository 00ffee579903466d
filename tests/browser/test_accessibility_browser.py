"""網站無障礙規範 (WCAG 2.0/2.1 A and AA) by axe-core, on every page a role can open: each URL pattern of the
permission matrix is opened by the first role that may (and each role's home page by that role), its htmx
sections are opened, and its main form is submitted once empty to reach its error state. 0 violations;
a failure names the page, the rule and the elements.

axe-core comes from the axe-playwright-python package (its axe.min.js): nothing is downloaded at test time.
Accessibility does not depend on the database engine, so this audit runs once, on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from tests.browser.helpers import login, page_urls
from tests.test_permission_matrix import ROWS
from tests.world import ROLES, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def _audit(page, axe: str, where: str) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{where} — {v['id']}（{v['help']}）：" + "；".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in result["violations"]]


def _open_htmx_sections(page) -> None:
    """Sections loaded on demand (hx-get on a button or link, not on load) are opened once."""
    for el in page.query_selector_all("button[hx-get], a[hx-get]")[:5]:
        if el.is_visible():
            el.click()
            page.wait_for_load_state("networkidle")


def _submit_main_form_empty(page) -> bool:
    """The first form with a required field, its text boxes emptied, submitted: the server refuses it (nothing
    is saved) and the page shows its error state."""
    form = page.query_selector("main form[method=post]:has([required])")
    if form is None:
        return False
    for box in form.query_selector_all("input[type=text], input:not([type]), textarea"):
        if box.is_visible() and box.is_editable():
            box.fill("")
    button = form.query_selector("button[type=submit].primary, button[type=submit], button:not([type])")
    if button is None or not button.is_visible():
        return False
    button.click()  # a page load, or an htmx swap in place
    page.wait_for_load_state("networkidle")
    return True


def test_every_page_meets_wcag_21_aa(live_server, browser):
    if connection.vendor != "sqlite":
        pytest.skip("無障礙檢查與資料庫無關，只在 SQLite 執行一次")
    world = build_world()
    axe = _axe_source()
    # Every page's address first, before any form is submitted: what the pages show then changes, not where they are.
    urls, clashed = page_urls(world, ROLES)
    assert len(clashed) <= 5, f"太多頁面無法在同一個測試世界中建立：{clashed}"
    rows = [r for r in ROWS if r.name in urls]
    seen: set[str] = set()
    failures: list[str] = []
    for role in ROLES:
        context = browser.new_context(locale="zh-TW", bypass_csp=True)  # axe is injected as an inline script
        page = context.new_page()
        page.set_default_timeout(15000)
        login(page, live_server, world.people[role].username)
        failures += _audit(page, axe, f"{role} 首頁")
        for row in rows:
            if row.expected(role) != 200 or row.name in seen:
                continue
            url = urls[row.name]
            head = context.request.get(live_server.url + url)
            if not head.headers.get("content-type", "").startswith("text/html"):
                seen.add(row.name)
                continue
            seen.add(row.name)
            if "<html" not in head.text()[:500]:
                continue  # a part of a page that htmx loads: audited inside its page, with the sections opened
            page.goto(live_server.url + url)
            _open_htmx_sections(page)
            failures += _audit(page, axe, f"{role} {url}")
            if _submit_main_form_empty(page):
                failures += _audit(page, axe, f"{role} {url}（送出空白表單後）")
        context.close()
    assert len(seen) > 100  # the walk reached the pages, not only the home pages
    assert not failures, "無障礙檢查未通過：\n" + "\n".join(failures)
