"""The numbering convention of section texts.

A section's text is lines. A line that starts with a label is an item at that label's
level; the system renumbers every level in order, so the officer never renumbers by hand:

    一、 or 1. at the start of a top item     → 一、   (level 2; 壹、 is the section itself)
    （一） or (一) or (1) … inside it          → （一） (level 3)
    1、                                        → 1、    (level 4)
    （1） with Arabic digits under a 1、 item   → （1）  (level 5)

Any Chinese or Arabic numeral works as the label (the number typed is ignored). A line
without a label continues the item above (or is a plain paragraph if there is none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anwei.documents.outline import PATTERNS as LABEL_PATTERNS
from anwei.lib import zhnum

HELP_TEXT = ("每行一項。行首寫「一、」「（一）」「1、」「（1）」表示層級（數字可隨意，系統會依序重新編號；"
             "也可寫「1.」表示「一、」）；沒有編號的行接續上一項，或成為一般段落。")

# The official labels (documents.outline), except that "1." here means 一、 (a plan's top item).
_PATTERNS = [(2, re.compile(r"^[0-9０-９]+\s*[.．]\s*(?!\d)"))] + [(lvl, p) for lvl, p in LABEL_PATTERNS if lvl > 1]


@dataclass(frozen=True)
class Line:
    level: int | None  # None: a plain paragraph
    number: int
    text: str

    @property
    def label(self) -> str:
        return zhnum.label(self.level, self.number) if self.level else ""


def _split(line: str) -> tuple[int | None, str]:
    s = line.strip().lstrip("-•・ ")
    for level, pattern in _PATTERNS:
        m = pattern.match(s)
        if m:
            return level, s[m.end():].strip()
    return None, s


def outline_parse(text: str) -> list[Line]:
    """Items with their renumbered labels. Continuation lines are joined to the item above."""
    out: list[Line] = []
    counters = {2: 0, 3: 0, 4: 0, 5: 0}
    for raw in (text or "").splitlines():
        if not raw.strip():
            continue
        level, body = _split(raw)
        if level is None:
            if out:
                last = out[-1]
                out[-1] = Line(last.level, last.number, last.text + body)
            else:
                out.append(Line(None, 0, body))
            continue
        # A 1、 list with (1) children only makes sense below it; (1) at top becomes (一).
        if level == 5 and counters[4] == 0:
            level = 3
        counters[level] += 1
        for deeper in range(level + 1, 6):
            counters[deeper] = 0
        out.append(Line(level, counters[level], body))
    return out


def outline_render(text: str) -> str:
    """The text with its labels normalised, as plain lines (for previews and spreadsheets)."""
    return "\n".join(f"{ln.label}{ln.text}" for ln in outline_parse(text))


@dataclass(frozen=True)
class PlanLine:
    """A numbered line of a plan with where it stands in the whole plan, as people cite it: 陸、三、（三）."""

    path: str
    text: str


def plan_lines(sections: list[dict]) -> list[PlanLine]:
    """Every numbered line of the plan's sections (壹、 is the section's place, as in the document)."""
    out: list[PlanLine] = []
    for n, section in enumerate(sections, start=1):
        head = zhnum.label(1, n)
        above: dict[int, str] = {}
        for line in outline_parse(section.get("body", "")):
            if not line.level:
                continue
            above = {lvl: lab for lvl, lab in above.items() if lvl < line.level} | {line.level: line.label}
            out.append(PlanLine(head + "".join(above[lvl] for lvl in sorted(above)), line.text))
    return out
