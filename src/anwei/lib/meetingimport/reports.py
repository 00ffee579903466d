"""A packet's 工作報告 and 專題報告: title, unit, presenter and text.

The agenda names who presents each report (四 秘書單位工作報告 政風室), so a report takes its
unit from its agenda item; a special report's own first line says it too (秘書室：…)."""

from __future__ import annotations

import re

from anwei.lib.meetingimport.draft import AgendaDraft, Field, ReportDraft, Source
from anwei.lib.meetingimport.rows import LABEL, Row, ends_sentence, squash, tidy, width

_UNIT_TITLE = re.compile(r"^(\S{2,12}?(?:室|科|處|課|組|股|局|中心))\s*[:：]\s*(\S.*)$")
_UNIT_PREFIX = re.compile(r"^(\S{2,10}?(?:室|科|處|課|組|股|中心))(?=工作報告|報告)")
_PRESENTER = re.compile(r"報告人\s*[:：]?\s*(.+)$")
_SPECIAL_PREFIX = re.compile(r"^專題報告\s*[:：]\s*")


def _agenda_match(agenda: list[AgendaDraft], title: str) -> AgendaDraft | None:
    want = squash(_SPECIAL_PREFIX.sub("", title))
    for item in agenda:
        have = squash(_SPECIAL_PREFIX.sub("", item.title.value or ""))
        if have and want and (have == want or (len(want) >= 4 and (have.startswith(want) or want.startswith(have)))):
            return item
    return None


def paragraphs(rows: list[Row], wrapped: bool) -> str:
    """Running text: each line as it is; when the lines are a PDF's (wrapped), a line that ran
    to the right margin (within a character and a half of the longest lines) is joined to the
    next, unless it ended a sentence or the next starts a numbered item."""
    lines = [r.text.strip() for r in rows if r.text.strip()]
    if not wrapped or not lines:
        return tidy("\n".join(lines))
    widths = sorted(width(line) for line in lines)
    full = widths[int(len(widths) * 0.8)] if len(widths) >= 5 else max(widths)
    out: list[str] = []
    for line in lines:
        if out and not ends_sentence(out[-1]) and not out[-1].endswith(("：", ":")) \
                and width(out[-1]) >= full - 1.5 and not LABEL.match(line):
            out[-1] += line if not (out[-1][-1].isascii() and line[0].isascii()) else " " + line
        else:
            out.append(line)
    return tidy("\n".join(out))


def work_report(title_row: Row, rows: list[Row], wrapped: bool, agenda: list[AgendaDraft]) -> ReportDraft:
    title = tidy(title_row.text).rstrip("：:")
    src = Source.span([title_row.no] + [r.no for r in rows], title)
    r = ReportDraft(kind=Field("work", src), title=Field(title, Source.span([title_row.no], title)), source=src)
    item = _agenda_match(agenda, title)
    if item and item.presenter.value:
        r.unit = Field(item.presenter.value, item.presenter.source)
    else:
        m = _UNIT_PREFIX.match(squash(title))
        if m and not m.group(1).endswith("單位"):
            r.unit = Field(m.group(1), r.title.source)
    text = paragraphs(rows, wrapped)
    if text:
        r.text = Field(text, Source.span([x.no for x in rows], text))
    return r


def special_reports(rows: list[Row], wrapped: bool, agenda: list[AgendaDraft]) -> list[ReportDraft]:
    """The 專題報告 section: one report per agenda item 「專題報告：…」 found in it, else one."""
    titles = [squash(_SPECIAL_PREFIX.sub("", a.title.value or "")) for a in agenda
              if squash(a.title.value or "").startswith("專題報告")]
    starts = [i for i, row in enumerate(rows) if i == 0 or _starts_report(row, titles)]
    reports = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        if i < end:
            reports.append(_special(rows[i:end], wrapped, agenda, titles))
    return reports


def _starts_report(row: Row, titles: list[str]) -> bool:
    m = _UNIT_TITLE.match(row.text.strip())
    title = squash(m.group(2)) if m else row.flat
    return any(len(title) >= 6 and t.startswith(title) for t in titles)


def _special(rows: list[Row], wrapped: bool, agenda: list[AgendaDraft], titles: list[str]) -> ReportDraft:
    first = rows[0]
    m = _UNIT_TITLE.match(first.text.strip())
    unit, title = (m.group(1), m.group(2)) if m else (None, first.text.strip())
    used = [first.no]
    rest = rows[1:]
    # a title the page width broke: 「…專題」 + 「報告」, completed from the agenda's title
    while rest and any(t.startswith(squash(title) + rest[0].flat) and t != squash(title) for t in titles):
        title += rest[0].text.strip()
        used.append(rest[0].no)
        rest = rest[1:]
    title = tidy(title)
    src = Source.span(used + [r.no for r in rest], first.text)
    tsrc = Source.span(used, title)
    r = ReportDraft(kind=Field("special", src), title=Field(title, tsrc), source=src)
    item = _agenda_match(agenda, title)
    if unit:
        r.unit = Field(tidy(unit), tsrc)
    elif item and item.presenter.value:
        r.unit = Field(item.presenter.value, item.presenter.source)
    for row in rest[:5]:
        pm = _PRESENTER.search(row.text.strip())
        if pm:
            r.presenter = Field(" ".join(pm.group(1).split()), Source.span([row.no], row.text))
            if row.flat.startswith("報告人"):  # the 報告人：… line is a field, not the report's text
                rest = [x for x in rest if x is not row]
            break
    text = paragraphs(rest, wrapped)
    if text:
        r.text = Field(text, Source.span([x.no for x in rest], text))
    return r
