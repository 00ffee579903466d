"""The draft as plain values: what the review form shows and corrects, and what the import creates.

A stored draft (MeetingDraft.as_dict()) keeps each value with its source; `draft_values` keeps the
values alone (dates and times as Python objects again), in the shape `meeting_import_confirm` takes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

ORIGIN = re.compile(r"^(\d{2,3})年第(\d{1,2})次$")


def _v(field: Any) -> Any:
    return field.get("value") if isinstance(field, dict) else field


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _time(value: Any) -> dt.time | None:
    return dt.time.fromisoformat(value) if isinstance(value, str) and value else None


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""


def draft_values(draft: dict) -> dict:
    agenda = []
    for a in draft.get("agenda", []):
        start, end, minutes = _time(_v(a["start"])), _time(_v(a["end"])), _v(a["minutes"])
        if minutes is None and start and end:
            minutes = max(0, (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute))
        agenda.append({"title": _s(_v(a["title"])), "minutes": minutes or 0, "presenter": _s(_v(a["presenter"])),
                       "note": _s(_v(a["note"]))})
    return {
        "kind": draft.get("kind", ""),
        "agency": _s(_v(draft.get("agency"))),
        "roc_year": _v(draft.get("roc_year")),
        "sequence": _v(draft.get("sequence")),
        "date": _date(_v(draft.get("date"))),
        "start_time": _time(_v(draft.get("start_time"))) or (_time(_v(draft["agenda"][0]["start"]))
                                                             if draft.get("agenda") else None),
        "end_time": _time(_v(draft.get("end_time"))),
        "place": _s(_v(draft.get("place"))),
        "chair": _s(_v(draft.get("chair"))),
        "recorder": _s(_v(draft.get("recorder"))),
        "attendees_note": _s(_v(draft.get("attendees_note"))),
        "attendees": list(_v(draft.get("attendees")) or []),
        "absentees": list(_v(draft.get("absentees")) or []),
        "opening_remarks": _s(_v(draft.get("opening_remarks"))),
        "conclusion": _s(_v(draft.get("conclusion"))),
        "agenda": agenda,
        "directives": [{
            "origin": _s(_v(d["origin"])), "number": _v(d["number"]), "text": _s(_v(d["text"])),
            "lead_unit": _s(_v(d["lead_unit"])), "co_units": list(_v(d["co_units"]) or []),
            "progress": _s(_v(d["progress"])), "decision": _v(d["decision"]) or "",
        } for d in draft.get("directives", [])],
        "reports": [{
            "kind": _v(r["kind"]) or "work", "title": _s(_v(r["title"])), "unit": _s(_v(r["unit"])),
            "presenter": _s(_v(r["presenter"])), "text": _s(_v(r["text"])),
        } for r in draft.get("reports", [])],
        "proposals": [{
            "kind": _v(p["kind"]) or "regular", "number": _v(p["number"]), "unit": _s(_v(p["unit"])),
            "subject": _s(_v(p["subject"])), "explanation": _s(_v(p["explanation"])),
            "method": _s(_v(p["method"])), "resolution": _s(_v(p["resolution"])),
        } for p in draft.get("proposals", [])],
        "rulings": [{
            "section": _v(r["section"]) or "conclusion", "subject": _s(_v(r["subject"])), "text": _s(_v(r["text"])),
            "proposal_number": _v(r["proposal_number"]),
            **dict(zip(("actionable", "lead_unit"), ruling_addressee(_s(_v(r["text"]))))),
        } for r in draft.get("rulings", [])],
    }


def previous_label(roc_year: int | None, sequence: int | None) -> str:
    """The meeting before 108年第2次 is 108年第1次; before a year's first meeting it is not known."""
    if roc_year and sequence and sequence > 1:
        return f"{roc_year}年第{sequence - 1}次"
    return ""


RESOLUTIONS = [("修正通過", "amended"), ("不通過", "rejected"),
               ("下次會議", "deferred"), ("續審", "deferred"),
               ("保留", "reserved")]


def resolution_choice(text: str) -> str:
    """決議 as written → the result the app records: 照案通過 → 通過, 修正通過, 保留, 下次會議續審 …"""
    t = (text or "").strip()
    if not t:
        return ""
    return next((choice for word, choice in RESOLUTIONS if word in t), "passed")


def keyed(values: dict, name: str, prefix: str):
    """(the review form's prefix for the row, the row): a row keeps its key when rows before it are dropped."""
    return [(row.get("key") or f"{prefix}{k}", row) for k, row in enumerate(values.get(name, []))]


def summary(values: dict) -> str:
    """One line of what a document holds: 108年第2次會議（會議資料）：程序表 9 項、列管事項 6 項（仍列管 3）…"""
    kind = {"packet": "會議資料", "minutes": "會議紀錄"}.get(values.get("kind", ""), "")
    label = (f"{values['roc_year']}年第{values['sequence']}次會議" if values.get("roc_year") and values.get("sequence")
             else "（未載明第幾次的）會議")
    directives = values.get("directives", [])
    still = sum(1 for d in directives if d.get("decision") != "release")
    parts = [f"程序表 {len(values.get('agenda', []))} 項",
             f"列管事項 {len(directives)} 項（仍列管 {still} 項）",
             f"報告 {len(values.get('reports', []))} 則", f"提案 {len(values.get('proposals', []))} 案",
             f"主席裁示 {len(values.get('rulings', []))} 則"]
    return f"{label}{'（' + kind + '）' if kind else ''}：" + "、".join(parts)


# 「請綜合規劃處將本次演練成果…」, 「請各單位均應加強宣導…」, 「有關…部分，請本府政風處…」: a ruling that tells a unit
# to act is a directive of this meeting, tracked from now on; 「洽悉」, 「准予備查」 are not.
_ADDRESSEE = re.compile(r"^(?:有關[^，,。]{0,60}[，,]\s*)?請(?:本府|本局|本所|本處|本署)?"
                        r"(?P<unit>各(?:單位|科室|處室|處|科|室|課)|[\u4e00-\u9fff]{1,10}?(?:處|室|科|課|組|中心))")


def ruling_addressee(text: str) -> tuple[bool, str]:
    """(to be tracked, the unit it names) as the ruling's words suggest; the officer confirms on the review."""
    m = _ADDRESSEE.match((text or "").strip())
    return (True, m.group("unit")) if m else (False, "")
