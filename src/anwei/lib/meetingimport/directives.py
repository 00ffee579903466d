"""主席裁（指）示事項辦理情形: the directives table, from rows of cells or from a table that a
PDF extraction broke into lines (seed 000).

In a broken table each row of the form is: its number alone on a line, the directive (a wide
column, ending with 。), the unit (a narrow column: 「污水養」「護工程」「科」), the progress, and the
繼續/解除列管 boxes. The unit is found as the first few short lines that together name a unit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from anwei.lib.meetingimport.decision import read_decision
from anwei.lib.meetingimport.draft import DirectiveDraft, Field, Problem, Source
from anwei.lib.meetingimport.rows import Row, cell_at, cell_text, ends_sentence, join_wrapped, squash, tidy, width
from anwei.lib.meetingimport.when import cn_int, meeting_label
from anwei.lib.unitnames import is_all_units, split_units

_CAPTION = re.compile(r"安全(維護)?會報.*?(\d{2,3}年(度)?第[\d一二三四五六七八九十]+次)")
_TITLE = re.compile(r"(裁[(（]?指[)）]?示|裁示|指示|決議|列管)事項(辦理|執行)情形")
_HEADER_PIECES = re.compile(r"^(項|次|項次|編號|主席裁[(（]?指?[)）]?示事項|裁示事項|決議事項|列管事項|主[(（]協[)）]|辦單位?|"
                            r"單位|位|主辦單位|主[(（]協[)）]辦單位|執行情形|辦理情形|是否|列管|是否列管|列管情形|備註)+$")
_NUMBER_LINE = re.compile(r"^(\d{1,3})(?:\s+(.+))?$")
_ORIGIN_PREFIX = re.compile(r"^[（(]\s*(\d{2,3}\s*年(?:度)?\s*第\s*[\d一二三四五六七八九十]+\s*次)(?:會議)?\s*[)）]\s*")
_CN_LABEL = re.compile(r"^([一二三四五六七八九十]+)、\s*")
_DECISION_WORDS = re.compile(r"[□■☐☑☒✓✔√]|繼續|解除|列管|列|管|是否")
_UNIT_END = re.compile(r"(室|科|處|課|組|股|局|所|中心|單位|機關|[)）])$")


def is_caption(row: Row) -> bool:
    return not row.is_row and bool(_CAPTION.search(row.flat)) and len(row.flat) <= 50


def is_title(row: Row) -> bool:
    return not row.is_row and bool(_TITLE.search(row.flat)) and len(row.flat) <= 40


def caption_origin(row: Row) -> str | None:
    year, seq = meeting_label(row.flat)
    return f"{year}年第{seq}次" if year and seq else None


@dataclass
class _Item:
    number: int | None
    origin: str | None
    rows: list[int] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)


def parse_directives(rows: list[Row], wrapped: bool, problems: list[Problem], *,
                     origin: str | None = None) -> list[DirectiveDraft]:
    cells = any(r.is_row and len([c for c in r.cells if c]) >= 3 for r in rows)
    items = _from_cells(rows, wrapped, origin) if cells else _from_lines(rows, origin)
    return [_draft(item, k, wrapped, problems) for k, item in enumerate(items)]


# --- rows of cells --------------------------------------------------------------------------------

def _column(head: str) -> str | None:
    h = squash(head)
    if h in ("項次", "項", "編號", "序號"):
        return "number"
    if "列管" in h or "擬辦" in h or "建議" in h:
        return "decision"
    if "情形" in h or "進度" in h:
        return "progress"
    if "單位" in h:
        return "units"
    if "事項" in h or "內容" in h or "案由" in h:
        return "text"
    return None


def _header(row: Row) -> dict[str, int] | None:
    if any(len(squash(c)) > 12 for c in row.cells):
        return None  # a header names its columns in a few characters; a data row says more
    cols = {}
    for i, c in enumerate(row.cells):
        name = _column(c)
        if name and name not in cols:
            cols[name] = i
    return cols if len(cols) >= 3 and "text" in cols else None


def _default_columns(n: int) -> dict[str, int]:
    if n >= 5:
        return {"number": 0, "text": 1, "units": 2, "progress": 3, "decision": 4}
    if n == 4:
        return {"text": 0, "units": 1, "progress": 2, "decision": 3}
    return {"text": 0, "units": 1, "progress": 2}


def _from_cells(rows: list[Row], wrapped: bool, origin: str | None) -> list[_Item]:
    items: list[_Item] = []
    cols: dict[str, int] | None = None
    held: Row | None = None  # a row's unit and progress that a page break put before its text
    for k, row in enumerate(rows):
        if not row.is_row:
            if is_caption(row):
                origin = caption_origin(row) or origin
            continue
        header = _header(row)
        if header:
            cols = header
            continue
        here = cols or _default_columns(len(row.cells))
        cell = partial(cell_at, row, here)
        text, row_origin, number = cell("text"), None, cn_int(squash(cell("number")))
        m = _ORIGIN_PREFIX.match(text)
        if m:
            row_origin, text = squash(m.group(1)), text[m.end():]
        m = _CN_LABEL.match(text)
        if m and number is None:
            number, text = cn_int(m.group(1)), text[m.end():]
        continuation = number is None and items and (not squash(cell("number"))) and (
            not squash(text) or not squash(cell("units")))
        if number is None and not squash(text) and _text_follows_alone(islice(rows, k + 1, None), here):
            held = row
            continue
        if continuation:
            item = items[-1]
        else:
            item = _Item(number, row_origin or origin)
            items.append(item)
        for part in ([held] if held and not continuation else []) + [row]:
            _add_cells(item, part, here, text if part is row else "", wrapped)
        held = None
    return items


def _add_cells(item: _Item, row: Row, cols: dict[str, int], text: str, wrapped: bool) -> None:
    cell = partial(cell_at, row, cols)
    item.rows.append(row.no)
    for name, value in (("text", text), ("units", cell("units")), ("progress", cell("progress")),
                        ("decision", cell("decision"))):
        if squash(value):
            getattr(item, name).append(cell_text(value, wrapped) if name != "decision" else value)


def _text_follows_alone(rest: Iterable[Row], cols: dict[str, int]) -> bool:
    """The next data row has the directive's text but no unit and no progress: the two are one
    row that a page break cut, the short cells staying on the page before (WeasyPrint does this)."""
    nxt = next((r for r in rest if r.is_row and not _header(r)), None)
    if nxt is None:
        return False
    cell = partial(cell_at, nxt, cols)
    return bool(squash(cell("text"))) and not squash(cell("units")) and not squash(cell("progress"))


# --- a table broken into lines ---------------------------------------------------------------------

def _from_lines(rows: list[Row], origin: str | None) -> list[_Item]:
    items: list[_Item] = []
    lines: list[list[tuple[int, str]]] = []
    in_header, any_number = True, True
    for row in rows:
        if is_caption(row):
            origin = caption_origin(row) or origin
            continue
        if is_title(row):
            in_header, any_number = True, True
            continue
        text = row.text.strip()
        m = _NUMBER_LINE.match(text)
        expected = (items[-1].number or 0) + 1 if items else 1
        if m and (any_number or int(m.group(1)) == expected) and (not items or lines[-1]):
            items.append(_Item(int(m.group(1)), origin, rows=[row.no]))
            lines.append([(row.no, m.group(2))] if m.group(2) else [])
            in_header = any_number = False
            continue
        if in_header and _HEADER_PIECES.match(row.flat.replace("（", "(").replace("）", ")")):
            continue
        in_header = False
        if items:
            items[-1].rows.append(row.no)
            lines[-1].append((row.no, text))
    for item, item_lines in zip(items, lines):
        _split_columns(item, [t for _, t in item_lines])
    return items


def _is_decision_piece(line: str) -> bool:
    """「□繼續」「列管」「□解除列管」: nothing but boxes and the words of the two choices."""
    s = squash(line)
    return bool(s) and not _DECISION_WORDS.sub("", s) and any(w in s for w in "□■☐☑☒✓✔√繼解列管")


def _looks_like_unit(text: str) -> bool:
    s = squash(text)
    if not s or len(s) > 24 or any(p in s for p in "。，；！？"):
        return False
    return bool(_UNIT_END.search(s)) or is_all_units(s)


def _split_columns(item: _Item, lines: list[str]) -> None:
    """The lines of one broken row → directive text, unit, progress, decision."""
    k = len(lines)
    while k > 0 and _is_decision_piece(lines[k - 1]):
        k -= 1
    item.decision = lines[k:]
    body = lines[:k]
    cut = _unit_at(body)
    if cut is None:
        item.text = [join_wrapped(body)] if body else []
        return
    end_text, unit, progress_head, after = cut
    item.text = [join_wrapped(body[:end_text])]
    item.units = [unit]
    item.progress = [join_wrapped(([progress_head] if progress_head else []) + body[after:])]


def _unit_at(body: list[str]) -> tuple[int, str, str, int] | None:
    """(lines of text, unit, start of progress on the unit's line, first progress line) or None.
    The text ends at a sentence's end if a unit follows it; failing that, wherever a unit follows."""
    for need_sentence_end in (True, False):
        for i in range(1, len(body)):
            if need_sentence_end and not ends_sentence(body[i - 1]):
                continue
            if width(body[i]) > 12 and " " not in body[i].strip():
                continue  # a full-width line of text, not a narrow unit column
            found = _unit_from(body, i)
            if found:
                unit, head, after = found
                return i, unit, head, after
    return None


def _unit_from(body: list[str], i: int) -> tuple[str, str, int] | None:
    first = body[i].strip()
    if " " in first:  # 「秘書室 預計本(109)年底前…」: unit and progress on one line
        word, rest = first.split(" ", 1)
        if _looks_like_unit(word):
            return squash(word), rest, i + 1
    joined = ""
    for j in range(i, min(i + 4, len(body))):
        joined += squash(body[j])
        if _looks_like_unit(joined):
            nxt = squash(body[j + 1]) if j + 1 < len(body) else ""
            if nxt.startswith(("（協辦", "(協辦", "、", "協辦")):
                continue
            return joined, "", j + 1
        if width(body[j]) > 8:
            return None
    return None


# --- the draft -------------------------------------------------------------------------------------

def _draft(item: _Item, k: int, wrapped: bool, problems: list[Problem]) -> DirectiveDraft:
    where = f"directives[{k}]"
    label = f"第{item.number}項" if item.number is not None else f"第{k + 1}列"
    src = Source.span(item.rows, " / ".join(item.text + item.units + item.progress))
    d = DirectiveDraft(source=src)
    if item.number is not None:
        d.number = Field(item.number, src)
    else:
        problems.append(Problem(f"{label}：讀不到項次", f"{where}.number", src))
    if item.origin:
        d.origin = Field(item.origin, src)
    text = tidy(join_wrapped(item.text))
    if text:
        d.text = Field(text, src)
    else:
        problems.append(Problem(f"{label}：讀不到裁（指）示事項的內容", f"{where}.text", src))
    units = tidy(join_wrapped(item.units))
    if units:
        cell = split_units(squash(units) if "\n" not in units else units)
        d.units = Field(units, src)
        d.lead_unit = Field(cell.lead, src)
        d.co_units = Field(list(cell.co), src)
        d.all_units = Field(cell.all_units, src)
    else:
        problems.append(Problem(f"{label}：讀不到主（協）辦單位", f"{where}.lead_unit", src))
    progress = tidy(join_wrapped(item.progress))
    if progress:
        d.progress = Field(progress, src)
    if item.decision:
        raw = " ".join(item.decision)
        marked = read_decision(raw)
        dsrc = Source.span(item.rows, raw)
        if marked.decision:
            d.decision = Field(marked.decision, dsrc)
        if marked.warning:
            problems.append(Problem(f"{label}：{marked.warning}", f"{where}.decision", dsrc,
                                    level="warning" if marked.decision else "error"))
    return d

