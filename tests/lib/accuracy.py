"""Field-by-field comparison of a MeetingDraft with expected values, and the accuracy table.

Expected values are plain Python values, or:
  Hashed(h)      — a person's name: compared by hash, so no real name is written in the repo;
  Text(start, end) — a long text: compared by its beginning and end (spaces ignored).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from anwei.lib.meetingimport import MeetingDraft


def name_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def _squash(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Hashed:
    digest: str

    def matches(self, value: Any) -> bool:
        return isinstance(value, str) and name_hash(value) == self.digest


@dataclass(frozen=True)
class Text:
    start: str
    end: str

    def matches(self, value: Any) -> bool:
        return isinstance(value, str) and _squash(value).startswith(_squash(self.start)) \
            and _squash(value).endswith(_squash(self.end))


def _same(value: Any, expected: Any) -> bool:
    if isinstance(expected, (Hashed, Text)):
        return expected.matches(value)
    return value == expected


@dataclass
class Check:
    group: str  # meeting, agenda, directives.text …
    path: str
    ok: bool
    got: Any
    expected: Any


def compare(draft: MeetingDraft, expected: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    for name, want in expected.get("meeting", {}).items():
        got = draft.kind if name == "kind" else getattr(draft, name).value
        checks.append(Check("meeting", name, _same(got, want), got, want))
    for part in ("agenda", "directives", "reports", "proposals", "rulings"):
        if part not in expected:
            continue
        items = getattr(draft, part)
        wanted = expected[part]
        checks.append(Check(f"{part}.count", f"len({part})", len(items) == len(wanted), len(items), len(wanted)))
        for i, fields in enumerate(wanted):
            item = items[i] if i < len(items) else None
            for name, want in fields.items():
                got = getattr(item, name).value if item is not None else "<missing>"
                checks.append(Check(f"{part}.{name}", f"{part}[{i}].{name}", _same(got, want), got, want))
    return checks


def rate(checks: list[Check]) -> float:
    return sum(c.ok for c in checks) / len(checks) if checks else 0.0


def table(title: str, checks: list[Check]) -> str:
    groups: dict[str, list[Check]] = {}
    for c in checks:
        groups.setdefault(c.group, []).append(c)
    lines = [f"{title}", f"{'field':<28}{'right':>7}{'of':>5}{'%':>8}"]
    for group, cs in groups.items():
        lines.append(f"{group:<28}{sum(c.ok for c in cs):>7}{len(cs):>5}{100 * rate(cs):>7.1f}%")
    lines.append(f"{'all fields':<28}{sum(c.ok for c in checks):>7}{len(checks):>5}{100 * rate(checks):>7.1f}%")
    wrong = [c for c in checks if not c.ok]
    for c in wrong[:20]:
        got = name_hash(c.got) if isinstance(c.expected, Hashed) and isinstance(c.got, str) else c.got
        lines.append(f"  ✗ {c.path}: got {str(got)[:60]!r}, expected {str(c.expected)[:60]!r}")
    return "\n".join(lines)
