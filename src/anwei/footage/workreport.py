"""Footage requests in the work report (anwei.portal.workreport): received, approved, refused — counts
only, never who asked for what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Q

from anwei.footage.models import FootageRequest
from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_datetimes, period_label

TITLE = "監視錄影資料調閱（複製）申請"
S = FootageRequest.Status


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    since, until = period_datetimes(start, end)
    rows = (FootageRequest.objects.filter(agency_id__in=agency_ids, submitted_at__gte=since, submitted_at__lt=until)
            .values("agency_id")
            .annotate(received=Count("id"), approved=Count("id", filter=Q(status__in=[S.APPROVED, S.COMPLETED])),
                      refused=Count("id", filter=Q(status=S.REFUSED))))
    return {r["agency_id"]: r for r in rows}


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    c = counts([agency.pk], start, end).get(agency.pk)
    sec = Section(TITLE, empty=f"{period_label(start, end)}未受理監視錄影資料調閱（複製）申請。")
    if c:
        pending = c["received"] - c["approved"] - c["refused"]
        sec.lines.append(Line(f"{period_label(start, end)}受理監視錄影資料調閱（複製）申請計{c['received']}件，"
                              f"核准{c['approved']}件，不予核准{c['refused']}件"
                              + (f"，審核中{pending}件。" if pending else "。")))
    return sec


PROVIDER = StatisticsProvider(name="footage", title=TITLE, order=40, section=section, counts=counts,
                              columns=(Column("received", "調閱申請"), Column("approved", "調閱核准"),
                                       Column("refused", "調閱不予核准")))
