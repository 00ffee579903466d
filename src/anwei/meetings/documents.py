"""Builders of the meeting packet (會議資料, seeds 000/001) and the minutes (會議紀錄, seed 002)
as neutral documents. The caller checks permission before calling them."""

from __future__ import annotations

import datetime as dt

from pathlib import Path

from django.conf import settings

from anwei.documents import outline
from anwei.documents.model import (Attachments, Cell, Document, Enclosure, Field, Heading, Numbered, PageBreak,
                                   Paragraph, Table, Title, checkbox)
from anwei.lib import rocdate, zhnum
from anwei.meetings.models import Proposal, Report, Ruling, SecurityMeeting
from anwei.meetings.selectors import agenda_end, agenda_timed
from anwei.meetings.selectors import SheetLine, attendance_sheet, ethics_unit_name
from anwei.tracking.models import TrackedItem, TrackingDecision
from anwei.tracking.selectors import RoundRow, round_for, round_rows, row_order

CONTINUE, RELEASE = TrackingDecision.Decision.CONTINUE, TrackingDecision.Decision.RELEASE


def _load(meeting_id: int) -> SecurityMeeting:
    return SecurityMeeting.objects.select_related("agency").get(pk=meeting_id)


def hm_zh(t: dt.time) -> str:
    """11時30分 (the agenda's heading)."""
    return f"{t.hour}時{t.minute:02d}分"


def ampm_zh(t: dt.time) -> str:
    """下午3時10分 (the minutes' 時間 line)."""
    if t.hour < 12:
        return f"上午{t.hour}時{t.minute:02d}分"
    if t.hour == 12:
        return f"中午12時{t.minute:02d}分"
    return f"下午{t.hour - 12}時{t.minute:02d}分"


def directive_rows(meeting: SecurityMeeting) -> list[RoundRow]:
    """The items the meeting reviews — the one rule that the meeting page, the packet and the minutes all
    follow: those of its progress round (or, before a round is opened, every open item of the agency given
    before this meeting) that belong in a meeting's papers: the meetings' own items, and items of other
    sources (an inspection's deficiency) once the officer brings them (TrackedItem.shows_in_packet)."""
    rnd = round_for(meeting)
    if rnd is not None:
        return [r for r in round_rows(rnd) if r.item.shows_in_packet()]
    items = (TrackedItem.objects.filter(agency=meeting.agency_id).exclude(status=TrackedItem.Status.RELEASED)
             .exclude(origin_meeting=meeting).select_related("lead_unit").prefetch_related("co_units"))
    items = [i for i in items if i.shows_in_packet()
             and (i.origin_id is None or i.origin_date is None or i.origin_date <= meeting.date)]
    return [RoundRow(i) for i in sorted(items, key=row_order)]


def _groups(rows: list[RoundRow]) -> list[tuple[TrackedItem, list[RoundRow]]]:
    groups: list[tuple[TrackedItem, list[RoundRow]]] = []
    for row in rows:
        if groups and groups[-1][0].origin_label == row.item.origin_label:
            groups[-1][1].append(row)
        else:
            groups.append((row.item, [row]))
    return groups


def _decision_boxes(row: RoundRow) -> str:
    d = row.decision.decision if row.decision else None
    return checkbox("繼續列管", d == CONTINUE) + "\n" + checkbox("解除列管", d == RELEASE)


def directive_tables(meeting: SecurityMeeting, rows: list[RoundRow] | None = None) -> list[Table]:
    """上次會議主席裁(指)示事項辦理情形: one table per meeting of origin, the last meeting first."""
    rows = directive_rows(meeting) if rows is None else rows
    agency = meeting.agency.name
    tables = []
    for first, group in _groups(rows):
        # a meeting's items: origin_label is 「108年第2次會議」 (also when that meeting is not in 安維: an
        # imported packet's directives given at a meeting held before the agency began to use it)
        if first.origin_id or first.source_kind == TrackedItem.Source.MEETING_DIRECTIVE:
            caption = f"{agency}安全維護會報{first.origin_label}\n主席裁（指）示事項辦理情形"
        else:
            caption = f"{first.origin_label}\n列管事項辦理情形"
        tables.append(directive_table(caption, [(str(r.item.number), r.item.text, r.item.units_label(),
                                                 r.progress_text(), _decision_boxes(r)) for r in group]))
    return tables


