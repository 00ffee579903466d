"""PDF with a text layer, with pdfplumber.

Why pdfplumber rather than pypdf: pypdf gives the text in drawing order only, so a table comes
out as a column of broken lines (seed 000 shows what that does to a directives table);
pdfplumber finds ruled tables from the drawn lines and gives each cell's text, and gives the
text outside them as positioned lines. It is slower (about 50 ms a page against 8 ms), which a
30-page packet read in the background can afford.

Tables are kept only where they have two columns or more: a frame drawn round a page or a
text block is found as a one-column "table" and is read as text instead.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from anwei.lib.docextract.model import Corrupt, Encrypted, Extracted, Line, NoTextLayer, TooLarge

_MARGIN = 0.09  # the top and bottom share of a page where running headers and footers sit
_CID = re.compile(r"\(cid:\d+\)")
_DIGITS = re.compile(r"\d+")


@dataclass
class _Item:
    top: float
    cells: tuple[str, ...]
    table: int | None
    edge: bool = False  # a text line in the top or bottom margin


def _open(data: bytes):
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
        pages = pdf.pages
    except Exception as exc:  # noqa: BLE001 — pdfminer raises many kinds on a damaged file
        # pdfplumber wraps pdfminer's error in PdfminerException: look at the cause as well
        if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in (exc, *exc.args)):
            raise Encrypted("此 PDF 已加密（需要密碼才能開啟），無法讀取。請提供未加密的 PDF，"
                            "或改上傳 Word/ODT 檔。") from None
        raise Corrupt("PDF 檔案已損毀或不完整，無法讀取。請重新轉出 PDF 後再上傳。") from None
    return pdf, pages


def _table_items(table, index: int) -> list[_Item]:
    items = []
    for row, texts in zip(table.rows, table.extract()):
        top = row.bbox[1]
        filled = [t for t in texts if t is not None]
        if len(filled) == 1 and texts[0] is not None:
            # A row merged across the whole table is a caption or a block of text caught
            # between ruled lines, not a row of cells.
            items.extend(_Item(top + i * 0.01, (part,), None) for i, part in enumerate((texts[0] or "").split("\n")))
        else:
            items.append(_Item(top, tuple(t or "" for t in texts), index))
    return items


def _closing_lines(page) -> list[float]:
    """Where vertical rules start and end. A row split by a page break is drawn without the
    rule that would close it (its bottom on this page, its top on the next); a horizontal
    line there gives pdfplumber the cell it would otherwise merge with its neighbours."""
    ys = {round(float(e[k]), 1) for e in page.edges if e.get("orientation") == "v" for k in ("top", "bottom")}
    return sorted(ys)[:400]


def _page_items(page, first_table: int) -> tuple[list[_Item], int]:
    found = page.find_tables({"explicit_horizontal_lines": _closing_lines(page)})
    tables = [t for t in found if t.rows and max(len(r.cells) for r in t.rows) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    items: list[_Item] = []
    for k, table in enumerate(tables):
        items.extend(_table_items(table, first_table + k))
    height = float(page.height) or 1.0
    for line in page.filter(outside).extract_text_lines(return_chars=False):
        edge = line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
        items.append(_Item(line["top"], (line["text"],), None, edge))
    items.sort(key=lambda it: it.top)
    return items, first_table + len(tables)


_PAGE_NUMBER = re.compile(r"頁|^\W*\d+\W*$|\d+\s*/\s*\d+")


def _running_key(text: str) -> str:
    """A page-number line compared with its numbers blanked (第1頁 and 第2頁 count as one); any other
    line as it is: a table caption near the top, 「…安全維護會報108年第2次會議」, is not the running
    header 「…安全維護會報109年第1次會議」 (the packet's own meeting) though only its digits differ."""
    return _DIGITS.sub("#", text) if _PAGE_NUMBER.search(text) else text


def _running_lines(pages: list[list[_Item]]) -> set[str]:
    """Header and footer lines: in a page margin on at least half of the pages (and two)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for items in pages:
        counts.update({_running_key(it.cells[0]) for it in items if it.edge})
    return {key for key, n in counts.items() if n >= max(2, (len(pages) + 1) // 2)}


def read_pdf(data: bytes, *, max_pages: int) -> Extracted:
    pdf, pages = _open(data)
    try:
        if len(pages) > max_pages:
            raise TooLarge(f"這份 PDF 有 {len(pages)} 頁，超過可匯入的上限 {max_pages} 頁。"
                           "請只上傳會議資料或會議紀錄本身（附件可另行上傳）。")
        per_page: list[list[_Item]] = []
        chars = 0
        blank_pages: list[int] = []
        tables = 0
        for number, page in enumerate(pages, start=1):
            try:
                n_chars = len(page.chars)
                items, tables = _page_items(page, tables) if n_chars else ([], tables)
            except Exception:  # noqa: BLE001 — one damaged page of a hostile file
                raise Corrupt(f"PDF 第 {number} 頁已損毀，無法讀取。請重新轉出 PDF 後再上傳。") from None
            finally:
                page.close()
            chars += n_chars
            if not n_chars:
                blank_pages.append(number)
            per_page.append(items)
    finally:
        pdf.close()
    return _assemble(per_page, chars, blank_pages)


def _assemble(per_page: list[list[_Item]], chars: int, blank_pages: list[int]) -> Extracted:
    if chars == 0:
        raise NoTextLayer("這份 PDF 沒有文字層（看來是掃描的影像），無法讀取文字。"
                          "請提供含文字層的 PDF（由 Word/ODT 直接轉出），或上傳 Word/ODT 檔；本系統不做文字辨識（OCR）。")
    running = _running_lines(per_page)
    lines: list[Line] = []
    for page_no, items in enumerate(per_page, start=1):
        for it in items:
            if it.table is None and it.edge and _running_key(it.cells[0]) in running:
                continue
            lines.append(Line(no=len(lines) + 1, cells=it.cells, table=it.table, page=page_no))
    text = "".join("".join(line.cells) for line in lines)
    if text and len(_CID.findall(text)) * 6 > len(text) / 4:
        raise NoTextLayer("這份 PDF 的文字無法解讀（字型缺少文字對應表），請由原始檔重新轉出 PDF，或上傳 Word/ODT 檔。")
    notes = ()
    if blank_pages and len(blank_pages) < len(per_page):
        listed = "、".join(str(n) for n in blank_pages[:10]) + ("…" if len(blank_pages) > 10 else "")
        notes = (f"第 {listed} 頁沒有文字層（可能是掃描影像），這些頁的內容未讀取。",)
    return Extracted(kind="pdf", lines=tuple(lines), wrapped=True, pages=len(per_page), notes=notes)
