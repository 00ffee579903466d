"""Unit names as documents print them, matched to an agency's units.

«本局秘書室», «秘書室» and «秘書單位» name one unit; «各科室» means all units; «污養科» may be the
agency's own short name for 污水養護工程科. The matcher takes the agency's unit names and the
aliases learned from earlier imports (what the officer chose for a name before) and answers
with a unit name, ALL_UNITS, or None — never a guess it cannot explain: `match_detail` says how
it matched, so a review screen can ask about the loose matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

ALL_UNITS = "*"  # 各科室, 各單位, 本府各處暨所屬各機關 …

How = Literal["alias", "exact", "all", "stem", "abbreviation"]

_OWN = r"(?:本局|本府|本所|本處|本署|本部|本會|本院|本校|本中心|本公所|本館|本隊|本分局|本機關)"
_SUFFIXES = ("單位", "中心", "辦公室", "室", "科", "處", "課", "組", "股", "隊", "站", "所", "局")
_GENERIC_SUFFIX = "單位"  # 秘書單位, 政風單位, 人事單位: the kind of unit, not its name
_ALL = re.compile(rf"^{_OWN}?(所屬)?各(級)?(科|室|處|課|組|股|單位|局|機關|科室|處室|課室|業務單位|一級單位)")
_SPACE = re.compile(r"[\s\u3000]+")
_TRIM = "，。、；：:,.;「」『』 "
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "台": "臺", "：": ":"})


@dataclass(frozen=True)
class UnitMatch:
    unit: str  # one of the agency's unit names, or ALL_UNITS
    how: How


def normalise(name: str, agency_names: Iterable[str] = ()) -> str:
    """The comparable form: no spaces, 台→臺, no 本局/本府 or agency-name prefix, no trailing marks."""
    s = _SPACE.sub("", name or "").translate(_FULLWIDTH).strip(_TRIM)
    for agency in sorted((a for a in agency_names if a), key=len, reverse=True):
        a = _SPACE.sub("", agency).translate(_FULLWIDTH)
        if s.startswith(a) and len(s) > len(a):
            s = s[len(a):]
            break
    s = re.sub(rf"^{_OWN}(?=.)", "", s)
    return s.strip(_TRIM)


def stem(name: str) -> str:
    """秘書室 → 秘書, 秘書單位 → 秘書: the name without the kind of unit."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def is_all_units(name: str) -> bool:
    return bool(_ALL.match(normalise(name)))


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


class UnitMatcher:
    def __init__(self, units: Iterable[str], aliases: Mapping[str, str] | None = None,
                 agency_names: Iterable[str] = ()) -> None:
        self.agency_names = tuple(agency_names)
        self.units = [u for u in dict.fromkeys(units) if u]
        self._by_norm = {normalise(u, self.agency_names): u for u in self.units}
        self._aliases: dict[str, str] = {}
        for raw, unit in (aliases or {}).items():
            if unit == ALL_UNITS or unit in self.units:
                self._aliases[normalise(raw, self.agency_names)] = unit

    def match(self, name: str) -> str | None:
        found = self.match_detail(name)
        return found.unit if found else None

    def match_detail(self, name: str) -> UnitMatch | None:
        key = normalise(name, self.agency_names)
        if not key:
            return None
        if key in self._aliases:
            return UnitMatch(self._aliases[key], "alias")
        if key in self._by_norm:
            return UnitMatch(self._by_norm[key], "exact")
        if _ALL.match(key):
            return UnitMatch(ALL_UNITS, "all")
        return self._by_stem(key) or self._by_abbreviation(key)

    def _by_stem(self, key: str) -> UnitMatch | None:
        # 秘書單位 → 秘書室; also 人事處 when the agency calls it 人事室 — but only if one unit fits.
        key_stem = stem(key)
        if key_stem == key or len(key_stem) < 2:
            return None
        fits = [u for norm, u in self._by_norm.items() if stem(norm) == key_stem]
        return UnitMatch(fits[0], "stem") if len(fits) == 1 else None

    def _by_abbreviation(self, key: str) -> UnitMatch | None:
        # 污養科 → 污水養護工程科: same first character, same kind, the rest in order — one unit only.
        if len(key) < 2 or key.endswith(_GENERIC_SUFFIX):
            return None
        fits = [u for norm, u in self._by_norm.items()
                if norm != key and norm[0] == key[0] and norm[-1] == key[-1] and len(norm) > len(key)
                and _subsequence(key, norm)]
        return UnitMatch(fits[0], "abbreviation") if len(fits) == 1 else None


@dataclass(frozen=True)
class UnitsCell:
    """A 主(協)辦單位 cell read apart: 秘書室（協辦：人事室、政風室）."""

    lead: str | None
    co: tuple[str, ...]
    all_units: bool


_CO_BRACKET = re.compile(r"[（(]\s*協\s*辦\s*(?:單\s*位)?\s*[:：]?\s*(.*?)[)）]")
_LEAD_LABEL = re.compile(r"主\s*辦\s*(?:單\s*位)?\s*[:：]\s*")
_CO_LABEL = re.compile(r"協\s*辦\s*(?:單\s*位)?\s*[:：]\s*")
_SPLIT = re.compile(r"[、，,;；/／\n]+|\s{1,}(?=\S)")


def _names(text: str) -> list[str]:
    return [n.strip(_TRIM) for n in _SPLIT.split(text) if n.strip(_TRIM)]


def split_units(text: str) -> UnitsCell:
    """The lead unit is the one named first (or after 主辦：); co-units follow 協辦 or come after it."""
    s = (text or "").strip()
    co: list[str] = []
    m = _CO_BRACKET.search(s)
    if m:
        co += _names(m.group(1))
        s = (s[: m.start()] + s[m.end():]).strip()
    m = _CO_LABEL.search(s)
    if m:
        co += _names(s[m.end():])
        s = s[: m.start()]
    s = _LEAD_LABEL.sub("", s)
    names = _names(s)
    if not names:
        return UnitsCell(None, tuple(co), False)
    lead, rest = names[0], names[1:]
    if is_all_units(lead) and not co and not rest:
        return UnitsCell(lead, (), True)
    return UnitsCell(lead, tuple(rest + co), is_all_units(lead))
