"""Meeting pages: create, edit with clear Chinese errors, rulings, packet preview."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.meetings import services as ms
from anwei.meetings.models import SecurityMeeting
from anwei.tracking.models import TrackedItem
from tests.cold import cold

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, world):
    client.force_login(world.officer)
    return client


def test_officer_creates_a_meeting_with_a_roc_date(officer, world):
    r = officer.post(reverse("meetings:create"), {"date": "113/4/10", "start_time": "09:30", "place": "第一會議室",
                                                   "chair_name": "局長", "recorder_name": "政風室"})
    m = SecurityMeeting.objects.get()
    assert r.status_code == 302 and m.label == "113年第1次" and m.date == dt.date(2024, 4, 10)
    page = officer.get(reverse("meetings:detail", args=[m.pk])).content.decode()
    assert "程序表" in page and "09:30–09:35" in page


def test_bad_date_and_time_get_chinese_messages_and_keep_the_input(officer):
    r = officer.post(reverse("meetings:create"), {"date": "113/13/40", "start_time": "25:99", "place": "大禮堂"})
    page = r.content.decode()
    assert r.status_code == 200 and "請輸入時間" in page and "大禮堂" in page
    assert not SecurityMeeting.objects.exists()


def test_agenda_retime_refuses_an_end_before_the_start(officer, world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    item = m.agenda_items.get(title="主席致詞")  # 11:35–11:40
    r = officer.post(reverse("meetings:agenda_save", args=[m.pk]),
                     {f"a{item.pk}-version": item.version, f"a{item.pk}-title": "主席致詞", f"a{item.pk}-end": "11:20"})
    assert r.status_code == 400 and "早於開始時間" in r.content.decode()
    r = officer.post(reverse("meetings:agenda_save", args=[m.pk]),
                     {f"a{item.pk}-version": item.version, f"a{item.pk}-title": "主席致詞", f"a{item.pk}-end": "11:50"})
    item.refresh_from_db()
    assert r.status_code == 302 and item.minutes == 15
    r = officer.post(reverse("meetings:agenda_add", args=[m.pk]), {"new-title": "座談", "new-minutes": "800"})
    assert r.status_code == 400 and "午夜" in r.content.decode()


def test_an_actionable_ruling_needs_a_unit_and_then_becomes_item_1(officer, world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    url = reverse("meetings:ruling_add", args=[m.pk])
    r = officer.post(url, {"rul-section": "conclusion", "rul-text": "請注意門窗。", "rul-actionable": "on"})
    assert r.status_code == 400 and "請選擇主辦單位" in r.content.decode() and "請注意門窗。" in r.content.decode()
    r = officer.post(url, {"rul-section": "conclusion", "rul-text": "請注意門窗。", "rul-actionable": "on",
                           "rul-lead_unit": world.units["秘書室"].pk, "rul-co_units": [world.units["人事室"].pk],
                           "rul-due_date": "113/6/30"})
    item = TrackedItem.objects.get()
    assert r.status_code == 302 and item.number == 1 and item.units_label() == "秘書室（協辦：人事室）"
    assert item.due_date == dt.date(2024, 6, 30)


def test_head_reads_the_meeting_but_sees_no_edit_forms(client, world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    client.force_login(world.head)
    page = client.get(reverse("meetings:detail", args=[m.pk])).content.decode()
    assert "程序表" in page and "新增裁示" not in page and "agenda_edit" not in page


def test_packet_preview_of_109_1_shows_the_directives_table(officer, cycle):
    page = officer.get(reverse("meetings:packet", args=[cycle["109-1"].pk])).content.decode()
    assert "108年第2次會議" in page and "請污水養護工程科與惠民公司協調" in page
    assert "□繼續列管" in page and "提案討論表" in page


def test_minutes_preview_and_meeting_page_of_the_replayed_cycle(officer, cycle):
    page = officer.get(reverse("meetings:minutes", args=[cycle["108-2"].pk])).content.decode()
    assert "貳、上次會議主席裁(指)示事項辦理情形報告" in page and "柒、散會" in page
    page = officer.get(reverse("meetings:detail", args=[cycle["109-1"].pk])).content.decode()
    assert "本案為108年第2次會議第4案續審。" in page and "各單位填報情形" in page


def test_special_report_with_slides_attachment(officer, world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    url = reverse("meetings:report_add", args=[m.pk])
    bad = SimpleUploadedFile("簡報.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    r = officer.post(url, {"rep-kind": "special", "rep-title": "監視錄影系統管理報告", "rep-file": bad})
    assert r.status_code == 400 and "不接受" in r.content.decode() and "監視錄影系統管理報告" in r.content.decode()
    pdf = SimpleUploadedFile("簡報.pdf", b"%PDF-1.4 slides", content_type="application/pdf")
    r = officer.post(url, {"rep-kind": "special", "rep-title": "監視錄影系統管理報告",
                           "rep-unit": world.units["秘書室"].pk, "rep-file": pdf})
    report = m.reports.get()
    stored = report.attachments.get()
    assert r.status_code == 302 and stored.name == "簡報.pdf"
    r = officer.post(reverse("meetings:report_edit", args=[report.pk]),
                     {"rep-version": report.version, "rep-kind": "special", "rep-title": "監視錄影系統管理報告（修正）",
                      "rep-body": "簡報大綱"})
    report.refresh_from_db()
    assert r.status_code == 302 and report.title.endswith("（修正）") and report.attachments.count() == 1
    client.force_login(world.liaison)
    r = client.get(reverse("meetings:attachment", args=[m.pk, stored.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"%PDF-1.4 slides"
    client.force_login(world.other_officer)
    assert client.get(reverse("meetings:attachment", args=[m.pk, stored.pk])).status_code == 404


def _meeting_with(world, n):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    for i in range(n):
        p = ms.proposal_add(actor=world.officer, meeting=m, subject=f"案由{i}", unit=world.units["秘書室"])
        ms.ruling_add(actor=world.officer, meeting=m, proposal=p, text=f"裁示{i}", actionable=True,
                      lead_unit=world.units["秘書室"], co_units=[world.units["人事室"]])
        ms.report_add(actor=world.officer, meeting=m, kind="work", title=f"報告{i}")
        ms.attendance_add(actor=world.officer, meeting=m, name=f"出席者{i}")
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 10, 9))
    ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date(2024, 10, 1))
    return m, nxt


MEETING_PAGE_QUERIES = 26  # a first request: data versions and roles (orgs.policy.grants), then a cold render (the roster: units, heads and liaisons, their deputies; the tracked resolutions; the units to track one by)


@pytest.mark.parametrize("n", [2, 12])
def test_meeting_page_queries_do_not_grow(officer, world, django_assert_num_queries, n):
    m, nxt = _meeting_with(world, n)
    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        assert officer.get(reverse("meetings:detail", args=[m.pk])).status_code == 200
    cold()
    with django_assert_num_queries(NEXT_PAGE_QUERIES):
        assert officer.get(reverse("meetings:detail", args=[nxt.pk])).status_code == 200


NEXT_PAGE_QUERIES = 20  # the session is not written again within a minute (core.middleware)


def test_two_officers_editing_the_meeting_the_second_sees_a_conflict(officer, world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    url = reverse("meetings:edit", args=[m.pk])
    base = {"version": m.version, "date": "113/4/10", "start_time": "11:30"}
    assert officer.post(url, {**base, "conclusion": "請各單位加強門禁管理。"}).status_code == 302
    r = officer.post(url, {**base, "conclusion": "我的結論"})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in page
    assert "請各單位加強門禁管理。" in page and "我的結論" in page
    m.refresh_from_db()
    assert m.conclusion == "請各單位加強門禁管理。"
    r = officer.post(url, {**base, "adjourned_at": "11:00"})
    assert "散會時間" in r.content.decode()
