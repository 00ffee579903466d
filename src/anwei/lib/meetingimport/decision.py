"""是否列管: which of 繼續列管 / 解除列管 is marked in a directive's cell.

A box belongs to the word after it (□繼續列管 ■解除列管). Converters sometimes scatter the boxes:
seed 001 prints 「□ 繼續 ■ 列管 ■ 解除 □ 列管」, a box before each half of each phrase. The box
before 繼續 or 解除 decides; if neither is marked, a mark elsewhere in one phrase only decides,
with a warning, since the mark is not where the form puts it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from anwei.lib.meetingimport.draft import Decision

_UNCHECKED = "☐❏❑❒▢□"
_CHECKED = "☑☒▣◼■✔✓√✅"
_GLYPHS = str.maketrans({**{c: "□" for c in _UNCHECKED}, **{c: "■" for c in _CHECKED}})
_V_MARK = re.compile(r"[Vv](?=(繼續|解除))")
_TOKENS = re.compile(r"[□■]|繼續|解除|列管")
_NAMES = {"continue": "繼續列管", "release": "解除列管"}


@dataclass(frozen=True)
class Marked:
    decision: Decision | None
    warning: str | None = None  # set when the marks allow a reading but not a sure one
    boxes: bool = False  # the cell has check boxes at all


def read_decision(text: str) -> Marked:
    flat = _V_MARK.sub("■", re.sub(r"\s+", "", text or "").translate(_GLYPHS))
    tokens = _TOKENS.findall(flat)
    if "□" not in tokens and "■" not in tokens:
        return _words_only(tokens)
    keyed: dict[str, bool] = {}
    marks: dict[str, list[bool]] = {"continue": [], "release": []}
    group: str | None = None
    box: bool | None = None
    for tok in tokens:
        if tok in "□■":
            box = tok == "■"
        elif tok in ("繼續", "解除"):
            group = "continue" if tok == "繼續" else "release"
            keyed[group] = bool(box)
            marks[group].append(bool(box))
            box = None
        else:  # 列管
            if group and box is not None:
                marks[group].append(box)
            box = None
    if box and group:  # a box after the last word: 「繼續列管 □ 解除列管 ■」
        marks[group].append(True)
    return _decide(keyed, marks)


def _words_only(tokens: list[str]) -> Marked:
    has_c, has_r = "繼續" in tokens, "解除" in tokens
    if has_c and not has_r:
        return Marked("continue")
    if has_r and not has_c:
        return Marked("release")
    if has_c and has_r:
        return Marked(None, "同時寫有「繼續列管」與「解除列管」，沒有勾選，無法判斷")
    return Marked(None)


def _decide(keyed: dict[str, bool], marks: dict[str, list[bool]]) -> Marked:
    chosen = [g for g in ("continue", "release") if keyed.get(g)]
    if len(chosen) == 2:
        return Marked(None, "「繼續列管」與「解除列管」都勾選了，無法判斷", boxes=True)
    if len(chosen) == 1:
        other = "release" if chosen[0] == "continue" else "continue"
        warn = None
        if any(marks[other]):
            warn = f"「{_NAMES[other]}」一側也有勾選記號，依「{_NAMES[chosen[0]]}」前的勾選判讀，請核對"
        return Marked(chosen[0], warn, boxes=True)  # type: ignore[arg-type]
    loose = [g for g in ("continue", "release") if any(marks[g])]
    if len(loose) == 1:
        return Marked(loose[0], f"勾選記號不在「{_NAMES[loose[0]][:2]}」前，依其所在的「{_NAMES[loose[0]]}」判讀，請核對",  # type: ignore[arg-type]
                      boxes=True)
    if len(loose) == 2:
        return Marked(None, "勾選記號位置不明確，無法判斷繼續或解除列管", boxes=True)
    return Marked(None, boxes=True)