def directive_table(caption: str, rows: list[tuple[str, str, str, str, str]]) -> Table:
    """項次 / 主席裁（指）示事項 / 主(協)辦單位 / 執行情形 / 是否列管; each row stays on one page."""
    header = [[Cell("項次", bold=True, align="center"), Cell("主席裁（指）示事項", bold=True, align="center"),
               Cell("主(協)辦單位", bold=True, align="center"), Cell("執行情形", bold=True, align="center"),
               Cell("是否列管", bold=True, align="center")]]
    # 是否列管 wide enough for 「□繼續列管」 on one line (12 pt: 5 em + padding ≈ 2.3 cm of 17 cm)
    return Table(header=header, caption=caption, widths=[0.6, 3, 1.2, 3, 1.5], rows=[
        [Cell(number, align="center"), Cell(text), Cell(units, align="center"), Cell(progress), Cell(boxes)]
        for number, text, units, progress, boxes in rows])


def agenda_table(meeting: SecurityMeeting) -> list:
    timed = agenda_timed(meeting)
    end = agenda_end(timed, meeting)
    rows = []
    for t in timed:
        when = f"{t.start:%H:%M}\n│\n{t.end:%H:%M}" if t.end else f"{t.start:%H:%M}"
        rows.append([Cell(zhnum.chinese(t.number), align="center"), Cell(when, align="center"),
                     Cell(t.minutes_label, align="center"), Cell(t.item.title, align="center"),
                     Cell(t.item.presenter, align="center"), Cell(t.item.note)])
    header = [[Cell(h, bold=True, align="center") for h in ["項次", "時間", "使用時間", "議程", "主持(報告)人", "備考"]]]
    return [
        Title([f"{meeting.full_title()}程序表"]),
        Paragraph(f"（{rocdate.format_with_weekday(meeting.date)}{hm_zh(meeting.start_time)}至{hm_zh(end)}）",
                  align="center"),
        # short: on one page as a whole, so its last row (散會) never stands alone
        Table(header=header, rows=rows, widths=[0.7, 1.2, 1, 3, 1.4, 1], keep_together=True),
    ]


def _text_blocks(text: str) -> list:
    """Free text with its official numbering kept (一、（一）1、（1）), hanging and first-line indents."""
    return outline.blocks(text)


def proposal_table(meeting: SecurityMeeting, p: Proposal, *, with_resolution: bool = True,
                   inline_files: bool = True) -> list:
    """One 提案討論表 (seed 001): 案號 / 提案單位 / 案由 / 說明 / 辦法 / 決議."""
    label = "臨時動議" if p.kind == Proposal.Kind.EXTEMPORE else "提案討論表"
    resolution = ""
    if with_resolution and (p.resolution or p.resolution_text):
        resolution = p.resolution_text or p.get_resolution_display()
    blocks: list = [
        Title([f"{meeting.agency.name}安全維護會報", f"{meeting.label}會議{label}"]),
        Table(header=[], widths=[1, 2, 1, 2], rows=[
            [Cell("案號", bold=True, align="center"), Cell(p.number_label), Cell("提案單位", bold=True, align="center"),
             Cell(p.unit.name if p.unit_id else "")],
            [Cell("案由", bold=True, align="center"), Cell(p.subject, colspan=3)],
            [Cell("說明", bold=True, align="center"), Cell(p.explanation, colspan=3)],
            [Cell("辦法", bold=True, align="center"), Cell(p.method, colspan=3)],
            [Cell("決議", bold=True, align="center"), Cell(resolution, colspan=3)],
        ]),
    ]
    if p.origin_id:
        blocks.append(Paragraph(f"本案為{p.origin.meeting.label}會議{p.origin.number_label}續審。", size="small"))
    blocks += _files(p, inline=inline_files)
    return blocks


