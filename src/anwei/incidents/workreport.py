"""Incidents in the work report (anwei.portal.workreport): per category the incidents discovered in the
period, the notifications made in time, and the follow-ups still tracked. Counts only, no names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count

from anwei.incidents.models import Incident
from anwei.incidents.selectors import incident_statistics, work_report_sentences
from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_datetimes, period_label

TITLE = "狀況通報"


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    stats = incident_statistics(agency, start, end)
    if not stats["total"]["count"]:
        return Section(TITLE, empty=f"{period_label(start, end)}無狀況通報案件。")
    return Section(TITLE, [Line(text) for text in work_report_sentences(stats)])


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    since, until = period_datetimes(start, end)  # (compared on the column's index)
    rows = (Incident.objects.filter(agency_id__in=agency_ids, discovered_at__gte=since, discovered_at__lt=until)
            .values("agency_id").annotate(n=Count("id")))
    return {r["agency_id"]: {"incidents": r["n"]} for r in rows}


PROVIDER = StatisticsProvider(name="incidents", title=TITLE, order=70, section=section, counts=counts,
                              columns=(Column("incidents", "狀況通報"),))
