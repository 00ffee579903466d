"""XLSX exports: a round's completion (with each 不符合) and the deficiency register, all pages."""

from __future__ import annotations

from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate

MAX_ROWS = 20000


def completion_xlsx(assessments) -> bytes:
    columns = [("機關", 24), ("填報單位", 16), ("狀態", 12), ("填表人", 12), ("確認主管", 12), ("送出時間", 18),
               ("不符合項數", 10)]
    rows = ([a.agency.name, a.unit.name if a.unit_id else "", a.get_status_display(), str(a.filled_by or ""),
             str(a.confirmed_by or ""), rocdate.format_slash(a.submitted_at.date()) if a.submitted_at else "",
             a.nonconform] for a in assessments[:MAX_ROWS])
    return xlsx_table(sheet="自評完成情形", columns=columns, rows=rows)


def deficiency_xlsx(findings) -> bytes:
    columns = [("檢查日期", 12), ("檢查", 30), ("機關", 20), ("缺失事項", 50), ("主辦單位", 14), ("改善期限", 12),
               ("列管情形", 12)]
    rows = ([rocdate.format_slash(f.inspection.date), f.inspection.title, f.inspection.agency.name, f.text,
             f.unit.name if f.unit_id else "", rocdate.format_slash(f.due_date) if f.due_date else "",
             f.tracked_item.get_status_display() if f.tracked_item_id else "未列管"] for f in findings[:MAX_ROWS])
    return xlsx_table(sheet="檢查缺失", columns=columns, rows=rows)
