"""Travel to mainland China in the work report (anwei.portal.workreport): applications and return reports,
late ones included, in the words of seed 000 (「公務員赴大陸地區返臺通報案件計0件」). Counts only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Q

from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_label
from anwei.travel.models import ReturnReport, TravelApplication
from anwei.travel.selectors import travel_statistics, work_report_period

TITLE = "公務員赴大陸地區申請及返臺通報"


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    s = travel_statistics(agency, start, end)
    period = work_report_period(start, end)
    if not period.endswith("年度迄今"):
        period = period_label(start, end)
    lines = [Line(f"{period}{s['sentence']}" + (f"，其中逾期通報{s['late_reports']}件。" if s["late_reports"] else "。"))]
    if s["applications"]:
        lines.insert(0, Line(f"{period}受理赴陸申請計{s['applications']}件（核准{s['approved']}件、不予同意{s['refused']}件）"
                             + (f"，其中逾期申請{s['late_applications']}件。" if s["late_applications"] else "。")))
    if s["overdue_unreported"]:
        lines.append(Line(f"返臺通報期限已過仍未通報計{s['overdue_unreported']}件，已催請當事人儘速通報。"))
    if s["retiree_declarations"] or s["retiree_reports"]:
        lines.append(Line(f"涉密退離職人員赴陸申報計{s['retiree_declarations']}件、返臺申報計{s['retiree_reports']}件。"))
    # The count of return reports is always stated, even when it is 0 (seed 000).
    return Section(TITLE, lines)


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for r in (TravelApplication.objects.filter(agency_id__in=agency_ids, filed_on__range=(start, end),
                                               retiree__isnull=True)
              .values("agency_id").annotate(applications=Count("id"))):
        out.setdefault(r["agency_id"], {})["applications"] = r["applications"]
    for r in (ReturnReport.objects.filter(agency_id__in=agency_ids, filed_on__range=(start, end),
                                          application__retiree__isnull=True)
              .values("agency_id").annotate(reports=Count("id"), late=Count("id", filter=Q(late=True)))):
        out.setdefault(r["agency_id"], {}).update(reports=r["reports"], late=r["late"])
    return out


PROVIDER = StatisticsProvider(name="travel", title=TITLE, order=50, section=section, counts=counts,
                              columns=(Column("applications", "赴陸申請"), Column("reports", "返臺通報"),
                                       Column("late", "逾期通報")))