def packet_build(meeting_id: int, inline_files: bool = True) -> Document:
    """會議資料: cover, agenda, directives table, reports, one 提案討論表 per proposal. Attachments
    (a report's slides, a proposal's draft rules and forms) follow what they belong to: the PDF
    prints them in place; with inline_files=False (the ZIP with every attachment) they are named."""
    meeting = _load(meeting_id)
    agency = meeting.agency
    doc = Document(title=f"{agency.name}安全維護會報{meeting.label}會議資料",
                   header_text=f"{agency.name}安全維護會報{meeting.label}會議")
    month = meeting.date.month
    doc.add(
        Title([agency.name, f"安全維護會報 {meeting.roc_year} 年第 {meeting.sequence} 次會議", "會議資料"], size="xlarge"),
        Paragraph(f"{agency.name}{ethics_unit_name(agency)}編製", align="center", size="large"),
        Paragraph(f"{meeting.roc_year} 年 {month} 月", align="center", size="large"),
        PageBreak(),
        *agenda_table(meeting),
        PageBreak(),
    )
    tables = directive_tables(meeting)
    if tables:
        doc.add(*tables)
    else:
        doc.add(Heading("上次會議主席裁(指)示事項辦理情形"), Paragraph("無列管事項。"))
    reports = list(meeting.reports.select_related("unit").prefetch_related("attachments"))
    for r in (r for r in reports if r.kind == Report.Kind.WORK):
        doc.add(PageBreak(), Heading(r.title, level=1), *_text_blocks(r.body), *_files(r, inline=inline_files))
    special = [r for r in reports if r.kind == Report.Kind.SPECIAL]
    if special:
        doc.add(PageBreak(), Heading("專題報告", level=1))
        for r in special:
            unit = f"{r.unit.name}：" if r.unit_id else ""
            doc.add(Paragraph(f"{unit}{r.title}", bold=True))
            if r.presenter:
                doc.add(Field("報告人", r.presenter))
            doc.add(*_text_blocks(r.body), *_files(r, inline=inline_files))
    for p in meeting.proposals.filter(kind=Proposal.Kind.REGULAR).select_related("unit", "origin__meeting") \
            .prefetch_related("attachments"):
        doc.add(PageBreak(), *proposal_table(meeting, p, with_resolution=False, inline_files=inline_files))
    return doc


def _files(obj, *, inline: bool = True) -> list:
    """The record's attachments: printed in place (Enclosure) or named (Attachments)."""
    files = list(obj.attachments.all())
    if not files:
        return []
    if not inline:
        return [Attachments([f.name for f in files])]
    return [Enclosure(f.name, path=str(Path(settings.UPLOAD_DIR) / f.relpath), key=f.sha256) for f in files]


def packet_files(meeting_id: int) -> list[tuple[str, Path]]:
    """Every attachment of the packet in the packet's order, as (name in the ZIP, file on disk)."""
    meeting = _load(meeting_id)
    owners: list[tuple[str, object]] = []
    reports = list(meeting.reports.prefetch_related("attachments"))
    owners += [(r.title, r) for r in reports if r.kind == Report.Kind.WORK]
    owners += [(f"專題報告_{r.title}", r) for r in reports if r.kind == Report.Kind.SPECIAL]
    owners += [(f"提案{p.number_label}", p) for p in meeting.proposals.filter(kind=Proposal.Kind.REGULAR)
               .prefetch_related("attachments")]
    out, n = [], 1
    for label, owner in owners:
        for f in owner.attachments.all():
            n += 1
            out.append((f"{n:02d}_{label}_{f.name}", Path(settings.UPLOAD_DIR) / f.relpath))
    return out


def _ruling_blocks(rulings: list[Ruling], *, label: str = "主席裁示：") -> list:
    if not rulings:
        return []
    blocks: list = [Paragraph(label, bold=True)]
    for n, r in enumerate(rulings, start=1):
        if r.subject:
            blocks.append(Numbered(2, n, r.subject if r.subject.endswith("：") else f"{r.subject}："))
            blocks.append(Paragraph(r.text, indent=2))
        else:
            blocks.append(Numbered(2, n, r.text))
    return blocks


