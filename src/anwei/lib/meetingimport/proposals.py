"""提案: 案號, 提案單位, 案由, 說明, 辦法, 決議 — from a 提案討論表 (cells, or lines as in seed 000,
where one line can hold two labels: 「案號 第1案 提案單位 秘書室」) or from the minutes'
「提案單位：…」 lines. What follows a packet's table (a draft rule, a form) is the proposal's
attachment text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anwei.lib.meetingimport.draft import Field, ProposalDraft, Source
from anwei.lib.meetingimport.rows import LABEL, Row, cell_text, ends_sentence, join_wrapped, squash, tidy
from anwei.lib.meetingimport.when import cn_int

_NAMES = {"案號": "number", "案次": "number", "提案單位": "unit", "提案人": "unit", "案由": "subject",
          "說明": "explanation", "辦法": "method", "擬辦": "method", "決議": "resolution", "決定": "resolution"}
_SPACED = "|".join(r"\s*".join(name) for name in _NAMES)
_LABEL_AT = re.compile(rf"(?:^|(?<=\s))({_SPACED})(?=\s*[:：]|\s|$)\s*[:：]?\s*")
_NUMBER = re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*案")
_HEADING_NUMBER = re.compile(r"^(?:提案|臨時動議|第)\s*([\d一二三四五六七八九十]+)\s*(?:案)?[:：]?$")
FIELDS = ("number", "unit", "subject", "explanation", "method", "resolution")


@dataclass
class Labelled:
    values: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    rest: list[Row] = field(default_factory=list)  # rows after the resolution
    resolution_row: Row | None = None

    def add(self, name: str, text: str, row: int) -> None:
        if name not in self.values:
            self.values[name] = []
            self.rows[name] = []
            self.order.append(name)
        if text.strip():
            self.values[name].append(text)
        self.rows[name].append(row)


def label_name(text: str) -> str | None:
    return _NAMES.get(squash(text).rstrip(":："))


def split_labels(text: str) -> list[tuple[str | None, str]]:
    """「案號 第1案 提案單位 秘書室」 → [(number, 第1案), (unit, 秘書室)]; text before a label → (None, …)."""
    out: list[tuple[str | None, str]] = []
    matches = list(_LABEL_AT.finditer(text))
    if not matches or matches[0].start() > 0:
        out.append((None, text[: matches[0].start()] if matches else text))
    for m, nxt in zip(matches, matches[1:] + [None]):
        out.append((_NAMES[squash(m.group(1))], text[m.end(): nxt.start() if nxt else len(text)].strip()))
    return out


def read_labelled(rows: list[Row], *, resolution_takes_following: bool) -> Labelled:
    """The label-value pairs of one proposal. Unlabelled text after a label continues its value;
    after 決議 it continues only a sentence cut by the page width, unless the resolution is
    written on the lines below its label (minutes: 「決議：」 then 一、… 二、…)."""
    out = Labelled()
    current: str | None = None
    for i, row in enumerate(rows):
        if current == "resolution" and not _continues_resolution(out, row, resolution_takes_following):
            out.rest = rows[i:]
            break
        pieces = _row_pieces(row)
        for name, text in pieces:
            if name is None:
                if current and text.strip():
                    out.add(current, text, row.no)
                continue
            current = name
            out.add(name, text, row.no)
            if name == "resolution":
                out.resolution_row = row
    return out


def _row_pieces(row: Row) -> list[tuple[str | None, str]]:
    if row.is_row:
        pieces: list[tuple[str | None, str]] = []
        for c in row.cells:
            name = label_name(c)
            pieces.append((name, "") if name else (None, c))
        return pieces
    return split_labels(row.text)


def _continues_resolution(out: Labelled, row: Row, takes_following: bool) -> bool:
    if any(name for name, _ in _row_pieces(row)):
        return False  # another label (a second table in the same section)
    if out.resolution_row is not None and out.resolution_row.is_row:
        # a table's 決議 row ends with the row; a row with an empty first cell is its continuation
        return row.is_row and not squash(row.cells[0])
    parts = out.values.get("resolution", [])
    if not parts:
        return takes_following
    return not ends_sentence(parts[-1]) and not LABEL.match(row.text)


def proposal_from(rows: list[Row], wrapped: bool, *, kind: str = "regular",
                  resolution_takes_following: bool = False, attachments: bool = True) -> ProposalDraft:
    heading_number = None
    for row in rows[:3]:
        m = _HEADING_NUMBER.match(row.flat)
        if m:
            heading_number = cn_int(m.group(1))
            if row.flat.startswith("臨時動議"):
                kind = "extempore"
            break
    lab = read_labelled(rows, resolution_takes_following=resolution_takes_following)
    src = Source.span([r.no for r in rows], " ".join(r.text for r in rows[:6]))
    p = ProposalDraft(source=src)
    for name in FIELDS:
        if name not in lab.values:
            continue
        raw = lab.values[name]
        value = tidy(join_wrapped([cell_text(v, wrapped) for v in raw])) if wrapped else tidy("\n".join(raw))
        fsrc = Source.span(lab.rows[name], value or name)
        if name == "number":
            m = _NUMBER.search(squash(value))
            if "臨時動議" in value:
                kind = "extempore"
            if m:
                p.number = Field(cn_int(m.group(1)), fsrc)
            continue
        setattr(p, name, Field(value, fsrc))
    if p.number.value is None and heading_number is not None:
        p.number = Field(heading_number, src)
    p.kind = Field(kind, src)  # type: ignore[arg-type]
    attachment = lab.rest if attachments else []
    if attachment:
        text = "\n".join(r.text for r in attachment)
        p.attachment_text = Field(tidy(text), Source.span([r.no for r in attachment], text))
    return p
