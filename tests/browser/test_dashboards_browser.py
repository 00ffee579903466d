"""The head approves a plan before its letter is issued; the minutes go up; the superior office acknowledges
them and drills from the late agency's bar into its overdue tracked items."""

import datetime as dt

import pytest

from anwei.core.models import LetterNumberPattern
from anwei.tracking.models import TrackedItem
from anwei.tracking.services import tracked_item_create
from tests.browser.helpers import login as _login
from tests.submissions import factories as f
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_approve_dispatch_report_up_acknowledge_and_drill_down(live_server, page, settings):
    settings.ANWEI_TODAY = "2023-01-09"
    w = build_world()
    LetterNumberPattern.objects.create(agency=w.bureau, pattern="測政字第{year:03}{serial:07}號")
    f.approval_required(w)
    plan, _ = f.plan_with_letter(w)
    for i in range(2):
        tracked_item_create(actor=None, agency=w.bureau, source_kind=TrackedItem.Source.OTHER, text=f"逾期改善事項{i}",
                            lead_unit=w.units["秘書室"], due_date=dt.date(2022, 12, 1), origin_label="測試",
                            roc_year=111)
    meeting = f.meeting_held(w, dt.date(2022, 12, 1))  # its minutes were due 111年12月15日

    _login(page, live_server, "officer")
    page.goto(f"{live_server.url}/plans/{plan.pk}/letter/")
    assert "尚未送核定" in page.inner_text("#dispatch-gates")
    page.click("#dispatch")
    page.click("button:has-text('發文')")
    page.wait_for_selector("text=須經機關首長核定後始得發文")
    page.click("#dispatch-gates >> text=前往辦理")
    page.fill("#id_submit-note", "檢陳春節專案計畫，敬請核定。")
    page.click("#approval-submit")
    page.wait_for_selector("text=已送首長核定")

    _login(page, live_server, "head")
    page.click("nav.mainnav >> text=機關儀表板")
    page.click("#awaiting >> text=核定專案計畫")
    page.click("#approval-approve")
    page.wait_for_selector("text=已核定，政風人員可以發文")

    _login(page, live_server, "officer")
    page.goto(f"{live_server.url}/plans/{plan.pk}/letter/")
    page.click("#dispatch")
    page.click("button:has-text('發文')")
    page.wait_for_selector("text=已發文：測政字第")

    settings.ANWEI_TODAY = "2023-01-10"
    page.click("nav.mainnav >> text=核定與陳報")
    page.goto(f"{live_server.url}/submissions/agencies/{w.bureau.pk}/?year=111")
    row = page.locator("#outgoing tr", has_text=meeting.label)
    row.locator("button:has-text('陳報')").click()
    page.wait_for_selector("text=已陳報上級")

    _login(page, live_server, "superior")
    page.click("nav.mainnav >> text=所屬機關儀表板")
    page.fill("#id_year", "111")
    page.click("button:has-text('顯示')")
    page.click("text=陳報待核閱")
    page.click(f"#inbox >> text={meeting.label}")
    assert "逾期陳報" in page.content()
    page.click("#submission-ack")
    page.wait_for_selector("text=已備查")
    assert "已備查" in page.inner_text("#submission-status")

    page.goto(f"{live_server.url}/dashboards/superior/?year=111")
    row = page.locator(f"#agencies tr[data-agency='{w.bureau.pk}']")
    assert row.locator("[data-fig=late]").inner_text() == "1"
    page.click("#chart-worst a[href*='overdue=on']")
    page.wait_for_selector("table.register")
    text = page.inner_text("table.register")
    assert "逾期改善事項0" in text and "逾期改善事項1" in text
