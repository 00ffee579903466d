"""Three-way merge of texts by lines: what the records changed (base → theirs) is carried into what a
person edited (base → mine) wherever the two do not touch the same lines; where they do, the person's
lines are kept and the clash is returned, never resolved silently. Framework-free."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

Hunk = tuple[int, int, list[str]]  # base[lo:hi] becomes the lines


@dataclass
class Clash:
    base: list[str]
    mine: list[str]
    theirs: list[str]


@dataclass
class Change:
    removed: list[str]
    added: list[str]


def _hunks(base: list[str], other: list[str]) -> list[Hunk]:
    sm = SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


def changes(base: str, new: str) -> list[Change]:
    """What changed from base to new, hunk by hunk (for showing the records' changes)."""
    b, n = base.splitlines(), new.splitlines()
    sm = SequenceMatcher(None, b, n, autojunk=False)
    return [Change(b[i1:i2], n[j1:j2]) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


def _touch(a: Hunk, b: Hunk) -> bool:
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 < b2 and b1 < a2:
        return True
    return (a1 == a2 or b1 == b2) and a1 <= b2 and b1 <= a2


def _apply(base: list[str], lo: int, hi: int, hunks: list[Hunk]) -> list[str]:
    out, pos = [], lo
    for h1, h2, lines in sorted(hunks, key=lambda h: (h[0], h[1])):
        out += base[pos:h1]
        out += lines
        pos = h2
    return out + base[pos:hi]


def merge3(base: str, mine: str, theirs: str) -> tuple[str, list[Clash]]:
    b, m, t = base.splitlines(), mine.splitlines(), theirs.splitlines()
    tagged = [(h, "m") for h in _hunks(b, m)] + [(h, "t") for h in _hunks(b, t)]
    tagged.sort(key=lambda x: (x[0][0], x[0][1]))
    clusters: list[list[tuple[Hunk, str]]] = []
    for item in tagged:
        if clusters and any(_touch(item[0], other[0]) for other in clusters[-1]):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    out: list[str] = []
    clashes: list[Clash] = []
    pos = 0
    for cluster in clusters:
        lo = min(h[0] for h, _ in cluster)
        hi = max(h[1] for h, _ in cluster)
        out += b[pos:lo]
        mine_h = [h for h, side in cluster if side == "m"]
        theirs_h = [h for h, side in cluster if side == "t"]
        mine_v = _apply(b, lo, hi, mine_h)
        theirs_v = _apply(b, lo, hi, theirs_h)
        if not theirs_h or mine_v == theirs_v:
            out += mine_v
        elif not mine_h:
            out += theirs_v
        else:
            out += mine_v
            clashes.append(Clash(b[lo:hi], mine_v, theirs_v))
        pos = hi
    out += b[pos:]
    return "\n".join(out), clashes
