"""秘書室 issues a badge, registers a visitor and signs them out, imports a door log, turns an after-hours
entry into a deficiency, and downloads the access-control plan."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.access import services
from anwei.lib import rocdate
from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_badge_visitor_door_log_deficiency_and_plan(live_server, page, tmp_path):
    w = build_world()
    settings = services.access_setup(actor=None, agency=w.bureau, managing_unit=w.units["秘書室"])
    area = services.area_create(actor=w.liaison, settings=settings, data=services.AreaInput(
        name="機房", kind="server", level=3))
    services.area_hours_add(actor=w.liaison, area=area, data=services.HoursInput(
        starts_on=dt.date(2020, 1, 1), workday_open=dt.time(8), workday_close=dt.time(18)))
    services.door_add(actor=w.liaison, area=area, name="機房門", code="D31")
    base = live_server.url
    login(page, base, "liaison")

    page.goto(base + "/access/badges/new/")
    page.fill("#id_number", "A7001")
    page.select_option("#id_holder", label="測同仁（綜合企劃科）")
    page.fill("#id_issued_on", rocdate.format_slash(timezone.localdate()))
    page.check("input[name=areas]")
    page.click("button:has-text('核發')")
    page.wait_for_selector("text=已核發門禁卡 A7001")
    assert "機房" in page.inner_text("main")

    page.goto(base + "/access/visitors/new/")
    page.fill("#id_name", "訪客丙")
    page.select_option("#id_host", label="測同仁（綜合企劃科）")
    page.fill("#id_purpose", "洽談工程")
    page.fill("#id_id_last4", "12345")  # the field takes four characters at most
    assert page.input_value("#id_id_last4") == "1234"
    page.click("button:has-text('登記進入')")
    page.wait_for_selector("text=已登記訪客 訪客丙 進入")
    page.click("#visitor-list button:has-text('離開')")
    page.wait_for_selector("text=訪客丙 已離開")

    log = tmp_path / "door.csv"
    log.write_bytes("時間,門號,卡號,結果\n2024/03/05 22:15:00,D31,A7001,通過\n".encode("cp950"))
    page.goto(base + "/access/events/")
    page.set_input_files("#id_file", str(log))
    page.click("button:has-text('匯入')")
    page.wait_for_selector("text=1筆待審查")
    assert "開放時間外進入" in page.inner_text("#event-list")
    page.click("#event-list summary:has-text('列為缺失')")
    page.fill("#id_text", "夜間進入機房未登記")
    page.click("button:has-text('列為缺失並列管')")
    page.wait_for_selector("text=已列為缺失並列管")

    with page.expect_download() as info:
        page.click("text=門禁管理計畫（ODT）")
    assert info.value.suggested_filename.endswith(".odt")
