"""XLSX export of the tracking register (what the filters show, all pages)."""

from __future__ import annotations

from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate

COLUMNS = [("來源", 18), ("項次", 6), ("列管事項", 60), ("主(協)辦單位", 20), ("狀態", 12), ("完成期限", 12),
           ("最新執行情形", 60)]
MAX_ROWS = 10000


def register_rows(items) -> list[list[str]]:
    return [[i.origin_label, str(i.number), i.text, i.units_label(), i.get_status_display(),
             rocdate.format_slash(i.due_date) if i.due_date else "", getattr(i, "latest_progress", "") or ""]
            for i in items]


def register_xlsx(items) -> bytes:
    return xlsx_table(sheet="列管事項", columns=COLUMNS, rows=register_rows(items[:MAX_ROWS]))
