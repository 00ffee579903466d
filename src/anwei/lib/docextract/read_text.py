"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, Big5 (cp950, then Big5-HKSCS).

A tab separates the cells of a table row, as in text copied out of a table."""

from __future__ import annotations

import re

from anwei.lib.docextract.model import Extracted, Line, Unsupported

_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters other than tab/CR/LF/FF: a few are noise, many mean binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name); Unsupported if the bytes are no text we know."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:4096]:
            raise Unsupported("這個檔案不是文字檔，也不是 PDF、Word（.docx）或 ODT 檔，無法讀取。")
        candidates = ["utf-8", "cp950", "big5hkscs"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text, {"utf-8-sig": "utf-8", "cp950": "big5"}.get(enc, enc)
    raise Unsupported("無法辨識這個檔案：它不是 PDF、Word（.docx）或 ODT，也不是 UTF-8 或 Big5 編碼的文字檔。")


# What documents of Taiwanese agencies are written in: ASCII, Latin-1 punctuation, general
# punctuation and symbols, CJK ideographs (with extension A), bopomofo, CJK punctuation, full-width
# forms. Bytes of another encoding, or none, decode mostly to other code points.
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u27ff\u2e80-\u9fff\uf900-\ufaff"
                        "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]")


def _looks_like_text(text: str) -> bool:
    sample = text[:200_000]
    if not sample:
        return True
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        return False
    return len(_PLAUSIBLE.findall(sample)) >= 0.95 * len(sample)


def read_text(data: bytes) -> Extracted:
    text, encoding = decode(data)
    text = text.replace("\x0c", "\n")  # pdftotext marks page breaks with a form feed
    lines = tuple(Line(no=i, cells=tuple(raw.split("\t"))) for i, raw in enumerate(_BREAK.split(text), start=1))
    return Extracted(kind="text", lines=lines, wrapped=True, encoding=encoding)
