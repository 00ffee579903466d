"""Only the keyboard: the unit liaison reports progress and the ethics officer records 繼續列管 for the item,
moving with Tab and acting with Enter and Space. After the decision (an htmx swap in place) the focus stays
on the decided row, not at the top of the page."""

import datetime as dt

import pytest

from anwei.meetings import services as ms
from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = "() => { const e = document.activeElement; return e ? (e.innerText || e.value || '') + '|' + e.outerHTML : ''; }"


def tab_to(page, matches, limit: int = 300) -> str:
    """Press Tab until the focused element's text or markup contains `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if matches in active:
            return active
    raise AssertionError(f"按 Tab {limit} 次都到不了「{matches}」")


def test_progress_report_and_decision_with_the_keyboard_only(live_server, page):
    world = build_world()
    last = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=last, text="請秘書室研擬門禁管制規定。", actionable=True,
                  lead_unit=world.units["秘書室"])
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date.today() + dt.timedelta(days=30))
    ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date.today() + dt.timedelta(days=7))
    base = live_server.url

    login(page, base, "liaison")
    tab_to(page, "跳到主要內容")  # the first stop of every page
    tab_to(page, "本單位填報")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1")
    tab_to(page, ">填寫<")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_text")
    tab_to(page, 'id="id_text"')
    page.keyboard.type("已簽陳門禁管制規定草案。")
    tab_to(page, "送出")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=已送出")

    login(page, base, "officer")
    page.goto(f"{base}/meetings/{nxt.pk}/")
    tab_to(page, 'value="continue"')
    page.keyboard.press("Space")
    tab_to(page, "記錄")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=已記錄：繼續列管")
    # the focus is inside the decided row's form, where the result is
    assert page.evaluate("() => !!document.activeElement.closest('form.decide')")
