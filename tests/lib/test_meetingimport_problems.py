"""What could not be read is marked in draft.problems, not guessed."""

from dataclasses import replace

from anwei.documents.model import Cell, Table
from anwei.lib.meetingimport import parse_meeting
from tests.lib.app_layout import as_lines, packet_document
from tests.lib.meeting_expected import SEED_002


def _packet_with(edit):
    doc = packet_document()
    edit(doc)
    return parse_meeting(as_lines(doc))


def _directives_table(doc):
    return next(b for b in doc.blocks if isinstance(b, Table) and "110年第1次" in b.caption)


def test_a_directive_without_its_unit_is_marked():
    def drop_unit(doc):
        _directives_table(doc).rows[1][2] = Cell("")
    d = _packet_with(drop_unit)
    assert d.directives[1].lead_unit.value is None
    problem = next(p for p in d.problems if p.where == "directives[1].lead_unit")
    assert problem.message == "第2項：讀不到主（協）辦單位" and problem.level == "error"
    assert problem.source.first_line == d.directives[1].source.first_line


def test_both_choices_marked_is_an_error_not_a_decision():
    def both(doc):
        _directives_table(doc).rows[0][4] = Cell("■繼續列管\n■解除列管")
    d = _packet_with(both)
    assert d.directives[0].decision.value is None
    assert any(p.where == "directives[0].decision" and p.level == "error" for p in d.problems)


def test_a_gap_in_the_numbers_is_a_warning():
    def gap(doc):
        _directives_table(doc).rows[2][0] = Cell("4")
    d = _packet_with(gap)
    assert any(p.where == "directives[2].number" and "跳到 4" in p.message for p in d.problems)


def test_agenda_times_that_do_not_follow_on_are_a_warning():
    def clash(doc):
        agenda = next(b for b in doc.blocks if isinstance(b, Table) and b.header and b.header[0][0].text == "項次"
                      and len(b.header[0]) == 6)
        agenda.rows[1][1] = Cell("14:06\n│\n14:10")
    d = _packet_with(clash)
    assert any(p.where == "agenda[1].start" and p.level == "warning" for p in d.problems)


def test_minutes_without_a_meeting_number_ask_for_it(seed_text):
    d = parse_meeting(seed_text(SEED_002))
    assert d.sequence.value is None and d.label is None
    assert [(p.where, p.message) for p in d.problems] == [("sequence", "文件未載明第幾次會議（第N次），請補填")]


def test_a_packet_without_date_or_agenda_says_so():
    d = parse_meeting("某機關安全維護會報110年第1次會議資料\n提案討論表\n案號 第1案 提案單位 秘書室\n案由 測試案")
    wheres = {p.where for p in d.problems}
    assert {"date", "start_time", "agenda"} <= wheres
    assert d.proposals[0].subject.value == "測試案"


def test_the_lines_seen_are_kept_as_the_file_numbers_them():
    d = parse_meeting(replace(as_lines(packet_document())))
    assert d.agenda[0].source.first_line == 9  # cover (5 lines), title, date line, header row, first item
