"""The dashboards' charts (server-side SVG, anwei.lib.svgchart) and the same numbers as tables for XLSX."""

from __future__ import annotations

from anwei.incidents.models import Category
from anwei.dashboards.selectors import (AgencyBoard, SuperiorBoard, assessments_url, duties_url, incidents_url,
                                       outgoing_url, tracking_url)
from anwei.lib.svgchart import Bar, bar_chart, line_chart

WORST_SHOWN = 20


def agency_charts(b: AgencyBoard) -> dict[str, str]:
    a = b.agency.pk
    return {
        "units": bar_chart(
            title="各單位列管中事項", series=["未逾期", "已逾期"], chart_id="chart-units",
            bars=[Bar(r.unit.name, [r.in_time, r.overdue],
                      [tracking_url(a, unit=r.unit.pk, status="open"), tracking_url(a, unit=r.unit.pk, overdue="on")])
                  for r in b.units]) if b.units else "",
        "ages": bar_chart(title="列管中事項已列管時間", series=["件數"], chart_id="chart-ages",
                          bars=[Bar(label, [n]) for label, n in b.ages]),
        "trend": line_chart(title="最近幾次會議的列管事項", series=["新列管", "解除列管", "繼續列管"], chart_id="chart-trend",
                            xlabels=[t["label"] for t in b.trend],
                            values=[[t["opened"] for t in b.trend], [t["released"] for t in b.trend],
                                    [t["carried"] for t in b.trend]]) if b.trend else "",
        "incidents": bar_chart(title=f"{b.roc_year}年狀況通報（依類別）", series=["件數"], chart_id="chart-incidents",
                               bars=[Bar(label, [n], [incidents_url(a, v, b.roc_year)])
                                     for v, label, n in b.incidents]),
    }


def superior_charts(b: SuperiorBoard) -> dict[str, str]:
    worst = [r for r in b.rows if r.score][:WORST_SHOWN]
    y = b.roc_year
    out = {
        "worst": bar_chart(
            title=f"{y}年需關注的所屬機關（前{WORST_SHOWN}名）", series=["陳報逾期未報", "計畫成果逾期", "逾期列管事項", "會議未達應開次數",
                                                                         "定期工作逾期", "自評逾期"],
            chart_id="chart-worst",
            bars=[Bar(r.agency.name, [r.missing, r.results_overdue, r.overdue_items, r.meetings_short, r.duties_overdue,
                                      r.assessments_overdue],
                      [outgoing_url(r.agency.pk, "missing", y), "", tracking_url(r.agency.pk, overdue="on"), "",
                       duties_url(b.office.pk, r.agency.pk, "overdue"),
                       assessments_url(b.office.pk, r.agency.pk, y, "overdue")],
                      label_href=outgoing_url(r.agency.pk, "", y)) for r in worst]) if worst else "",
        "years": line_chart(title="歷年所屬機關會議與陳報", series=["召開會議", "陳報件數"], chart_id="chart-years",
                            xlabels=[f"{t['roc']}年" for t in b.years],
                            values=[[t["meetings"] for t in b.years], [t["received"] for t in b.years]])
        if b.years else "",
    }
    return out


def superior_table(b: SuperiorBoard) -> tuple[list[tuple[str, int]], list[list]]:
    """Headers and rows for the XLSX (and the same order as the page's table). Numbers only."""
    headers = [("機關", 28), ("機關代碼", 14), ("類別", 10), ("會議（已開／應開）", 12), ("陳報如期", 8), ("陳報逾期", 8),
               ("逾期未報", 8), ("計畫成果已報", 10), ("計畫成果逾期", 10), ("逾期列管事項", 10),
               ("定期工作如期", 10), ("定期工作待辦", 10), ("定期工作逾期", 10), ("自評已送出", 10), ("自評未逾期", 10),
               ("自評逾期", 10)]
    headers += [(f"狀況通報：{label}", 10) for _, label in Category.choices]
    headers += [(c.label, 10) for _, c in b.columns]
    rows = []
    for r in b.rows:
        rows.append([r.agency.name, r.agency.code or "", r.agency.get_kind_display(),
                     f"{r.meetings_held}／{r.meetings_expected}", r.received, r.late, r.missing, r.results_received,
                     r.results_overdue, r.overdue_items, r.duties_done, r.duties_due, r.duties_overdue,
                     r.assessments_done, r.assessments_due, r.assessments_overdue]
                    + [r.incidents.get(v, 0) for v, _ in Category.choices]
                    + [r.counts.get(c.key, 0) for _, c in b.columns])
    return headers, rows
