"""Free text as official numbered items: a line that starts with 壹、 一、 （一） 1、 or （1） is an
item at that level, laid out with its label hanging; the lines below it are its paragraphs,
indented to the item's text with 2 characters more on the first line (段首空兩格), as seed 000
lays out its work report. The numbers are kept as typed (a report quotes them); `renumber=True`
numbers every level in order instead.

    一、公務員赴大陸地區管理機制宣導          → Numbered(2, 1, …)
    兩岸人民關係條例…                        → Paragraph(indent=2, first_line_indent=2)
    (一) 公務員赴陸為事先申請許可制…         → Numbered(3, 1, …)
    1.全面檢討網路及系統安全性：             → Numbered(4, 1, …)
    (1)立即協調資訊單位…                     → Numbered(5, 1, …)
    【實際案例】                              → Paragraph(indent=…), no first-line indent

A line wrapped in the middle of a sentence by the person who typed it (a PDF's text pasted in) is
joined to the line above when that line does not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anwei.documents import layout as L
from anwei.documents.model import Numbered, Paragraph
from anwei.lib import zhnum

_ZH = "零一二三四五六七八九十百"
_CAP = "零壹貳參肆伍陸柒捌玖拾佰"
# (level, pattern with the numeral as group 1): 壹、 一、 （一） 1、 （1）
PATTERNS = [
    (1, re.compile(rf"^([{_CAP}]+)\s*[、．.]\s*")),
    (2, re.compile(rf"^([{_ZH}]+)\s*[、．.]\s*")),
    (3, re.compile(rf"^[（(]\s*([{_ZH}]+)\s*[）)]\s*")),
    (4, re.compile(r"^([0-9０-９]{1,3})\s*[、．.]\s*(?![0-9０-９])")),
    (5, re.compile(r"^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*")),
]
_SENTENCE_END = tuple("。：:！？；」）)】》")


def numeral(text: str) -> int:
    """一 → 1, 十五 → 15, 二十一 → 21, 壹拾 → 10, ３ → 3 (0 when it is not a numeral)."""
    text = text.translate(str.maketrans("０１２３４５６７８９壹貳參肆伍陸柒捌玖拾佰", "0123456789一二三四五六七八九十百"))
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


@dataclass
class Item:
    level: int | None  # None: a paragraph
    number: int
    text: str


def split_label(line: str) -> tuple[int | None, int, str]:
    s = line.strip()
    for level, pattern in PATTERNS:
        m = pattern.match(s)
        if m:
            n = numeral(m.group(1))
            if n > 0 and s[m.end():].strip():
                return level, n, s[m.end():].strip()
    return None, 0, s


def parse(text: str, *, renumber: bool = False, join_wrapped: bool = False) -> list[Item]:
    items: list[Item] = []
    counters = {k: 0 for k in range(1, 6)}
    for raw in (text or "").splitlines():
        if not raw.strip():
            continue
        level, number, body = split_label(raw)
        if level is None:
            prev = items[-1] if items else None
            if join_wrapped and prev is not None and prev.text and not prev.text.endswith(_SENTENCE_END) \
                    and not body.startswith("【"):
                prev.text += body
            else:
                items.append(Item(None, 0, body))
            continue
        if renumber:
            counters[level] += 1
            for deeper in range(level + 1, 6):
                counters[deeper] = 0
            number = counters[level]
        items.append(Item(level, number, body))
    return items


def blocks(text: str, *, base_level: int = 0, renumber: bool = False, size: str = "normal",
           join_wrapped: bool = False) -> list:
    """Numbered items and paragraphs for free text. base_level shifts every level down (a plan's
    section is itself 壹、, so its 一、 stays level 2)."""
    out: list = []
    text_left = 0.0  # where the current item's text starts (em)
    for item in parse(text, renumber=renumber, join_wrapped=join_wrapped):
        if item.level is None:
            bracket = item.text.startswith("【")
            out.append(Paragraph(item.text, indent=round(text_left), first_line_indent=0 if bracket else 2,
                                 size=size))
            continue
        level = min(5, item.level + base_level)
        n = Numbered(level, item.number, item.text, size=size)
        out.append(n)
        text_left, _ = L.hanging(level, n.label)
    return out


def labelled(text: str, *, renumber: bool = False) -> list[tuple[str, str, int]]:
    """(label, text, level) per item, for formats that nest items (the 電子公文 .di)."""
    return [(zhnum.label(i.level, i.number) if i.level else "", i.text, i.level or 0)
            for i in parse(text, renumber=renumber, join_wrapped=True)]
