"""會議紀錄 (minutes), laid out as seed 002 and the app's own minutes: header fields (時間, 地點,
出席, 主席, 記錄), then 壹、主席致詞 … 柒、散會, with 主席裁示 blocks under the sections."""

from __future__ import annotations

import re

from anwei.lib.meetingimport.directives import parse_directives
from anwei.lib.meetingimport.draft import Field, MeetingDraft, Problem, ReportDraft, RulingDraft, Source
from anwei.lib.meetingimport.guard import guarded
from anwei.lib.meetingimport.proposals import proposal_from
from anwei.lib.meetingimport.rows import Row, ends_sentence, join_wrapped, squash, tidy
from anwei.lib.meetingimport.when import cn_int, find_date, find_times

_SECTION = re.compile(r"^([壹貳參肆伍陸柒捌玖拾]{1,2})、\s*(.*)$")
_FIELD = re.compile(r"^(時\s*間|日\s*期|地\s*點|出\s*席(?:人員|者)?|列\s*席(?:人員)?|請\s*假(?:人員)?|主\s*席|主\s*持\s*人|"
                    r"記\s*錄(?:人)?|紀\s*錄(?:人)?)\s*[:：]\s*(.*)$")
_RULINGS = re.compile(r"^主席(裁示|指示|裁[(（]?指[)）]?示|結論|裁決)(事項)?[:：]?$")
_NUMBERED = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
_PROPOSAL_HEAD = re.compile(r"^(提案|臨時動議|第)\s*([一二三四五六七八九十\d]+)\s*(案)?[:：]?$")
_NOTE = re.compile(r"[(（]\s*([^()（）]*)\s*[)）]\s*[:：]?$")
_OMITTED = ("略", "無")
_UNIT_SUFFIX = re.compile(r"[（(]\s*(\S{2,12}?(?:室|科|處|課|組|股|局|中心))\s*[)）]$")
_UNIT_LEAD = re.compile(r"^(\S{2,10}?(?:室|科|處|課|組|股|中心))工作報告")


def _section_kind(title: str) -> str:
    t = squash(title)
    if "致詞" in t:
        return "opening"
    if "辦理情形" in t or "執行情形" in t or "示事項" in t:
        return "previous"
    if "臨時動議" in t:
        return "extempore"
    if "提案" in t:
        return "proposals"
    if "報告" in t:
        return "reports"
    if "結論" in t:
        return "conclusion"
    if "散會" in t:
        return "adjourn"
    return "other"


def _note(title: str) -> str | None:
    """「主席致詞(略)」 → 略."""
    m = _NOTE.search(squash(title))
    return m.group(1) if m else None


def _person(text: str) -> str:
    return " ".join(text.split())


def parse_minutes(draft: MeetingDraft, rows: list[Row], wrapped: bool) -> None:
    starts = [i for i, r in enumerate(rows) if not r.is_row and _SECTION.match(r.flat)]
    head = rows[: starts[0]] if starts else rows
    _header(draft, head)
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        title_row = rows[i]
        title = _SECTION.match(title_row.flat).group(2)
        body = rows[i + 1:end]
        kind = _section_kind(title)
        handler = _HANDLERS.get(kind)
        if handler:
            guarded(draft, f"{kind}:{title_row.no}",
                    lambda h=handler, t=title_row, ti=title, b=body: h(draft, t, ti, b, wrapped))


def _header(draft: MeetingDraft, rows: list[Row]) -> None:
    last: str | None = None
    for row in rows:
        m = _FIELD.match(row.text.strip())
        if not m:
            if last in ("出席", "列席") and not row.is_row and draft.attendees_note.value is None:
                _add_attendees(draft, row.text, row)  # a long list of names goes on
            continue
        label, value = squash(m.group(1)), m.group(2).strip()
        src = Source.span([row.no], row.text)
        last = label[:2]
        if label in ("時間", "日期"):
            d, why = find_date(value)
            if why:
                draft.problems.append(Problem(f"會議{why}", "date", src))
            if d:
                draft.date = Field(d, src)
            times = find_times(value[value.find("日") + 1:] if "日" in value else value)
            if times:
                draft.start_time = Field(times[0], src)
            if len(times) > 1:
                draft.end_time = Field(times[1], src)
        elif label == "地點":
            draft.place = Field(tidy(value), src)
        elif label.startswith(("出席", "列席")):
            _add_attendees(draft, value, row)
        elif label.startswith("請假"):
            draft.absentees = Field(_names(value), src)
        elif label in ("主席", "主持人"):
            draft.chair = Field(_person(value), src)
        elif label.startswith(("記錄", "紀錄")):
            draft.recorder = Field(_person(value), src)


def _names(text: str) -> list[str]:
    return [_person(n) for n in re.split(r"[、，,；;]", text) if n.strip()]


def _add_attendees(draft: MeetingDraft, value: str, row: Row) -> None:
    src = Source.span([row.no], row.text)
    value = value.strip()
    if not value:
        return
    if re.fullmatch(r"[(（].*[)）]", squash(value)):  # （如簽到簿）
        draft.attendees_note = Field(squash(value), src)
        return
    names = (draft.attendees.value or []) + _names(value)
    draft.attendees = Field(names, Source.span([row.no] + ([draft.attendees.source.first_line]
                                                          if draft.attendees.source else []), row.text))


