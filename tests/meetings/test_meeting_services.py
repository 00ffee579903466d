"""Meetings: numbering per year, the timed agenda, proposals carried over, rulings that become items."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.meetings import services as ms
from anwei.meetings.models import Proposal, Ruling
from anwei.meetings.selectors import agenda_minutes_from_end, agenda_timed
from anwei.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db


def meeting(world, date=dt.date(2019, 10, 2), **kw):
    return ms.meeting_create(actor=world.officer, agency=world.bureau, date=date, **kw)


def test_meetings_are_numbered_per_roc_year(world):
    a = meeting(world, dt.date(2019, 4, 24))
    b = meeting(world, dt.date(2019, 10, 2))
    c = meeting(world, dt.date(2020, 4, 22))
    assert [a.label, b.label, c.label] == ["108年第1次", "108年第2次", "109年第1次"]
    assert b.full_title() == "海濱市政府測試局安全維護會報108年第2次會議"
    with pytest.raises(ValidationError):
        meeting(world, dt.date(2020, 5, 1), sequence=1)


def test_standard_agenda_times_follow_one_another(world):
    m = meeting(world)
    timed = agenda_timed(m)
    assert [t.item.title for t in timed][0:3] == ["簽到", "主席致詞", "上次會議主席裁(指)示事項辦理情形"]
    assert [(f"{t.start:%H:%M}", t.end and f"{t.end:%H:%M}") for t in timed] == [
        ("11:30", "11:35"), ("11:35", "11:40"), ("11:40", "11:50"), ("11:50", "12:00"), ("12:00", "12:10"),
        ("12:10", "12:20"), ("12:20", "12:25"), ("12:25", "12:30"), ("12:30", None)]
    assert timed[0].item.presenter == "政風室" and timed[1].item.presenter == "主持人"


def test_agenda_edit_reorder_retime_and_refuse_bad_times(world):
    m = meeting(world)
    extra = ms.agenda_item_add(actor=world.officer, meeting=m, title="宣導影片", minutes=15, presenter="政風室")
    titles = [t.item.title for t in agenda_timed(m)]
    assert titles[-2:] == ["宣導影片", "散會"]  # added before 散會
    ms.agenda_item_move(actor=world.officer, item=extra, offset=-1)
    assert [t.item.title for t in agenda_timed(m)][-3:] == ["宣導影片", "主席結論", "散會"]
    assert agenda_timed(m)[-1].start == dt.time(12, 45)
    with pytest.raises(ValidationError) as e:
        agenda_minutes_from_end(start=dt.time(11, 35), end=dt.time(11, 30))
    assert "早於開始時間" in str(e.value)
    with pytest.raises(ValidationError) as e:
        ms.agenda_item_update(actor=world.officer, item=extra, expected_version=extra.version, title="宣導影片",
                              minutes=900)
    assert "午夜" in str(e.value)
    with pytest.raises(ValidationError):
        ms.meeting_update(actor=world.officer, meeting=m, expected_version=m.version, start_time=dt.time(23, 30))
    with pytest.raises(ValidationError) as e:
        ms.meeting_update(actor=world.officer, meeting=m, expected_version=m.version, adjourned_at=dt.time(11, 0))
    assert "散會時間" in str(e.value)
    ms.agenda_item_delete(actor=world.officer, item=extra)
    assert len(agenda_timed(m)) == 9


def test_a_deferred_proposal_appears_in_the_next_meeting_linked_to_its_origin(world):
    m1 = meeting(world, dt.date(2019, 10, 2))
    p = ms.proposal_add(actor=world.officer, meeting=m1, unit=world.units["政風室"], subject="建立門禁管制規定案")
    ms.proposal_add(actor=world.officer, meeting=m1, subject="另一案")
    ms.proposal_resolve(actor=world.officer, proposal=p, expected_version=p.version,
                        resolution=Proposal.Resolution.DEFERRED, resolution_text="於下次會議中審議。")
    m2 = meeting(world, dt.date(2020, 4, 22))
    carried = m2.proposals.get()
    assert carried.origin == p and carried.number == 1 and carried.subject == "建立門禁管制規定案"
    # recorded after the next meeting exists: carried at once, and only once
    m3 = meeting(world, dt.date(2020, 10, 7))
    carried.refresh_from_db()
    ms.proposal_resolve(actor=world.officer, proposal=carried, expected_version=carried.version,
                        resolution=Proposal.Resolution.DEFERRED)
    carried.refresh_from_db()
    ms.proposal_resolve(actor=world.officer, proposal=carried, expected_version=carried.version,
                        resolution=Proposal.Resolution.DEFERRED)
    assert m3.proposals.filter(origin=carried).count() == 1


def test_actionable_rulings_become_items_numbered_in_the_meeting(world):
    m = meeting(world)
    report = ms.report_add(actor=world.officer, meeting=m, kind="special", title="監視錄影系統管理報告",
                           unit=world.units["秘書室"])
    p = ms.proposal_add(actor=world.officer, meeting=m, subject="十月慶典期間維護工作案")
    ms.ruling_add(actor=world.officer, meeting=m, text="其餘工作報告事項，洽悉。", section=Ruling.Section.REPORTS)
    ms.ruling_add(actor=world.officer, meeting=m, text="請秘書室整合監視系統。", report=report, actionable=True,
                  lead_unit=world.units["秘書室"], co_units=[world.units["綜合企劃科"]])
    ms.ruling_add(actor=world.officer, meeting=m, text="國慶假期注意安全維護。", proposal=p, actionable=True,
                  all_units=True, due_date=dt.date(2019, 10, 11))
    ms.ruling_add(actor=world.officer, meeting=m, text="請各單位注意門窗。", actionable=True, all_units=True)
    items = list(TrackedItem.objects.filter(origin_meeting=m).order_by("number"))
    assert [(i.number, i.source_kind) for i in items] == [
        (1, "report_ruling"), (2, "resolution"), (3, "directive")]
    assert items[0].units_label() == "秘書室（協辦：綜合企劃科）"
    assert items[0].origin_label == "108年第1次會議" and items[1].due_date == dt.date(2019, 10, 11)
    ruling = items[2].source
    ms.ruling_delete(actor=world.officer, ruling=ruling)
    assert not TrackedItem.objects.filter(pk=items[2].pk).exists()


def test_represented_attendance_needs_the_representative(world):
    m = meeting(world)
    with pytest.raises(ValidationError):
        ms.attendance_add(actor=world.officer, meeting=m, name="秘書室主任", status="represented")
    a = ms.attendance_add(actor=world.officer, meeting=m, name="秘書室主任", unit=world.units["秘書室"],
                          status="represented", represented_by="秘書室專員")
    assert a.represented_by == "秘書室專員"
