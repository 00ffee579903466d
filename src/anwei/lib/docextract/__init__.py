"""Text out of an uploaded document, framework-free: DOCX (python-docx), ODT (odfdo),
PDF with a text layer (pdfplumber), plain text (UTF-8 or Big5).

    extract(data, filename) -> Extracted        # or raises an ExtractError subclass

The result keeps table structure where the format has it: a table row is one Line whose
cells are the row's cells. Anything the file cannot give — no text layer, a password, damage,
another kind of file — raises an ExtractError whose str() is a Chinese message for the user;
no other exception leaves extract().
"""

from __future__ import annotations

from anwei.lib.docextract.model import (
    Corrupt,
    EmptyFile,
    Encrypted,
    Extracted,
    ExtractError,
    Line,
    NoTextLayer,
    TooLarge,
    Unsupported,
)
from anwei.lib.docextract.sniff import name_note, sniff

__all__ = ["extract", "Extracted", "Line", "ExtractError", "EmptyFile", "TooLarge", "Encrypted", "NoTextLayer",
           "Corrupt", "Unsupported", "MAX_BYTES", "MAX_PAGES", "MAX_CHARS"]

MAX_BYTES = 40 * 1024 * 1024
MAX_PAGES = 300
MAX_CHARS = 3_000_000  # about 1,500 pages of Chinese text


def extract(data: bytes, filename: str = "", *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES,
            max_chars: int = MAX_CHARS) -> Extracted:
    if not data or not data.strip():
        raise EmptyFile("檔案是空的，沒有可讀取的內容。")
    if len(data) > max_bytes:
        raise TooLarge(f"檔案大小 {len(data) / 1024 / 1024:.1f} MB，超過上限 {max_bytes // 1024 // 1024} MB。")
    kind = sniff(data)
    try:
        result = _read(kind, data, max_pages)
    except ExtractError:
        raise
    except RecursionError:
        raise Corrupt("檔案結構異常（巢狀過深），無法讀取。") from None
    except Exception:  # noqa: BLE001 — the libraries raise many kinds on a damaged file
        raise Corrupt(f"{_kind_name(kind)}檔案已損毀或不完整，無法讀取。請重新存檔後再上傳。") from None
    if sum(len(c) for line in result.lines for c in line.cells) > max_chars:
        raise TooLarge("文件文字過多，超過可匯入的上限。請只上傳會議資料或會議紀錄本身。")
    if not any(c.strip() for line in result.lines for c in line.cells):
        raise EmptyFile("文件裡沒有文字。")
    note = name_note(filename, kind)
    if note:
        result = _with_note(result, note)
    return result


def _read(kind: str, data: bytes, max_pages: int) -> Extracted:
    if kind == "pdf":
        from anwei.lib.docextract.read_pdf import read_pdf
        return read_pdf(data, max_pages=max_pages)
    if kind == "docx":
        from anwei.lib.docextract.read_docx import read_docx
        return read_docx(data)
    if kind == "odt":
        from anwei.lib.docextract.read_odt import read_odt
        return read_odt(data)
    from anwei.lib.docextract.read_text import read_text
    return read_text(data)


def _kind_name(kind: str) -> str:
    from anwei.lib.docextract.sniff import kind_zh
    return kind_zh(kind)


def _with_note(result: Extracted, note: str) -> Extracted:
    from dataclasses import replace
    return replace(result, notes=(*result.notes, note))