def _opening(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    note = _note(title)
    src = Source.span([title_row.no] + [r.no for r in body], title_row.text)
    if note in _OMITTED or (note and not body):
        draft.opening_remarks = Field("", src)
    elif body:
        draft.opening_remarks = Field(tidy("\n".join(r.text for r in body)), src)


def _split_rulings(body: list[Row]) -> tuple[list[Row], list[Row]]:
    for i, row in enumerate(body):
        if not row.is_row and _RULINGS.match(row.flat):
            return body[:i], body[i + 1:]
    return body, []


def rulings_from(rows: list[Row], section: str, wrapped: bool, *,
                 proposal_number: int | None = None) -> list[RulingDraft]:
    """一、subject： + its text below, or 一、text (whose lines may run on)."""
    out: list[tuple[int | None, str | None, list[str], list[int]]] = []
    for row in rows:
        text = row.text.strip()
        m = _NUMBERED.match(text)
        if m:
            rest = m.group(2).strip()
            subject = rest.rstrip("：:") if rest.endswith(("：", ":")) else None
            out.append((cn_int(m.group(1)), subject, [] if subject else [rest], [row.no]))
        elif out:
            out[-1][2].append(text)
            out[-1][3].append(row.no)
        else:
            out.append((None, None, [text], [row.no]))
    rulings = []
    for number, subject, parts, nos in out:
        body = tidy(join_wrapped(parts) if wrapped else "\n".join(parts))
        src = Source.span(nos, (subject or "") + body)
        r = RulingDraft(section=Field(section, src), text=Field(body, src) if body else Field(), source=src)  # type: ignore[arg-type]
        if number is not None:
            r.number = Field(number, src)
        if subject:
            r.subject = Field(tidy(subject), src)
        if proposal_number is not None:
            r.proposal_number = Field(proposal_number, src)
        rulings.append(r)
    return rulings


def _previous(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    table, rulings = _split_rulings(body)
    draft.directives.extend(parse_directives(table, wrapped, draft.problems))
    draft.rulings.extend(rulings_from(rulings, "previous", wrapped))


def _reports(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    listed, rulings = _split_rulings(body)
    items: list[tuple[str, list[int]]] = []
    for row in listed:
        m = _NUMBERED.match(row.text.strip())
        if m:
            items.append((m.group(2).strip(), [row.no]))
        elif items and not ends_sentence(items[-1][0]):
            items[-1] = (items[-1][0] + row.text.strip(), items[-1][1] + [row.no])
    for text, nos in items:
        report = _report(tidy(text), Source.span(nos, text))
        if report.kind.value is None:
            draft.problems.append(Problem(f"報告事項第{len(draft.reports) + 1}項：看不出是工作報告或專題報告，請選擇",
                                          f"reports[{len(draft.reports)}].kind", report.source, level="warning"))
        draft.reports.append(report)
    draft.rulings.extend(rulings_from(rulings, "reports", wrapped))


def _report(text: str, src: Source | None) -> ReportDraft:
    # the minutes list reports by title only: the title must say which kind it is
    kind = "special" if "專題" in text else "work" if "工作報告" in text else None
    r = ReportDraft(kind=Field(kind, src) if kind else Field(), source=src)  # type: ignore[arg-type]
    m = _UNIT_SUFFIX.search(text)  # the app's 「秘書單位工作報告（政風室）」
    if m:
        r.unit = Field(m.group(1), src)
        text = text[: m.start()].strip()
    else:
        lead = _UNIT_LEAD.match(squash(text))
        if lead:
            r.unit = Field(lead.group(1), src)
    r.title = Field(text, src)
    return r


def _proposal_groups(body: list[Row]) -> list[list[Row]]:
    groups: list[list[Row]] = []
    for row in body:
        if not row.is_row and _PROPOSAL_HEAD.match(row.flat):
            groups.append([row])
        elif groups:
            groups[-1].append(row)
    return groups


def _proposals(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool,
               kind: str = "regular") -> None:
    section = "extempore" if kind == "extempore" else "proposals"
    body, loose = _split_rulings(body) if kind == "extempore" else (body, [])
    for group in _proposal_groups(body):
        p = proposal_from(group, wrapped, kind=kind, resolution_takes_following=True, attachments=False)
        draft.proposals.append(p)
        rest = _after_resolution(group)
        draft.rulings.extend(rulings_from(rest, section, wrapped, proposal_number=p.number.value))
    draft.rulings.extend(rulings_from(loose, section, wrapped))


def _after_resolution(group: list[Row]) -> list[Row]:
    """The numbered rulings the app prints under a proposal's 決議 line."""
    for i, row in enumerate(group):
        m = re.match(r"^決\s*議\s*[:：]\s*(.*)$", row.text.strip())
        if m:
            if not m.group(1).strip():
                return []  # 「決議：」 with the resolution below: those lines are the resolution
            rest = group[i + 1:]
            k = 0
            while k < len(rest) and not _NUMBERED.match(rest[k].text.strip()):
                k += 1  # the resolution's own wrapped lines
            return rest[k:]
    return []


def _extempore(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    if _note(title) == "無" and not body:
        return
    _proposals(draft, title_row, title, body, wrapped, kind="extempore")


def _conclusion(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    src = Source.span([title_row.no] + [r.no for r in body], title_row.text)
    if _note(title) in _OMITTED and not body:
        draft.conclusion = Field("", src)
        return
    first = next((i for i, r in enumerate(body) if _NUMBERED.match(r.text.strip())), len(body))
    text = tidy("\n".join(r.text for r in body[:first]))
    draft.conclusion = Field(text, src)
    draft.rulings.extend(rulings_from(body[first:], "conclusion", wrapped))


def _adjourn(draft: MeetingDraft, title_row: Row, title: str, body: list[Row], wrapped: bool) -> None:
    times = find_times(title)
    if times and draft.end_time.value is None:
        draft.end_time = Field(times[0], Source.span([title_row.no], title_row.text))


_HANDLERS = {"opening": _opening, "previous": _previous, "reports": _reports, "proposals": _proposals,
             "extempore": _extempore, "conclusion": _conclusion, "adjourn": _adjourn}
