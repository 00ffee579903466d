"""ROC (民國) calendar dates: formatting and lenient-but-strict parsing.

民國年 = 西元年 − 1911. Parsing accepts the forms people type in Taiwanese
offices (113/2/5, 113年2月5日, 中華民國113年2月5日, 1130205, 113.2.5, 113-2-5)
and ISO dates (2024-02-05); anything else raises RocDateError with a Chinese message.
"""

from __future__ import annotations

import datetime as dt
import re

ROC_OFFSET = 1911
WEEKDAYS = "一二三四五六日"


class RocDateError(ValueError):
    pass


def roc_year(d: dt.date) -> int:
    return d.year - ROC_OFFSET


def weekday_zh(d: dt.date) -> str:
    """星期三 for a Wednesday."""
    return "星期" + WEEKDAYS[d.weekday()]


def format_long(d: dt.date) -> str:
    """中華民國108年11月12日 — the form official letters use."""
    return f"中華民國{roc_year(d)}年{d.month}月{d.day}日"


def format_short(d: dt.date) -> str:
    """108年11月12日."""
    return f"{roc_year(d)}年{d.month}月{d.day}日"


def format_with_weekday(d: dt.date) -> str:
    """108年10月2日(星期三) — as the seeds' agenda headers write it."""
    return f"{format_short(d)}({weekday_zh(d)})"


def format_slash(d: dt.date) -> str:
    """108/10/02."""
    return f"{roc_year(d):03d}/{d.month:02d}/{d.day:02d}"


def format_compact(d: dt.date) -> str:
    """1081002 — the seven-digit form used in 文號 and file names."""
    return f"{roc_year(d):03d}{d.month:02d}{d.day:02d}"


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ROC_SEP = re.compile(r"^(?:中華民國|民國)?\s*(\d{1,3})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$")
_ROC_COMPACT = re.compile(r"^(\d{2,3})(\d{2})(\d{2})$")

_HELP = "例如 113/2/5、113年2月5日、1130205 或 2024-02-05"


def parse(text: str) -> dt.date:
    """Parse a date typed by a person; raise RocDateError (Chinese message) if it is not one."""
    if text is None:
        raise RocDateError(f"請輸入日期，{_HELP}。")
    s = _normalise(text)
    if not s:
        raise RocDateError(f"請輸入日期，{_HELP}。")
    m = _ISO.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return _build(y, mo, d, text)
    m = _ROC_SEP.match(s) or _ROC_COMPACT.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if y < 1:
            raise RocDateError(f"民國年份必須大於 0：「{text}」。")
        return _build(y + ROC_OFFSET, mo, d, text)
    raise RocDateError(f"無法辨識的日期「{text}」，請輸入{_HELP}。")


def _normalise(text: str) -> str:
    # Full-width digits and slashes come in from Chinese input methods.
    table = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
    table.update({ord("／"): "/", ord("－"): "-", ord("．"): ".", ord("　"): " "})
    return str(text).translate(table).strip()


def _build(y: int, mo: int, d: int, original: str) -> dt.date:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise RocDateError(f"日期「{original}」不存在，請檢查年月日。") from None
