"""The app's own packet and minutes layout (meetings/documents.py), as text built by hand:
tables as rows of cells, with the cells the app writes (11:30 │ 11:35, □繼續列管 ■解除列管,
秘書室（協辦：資訊室）, one directives table per meeting of origin)."""

import datetime as dt

from anwei.lib.meetingimport import parse_meeting
from tests.lib.app_layout import (
    AGENDA,
    DIRECTIVES_109_2,
    DIRECTIVES_110_1,
    EXPECTED_PACKET,
    PROPOSALS,
    WORK_REPORT,
    as_lines,
    minutes_document,
    packet_document,
)


def _hm(text):
    return dt.time(*map(int, text.split(":"))) if text else None


def test_packet_header_and_agenda():
    d = parse_meeting(as_lines(packet_document()))
    assert d.kind == "packet"
    for name, value in EXPECTED_PACKET.items():
        assert getattr(d, name).value == value, name
    assert [(a.number.value, a.start.value, a.end.value, a.minutes.value, a.title.value, a.presenter.value)
            for a in d.agenda] == [(n, _hm(s), _hm(e), m, t, p or None) for n, s, e, m, t, p in AGENDA]


def test_packet_directives_tables_one_per_meeting_of_origin():
    d = parse_meeting(as_lines(packet_document()))
    got = [(x.origin.value, x.number.value, x.text.value, x.lead_unit.value, x.co_units.value, x.all_units.value,
            x.progress.value, x.decision.value) for x in d.directives]
    assert got == [
        ("110年第1次", 1, DIRECTIVES_110_1[0][1], "秘書室", ["資訊室"], False, DIRECTIVES_110_1[0][3], "release"),
        ("110年第1次", 2, DIRECTIVES_110_1[1][1], "各科室", [], True, DIRECTIVES_110_1[1][3], "continue"),
        ("110年第1次", 3, DIRECTIVES_110_1[2][1], "資訊室", [], False, None, None),
        ("109年第2次", 5, DIRECTIVES_109_2[0][1], "各科室", [], True, DIRECTIVES_109_2[0][3], "continue"),
    ]
    assert not [p for p in d.problems if p.where.startswith("directives")]


def test_packet_reports_and_proposals():
    d = parse_meeting(as_lines(packet_document()))
    work, special = d.reports
    assert (work.kind.value, work.title.value, work.unit.value, work.text.value) == (
        "work", "政風室工作報告", "政風室", "\n".join(WORK_REPORT))
    assert (special.kind.value, special.title.value, special.unit.value, special.presenter.value,
            special.text.value) == ("special", "本局資通安全維護作業報告", "資訊室", "資訊室主任 林測試",
                                    "本局110年上半年資通安全維護辦理情形如下。")
    got = [(p.number.value, p.unit.value, p.subject.value, p.explanation.value, p.method.value, p.resolution.value)
           for p in d.proposals]
    assert got == [(n, u, s, e, m, "") for n, u, s, e, m in PROPOSALS]
    assert d.proposals[0].attachment_text.value == "本案為109年第2次會議第3案續審。\n附件：門禁管理要點草案.pdf"
    assert d.problems == []


def test_packet_without_directives_says_none_and_is_not_a_problem():
    doc = packet_document()
    from anwei.documents.model import Heading, Paragraph, Table
    doc.blocks = [b for b in doc.blocks if not (isinstance(b, Table) and "辦理情形" in b.caption)]
    doc.blocks.insert(8, Heading("上次會議主席裁(指)示事項辦理情形"))
    doc.blocks.insert(9, Paragraph("無列管事項。"))
    d = parse_meeting(as_lines(doc))
    assert d.directives == [] and len(d.agenda) == 9 and len(d.proposals) == 2
    assert d.problems == []


def test_minutes_header_and_sections():
    d = parse_meeting(as_lines(minutes_document()))
    assert d.kind == "minutes" and d.label == "110年第1次"
    assert (d.date.value, d.start_time.value, d.end_time.value, d.place.value) == (
        dt.date(2021, 6, 16), dt.time(14, 0), dt.time(15, 10), "本局第一會議室")
    assert d.attendees.value == ["秘書室王測試", "資訊室林測試（陳代理代理）"]
    assert d.absentees.value == ["政風室張測試"]
    assert (d.chair.value, d.recorder.value, d.opening_remarks.value) == ("局長 李測試", "趙測試", "感謝各單位配合。")
    assert d.conclusion.value == "請各單位依裁示辦理。"
    assert [p.where for p in d.problems] == ["reports[1].kind"]


def test_minutes_directives_rulings_and_proposals():
    d = parse_meeting(as_lines(minutes_document()))
    assert [(x.origin.value, x.number.value, x.lead_unit.value, x.decision.value) for x in d.directives] == [
        (None, 1, "秘書室", "release"), (None, 2, "各科室", "continue"), ("109年第2次", 5, "各科室", "continue")]
    assert d.directives[1].progress.value == DIRECTIVES_110_1[1][3]
    assert [(r.section.value, r.number.value, r.subject.value, r.text.value, r.proposal_number.value)
            for r in d.rulings] == [
        ("previous", 1, "第二項", "請各科室持續辦理。", None),
        ("reports", 1, None, "請資訊室每季提報資安檢查結果。", None),
        ("proposals", 1, None, "請秘書室依決議修正要點後函發各科室。", 1),
        ("conclusion", 1, None, "請各科室加強門禁管制。", None),
    ]
    # the minutes list reports by title only; a title that names neither kind is left for the officer
    assert [(r.kind.value, r.title.value, r.unit.value) for r in d.reports] == [
        ("work", "政風室工作報告", "政風室"), (None, "本局資通安全維護作業報告", "資訊室")]
    assert [(p.kind.value, p.number.value, p.unit.value, p.resolution.value) for p in d.proposals] == [
        ("regular", 1, "秘書室", "修正通過。"), ("regular", 2, "政風室", "照案通過。"),
        ("extempore", 1, "資訊室", "請秘書室編列預算辦理。")]
