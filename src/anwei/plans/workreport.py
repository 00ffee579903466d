"""Special security plans in the work report (anwei.portal.workreport): the agency's own plans whose work
period falls in the report's period, with how many recipients reported their results, and the plans it
received from its superior office and reported on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Q

from anwei.orgs.models import Agency
from anwei.plans.models import Assignment, SpecialPlan
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_label

TITLE = "專案安全維護計畫"


def _plans(agency_ids: Sequence[int], start: dt.date, end: dt.date):
    return SpecialPlan.objects.filter(agency_id__in=agency_ids, period_start__lte=end, period_end__gte=start)


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    plans = list(_plans([agency.pk], start, end).annotate(
        sent=Count("letter__assignments"),
        reported=Count("letter__assignments", filter=Q(letter__assignments__reported_at__isnull=False)))
        .order_by("period_start", "id"))
    received = (Assignment.objects.filter(agency=agency, unit=None, letter__plan__period_start__lte=end,
                                          letter__plan__period_end__gte=start)
                .exclude(letter__agency=agency)
                .aggregate(n=Count("id"), reported=Count("id", filter=Q(reported_at__isnull=False))))
    sec = Section(TITLE, empty=f"{period_label(start, end)}無專案安全維護計畫。")
    for p in plans:
        text = f"{p.title}（工作期間{period_label(p.period_start, p.period_end)}）"
        if p.sent:
            text += f"，分送{p.sent}個單位（機關）執行，已報送執行成果{p.reported}件。"
        else:
            text += "，由本單位執行。"
        sec.lines.append(Line(text))
    if received["n"]:
        sec.lines.append(Line(f"配合上級機關專案安全維護計畫計{received['n']}案，已報送執行成果{received['reported']}案。"))
    return sec


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    rows = _plans(agency_ids, start, end).values("agency_id").annotate(n=Count("id"))
    return {r["agency_id"]: {"plans": r["n"]} for r in rows}


PROVIDER = StatisticsProvider(name="plans", title=TITLE, order=60, section=section, counts=counts,
                              columns=(Column("plans", "專案計畫"),))
