"""Numbers, ROC dates, times of day and meeting labels as the documents write them."""

from __future__ import annotations

import datetime as dt
import re

from anwei.lib.rocdate import ROC_OFFSET

_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGIT.update({"〇": 0, "○": 0, "兩": 2})

CN_NUMBER = "零〇一二三四五六七八九十百"
_DATE = re.compile(r"(?:中華民國|民國)?(\d{2,3})年(\d{1,2})月(\d{1,2})日")
_TIME_ZH = re.compile(r"(上午|下午|中午|晚上|早上|凌晨)?(\d{1,2})(?:時|點)(?:(\d{1,2})分|半)?")
_TIME_COLON = re.compile(r"(?<!\d)(\d{1,2})[:：](\d{2})(?!\d)")
_LABEL = re.compile(r"(\d{2,3})年(?:度)?第([\d一二三四五六七八九十]+)次")
_YEAR = re.compile(r"(\d{2,3})年(?:度)?")
_BETWEEN_DIGITS = re.compile(r"(?<!\d)\s+|\s+(?!\d)")


def cn_int(text: str) -> int | None:
    """12, 十二, 一百零五 → the number; None for anything else."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGIT and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGIT[c]
    return total + current


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_date(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None), or (None, why) when a date is written but does not exist, or (None, None)."""
    m = _DATE.search(squash(text))
    if not m:
        return None, None
    y, mo, d = (int(g) for g in m.groups())
    try:
        return dt.date(y + ROC_OFFSET, mo, d), None
    except ValueError:
        return None, f"日期「{m.group(0)}」不存在"


def find_times(text: str) -> list[dt.time]:
    """Times of day in reading order: 11時30分, 下午3時10分, 15:10. A time after 至 with no 上午/下午
    takes the one before it (下午3時至5時)."""
    s = _BETWEEN_DIGITS.sub("", text)  # 「下午 3 時」 → 下午3時, but 「11:30 11:35」 stays two times
    found: list[tuple[int, dt.time]] = []
    period = None
    for m in _TIME_ZH.finditer(s):
        period = m.group(1) or period
        t = _time(int(m.group(2)), int(m.group(3) or (30 if m.group(0).endswith("半") else 0)), period)
        if t:
            found.append((m.start(), t))
    for m in _TIME_COLON.finditer(s):
        t = _time(int(m.group(1)), int(m.group(2)), None)
        if t:
            found.append((m.start(), t))
    return [t for _, t in sorted(found, key=lambda p: p[0])]


def _time(hour: int, minute: int, period: str | None) -> dt.time | None:
    if period in ("下午", "晚上") and hour < 12:
        hour += 12
    elif period == "凌晨" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)


def meeting_label(text: str) -> tuple[int | None, int | None]:
    """(ROC year, 第N次) from 108年第2次, 108年度第二次; (105, None) from 105年安全維護會報."""
    s = squash(text)
    m = _LABEL.search(s)
    if m:
        return int(m.group(1)), cn_int(m.group(2))
    m = _YEAR.search(s)
    return (int(m.group(1)), None) if m else (None, None)
