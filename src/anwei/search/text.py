"""Chinese as people type it: the folding both the index and the query go through, the character tokens
the index is keyed by, the parsing of what was typed, and the highlighted snippet.

Folding: NFKC (Ａ＝A, １＝1, full-width punctuation), lower case, and every Chinese character to its
simplified form (OpenCC t2s, one character at a time). Folding to simplified rather than to traditional
because that direction is many-to-one: 銷毀 and 銷燬, 頭髮 and 頭發 meet, and a query typed in simplified
characters lands on the same key as the traditional text. Character by character, so that a record's
folded text lines up with its original and the snippet can highlight the very characters that matched.

Tokens: every single character and every overlapping pair of characters within a run of letters and
digits (門禁管制 → 門 禁 管 制 門禁 禁管 管制). A one-character query looks up its character, a longer one
all its pairs; the database returns the rows holding every token, and a LIKE on the folded text of those
few rows makes the match exact (a phrase, not pairs scattered). Trigram indexes (FTS5 trigram, pg_trgm)
cannot answer one- and two-character terms, which are most Chinese queries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY = 100  # characters of a query after folding
MAX_TERMS = 8
MAX_TOKENS = 48  # tokens sent to the index for one query


@lru_cache(maxsize=1)
def _t2s() -> dict[int, str]:
    """A str.translate table: traditional (and variant) character → simplified, for the CJK blocks."""
    import opencc

    chars = [chr(c) for c in range(0x3400, 0x4DC0)] + [chr(c) for c in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # the converter joined or split lines: fall back to one at a time
        conv = opencc.OpenCC("t2s")
        converted = [conv.convert(c) for c in chars]
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().translate(_t2s())


# Runs of letters and digits (str.isalnum: every L* and N* character, CJK Extension B included).
_RUN = re.compile(r"[^\W_]+")


def _runs(folded: str) -> list[str]:
    return _RUN.findall(folded)


def tokens(folded: str) -> list[str]:
    """The index keys of a folded text: its characters and adjacent pairs within runs, each once."""
    out: dict[str, None] = {}
    for run in _runs(folded):
        out.update(dict.fromkeys(run))
        out.update(dict.fromkeys(run[i:i + 2] for i in range(len(run) - 1)))
    return list(out)


def is_one_token(folded_term: str) -> bool:
    """A term the index answers exactly by itself: one character, or two in one run."""
    return len(folded_term) <= 2 and _runs(folded_term) == [folded_term]


def query_tokens(folded_term: str) -> list[str]:
    """What a term needs the index to hold: its pairs, or its character when a run is one long."""
    out: dict[str, None] = {}
    for run in _runs(folded_term):
        if len(run) == 1:
            out.setdefault(run, None)
        for i in range(len(run) - 1):
            out.setdefault(run[i:i + 2], None)
    return list(out)


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...] = ()  # folded; each must occur in the record's folded text
    tokens: tuple[str, ...] = ()  # index keys every match holds
    error: str = ""  # why the query cannot be used (shown to the person)
    text: str = ""

    @property
    def usable(self) -> bool:
        return bool(self.terms) and not self.error


_QUOTED = re.compile(r'"([^"]*)"')


def parse(raw: str) -> Query:
    """Several words mean AND; "a quoted phrase" is matched as written (after folding)."""
    raw = (raw or "").strip()
    if not raw:
        return Query(text=raw)
    folded = fold(raw).replace("“", '"').replace("”", '"').replace("「", '"').replace("」", '"')
    if len(folded) > MAX_QUERY:
        return Query(text=raw, error=f"查詢字串太長，請縮短至{MAX_QUERY}字以內。")
    terms: list[str] = []
    for match in _QUOTED.finditer(folded):
        phrase = " ".join(match.group(1).split())
        if phrase:
            terms.append(phrase)
    rest = _QUOTED.sub(" ", folded).replace('"', " ")
    terms.extend(rest.split())
    usable = []
    for term in terms:
        if query_tokens(term) and term not in usable:
            usable.append(term)
    if not usable:
        return Query(text=raw, error="查詢須包含文字或數字（符號與表情符號無法搜尋）。")
    if len(usable) > MAX_TERMS:
        return Query(text=raw, error=f"查詢的詞太多，請減少至{MAX_TERMS}個以內。")
    keys: dict[str, None] = {}
    for term in usable:
        for t in query_tokens(term):
            keys.setdefault(t, None)
    # Pairs beyond the cap only narrow further; the LIKE on each term keeps the match exact.
    return Query(terms=tuple(usable), tokens=tuple(list(keys)[:MAX_TOKENS]), text=raw)


@lru_cache(maxsize=1 << 16)
def _fold_char(c: str) -> str:
    return fold(c)


def _folded_with_map(text: str) -> tuple[str, list[int] | range]:
    """The folded text and, for each of its characters, the index of the original character. Folded a
    character at a time (cached: a result page folds every snippet's text), in C loops (map) where it can."""
    parts = list(map(_fold_char, text))
    folded = "".join(parts)
    sizes = set(map(len, parts))
    if sizes <= {1}:  # every character folds to one (full-width forms, simplified): the same places
        return folded, range(len(text))
    return folded, [i for i, part in enumerate(parts) for _ in part]


def _spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    folded, where = _folded_with_map(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            end = start + len(term) - 1
            spans.append((where[start], where[end] + 1))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, terms: tuple[str, ...]) -> SafeString:
    """The text with the matched words in <mark>, every other character escaped."""
    out, pos = [], 0
    for s, e in _spans(text, terms):
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def snippet(text: str, terms: tuple[str, ...], width: int = 90) -> SafeString:
    """About `width` characters of the text around its first match, matches highlighted."""
    text = " ".join(text.split())
    spans = _spans(text, terms)
    if not spans:
        piece = text[:width]
        return mark_safe(escape(piece) + ("…" if len(text) > width else ""))
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    body = highlight(text[start:end], terms)
    return mark_safe(("…" if start > 0 else "") + body + ("…" if end < len(text) else ""))
