"""Attendance from the agency's roster (#22 point 6): every unit's head and liaisons offered on the meeting
page, 「全部出席」, stand-ins (代理) and leave (請假, with the unit), the table saved as a whole with the
conflict check; the minutes' 出席 and the 簽到表 (ODT valid against ODF 1.3, PDF, DOCX) from the same data."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.documents.builders import document_build
from anwei.documents.render import render
from anwei.meetings import services as ms
from anwei.meetings.documents import minutes_build
from anwei.meetings.models import Attendance
from anwei.meetings.selectors import attendance_sheet
from anwei.orgs.models import Deputy
from tests.documents.conftest import jing_validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10), place="第一會議室")


@pytest.fixture
def officer(client, world):
    client.force_login(world.officer)
    return client


def _field(doc, label):
    return next(b.value for b in doc.blocks if getattr(b, "label", None) == label)


def test_the_meeting_page_offers_the_roster(officer, world, meeting):
    page = officer.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    # 秘書室 has a head and a liaison; the other units (nobody recorded) get a line to type a name in
    assert f'name="p{world.unithead.pk}-status"' in page and f'name="p{world.liaison.pk}-status"' in page
    assert f'name="u{world.units["人事室"].pk}-name"' in page
    assert "全部出席" in page and reverse("meetings:signin_document", args=[meeting.pk, "odt"]) in page


def test_all_present_with_a_stand_in_and_a_leave_saved_as_one_table(officer, world, meeting):
    hr = world.units["人事室"]
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": meeting.attendance_version, "all_present": "1",
        f"p{world.unithead.pk}-status": "represented", f"p{world.unithead.pk}-represented_by": "專員代理人",
        f"p{world.liaison.pk}-status": "absent",
        f"u{hr.pk}-status": "", f"u{hr.pk}-name": "人事室主任測人事",
        f"u{world.units['綜合企劃科'].pk}-status": "", f"u{world.units['綜合企劃科'].pk}-name": ""})  # stays empty
    assert r.status_code == 302
    rows = {a.name: a for a in meeting.attendances.all()}
    assert rows["科員測主管"].status == Attendance.Status.REPRESENTED and rows["科員測主管"].represented_by == "專員代理人"
    assert rows["科員測承辦"].status == Attendance.Status.ABSENT and rows["科員測承辦"].unit == world.units["秘書室"]
    assert rows["人事室主任測人事"].status == Attendance.Status.PRESENT and rows["人事室主任測人事"].unit == hr
    page = officer.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "已儲存出席情形：出席1人、代理出席1人、請假1人。" in page
    attendees = _field(minutes_build(meeting.pk), "出席")
    assert "秘書室科員測主管（專員代理人代理）" in attendees and "人事室主任測人事" in attendees
    assert "請假：秘書室科員測承辦" in attendees

    # clearing a line's status removes its row; the other lines stay as they were
    meeting.refresh_from_db()
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": meeting.attendance_version, f"p{world.liaison.pk}-status": ""})
    assert r.status_code == 302 and not meeting.attendances.filter(person=world.liaison).exists()
    assert meeting.attendances.count() == 2


def test_a_stale_table_is_refused_with_the_others_values_and_the_typing_kept(officer, world, meeting):
    version = meeting.attendance_version
    ms.attendance_save(actor=world.officer, meeting=meeting, expected_version=version,
                       rows=[ms.AttendanceRow(key=f"p{world.liaison.pk}", status="absent")])
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": version, f"p{world.unithead.pk}-status": "represented",
        f"p{world.unithead.pk}-represented_by": "專員代理人"})
    page = r.content.decode()
    assert r.status_code == 409 and "科員測承辦：請假" in page and 'value="專員代理人"' in page
    assert not meeting.attendances.filter(person=world.unithead).exists()
    meeting.refresh_from_db()
    assert f'name="attendance-version" value="{meeting.attendance_version}"' in page  # saving again is possible


def test_a_stand_in_needs_a_name(officer, world, meeting):
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": meeting.attendance_version, f"p{world.unithead.pk}-status": "represented"})
    assert r.status_code == 400 and "代理出席時，請填寫代理人。" in r.content.decode()
    assert not meeting.attendances.exists()


def test_the_deputy_on_the_day_is_offered_as_the_stand_in(world, meeting):
    Deputy.objects.create(person=world.unithead, deputy=world.staff, starts_on=meeting.date, ends_on=meeting.date,
                          reason="休假")
    line = next(line for line in attendance_sheet(meeting) if line.person == world.unithead)
    assert line.deputy == world.staff
    sheet = document_build("meetings.signin", {"meeting_id": meeting.pk})
    assert any(c.text == "職務代理人：科員測同仁" for row in sheet.blocks[-1].rows for c in row)


def test_the_sign_in_sheet_in_three_formats(officer, world, meeting, tmp_path):
    ms.attendance_save(actor=world.officer, meeting=meeting, expected_version=meeting.attendance_version,
                       rows=[ms.AttendanceRow(key=f"p{world.liaison.pk}", status="absent")])
    doc = document_build("meetings.signin", {"meeting_id": meeting.pk})
    cells = [[c.text for c in row] for row in doc.blocks[-1].rows]
    assert ["秘書室", "科員", "測承辦", "請假", ""] in cells and ["秘書室", "科員", "測主管", "", ""] in cells
    jing_validate(render(doc, "odt"), tmp_path)
    assert render(doc, "docx")[:2] == b"PK"
    r = officer.get(reverse("meetings:signin_document", args=[meeting.pk, "pdf"]))
    assert r.status_code == 200 and b"".join(getattr(r, "streaming_content", [r.content]))[:4] == b"%PDF"


def test_all_present_records_one_away_as_represented_by_the_deputy(officer, world, meeting):
    Deputy.objects.create(person=world.unithead, deputy=world.staff, starts_on=meeting.date, ends_on=meeting.date,
                          reason="休假")
    page = officer.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert f'name="p{world.unithead.pk}-represented_by" value="科員測同仁"' in page
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": meeting.attendance_version, "all_present": "1",
        f"p{world.unithead.pk}-status": "", f"p{world.unithead.pk}-represented_by": "科員測同仁",
        f"p{world.liaison.pk}-status": "", f"p{world.liaison.pk}-represented_by": ""})
    assert r.status_code == 302
    head = meeting.attendances.get(person=world.unithead)
    assert head.status == Attendance.Status.REPRESENTED and head.represented_by == "科員測同仁"
    assert meeting.attendances.get(person=world.liaison).status == Attendance.Status.PRESENT


def test_a_name_typed_without_a_status_is_not_dropped_silently(officer, world, meeting):
    hr = world.units["人事室"]
    r = officer.post(reverse("meetings:attendance_save", args=[meeting.pk]), {
        "attendance-version": meeting.attendance_version, f"u{hr.pk}-status": "", f"u{hr.pk}-name": "人事室主任測人事"})
    page = r.content.decode()
    assert r.status_code == 400 and "已填「人事室主任測人事」，請選擇出席情形。" in page and 'value="人事室主任測人事"' in page
