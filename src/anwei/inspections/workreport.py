"""Inspections and self-assessments in the work report (anwei.portal.workreport): inspections made,
deficiencies found and fixed (released from tracking), self-assessment rounds and forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, Q

from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.inspections.models import Finding, Inspection
from anwei.inspections.stats import inspection_sentences, inspection_statistics
from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_datetimes

TITLE = "安全維護檢查及自評"


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    stats = inspection_statistics(agency, start, end)
    return Section(TITLE, [Line(t) for t in inspection_sentences(stats, devices=False)])


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    from anwei.tracking.models import TrackedItem

    out: dict[int, dict[str, int]] = {}
    inspections = Inspection.objects.filter(agency_id__in=agency_ids, date__range=(start, end))
    for r in inspections.values("agency_id").annotate(n=Count("id")):
        out.setdefault(r["agency_id"], {})["inspections"] = r["n"]
    # Through the period's inspections (the (agency, date) index), not every deficiency ever found.
    for r in (Finding.objects.filter(kind=Finding.Kind.DEFICIENCY, inspection__in=inspections.values("pk"))
              .values("inspection__agency_id")
              .annotate(found=Count("id"), fixed=Count("id", filter=Q(tracked_item__status=TrackedItem.Status.RELEASED)))):
        out.setdefault(r["inspection__agency_id"], {}).update(found=r["found"], fixed=r["fixed"])
    since, until = period_datetimes(start, end)
    # The period's rounds first, then their forms by the round index: joined, PostgreSQL read every form ever filled.
    rounds = dict(AssessmentRound.objects.filter(agency_id__in=agency_ids, created_at__gte=since, created_at__lt=until)
                  .order_by().values_list("pk", "agency_id"))
    for round_id, n in (SelfAssessment.objects.filter(round_id__in=list(rounds)).order_by()
                        .values_list("round_id").annotate(n=Count("id"))):
        counted = out.setdefault(rounds[round_id], {})
        counted["assessments"] = counted.get("assessments", 0) + n
    return out


PROVIDER = StatisticsProvider(name="inspections", title=TITLE, order=20, section=section, counts=counts,
                              columns=(Column("inspections", "安全維護檢查"), Column("found", "發現缺失"),
                                       Column("fixed", "缺失已改善"), Column("assessments", "自評表")))