def minutes_build(meeting_id: int) -> Document:
    """會議紀錄 laid out as seed 002: header fields, then 壹 … 柒."""
    meeting = _load(meeting_id)
    agency = meeting.agency
    rulings = list(meeting.rulings.select_related("report", "proposal"))
    by_section = {s: [r for r in rulings if r.section == s] for s in Ruling.Section.values}
    doc = Document(title=f"{agency.name}安全維護會報{meeting.label}會議紀錄")
    attendees = attendees_text(attendance_sheet(meeting)) or meeting.attendees_note or "（如簽到簿）"
    remarks = meeting.opening_remarks.strip()
    brief = remarks in ("", "略", "(略)", "（略）")
    doc.add(
        Title([f"{agency.name}安全維護會報{meeting.label}會議紀錄"]),
        Field("時間", f"{rocdate.format_with_weekday(meeting.date)}{ampm_zh(meeting.start_time)}"),
        Field("地點", meeting.place),
        Field("出席", attendees),
        Field("主席", meeting.chair_name),
        Field("紀錄", meeting.recorder_name),
        Heading("壹、主席致詞" + ("（略）" if brief else "")),
    )
    if not brief:
        doc.add(*_text_blocks(remarks))

    doc.add(Heading("貳、上次會議主席裁(指)示事項辦理情形報告："))
    rows = directive_rows(meeting)
    if rows:
        # As seed 002: 一、<directive> in one column; an item from an older meeting names its origin.
        header = [[Cell(h, bold=True, align="center") for h in ["決議事項", "主辦單位", "辦理情形", "列管情形"]]]
        latest = rows[0].item.origin_label
        doc.add(Table(header=header, widths=[3.4, 1.2, 3.4, 1.2], rows=[
            [Cell(("" if r.item.origin_label == latest else f"（{r.item.origin_label}）")
                  + f"{zhnum.label(2, r.item.number)}{r.item.text}"),
             Cell(r.item.units_label(), align="center"), Cell(r.progress_text()),
             Cell(r.decision.get_decision_display() if r.decision else "", align="center")] for r in rows]))
    else:
        doc.add(Paragraph("（無）"))
    doc.add(*_ruling_blocks(by_section[Ruling.Section.PREVIOUS]))

    reports = list(meeting.reports.select_related("unit"))
    doc.add(Heading("參、報告事項"))
    for n, r in enumerate(reports, start=1):
        unit = f"（{r.unit.name}）" if r.unit_id and r.unit.name not in r.title else ""
        doc.add(Numbered(2, n, f"{r.title}{unit}"))
    if not reports:
        doc.add(Paragraph("（無）"))
    doc.add(*_ruling_blocks(by_section[Ruling.Section.REPORTS]))

    proposals = list(meeting.proposals.select_related("unit"))
    doc.add(Heading("肆、提案討論"))
    regular = [p for p in proposals if p.kind == Proposal.Kind.REGULAR]
    for p in regular:
        doc.add(*_proposal_minutes(p, f"提案{zhnum.chinese(p.number)}", by_section[Ruling.Section.PROPOSALS]))
    if not regular:
        doc.add(Paragraph("（無）"))

    extempore = [p for p in proposals if p.kind == Proposal.Kind.EXTEMPORE]
    doc.add(Heading("伍、臨時動議" + ("" if extempore or by_section[Ruling.Section.EXTEMPORE] else "（無）")))
    for p in extempore:
        doc.add(*_proposal_minutes(p, f"臨時動議{zhnum.chinese(p.number)}", by_section[Ruling.Section.EXTEMPORE]))
    doc.add(*_ruling_blocks([r for r in by_section[Ruling.Section.EXTEMPORE] if r.proposal_id is None]))

    conclusion = meeting.conclusion.strip()
    concl_rulings = by_section[Ruling.Section.CONCLUSION]
    doc.add(Heading("陸、主席結論" + ("" if conclusion or concl_rulings else "（略）")))
    if conclusion:
        doc.add(*_text_blocks(conclusion))
    for n, r in enumerate(concl_rulings, start=1):
        doc.add(Numbered(2, n, r.text))
    adjourned = f"（{ampm_zh(meeting.adjourned_at)}）" if meeting.adjourned_at else ""
    doc.add(Heading(f"柒、散會{adjourned}"))
    return doc


