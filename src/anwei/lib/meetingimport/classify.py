"""Which kind of document this is: a meeting packet (會議資料), minutes (會議紀錄), or something
else — a special security plan, an official letter — that must not be imported as a meeting.

Only the title region and the section titles count: a plan saying 「適時召開安全維護會報」 in its
body (seed 003) is still a plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from anwei.lib.meetingimport.rows import LABEL, Row

Kind = Literal["packet", "minutes", "plan", "letter", "unknown"]

_TITLE_ZONE = 40  # rows: a cover page, or the minutes' title and header fields
_MEETING = re.compile(r"安全(維護)?(工作)?會報")
_MINUTES_TITLE = re.compile(r"會議(紀|記)錄|會報(紀|記)錄")
_PACKET_MARKS = ("會議資料", "程序表", "提案討論表", "示事項辦理情形", "示事項執行情形")
_HEADER_FIELD = re.compile(r"^(時間|地點|主席|主持人|記錄|紀錄|出席)[:：]")
_LETTER_FIELDS = ("發文字號", "受文者", "發文日期", "主旨")
_PLAN_TITLE = re.compile(r"(專案)?安全維護(工作)?計畫|維護計畫|實施計畫")

_NAMES = {"plan": "專案安全維護計畫", "letter": "公文（函）", "unknown": "無法辨識的文件"}


@dataclass(frozen=True)
class Classification:
    kind: Kind
    title: str  # the line that decided it, for the message

    @property
    def is_meeting(self) -> bool:
        return self.kind in ("packet", "minutes")

    def message(self) -> str:
        if self.is_meeting:
            return ""
        what = _NAMES[self.kind]
        seen = f"（標題：「{self.title}」）" if self.title else ""
        return (f"這份文件看來是{what}{seen}，不是安全維護會報的會議資料或會議紀錄，無法匯入為會議。"
                "請上傳會議資料（含程序表、裁示事項辦理情形、提案討論表）或會議紀錄。")


def _short(row: Row, limit: int = 60) -> bool:
    flat = row.flat
    return len(flat) <= limit and not LABEL.match(flat)


def classify(rows: list[Row]) -> Classification:
    head = rows[:_TITLE_ZONE]
    titles = [r for r in head if not r.is_row and _short(r)]
    meeting_titles = [r for r in titles if _MEETING.search(r.flat)]
    if meeting_titles:
        title = meeting_titles[0].flat
        if any(_MINUTES_TITLE.search(r.flat) for r in meeting_titles):
            return Classification("minutes", next(r.flat for r in meeting_titles if _MINUTES_TITLE.search(r.flat)))
        short_rows = [r.flat for r in rows if not r.is_row and _short(r, 40)]
        if any(mark in flat for flat in short_rows for mark in _PACKET_MARKS):
            return Classification("packet", title)
        if sum(1 for r in head if _HEADER_FIELD.match(r.flat)) >= 2:
            return Classification("minutes", title)
    first = titles[0].flat if titles else ""
    if sum(1 for r in head if any(r.flat.startswith(f) for f in _LETTER_FIELDS)) >= 2 or any(
            re.fullmatch(r".{2,30}函", r.flat) for r in titles[:5]):
        return Classification("letter", next((r.flat for r in titles if r.flat.endswith("函")), first))
    plan = next((r.flat for r in titles if _PLAN_TITLE.search(r.flat)), None)
    if plan:
        return Classification("plan", plan)
    return Classification("unknown", first)
