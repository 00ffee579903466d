import pytest

from anwei.core.models import LetterNumberPattern
from anwei.orgs.models import Role
from anwei.orgs.services import agency_create, membership_grant, person_create
from tests.world import PASSWORD, build_world
from tests.browser.helpers import login as _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_dispatches_a_new_year_plan_and_sees_the_result_come_back(live_server, page):
    w = build_world()
    LetterNumberPattern.objects.create(agency=w.bureau, pattern="測政字第{year:03}{serial:07}號")
    sub = agency_create(actor=None, name="海濱市政府測試局附屬工作站", parent=w.bureau)
    sub_officer = person_create(actor=None, username="sub_officer", password=PASSWORD, full_name="站政風", agency=sub)
    membership_grant(actor=None, person=sub_officer, agency=sub, role=Role.ETHICS_OFFICER)

    _login(page, live_server, "officer")
    page.click("nav.mainnav >> text=專案計畫")
    page.click("text=新增計畫")
    page.select_option("#id_occasion", "lunar_new_year")
    page.fill("#id_year", "112")
    page.click("button:has-text('建立計畫')")
    page.wait_for_selector("h1:has-text('編輯計畫')")
    assert page.input_value("#id_period_start") == "112/01/16"
    assert page.input_value("#id_period_end") == "112/01/30"
    page.fill("[name=duty-0-party]", "秘書室")
    page.fill("[name=duty-0-duties]", "1、加強門禁管理")
    page.click("button:has-text('儲存')")
    page.wait_for_selector("text=計畫已儲存")
    assert "自112年1月16日（星期一）起至1月30日（星期一）止，為期15日。" in page.inner_text(".aw-doc")

    page.click("text=撰寫函稿（發文）")
    page.check(f"input[name=main_units][value='{w.units['秘書室'].pk}']")
    page.check(f"input[name=main_units][value='{w.units['綜合企劃科'].pk}']")
    page.select_option("#id_main_agencies", [str(sub.pk)])
    page.click("button:has-text('儲存函稿')")
    page.wait_for_selector("text=函稿已儲存")
    page.click("#dispatch")
    page.click("button:has-text('發文')")  # 發文 is irreversible: the page asks first
    page.wait_for_selector("h1:has-text('執行情形')")
    assert "已發文：測政字第" in page.content()
    assert "正本受文者 3 個" in page.inner_text("#summary")

    _login(page, live_server, "liaison")
    page.click("text=海濱市政府測試局：海濱市政府測試局112年重要節日春節期間專案安全維護計畫")
    page.click("#receive")
    page.wait_for_selector("#received")
    page.fill("#id_result_text", "已完成秘書室門禁與監視系統檢查，無異常。")
    page.click("#report")
    page.wait_for_selector("text=執行成果已報送")

    _login(page, live_server, "officer")
    page.click("nav.mainnav >> text=專案計畫")
    page.click("text=測政字第")
    matrix = page.inner_text("#matrix")
    assert "秘書室" in matrix and "已報送" in matrix
    assert "已簽收 1、已報送成果 1" in page.inner_text("#summary")
