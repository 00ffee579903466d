"""ODT with odfdo: headings, paragraphs, lists, sections and tables, in document order."""

from __future__ import annotations

import io

from odfdo import Document as open_odf

from anwei.lib.docextract.model import Extracted, Line, Unsupported

# A hostile file can ask for a million repeated cells; a real table never repeats a non-empty
# cell more than a few times.
_MAX_REPEAT = 50
_TEXT_BLOCKS = {"text:p", "text:h"}
_CONTAINERS = {"text:list", "text:list-item", "text:list-header", "text:section", "text:index-body",
               "text:table-of-content", "text:alphabetical-index", "text:illustration-index",
               "text:bibliography", "text:user-index", "text:object-index", "text:table-index"}
_ROW_GROUPS = {"table:table-header-rows", "table:table-rows", "table:table-row-group"}


def _text(el) -> str:
    return el.text_recursive.replace("\t", " ")


def _repeat(el, attr: str) -> int:
    n = el.get_attribute_integer(attr) or 1
    return max(1, min(n, _MAX_REPEAT))


class _Collector:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables = 0

    def add(self, cells: tuple[str, ...], table: int | None = None) -> None:
        self.lines.append(Line(no=len(self.lines) + 1, cells=cells, table=table))

    def walk(self, parent) -> None:
        for el in parent.children:
            tag = el.tag
            if tag in _TEXT_BLOCKS:
                for part in _text(el).split("\n"):
                    self.add((part,))
            elif tag == "table:table":
                self.table(el)
            elif tag in _CONTAINERS:
                self.walk(el)
            # text:tracked-changes (deleted text), forms, declarations: not part of the text

    def table(self, tbl) -> None:
        index = self.tables
        self.tables += 1
        for row in self._rows(tbl):
            cells: list[str] = []
            for cell in row.children:
                if cell.tag == "table:table-cell":
                    text = "\n".join(_cell_parts(cell))
                    cells.extend([text] * _repeat(cell, "table:number-columns-repeated"))
                elif cell.tag == "table:covered-table-cell":  # under a spanned cell: its grid position
                    cells.extend([""] * _repeat(cell, "table:number-columns-repeated"))
            repeat = _repeat(row, "table:number-rows-repeated") if any(cells) else 1
            for _ in range(repeat):
                self.add(tuple(cells), table=index)

    def _rows(self, parent):
        for el in parent.children:
            if el.tag == "table:table-row":
                yield el
            elif el.tag in _ROW_GROUPS:
                yield from self._rows(el)


def _cell_parts(cell) -> list[str]:
    parts: list[str] = []
    for el in cell.children:
        if el.tag in _TEXT_BLOCKS:
            parts.append(_text(el))
        elif el.tag in _CONTAINERS:
            parts.extend(_cell_parts(el))
        elif el.tag == "table:table":  # nested table: its rows as tab-separated text
            inner = _Collector()
            inner.table(el)
            parts.extend(line.text for line in inner.lines)
    return parts


def read_odt(data: bytes) -> Extracted:
    doc = open_odf(io.BytesIO(data))
    if doc.get_type() not in ("text", "text-template"):
        raise Unsupported("這是 ODF 的試算表、簡報或其他文件，不是文字文件（.odt）。")
    c = _Collector()
    c.walk(doc.body)
    return Extracted(kind="odt", lines=tuple(c.lines), wrapped=False)
