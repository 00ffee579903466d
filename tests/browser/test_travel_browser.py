"""A staff member applies, the unit head and the ethics unit approve, the return report is filed,
and the ethics officer's statistics count it."""

import datetime as dt

import pytest

from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create
from anwei.travel.services import travel_rules_seed_defaults
from tests.world import PASSWORD, build_world
from tests.browser.helpers import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_approve_report_and_count(live_server, page, monkeypatch):
    world = build_world()
    travel_rules_seed_defaults()
    planhead = person_create(actor=None, username="planhead", password=PASSWORD, full_name="測科長",
                             agency=world.bureau, unit=world.units["綜合企劃科"], title="科長")
    membership_grant(actor=None, person=planhead, agency=world.bureau, role=Role.UNIT_HEAD,
                     unit=world.units["綜合企劃科"])
    today = {"day": dt.date(2024, 1, 22)}  # the travel pages' "today", moved as the trip happens
    monkeypatch.setattr("anwei.travel.views._today", lambda: today["day"])
    base = live_server.url

    # The staff member applies; a return date before departure is refused and nothing typed is lost.
    login(page, base, "staff")
    page.click("nav >> text=赴陸申請")
    page.click("text=提出赴陸申請")
    page.check("input[name=purpose][value=family]")
    page.fill("#id_destinations", "福建省廈門市")
    page.fill("#id_departure_on", "113/2/1")
    page.fill("#id_return_on", "113/1/30")
    for box in page.query_selector_all("input[name=declarations]"):
        box.check()
    page.click("button:has-text('送出申請')")
    assert "返臺日期不能早於出發日期" in page.inner_text("#field-return_on")
    assert page.input_value("#id_destinations") == "福建省廈門市"
    page.fill("#id_return_on", "113/2/7")
    page.click("button:has-text('送出申請')")
    page.wait_for_selector("#status:has-text('待單位主管審核')")
    detail_url = page.url

    # The unit head approves.
    login(page, base, "planhead")
    page.click("text=審核測同仁赴陸申請")
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('送出審核')")
    page.wait_for_selector("#status:has-text('待政風單位審核')")

    # The ethics unit decides the classified question and approves; the due date appears at once.
    login(page, base, "officer")
    page.click("text=審核測同仁赴陸申請")
    page.check("input[name=decision][value=approve]")
    page.check("input[name=handles_classified][value=no]")
    page.click("button:has-text('送出審核')")
    page.wait_for_selector("#status:has-text('已核准')")
    assert "113年2月22日" in page.inner_text("#report-due")  # 7 working days, make-up Saturday 2/17 counted

    # Back home on 2024-02-07; the staff member files the return report on 2024-02-19.
    today["day"] = dt.date(2024, 2, 19)
    login(page, base, "staff")
    page.click("text=填報返臺通報表")
    page.fill("#id_places", "福建省廈門市思明區")
    page.click("button:has-text('送出')")
    page.wait_for_selector("#return-report:has-text('如期通報')")
    assert page.url == detail_url

    # The ethics officer's statistics count it.
    login(page, base, "officer")
    page.click("nav >> text=赴陸申請")
    page.click("text=統計")
    page.fill("#id_start", "113/1/1")
    page.fill("#id_end", "113/12/31")
    page.click("button:has-text('查詢')")
    page.wait_for_selector("#stat-sentence:has-text('公務員赴大陸地區返臺通報案件計1件')")
    assert page.inner_text("#stat-return-reports") == "1"
    assert page.inner_text("#stat-applications") == "1"
    assert page.inner_text("#stat-late-reports") == "0"
