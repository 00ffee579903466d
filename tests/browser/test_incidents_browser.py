"""A staff member reports a 危安 incident from a 375-pixel-wide phone; the officer records two
notifications, one of them late; the superior office sees it; a follow-up becomes a tracked item;
the statistics count it."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.incidents.services import incident_rules_seed_defaults
from anwei.lib import rocdate
from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_on_a_phone_notify_follow_up_and_count(live_server, page):
    world = build_world()
    incident_rules_seed_defaults()
    yesterday = rocdate.format_slash(timezone.localdate() - dt.timedelta(days=1))
    base = live_server.url

    page.set_viewport_size({"width": 375, "height": 740})
    login(page, base, "staff")
    page.click(".menu-toggle")  # on a phone the menu is folded behind one button
    page.click("nav >> text=狀況通報")
    page.click("text=通報狀況")
    page.check("input[name=category][value=security]")
    page.fill("#id_title", "地下室發現可疑人士徘徊")
    page.fill("#id_occurred_on", yesterday)
    page.fill("#id_occurred_time", "16:30")
    page.fill("#id_discovered_on", yesterday)
    page.fill("#id_discovered_time", "16:20")  # before it occurred: refused next to the field
    page.fill("#id_place", "本局大樓地下1樓停車場")
    page.fill("#id_description", "夜班保全巡邏時發現陌生男子徘徊，見人即離開。")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # one column, nothing off-screen
    page.click("button:has-text('送出通報')")
    assert "發現時間不能早於發生時間" in page.inner_text("#field-discovered_on")
    assert page.input_value("#id_description") == "夜班保全巡邏時發現陌生男子徘徊，見人即離開。"
    page.fill("#id_discovered_time", "16:40")
    page.click("button:has-text('送出通報')")
    page.wait_for_selector("#status:has-text('處理中')")
    detail = page.url

    # The officer records two notifications: the ethics unit in time, the police late (at once = 30 minutes).
    login(page, base, "officer")
    page.goto(detail)
    for party, who, time in (("ethics_unit", "政風室", "16:45"), ("police_fire", "轄區派出所", "17:30")):
        page.select_option("#id_party", party)
        page.fill("#id_recipient", who)
        page.check("input[name=method][value=phone]")
        page.fill("#id_notified_on", yesterday)
        page.fill("#id_notified_time", time)
        page.click("button:has-text('記錄通報')")
        page.wait_for_selector("text=已記錄通報")
    assert "已如期通報" in page.inner_text("#party-ethics_unit")
    assert "逾時通報" in page.inner_text("#party-police_fire")

    # A follow-up becomes a tracked item.
    page.fill("#follow_text", "加強門禁管制並檢討監視系統死角")
    page.select_option("#follow_lead_unit", label="秘書室")
    page.fill("#follow_due_date", rocdate.format_slash(timezone.localdate() + dt.timedelta(days=30)))
    page.click("button:has-text('列管')")
    page.wait_for_selector("text=已列管後續改善事項")
    page.click("#follow-ups >> text=加強門禁管制並檢討監視系統死角")
    page.wait_for_url("**/tracking/**")
    page.wait_for_selector("main >> text=狀況通報")  # the item names where it came from

    # The superior office sees it, and the statistics count it.
    page.set_viewport_size({"width": 1200, "height": 900})
    login(page, base, "superior")
    page.click("nav >> text=狀況通報")
    page.click("#incident-list >> text=地下室發現可疑人士徘徊")
    page.wait_for_selector("#clocks")
    page.goto(f"{base}/incidents/statistics/{world.bureau.pk}/")
    cells = page.inner_text("#row-security").split()
    assert cells[1:4] == ["1", "1", "1"]  # one incident: one party told in time, one late
    assert cells[-2].endswith("%") and cells[-1] == "1"  # the in-time rate; one follow-up under tracking
