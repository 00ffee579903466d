"""會議資料 (meeting packet): cover, 程序表, 主席裁（指）示事項辦理情形, 工作報告, 專題報告, 提案討論表.

Sections are found by their titles. A line 「…安全維護會報108年第1次會議」 is a caption when a
section title follows it (the directives table says which meeting gave the directives that way)
and otherwise a running page header, which is dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anwei.lib.meetingimport import agenda as agenda_mod
from anwei.lib.meetingimport import directives as dir_mod
from anwei.lib.meetingimport.draft import MeetingDraft, Problem
from anwei.lib.meetingimport.guard import guarded
from anwei.lib.meetingimport.proposals import label_name, proposal_from
from anwei.lib.meetingimport.reports import special_reports, work_report
from anwei.lib.meetingimport.rows import LABEL, Row

_CAPTION = re.compile(r"安全(維護)?(工作)?會報(\d{2,3}年(度)?第[\d一二三四五六七八九十]+次(會議)?)?$")
_WORK = re.compile(r"^[^，。；：:]{0,16}工作報告[:：]?$")
_SPECIAL = re.compile(r"^專題報告[:：]?$")
_PROPOSAL = re.compile(r"提案討論表|會議臨時動議(表)?$|^提案討論[:：]?$")


@dataclass
class Section:
    kind: str  # agenda | directives | work | special | proposal
    title: Row
    rows: list[Row] = field(default_factory=list)
    caption: Row | None = None


def _kind(row: Row, agenda_open: bool) -> str | None:
    if row.is_row:
        return "proposal" if label_name(row.cells[0]) == "number" else None
    flat = row.flat
    if len(flat) > 60 or LABEL.match(flat):
        return None
    if "程序表" in flat:
        return "agenda"
    if _PROPOSAL.search(flat):
        return "proposal"
    if agenda_open:
        return None  # inside the agenda only its end (散會) or a proposal table ends it
    if dir_mod.is_title(row):
        return "directives"
    if _WORK.match(flat):
        return "work"
    if _SPECIAL.match(flat):
        return "special"
    return None


def sections(rows: list[Row]) -> list[Section]:
    out: list[Section] = []
    caption: Row | None = None
    agenda_open = False
    for row in rows:
        if not row.is_row and _CAPTION.search(row.flat) and len(row.flat) <= 50 and "程序表" not in row.flat:
            caption = row
            continue
        # a caption line followed by a section title ends even an agenda that has no 散會
        kind = _kind(row, agenda_open and caption is None)
        if kind == "proposal" and row.is_row and out and out[-1].kind == "proposal" and not _has_number(out[-1]):
            kind = None  # the 案號 row right under a 提案討論表 title belongs to it
        if kind and not (kind == "directives" and out and out[-1].kind == "directives"):
            out.append(Section(kind, row, caption=caption))
            agenda_open = kind == "agenda"
        elif out:
            if caption is not None and out[-1].kind == "directives" and kind == "directives":
                out[-1].rows.append(caption)  # a second table: 108年第1次 after 108年第2次
            out[-1].rows.append(row)
            if agenda_open and "散會" in row.flat:
                agenda_open = False
        caption = None
    return out


def _has_number(section: Section) -> bool:
    return any(r.is_row and label_name(r.cells[0]) == "number" for r in [section.title, *section.rows])


def parse_packet(draft: MeetingDraft, rows: list[Row], wrapped: bool) -> None:
    found = sections(rows)
    agenda = next((s for s in found if s.kind == "agenda"), None)
    if agenda is not None:
        guarded(draft, "agenda", lambda: _agenda(draft, agenda, wrapped))
    for sec in found:
        guarded(draft, f"{sec.kind}:{sec.title.no}", lambda sec=sec: _section(draft, sec, wrapped))
    if not any(s.kind == "agenda" for s in found):
        draft.problems.append(Problem("找不到程序表", "agenda"))
    _check_agenda(draft)


def _agenda(draft: MeetingDraft, sec: Section, wrapped: bool) -> None:
    draft.date, draft.start_time, draft.end_time = agenda_mod.heading_date_times([sec.title, *sec.rows],
                                                                                 draft.problems)
    draft.agenda.extend(agenda_mod.parse_agenda(sec.rows, wrapped))


def _section(draft: MeetingDraft, sec: Section, wrapped: bool) -> None:
    if sec.kind == "directives":
        origin = dir_mod.caption_origin(sec.caption) if sec.caption else None
        draft.directives.extend(dir_mod.parse_directives(sec.rows, wrapped, draft.problems, origin=origin))
    elif sec.kind == "work":
        draft.reports.append(work_report(sec.title, sec.rows, wrapped, draft.agenda))
    elif sec.kind == "special":
        draft.reports.extend(special_reports(sec.rows, wrapped, draft.agenda))
    elif sec.kind == "proposal":
        draft.proposals.append(proposal_from([sec.title, *sec.rows], wrapped))


def _check_agenda(draft: MeetingDraft) -> None:
    """Each item starts when the one before it ends (the rule of seeds 000 and 001)."""
    for k, (a, b) in enumerate(zip(draft.agenda, draft.agenda[1:]), start=1):
        if a.end.value and b.start.value and a.end.value != b.start.value:
            draft.problems.append(Problem(
                f"程序表第{k}項結束 {a.end.value:%H:%M} 與第{k + 1}項開始 {b.start.value:%H:%M} 不一致，請核對",
                f"agenda[{k}].start", b.start.source, level="warning"))
    if draft.agenda:
        first, last = draft.agenda[0], draft.agenda[-1]
        if draft.start_time.value is None and first.start.value:
            draft.start_time = first.start
        if draft.end_time.value is None and last.start.value and "散會" in (last.title.value or ""):
            draft.end_time = last.start
