"""A unit fills a self-assessment with one 不符合; the officer inspects and records a deficiency;
the unit reports its correction through tracking; the officer releases it."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.assessments import services
from tests.world import build_world
from tests.browser.helpers import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_self_assessment_inspection_deficiency_correction_release(live_server, page, tmp_path):
    w = build_world()
    templates = services.checklist_defaults_install(actor=w.officer, agency=w.bureau)
    services.round_create(actor=w.officer, agency=w.bureau, title="春節期間自評",
                          deadline=timezone.localdate() + dt.timedelta(days=7), templates=templates,
                          units=[w.units["秘書室"]])

    # The liaison finds the form on the home page and fills it with one 不符合.
    login(page, live_server, "liaison")
    page.click("text=春節期間自評（秘書室）")
    page.wait_for_selector("#assessment-form")
    for radio in page.query_selector_all("td.answer input[type=radio][value=conform]"):
        radio.check()
    first = page.query_selector("tr[data-item]")
    item_id = first.get_attribute("data-item")
    page.check(f"input[name=v_{item_id}][value=nonconform]")
    page.fill(f"input[name=note_{item_id}]", "檔案室窗戶下班後未關")
    for number in page.query_selector_all("td.answer input[type=number]"):
        number.fill("0")
    for text in page.query_selector_all("td.answer textarea"):
        text.fill("無")
    page.click("button[name=save]")
    page.wait_for_selector("text=已儲存自評表")
    # Sending without a corrective action for the 不符合 is refused with the reason next to the item.
    page.click("text=送單位主管確認")
    assert "不符合的項目請填寫改善措施。" in page.content()
    page.fill(f"textarea[name=ca_{item_id}]", "已請同仁下班前巡視門窗")
    page.click("button[name=save]")
    page.wait_for_selector("text=已儲存自評表")
    page.click("text=送單位主管確認")
    page.wait_for_selector("#status:has-text('待主管確認')")

    # The unit head confirms; the form is submitted.
    login(page, live_server, "unithead")
    page.click("text=春節期間自評（秘書室）")
    page.click("text=主管確認並送出")
    page.wait_for_selector("#status:has-text('已送出')")

    # The officer sees the 不符合, then records an unannounced inspection with a deficiency and a photo.
    login(page, live_server, "officer")
    page.click("nav.mainnav >> text=自評與檢查")
    page.click("text=春節期間自評")
    assert "已送出 <strong>1</strong> 份" in page.content()
    page.click("text=查看所有「不符合」項目")
    page.wait_for_selector("text=檔案室窗戶下班後未關")
    page.goto(live_server.url + "/inspections/inspections/new/")
    page.fill("#id_title", "春節前機關安全狀況檢查")
    page.select_option("#id_kind", "security")
    page.check("input[name=mode][value=unannounced]")
    page.fill("#id_date", "")
    page.fill("#id_date", timezone.localdate().strftime("%Y-%m-%d"))
    page.fill("#id_inspectors", "政風室測政風")
    page.check(f"input[name=units][value='{w.units['秘書室'].pk}']")
    page.click("button:has-text('儲存')")
    page.wait_for_selector("#finding-form")
    page.check("input[name=kind][value=deficiency]")
    page.select_option("#id_unit", str(w.units["秘書室"].pk))
    page.fill("#id_text", "檔案室窗戶下班後未上鎖")
    page.fill("#id_due_date", (timezone.localdate() + dt.timedelta(days=14)).strftime("%Y-%m-%d"))
    photo = tmp_path / "窗戶.png"
    photo.write_bytes(PNG)
    page.set_input_files("#id_files", str(photo))
    page.click("#finding-form button[type=submit]")
    page.wait_for_selector("text=已登錄缺失，並列管交由秘書室改善")
    assert "窗戶.png" in page.content()
    assert "列管中" in page.inner_text(".deficiency-status")

    # The unit reports its correction through the tracking engine.
    login(page, live_server, "liaison")
    page.goto(live_server.url + "/tracking/mine/")
    page.click("tr:has-text('檔案室窗戶下班後未上鎖') >> text=填寫")
    page.fill("#id_text", "已更換窗鎖，並指定專人下班前巡視")
    page.check("#id_propose_release")
    page.fill("#id_release_reason", "缺失已改善")
    page.click("button[type=submit]:not(.linkbutton)")
    page.wait_for_selector("text=已送出")

    # The officer releases it from the inspection page's link to the round.
    login(page, live_server, "officer")
    page.goto(live_server.url + "/inspections/deficiencies/")
    page.click("text=春節前機關安全狀況檢查")
    page.click("text=審核改善情形")
    page.wait_for_url("**/tracking/rounds/**")
    section = page.locator("details.round-row", has_text="檔案室窗戶下班後未上鎖")
    section.locator("summary").click()  # one line per item: the detail opens on demand
    section.locator("input[name=decision][value=release]").check()
    section.locator("form.decide button[type=submit]").click()
    section.locator("button:has-text('解除列管')").click()  # the cell asks before releasing
    page.wait_for_selector("text=解除列管。")
    page.goto(live_server.url + "/inspections/deficiencies/?state=closed")
    assert "檔案室窗戶下班後未上鎖" in page.content() and "已解除列管" in page.content()
