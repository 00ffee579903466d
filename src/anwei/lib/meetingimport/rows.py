"""The document as rows the parser reads: markup left by converters removed, check boxes as □/■,
and the helpers that put text broken by a PDF's columns back together.

Spacing is left as it is in rows (the broken agenda of seed 000 needs the spaces to tell a title
from its presenter); values are tidied when they are taken out (tidy())."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anwei.lib.docextract.model import Extracted, Line

CHECKED, UNCHECKED = "■", "□"

_INPUT = re.compile(r"<input\b[^>]*>", re.I)
_PARA_BREAK = re.compile(r"</p>\s*<p\b[^>]*>|<br\s*/?>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,200}>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_MD_RULE = re.compile(r"^:?-{2,}:?$")
_PAGE_NO = re.compile(r"^(第\s*\d+\s*頁\s*[，,]?\s*(共\s*\d+\s*頁)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+)$")
_SPACE = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b]+")
# PDF text often carries look-alike code points for common characters: compatibility ideographs
# (年 U+F98E in seed 000) and Kangxi radicals (⽉ U+2F49 for 月). NFKC maps them to the usual ones;
# it is applied to these blocks only, as it would also turn （） and full-width digits into ASCII.
_LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")

# CJK ideographs, CJK punctuation and full-width forms: text that a justified PDF line spaces out.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2010-\u206f\u25a0-\u25ff"
_TIGHT = f"[{_CJK}0-9()\\[\\]]"
_GAP = re.compile(f"({_TIGHT})[ \\u00a0\\u3000]+(?={_TIGHT})")

# The official numbering that starts an item: 壹、 一、 （一） 1、 1. （1）
LABEL = re.compile(r"^\s*(?:[壹貳參肆伍陸柒捌玖拾]+、|[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[)）]"
                   r"|\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[)）])")
_SENTENCE_END = "。！？!?"
_SOFT_NEWLINE = re.compile(r"(?<=[。！？；])\s+(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]))")


@dataclass(frozen=True)
class Row:
    no: int  # the source line number
    cells: tuple[str, ...]
    table: int | None = None

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def flat(self) -> str:
        """All text without spaces: what keyword tests compare against."""
        return squash("".join(self.cells))

    @property
    def is_row(self) -> bool:
        """A table row (several cells), as opposed to a line of running text."""
        return self.table is not None or len(self.cells) > 1


def cell_at(row: Row, columns: dict[str, int], name: str) -> str:
    """The cell of a named column ("" if the table has no such column or the row is short)."""
    i = columns.get(name)
    return row.cells[i] if i is not None and i < len(row.cells) else ""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def clean_cell(text: str) -> str:
    text = _LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if "<" in text:
        text = _INPUT.sub(lambda m: CHECKED if re.search(r"\bchecked\b", m.group(0), re.I) else UNCHECKED, text)
        text = _PARA_BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("**", "")
    out = []
    for part in text.split("\n"):
        part = _MD_BULLET.sub("", _MD_HEADING.sub("", part))
        out.append(_SPACE.sub(" ", part).strip())
    return "\n".join(out).strip("\n")


def rows_of(source: Extracted | str | Sequence[str]) -> tuple[list[Row], bool]:
    """(rows, wrapped): the cleaned rows without blank lines, page numbers and markdown rules."""
    if isinstance(source, Extracted):
        lines: Iterable[Line] = source.lines
        wrapped = source.wrapped
    else:
        # only CR/LF end a line, as in docextract's text reader, so line numbers agree
        raw = re.split(r"\r\n|\r|\n", source) if isinstance(source, str) else list(source)
        lines = (Line(no=i, cells=tuple(str(s).split("\t"))) for i, s in enumerate(raw, start=1))
        wrapped = True
    rows = []
    for line in lines:
        cells = tuple(clean_cell(c) for c in line.cells)
        while len(cells) > 1 and not cells[-1]:
            cells = cells[:-1]
        joined = "".join(cells)
        if not joined.strip():
            continue
        if all(_MD_RULE.match(c.strip()) for c in cells if c.strip()):
            continue
        if len(cells) == 1 and _PAGE_NO.match(cells[0]):
            continue
        rows.append(Row(line.no, cells, line.table))
    return rows, wrapped


def tidy(text: str | None) -> str:
    """A value as it should be kept: single spaces, none inside Chinese text (a justified PDF
    line spaces every character out: 「簽 到」), each line stripped."""
    if not text:
        return ""
    lines = []
    for line in _SOFT_NEWLINE.sub("\n", text).split("\n"):
        line = _SPACE.sub(" ", line).strip()
        lines.append(_GAP.sub(_close_gap, line))
    return "\n".join(line for line in lines if line)


def _close_gap(m: re.Match) -> str:
    # keep the space between two numbers (11:30 11:35) and between two ASCII characters
    before, after = m.group(1), m.string[m.end()]
    return before + (" " if before.isascii() and after.isascii() else "")


def join_wrapped(parts: Sequence[str]) -> str:
    """Lines that a narrow column or a page broke, back into paragraphs: joined without a space
    (Chinese has none), with a space between two Latin words, and with a new line where a line
    ended a sentence (a paragraph may end there; if it did not, the new line costs nothing)."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif out[-1] in _SENTENCE_END:
            out += "\n" + part
        elif out[-1].isascii() and out[-1].isalpha() and part[0].isascii() and part[0].isalnum():
            out += " " + part
        else:
            out += part
    return out


def cell_text(text: str, wrapped: bool) -> str:
    """A cell's value: its lines joined as wrapped text, or kept as the author's paragraphs."""
    if wrapped:
        return tidy(join_wrapped(text.split("\n")))
    return tidy(text)


def width(text: str) -> float:
    """Printed width in full-width characters (Latin letters and digits count half)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text if not ch.isspace())


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in _SENTENCE_END
