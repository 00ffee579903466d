"""Past 安全維護會報 packets and minutes read into a draft, framework-free.

    parse_meeting(source) -> MeetingDraft     # source: docextract.Extracted, or text, or its lines
    classify_document(source) -> Classification

The parser reads the seeds' layouts (a packet as a PDF's broken lines, seed 000; a packet with
tab-separated table rows, seed 001; minutes, seed 002) and the app's own packets and minutes
(src/anwei/meetings/documents.py). Every value keeps the lines it came from; what it could not
read is listed in draft.problems, not filled in. A document of another kind (a plan, a letter)
raises NotAMeetingDocument with a Chinese message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from anwei.lib.docextract.model import Extracted
from anwei.lib.meetingimport.classify import Classification, classify
from anwei.lib.meetingimport.draft import (
    AgendaDraft,
    DirectiveDraft,
    Field,
    MeetingDraft,
    Problem,
    ProposalDraft,
    ReportDraft,
    RulingDraft,
    Source,
)
from anwei.lib.meetingimport.guard import guarded
from anwei.lib.meetingimport.rows import LABEL, Row, rows_of
from anwei.lib.meetingimport.when import meeting_label

__all__ = ["parse_meeting", "classify_document", "NotAMeetingDocument", "Classification", "MeetingDraft",
           "AgendaDraft", "DirectiveDraft", "ReportDraft", "ProposalDraft", "RulingDraft", "Field", "Source",
           "Problem"]

Input = Extracted | str | Sequence[str]  # an extraction, or text (tab-separated cells), or its lines

_TITLE = re.compile(r"^(?P<before>.*?)安全(?:維護)?(?:工作)?會報(?P<after>.*)$")
_YEAR_TAIL = re.compile(r"(?:中華民國)?\d{2,3}年(?:度)?(?:第[\d一二三四五六七八九十]+次)?$")


class NotAMeetingDocument(Exception):
    """The document is not a meeting packet or minutes; str() is the Chinese message."""

    def __init__(self, classification: Classification) -> None:
        super().__init__(classification.message())
        self.classification = classification


def classify_document(source: Input) -> Classification:
    rows, _ = rows_of(source)
    return classify(rows)


def parse_meeting(source: Input) -> MeetingDraft:
    rows, wrapped = rows_of(source)
    found = classify(rows)
    if not found.is_meeting:
        raise NotAMeetingDocument(found)
    draft = MeetingDraft(kind=found.kind)  # type: ignore[arg-type]
    _identify(draft, rows)
    from anwei.lib.meetingimport.minutes import parse_minutes
    from anwei.lib.meetingimport.packet import parse_packet
    parse = parse_packet if found.kind == "packet" else parse_minutes
    guarded(draft, "document", lambda: parse(draft, rows, wrapped))  # each section is guarded too
    _check(draft)
    return draft


def _identify(draft: MeetingDraft, rows: list[Row]) -> None:
    """Agency, ROC year and 第N次 from the title: 「臺南市政府水利局安全維護會報108年第2次會議程序表」,
    「嘉義縣政府105年安全維護會報會議紀錄」, or a cover whose agency stands on the line above."""
    previous: Row | None = None
    for row in rows[:40]:
        if row.is_row:
            continue
        flat = row.flat
        m = _TITLE.match(flat)
        if m and len(flat) <= 60 and not LABEL.match(flat):
            src = Source.span([row.no], row.text)
            before, after = m.group("before"), m.group("after")
            year, seq = meeting_label(after)
            if year is None:
                year, seq = meeting_label(before)
            if year is not None and draft.roc_year.value is None:
                draft.roc_year = Field(year, src)
                if seq is not None:
                    draft.sequence = Field(seq, src)
            agency = _YEAR_TAIL.sub("", before)
            if not agency and previous is not None and len(previous.flat) <= 25 \
                    and not re.search(r"\d", previous.flat):
                agency, src = previous.flat, Source.span([previous.no], previous.text)
            if agency and draft.agency.value is None:
                draft.agency = Field(agency, src)
            if draft.agency.value and draft.roc_year.value:
                break
        previous = row


def _check(draft: MeetingDraft) -> None:
    """Say what a meeting needs and the document did not give."""
    p = draft.problems
    for name, what in (("agency", "機關名稱"), ("roc_year", "會議年度"), ("date", "會議日期"),
                       ("start_time", "開會時間")):
        if getattr(draft, name).value is None:
            p.append(Problem(f"讀不到{what}", name))
    if draft.sequence.value is None:
        p.append(Problem("文件未載明第幾次會議（第N次），請補填", "sequence"))
    if draft.kind == "minutes":
        for name, what in (("place", "開會地點"), ("chair", "主席"), ("recorder", "記錄人")):
            if getattr(draft, name).value is None:
                p.append(Problem(f"讀不到{what}", name))
    if draft.date.value and draft.roc_year.value and draft.date.value.year - 1911 != draft.roc_year.value:
        p.append(Problem(f"會議日期的年度與標題的 {draft.roc_year.value} 年不同，請核對", "date",
                         draft.date.source, level="warning"))
    for k, item in enumerate(draft.agenda):
        if not item.title.value:
            p.append(Problem(f"程序表第{k + 1}項：讀不到議程名稱", f"agenda[{k}].title", item.source))
        if item.start.value is None:
            p.append(Problem(f"程序表第{k + 1}項：讀不到時間", f"agenda[{k}].start", item.source))
    for k, prop in enumerate(draft.proposals):
        label = f"第{prop.number.value}案" if prop.number.value else f"第{k + 1}個提案"
        if prop.number.value is None:
            p.append(Problem(f"{label}：讀不到案號", f"proposals[{k}].number", prop.source))
        if not prop.subject.value:
            p.append(Problem(f"{label}：讀不到案由", f"proposals[{k}].subject", prop.source))
        if not prop.unit.value:
            p.append(Problem(f"{label}：讀不到提案單位", f"proposals[{k}].unit", prop.source))
    _check_numbers(draft)


def _check_numbers(draft: MeetingDraft) -> None:
    """項次 run 1, 2, 3 … within each meeting of origin; a gap may be a row that was not read."""
    last: dict[str | None, int] = {}
    for k, d in enumerate(draft.directives):
        n, origin = d.number.value, d.origin.value
        if n is None:
            continue
        if origin in last and n != last[origin] + 1:
            draft.problems.append(Problem(f"項次由 {last[origin]} 跳到 {n}，中間可能有漏讀的列，請核對",
                                          f"directives[{k}].number", d.source, level="warning"))
        last[origin] = n