def _proposal_minutes(p: Proposal, heading: str, rulings: list[Ruling]) -> list:
    blocks: list = [Heading(heading, level=2)]
    if p.unit_id:
        blocks.append(Field("提案單位", p.unit.name))
    blocks.append(Field("案由", p.subject))
    resolution = p.resolution_text or (p.get_resolution_display() if p.resolution else "")
    blocks.append(Field("決議", resolution, bold_label=True))
    mine = [r for r in rulings if r.proposal_id == p.pk]
    for n, r in enumerate(mine, start=1):
        blocks.append(Numbered(2, n, r.text))
    return blocks


def _who(line: SheetLine) -> str:
    a = line.attendance
    unit = a.unit.name if a.unit_id else ""
    return f"{unit}{a.name}" if unit and not a.name.startswith(unit) else a.name


def attendees_text(lines: list[SheetLine]) -> str:
    """The minutes' 出席 field from the recorded attendance, in the roster's order: who came (with 代理:
    「秘書室主任王○○（李○○代理）」), then 請假 with each one's unit. Empty when nothing is recorded."""
    recorded = [line for line in lines if line.attendance is not None]
    present = "、".join(_who(line) + (f"（{line.attendance.represented_by}代理）"
                                      if line.attendance.status == line.attendance.Status.REPRESENTED else "")
                        for line in recorded if line.attendance.status != line.attendance.Status.ABSENT)
    absent = "、".join(_who(line) for line in recorded if line.attendance.status == line.attendance.Status.ABSENT)
    return "\n".join(t for t in (present, f"請假：{absent}" if absent else "") if t)


SIGNIN_BLANK_ROWS = 4  # for guests (列席) not on the roster


def signin_build(meeting_id: int) -> Document:
    """簽到表: the agency's roster (each unit's heads and liaisons, in the units' order) with a blank to sign
    in; a line already recorded as 請假 says so, one represented names the stand-in (代理); blank lines follow."""
    meeting = _load(meeting_id)
    agency = meeting.agency
    doc = Document(title=f"{agency.name}安全維護會報{meeting.label}會議簽到表")
    doc.add(
        Title([f"{agency.name}安全維護會報{meeting.label}會議", "簽到表"]),
        Field("時間", f"{rocdate.format_with_weekday(meeting.date)}{ampm_zh(meeting.start_time)}"),
        Field("地點", meeting.place),
        Field("主席", meeting.chair_name),
        Field("紀錄", meeting.recorder_name),
    )
    header = [[Cell(h, bold=True, align="center") for h in ["單位", "職稱", "姓名", "簽到", "備註"]]]
    rows = []
    for line in attendance_sheet(meeting):
        a = line.attendance
        if line.person is not None:
            title, name = line.person.title, line.person.full_name or str(line.person)
        else:
            title, name = "", a.name if a else ""
        sign, note = "", ""
        if a is not None and a.status == a.Status.ABSENT:
            sign = "請假"
        elif a is not None and a.status == a.Status.REPRESENTED:
            note = f"{a.represented_by}代理"
        elif line.deputy is not None:
            note = f"職務代理人：{line.deputy.display_with_title()}"
        rows.append([Cell(line.unit.name if line.unit else "", align="center"), Cell(title, align="center"),
                     Cell(name, align="center"), Cell(sign, align="center"), Cell(note)])
    rows += [[Cell("\u3000") for _ in range(5)] for _ in range(SIGNIN_BLANK_ROWS)]  # a line's height to sign on
    doc.add(Table(header=header, rows=rows, widths=[1.6, 1.2, 1.4, 2.4, 1.6]))
    return doc
