"""What the superior's dashboard needs of each agency's whole history, one row per agency, so that the page reads
as many rows as there are agencies whatever the years held (anwei.dashboards.summary keeps it)."""

from __future__ import annotations

from django.db import models


class AgencySummary(models.Model):
    """Kept current in the same transaction as every audited change of the agency, and rebuilt from the records by
    `anwei dashboards_rebuild`. Overdue is decided for a day (today moves without any write), so the open items are
    held by due date, and the figures counted for one day are read on that day only."""

    agency = models.OneToOneField("orgs.Agency", on_delete=models.CASCADE, primary_key=True, related_name="+")
    open_due = models.JSONField("列管中事項（依期限）", default=dict)  # {"2026-05-01": 3}; no due date: ""
    meetings = models.JSONField("會議（依日期）", default=dict)  # {"2025": 4, "2026-03-10": 1}: past years by year
    filings = models.JSONField("陳報（依首次陳報年）", default=dict)  # {"2026": 2}
    # {"year": 2026, "rows": [["minutes", "2026-03-10", "2026-03-24", "received"], ...]}: summary.owed_compute
    owed = models.JSONField("本年度應陳報事項（含期限）", default=dict)
    # {"year": 2026, "rounds": [["2026-04-30", 3, 4], ...]}: this year's self-assessments by round deadline (sent,
    # all): summary.assessed_compute
    assessed = models.JSONField("本年度自評表（依填報期限）", default=dict)
    # The board's figures of this year as the columns above count them on `counted_on` (summary.figures_compute):
    # on that day the board reads these alone. Counted with every refresh of the row, and each morning by the
    # daily job; on a day not counted, the board counts from the columns above.
    counted_on = models.DateField("數字計算日", null=True)
    # {"n": [received, late, missing, pending, held, overdue items, assessments sent, due, overdue] (summary.Figures),
    #  "meetings": [held in each of the ten years up to the day's], "filings": [first sent in each]}
    figures = models.JSONField("當日數字", default=dict)

    class Meta:
        verbose_name = "機關儀表板摘要"
        verbose_name_plural = "機關儀表板摘要"
