"""DOCX with python-docx: the body's paragraphs and tables in document order.

python-docx opens the package; we walk its XML ourselves because Paragraph.text drops what the
directives table depends on: check boxes drawn as Wingdings symbols (w:sym) or as legacy form
fields (w:checkBox); and row.cells repeats a merged cell in every position it covers.
Content-control check boxes (Word 2010+) hold their glyph (☐/☒) as text, so they need nothing."""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml.ns import qn

from anwei.lib.docextract.model import Extracted, Line

CHECKED, UNCHECKED = "■", "□"
# Wingdings / Wingdings 2 code points that Word inserts for boxes (Insert → Symbol).
_SYM_BOX = {"F0A8": UNCHECKED, "F06F": UNCHECKED, "F0A3": UNCHECKED, "F0FE": CHECKED, "F078": CHECKED,
            "F0FD": CHECKED, "F052": CHECKED, "F053": CHECKED, "F054": CHECKED, "F0A2": CHECKED}

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_T, _TAB, _BR, _CR, _SYM = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:sym")
_NBH, _CHECKBOX = qn("w:noBreakHyphen"), qn("w:checkBox")
_TR, _TC, _TCPR, _VMERGE, _VAL = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:vMerge"), qn("w:val")
_GRIDSPAN = qn("w:gridSpan")
_MAX_SPAN = 50


def paragraph_text(p) -> str:
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB:
            out.append(" ")
        elif tag in (_BR, _CR):
            if el.get(qn("w:type")) in (None, "textWrapping"):
                out.append("\n")
        elif tag == _NBH:
            out.append("-")
        elif tag == _SYM:
            out.append(_SYM_BOX.get((el.get(qn("w:char")) or "").upper(), ""))
        elif tag == _CHECKBOX:
            out.append(CHECKED if _legacy_checked(el) else UNCHECKED)
    return "".join(out)


def _legacy_checked(box) -> bool:
    for child in box:
        if child.tag in (qn("w:checked"), qn("w:default")):
            val = child.get(_VAL)
            if child.tag == qn("w:checked") or val is not None:
                return val not in ("0", "false")
    return False


def _cell_text(tc) -> str:
    parts: list[str] = []
    for el in tc:
        if el.tag == _P:
            parts.append(paragraph_text(el))
        elif el.tag == _TBL:  # a table inside a cell: its text, row by row
            parts.extend("\t".join(cells) for cells in _rows(el))
        elif el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                parts.append(_cell_text(content))
    return "\n".join(parts)


def _is_vmerge_continue(tc) -> bool:
    pr = tc.find(_TCPR)
    vm = pr.find(_VMERGE) if pr is not None else None
    return vm is not None and vm.get(_VAL) in (None, "continue")


def _children(parent, tag: str):
    """Direct children with this tag, also those wrapped in a content control (w:sdt)."""
    for el in parent:
        if el.tag == tag:
            yield el
        elif el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _span(tc) -> int:
    pr = tc.find(_TCPR)
    span = pr.find(_GRIDSPAN) if pr is not None else None
    try:
        return max(1, min(int(span.get(_VAL)), _MAX_SPAN)) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _rows(tbl) -> list[list[str]]:
    """Cells by grid position, as ODT and PDF give them: a merged cell's text in its first
    position, "" in the positions it covers (to its right, and below for a vertical merge)."""
    rows = []
    for tr in _children(tbl, _TR):
        cells: list[str] = []
        for tc in _children(tr, _TC):
            cells.append("" if _is_vmerge_continue(tc) else _cell_text(tc))
            cells.extend([""] * (_span(tc) - 1))
        rows.append(cells)
    return rows


class _Collector:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables = 0

    def paragraph(self, text: str) -> None:
        for part in text.split("\n"):
            self.lines.append(Line(no=len(self.lines) + 1, cells=(part,)))

    def table(self, tbl) -> None:
        index = self.tables
        self.tables += 1
        for cells in _rows(tbl):
            self.lines.append(Line(no=len(self.lines) + 1, cells=tuple(cells), table=index))

    def walk(self, parent) -> None:
        for el in parent:
            if el.tag == _P:
                self.paragraph(paragraph_text(el))
            elif el.tag == _TBL:
                self.table(el)
            elif el.tag == _SDT:
                content = el.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content)


def read_docx(data: bytes) -> Extracted:
    doc = open_docx(io.BytesIO(data))
    c = _Collector()
    c.walk(doc.element.body)
    return Extracted(kind="docx", lines=tuple(c.lines), wrapped=False)
