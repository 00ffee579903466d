"""程序表: the timed agenda, from a table (cells) or from a table broken into lines (seed 000).

In a broken table the item number (一, 二 …) starts each item; its times, 「N分鐘」 and the
presenter — the last word, when it names a unit or a role — are taken out, and what is left is
the title."""

from __future__ import annotations

import re
from functools import partial

from anwei.lib.meetingimport.draft import AgendaDraft, Field, Problem, Source
from anwei.lib.meetingimport.rows import Row, cell_at, cell_text, squash, tidy
from anwei.lib.meetingimport.when import cn_int, find_date, find_times

_ITEM_START = re.compile(r"^([一二三四五六七八九十]{1,3})(?=\s|$|\d)")
_MINUTES = re.compile(r"(\d{1,3})\s*分(?:鐘)?")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?!\d)")
_DASHES = re.compile(r"[│|｜~～至－—–\-]+")  # the mark between a start and an end time
_PRESENTER = re.compile(r"(室|科|處|課|組|股|局|所|中心|單位|人|長|主席|委員|秘書|同仁)$")
_HEADER_WORDS = ("項次", "議程", "使用時間", "主持", "報告人", "備考", "備註")


def _column(head: str) -> str | None:
    h = squash(head)
    if not h:
        return None
    if h in ("項次", "序號", "編號", "項"):
        return "number"
    if "使用時間" in h or "時數" in h or h in ("分鐘", "時間(分)"):
        return "minutes"
    if "時間" in h:
        return "time"
    if "議程" in h or "程序" in h or "項目" in h or "內容" in h:
        return "title"
    if "主持" in h or "報告" in h or "負責" in h:
        return "presenter"
    if "備考" in h or "備註" in h:
        return "note"
    return None


def _is_header(row: Row) -> bool:
    flat = row.flat
    return sum(1 for w in _HEADER_WORDS if w in flat) >= 2


def heading_date_times(rows: list[Row], problems: list[Problem]) -> tuple[Field, Field, Field]:
    """The （108年10月2日(星期三)11時30分至12時30分） line under the agenda's title."""
    date, start, end = Field(), Field(), Field()
    for row in rows:
        if row.is_row or _is_header(row):
            break
        d, why = find_date(row.text)
        src = Source.span([row.no], row.text)
        if why:
            problems.append(Problem(f"程序表標題的{why}", "date", src))
        if d and date.value is None:
            date = Field(d, src)
            times = find_times(row.text[row.text.find("日") + 1:] if "日" in row.text else row.text)
            if times:
                start = Field(times[0], src)
            if len(times) > 1:
                end = Field(times[1], src)
    return date, start, end


def parse_agenda(rows: list[Row], wrapped: bool) -> list[AgendaDraft]:
    body = [r for r in rows if not _is_header(r)]
    if sum(1 for r in body if r.is_row and len([c for c in r.cells if c]) >= 3) >= 2:
        return _from_cells(rows, wrapped)
    return _from_lines(body)


def _from_cells(rows: list[Row], wrapped: bool) -> list[AgendaDraft]:
    columns: dict[str, int] = {}
    items: list[AgendaDraft] = []
    for row in rows:
        if not row.is_row:
            continue
        if _is_header(row):
            columns = {name: i for i, c in enumerate(row.cells) if (name := _column(c)) and name not in columns}
            continue
        cols = columns or {"number": 0, "time": 1, "minutes": 2, "title": 3, "presenter": 4, "note": 5}
        cell = partial(cell_at, row, cols)
        number = cn_int(squash(cell("number")))
        src = Source.span([row.no], row.text)
        if number is None:
            if items and not squash(cell("number")) and cell("title"):  # a title that went on in the next row
                prev = items[-1]
                joined = tidy((prev.title.value or "") + cell("title"))
                prev.title = Field(joined, Source.span([prev.source.first_line, row.no], joined))
            continue
        item = AgendaDraft(number=Field(number, src), source=src)
        _times(item, cell("time") or row.text, src)
        m = _MINUTES.search(cell("minutes"))
        if m:
            item.minutes = Field(int(m.group(1)), src)
        title = cell_text(cell("title"), wrapped)
        if title:
            item.title = Field(title, src)
        for name in ("presenter", "note"):
            value = cell_text(cell(name), wrapped)
            if value:
                setattr(item, name, Field(value, src))
        items.append(item)
    return items


def _times(item: AgendaDraft, text: str, src: Source) -> None:
    times = find_times(" ".join(_CLOCK.findall(text)) or text)
    if times:
        item.start = Field(times[0], src)
    if len(times) > 1:
        item.end = Field(times[1], src)


def _from_lines(rows: list[Row]) -> list[AgendaDraft]:
    groups: list[list[Row]] = []
    expected = 1
    for row in rows:
        m = _ITEM_START.match(row.text)
        if m and cn_int(m.group(1)) == expected:
            groups.append([row])
            expected += 1
        elif groups:
            groups[-1].append(row)
    return [_item_from_lines(g) for g in groups]


def _item_from_lines(group: list[Row]) -> AgendaDraft:
    text = " ".join(r.text for r in group)
    src = Source.span([r.no for r in group], text)
    m = _ITEM_START.match(text)
    item = AgendaDraft(number=Field(cn_int(m.group(1)), src), source=src)
    rest = text[m.end():]
    _times(item, rest, src)
    rest = _CLOCK.sub(" ", rest)
    mins = _MINUTES.search(rest)
    if mins:
        item.minutes = Field(int(mins.group(1)), src)
        rest = rest[: mins.start()] + " " + rest[mins.end():]
    words = [w for w in rest.split() if not _DASHES.fullmatch(w)]
    if len(words) > 1 and _PRESENTER.search(words[-1]):
        item.presenter = Field(words[-1], src)
        words = words[:-1]
    title = tidy(" ".join(words))
    if title:
        item.title = Field(title, src)
    return item
