"""The daily device checks' section of the work report (anwei.portal.workreport): days checked, days with
a fault, and what the repair records say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Q

from anwei.devicechecks.models import DailyCheck
from anwei.devicechecks.selectors import downtime_counts
from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_label

TITLE = "門禁及監視系統每日檢查"


def repairs_phrase(opened: int, reported: int, repaired: int) -> str:
    """What the repair records say, and only that (a sentence must not claim a repair nobody recorded)."""
    if not opened:
        return "尚未開立維修紀錄。"
    if repaired == opened:
        return f"開立維修紀錄{opened}件，均已修復。"
    if reported == opened:
        return f"開立維修紀錄{opened}件，均已通知廠商維修，已修復{repaired}件。"
    return (f"開立維修紀錄{opened}件，已通知廠商維修{reported}件、已修復{repaired}件，"
            f"尚未通知廠商{opened - reported}件。")


def downtime_sentence(down: dict) -> str:
    if down["days"]:
        return (f"門禁及監視系統每日檢查，計有{down['days']}日發現設備異常，"
                + repairs_phrase(down["opened"], down["reported"], down["repaired"]))
    return "門禁及監視系統每日檢查均正常運作。"


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    checked = (DailyCheck.objects.filter(system__agency=agency, date__range=(start, end))
               .values("date").distinct().count())
    sec = Section(TITLE, empty=f"{period_label(start, end)}無每日檢查紀錄。")
    if checked:
        down = downtime_counts(agency=agency, start=start, end=end)
        sec.lines = [Line(f"{period_label(start, end)}計檢查{checked}日。"), Line(downtime_sentence(down))]
    return sec


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    rows = (DailyCheck.objects.filter(system__agency_id__in=agency_ids, date__range=(start, end))
            .values("system__agency_id")
            .annotate(days=Count("date", distinct=True), down=Count("date", distinct=True, filter=Q(working=False))))
    return {r["system__agency_id"]: {"days": r["days"], "down": r["down"]} for r in rows}


PROVIDER = StatisticsProvider(name="devicechecks", title=TITLE, order=30, section=section, counts=counts,
                              columns=(Column("days", "設備檢查日數"), Column("down", "設備異常日數")))
