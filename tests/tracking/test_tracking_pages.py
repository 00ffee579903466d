"""Tracking pages: the liaison's page, conflicts, returns, the register, the inbox."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anwei.portal.obligations import obligations_for as inbox_items
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport, TrackedItem
from tests.tracking.conftest import make_item, open_round

pytestmark = pytest.mark.django_db


def _report(rnd, world, unit="秘書室"):
    return ProgressReport.objects.get(round=rnd, unit=world.units[unit])


def test_liaison_sees_the_units_items_with_the_deadline_and_reports(client, world):
    make_item(world, "請秘書室研擬門禁管制規定。")
    make_item(world, "請綜合企劃科辦理資訊稽核。", unit="綜合企劃科")
    rnd = open_round(world, deadline=dt.date.today() + dt.timedelta(days=3))
    client.force_login(world.liaison)
    page = client.get(reverse("tracking:my_items")).content.decode()
    assert "請秘書室研擬門禁管制規定。" in page and "綜合企劃科辦理資訊稽核" not in page
    assert "填報期限" in page
    report = _report(rnd, world)
    r = client.post(reverse("tracking:report_edit", args=[report.pk]),
                    {"version": report.version, "text": "已簽陳草案。", "propose_release": "on", "release_reason": ""})
    assert r.status_code == 200 and "建議解除列管時，請說明理由。" in r.content.decode()
    assert "已簽陳草案。" in r.content.decode()  # nothing typed is lost
    r = client.post(reverse("tracking:report_edit", args=[report.pk]),
                    {"version": report.version, "text": "已簽陳草案。"})
    assert r.status_code == 302
    assert ProgressReport.objects.get(pk=report.pk).text == "已簽陳草案。"


def test_a_liaison_cannot_open_or_write_another_units_report(client, world):
    make_item(world, "請綜合企劃科辦理資訊稽核。", unit="綜合企劃科")
    rnd = open_round(world)
    other = _report(rnd, world, "綜合企劃科")
    client.force_login(world.liaison)
    assert client.get(reverse("tracking:report_edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("tracking:report_edit", args=[other.pk]),
                       {"version": other.version, "text": "代填"}).status_code == 404
    assert ProgressReport.objects.get(pk=other.pk).text == ""


def test_second_liaison_saving_at_once_sees_the_others_text_and_keeps_their_own(client, world):
    make_item(world)
    rnd = open_round(world)
    report = _report(rnd, world)
    url = reverse("tracking:report_edit", args=[report.pk])
    client.force_login(world.liaison)
    assert client.post(url, {"version": report.version, "text": "第一位承辦人：已完成。"}).status_code == 302
    client.force_login(world.unithead)  # opened the form at the same version
    r = client.post(url, {"version": report.version, "text": "第二位：辦理中。"})
    page = r.content.decode()
    assert r.status_code == 200 and "已被其他人修改" in page
    assert "第一位承辦人：已完成。" in page and "第二位：辦理中。" in page
    assert ProgressReport.objects.get(pk=report.pk).text == "第一位承辦人：已完成。"
    # saving again from the re-shown form (now at the current version) succeeds deliberately
    assert client.post(url, {"version": report.version + 1, "text": "第二位：辦理中。"}).status_code == 302


def test_officer_returns_a_report_and_reminds_late_units_in_their_inbox(client, world):
    make_item(world)
    make_item(world, "人事室辦理。", unit="人事室")
    rnd = open_round(world)
    report = _report(rnd, world)
    ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="辦理中")
    client.force_login(world.officer)
    page = client.get(reverse("tracking:round_detail", args=[rnd.pk])).content.decode()
    assert "人事室" in page and "未完成" in page
    client.post(reverse("tracking:report_return", args=[report.pk]), {"comment": "請補充辦理日期。"})
    client.post(reverse("tracking:round_remind", args=[rnd.pk]))
    items = inbox_items(world.liaison)
    assert any("1項列管事項待填報" in i.title and "退回補正" in i.note and "已催報" in i.note for i in items)
    client.force_login(world.liaison)
    assert "請補充辦理日期。" in client.get(reverse("tracking:my_items")).content.decode()


def test_officer_and_head_inboxes(world):
    item = make_item(world, due_date=dt.date.today() - dt.timedelta(days=1))
    rnd = open_round(world)
    report = _report(rnd, world)
    ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="完成",
                            propose_release=True, release_reason="已函發")
    officer = [i.title for i in inbox_items(world.officer)]
    assert any("建議解除列管待會議決定" in t for t in officer)
    head = [i.title for i in inbox_items(world.head)]
    assert any("建議解除列管，待主席決定" in t for t in head) and any("已逾完成期限" in t for t in head)
    ts.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="release")
    assert inbox_items(world.head) == []


def test_register_filters_sort_and_export(client, world):
    a = make_item(world, "門禁管制規定", due_date=dt.date(2020, 1, 1))
    make_item(world, "資訊稽核", unit="綜合企劃科", due_date=dt.date(2099, 1, 1))
    make_item(world, "各科室注意門窗", unit=None, all_units=True)
    rnd = open_round(world)
    ts.tracking_decide(actor=world.officer, rnd=rnd, item=a, decision="continue")
    client.force_login(world.officer)
    url = reverse("tracking:register")

    def texts(**q):
        page = client.get(url, q).content.decode()
        return [t for t in ["門禁管制規定", "資訊稽核", "各科室注意門窗"] if t in page]

    assert texts() == ["門禁管制規定", "資訊稽核", "各科室注意門窗"]
    assert texts(unit=world.units["綜合企劃科"].pk) == ["資訊稽核", "各科室注意門窗"]
    assert texts(overdue="on") == ["門禁管制規定"]
    assert texts(q="稽核") == ["資訊稽核"]
    assert texts(status="released") == []
    page = client.get(url, {"sort": "-due"}).content.decode()
    assert page.index("資訊稽核") < page.index("門禁管制規定")
    r = client.get(reverse("tracking:register_xlsx"), {"q": "門禁"})
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.values)
    assert rows[0][:3] == ("來源", "項次", "列管事項") and len(rows) == 2 and rows[1][2] == "門禁管制規定"
    # the liaison sees their own unit's and 各科室 items only
    client.force_login(world.liaison)
    assert texts() == ["門禁管制規定", "各科室注意門窗"]


def test_other_agency_sees_nothing(client, world):
    item = make_item(world)
    client.force_login(world.other_officer)
    main = client.get(reverse("tracking:register")).content.decode().split("<main", 1)[1]  # the menu has 門禁管理
    assert "門禁" not in main
    assert client.get(reverse("tracking:item_detail", args=[item.pk])).status_code == 404


def _many(world, n):
    for i in range(n):
        make_item(world, f"列管事項{i}", unit="秘書室" if i % 2 else "綜合企劃科",
                  co_units=[world.units["人事室"]], due_date=dt.date(2020, 1, 1))
    rnd = open_round(world)
    for r in ProgressReport.objects.filter(round=rnd, unit=world.units["秘書室"])[: n // 2]:
        ts.progress_report_save(actor=world.liaison, report=r, expected_version=r.version, text="辦理中")
    return rnd


# A first request: the data versions (read twice: the person's scopes are learnt from their roles) and
# the roles (orgs.policy.grants), then the cold render (core.pagecache).
REGISTER_QUERIES = 15
MY_ITEMS_QUERIES = 10


@pytest.mark.parametrize("n", [3, 30])
def test_register_queries_do_not_grow_with_items(client, world, django_assert_num_queries, n):
    _many(world, n)
    client.force_login(world.officer)
    with django_assert_num_queries(REGISTER_QUERIES):
        r = client.get(reverse("tracking:register"), {"status": "open", "sort": "unit"})
    assert r.status_code == 200 and TrackedItem.objects.count() == n


@pytest.mark.parametrize("n", [3, 30])
def test_unit_page_queries_do_not_grow_with_items(client, world, django_assert_num_queries, n):
    _many(world, n)
    client.force_login(world.liaison)
    with django_assert_num_queries(MY_ITEMS_QUERIES):
        r = client.get(reverse("tracking:my_items"))
    assert r.status_code == 200 and r.content.decode().count("列管事項") >= n // 2


def test_decision_by_htmx_swaps_the_cell_and_by_plain_post_redirects(client, world):
    item = make_item(world)
    rnd = open_round(world)
    client.force_login(world.officer)
    url = reverse("tracking:decide", args=[rnd.pk, item.pk])
    r = client.post(url, {"decision": "release"}, HTTP_HX_REQUEST="true")  # a release asks first, in the cell
    assert r.status_code == 200 and "確定" in r.content.decode() and "<html" not in r.content.decode()
    item.refresh_from_db()
    assert item.status != TrackedItem.Status.RELEASED
    r = client.post(url, {"decision": "release", "confirmed": "1"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "已記錄：解除列管" in r.content.decode() and "<html" not in r.content.decode()
    r = client.post(url, {}, HTTP_HX_REQUEST="true")
    assert "請選擇繼續列管或解除列管" in r.content.decode()
    r = client.post(url, {"decision": "continue", "next": "/meetings/"})
    assert r.status_code == 302 and r["Location"].startswith("/meetings/#item-")
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.TRACKING


def test_register_column_headers_sort_and_reverse(client, world):
    make_item(world, "甲事項", due_date=dt.date(2030, 1, 1))
    make_item(world, "乙事項", due_date=dt.date(2020, 1, 1))
    client.force_login(world.officer)
    page = client.get(reverse("tracking:register"), {"sort": "due", "q": "事項"}).content.decode()
    assert page.index("乙事項") < page.index("甲事項")
    assert "q=%E4%BA%8B%E9%A0%85&amp;sort=-due" in page  # clicking 完成期限 again reverses, filters kept
    page = client.get(reverse("tracking:register"), {"sort": "-due"}).content.decode()
    assert page.index("甲事項") < page.index("乙事項")


def test_officer_edits_an_item_and_a_stale_edit_shows_the_conflict(client, world):
    item = make_item(world)
    client.force_login(world.officer)
    url = reverse("tracking:item_edit", args=[item.pk])
    data = {"version": item.version, "text": "請秘書室於6月底前研擬門禁管制規定。", "lead_unit": world.units["秘書室"].pk,
            "due_date": "113/6/30"}
    assert client.post(url, data).status_code == 302
    r = client.post(url, {**data, "text": "舊版本的修改"})
    page = r.content.decode()
    assert "已被其他人修改" in page and "請秘書室於6月底前研擬門禁管制規定。" in page and "舊版本的修改" in page
    item.refresh_from_db()
    assert item.due_date == dt.date(2024, 6, 30) and item.text.startswith("請秘書室於6月底前")
