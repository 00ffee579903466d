"""XLSX export of the deficiency register, all pages."""

from __future__ import annotations

from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate

MAX_ROWS = 20000


def deficiency_xlsx(findings) -> bytes:
    columns = [("檢查日期", 12), ("檢查", 30), ("機關", 20), ("缺失事項", 50), ("主辦單位", 14), ("改善期限", 12),
               ("列管情形", 12)]
    rows = ([rocdate.format_slash(f.inspection.date), f.inspection.title, f.inspection.agency.name, f.text,
             f.unit.name if f.unit_id else "", rocdate.format_slash(f.due_date) if f.due_date else "",
             f.tracked_item.get_status_display() if f.tracked_item_id else "未列管"] for f in findings[:MAX_ROWS])
    return xlsx_table(sheet="檢查缺失", columns=columns, rows=rows)
