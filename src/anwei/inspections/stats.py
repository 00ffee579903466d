"""Counts for the work report (seed 000 五、本局安全維護工作推動情形), per agency and period:
inspections and deficiencies from here, self-assessments and device checks from their apps.

`inspection_statistics()` makes a fixed number of queries whatever the period or data size;
`inspection_sentences()` turns it into lines the meeting's work report can insert.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from anwei.assessments.selectors import assessment_period_counts
from anwei.devicechecks.selectors import downtime_counts
from anwei.devicechecks.workreport import downtime_sentence
from anwei.inspections.models import Finding, Inspection
from anwei.lib import rocdate
from anwei.orgs.models import Agency
from anwei.portal.workreport import Line, Section, section_text


def inspection_statistics(agency: Agency, start: dt.date, end: dt.date) -> dict:
    from anwei.tracking.models import TrackedItem

    inspections = Inspection.objects.filter(agency=agency, date__range=(start, end))
    by_kind_rows = inspections.values("kind").annotate(n=Count("id")).order_by("kind")
    counts = {r["kind"]: r["n"] for r in by_kind_rows}
    by_kind = {label: counts[kind] for kind, label in Inspection.Kind.choices if kind in counts}
    unannounced = inspections.filter(mode=Inspection.Mode.UNANNOUNCED).count()
    units_inspected = (Inspection.units.through.objects.filter(inspection__in=inspections)
                       .values("unit_id").distinct().count())
    deficiencies = Finding.objects.filter(kind=Finding.Kind.DEFICIENCY, inspection__in=inspections).aggregate(
        found=Count("id"),
        corrected=Count("id", filter=Q(tracked_item__status=TrackedItem.Status.RELEASED)))
    assessments = assessment_period_counts(agency=agency, start=start, end=end)
    down = downtime_counts(agency=agency, start=start, end=end)
    total = assessments["total"] or 0
    return {
        "agency": agency.name,
        "start": start,
        "end": end,
        "inspections_total": sum(by_kind.values()),
        "inspections_by_kind": by_kind,
        "inspections_unannounced": unannounced,
        "units_inspected": units_inspected,
        "deficiencies_found": deficiencies["found"],
        "deficiencies_corrected": deficiencies["corrected"],
        "deficiencies_open": deficiencies["found"] - deficiencies["corrected"],
        "assessment_rounds": assessments["rounds"],
        "assessments_total": total,
        "assessments_submitted": assessments["submitted"],
        "assessment_completion_percent": round(100 * assessments["submitted"] / total) if total else 0,
        "device_downtime_days": down["days"],
        "device_down_checks": down["checks"],
        "repairs_opened": down["opened"],
        "repairs_reported": down["reported"],
        "repairs_repaired": down["repaired"],
    }


def inspection_sentences(stats: dict, *, devices: bool = True) -> list[str]:
    """Ready sentences for 本局安全維護工作推動情形, in the style of seed 000 (with `devices`, the daily
    device checks' sentence too: the work report has it in a section of its own)."""
    period = f"{rocdate.format_short(stats['start'])}至{rocdate.format_short(stats['end'])}"
    out = []
    if stats["inspections_total"]:
        kinds = "、".join(f"{k}{n}次" for k, n in stats["inspections_by_kind"].items())
        extra = f"（其中不定期抽查{stats['inspections_unannounced']}次）" if stats["inspections_unannounced"] else ""
        out.append(f"{period}辦理{kinds}，計{stats['inspections_total']}次{extra}，受檢單位計{stats['units_inspected']}個。")
        if stats["deficiencies_found"]:
            out.append(f"檢查發現缺失計{stats['deficiencies_found']}項，已簽請移相關單位妥處並列管追蹤，"
                       f"已改善解除列管{stats['deficiencies_corrected']}項，持續列管{stats['deficiencies_open']}項。")
        else:
            out.append("檢查未發現缺失。")
    else:
        out.append(f"{period}未辦理安全維護檢查。")
    if stats["assessments_total"]:
        out.append(f"函請各單位落實自主檢查，辦理自評{stats['assessment_rounds']}梯次，應填報{stats['assessments_total']}份，"
                   f"已完成{stats['assessments_submitted']}份（完成率{stats['assessment_completion_percent']}%）。")
    if devices:
        out.append(downtime_sentence({"days": stats["device_downtime_days"], "opened": stats["repairs_opened"],
                                      "reported": stats["repairs_reported"], "repaired": stats["repairs_repaired"]}))
    return out


WORK_REPORT_HEADING = "本局安全維護工作推動情形（自評與檢查）"


def work_report_block(stats: dict) -> str:
    """The sentences numbered （一）（二）… under a heading, ready to append to a work report's body
    (rendered by the work report's registry, anwei.portal.workreport)."""
    return section_text(Section(WORK_REPORT_HEADING, [Line(t) for t in inspection_sentences(stats)]))
