"""XLSX export of a round's completion (with the count of 不符合 of each form), all pages."""

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
