"""Text that every output format can hold: XML 1.0 forbids most control characters and
lone surrogates, and all formats want one kind of line break."""

from __future__ import annotations

import re

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Drop characters XML cannot hold, turn CR/CRLF and vertical tab into "\\n"."""
    if not text:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _BAD.sub("", text)


def lines(text: str | None) -> list[str]:
    return clean(text).split("\n")


def enclosure_line(e) -> str:
    """How formats that cannot hold an enclosed file name it: 「名稱（說明）」."""
    name = clean(e.name)
    return f"{name}（{clean(e.note)}）" if e.note else name
