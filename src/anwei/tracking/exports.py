"""XLSX export of the tracking register (what the filters show, all pages)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from anwei.lib import rocdate

COLUMNS = [("來源", 18), ("項次", 6), ("列管事項", 60), ("主(協)辦單位", 20), ("狀態", 12), ("完成期限", 12),
           ("最新執行情形", 60)]
MAX_ROWS = 10000


def register_rows(items) -> list[list[str]]:
    return [[i.origin_label, str(i.number), i.text, i.units_label(), i.get_status_display(),
             rocdate.format_slash(i.due_date) if i.due_date else "", getattr(i, "latest_progress", "") or ""]
            for i in items]


def register_xlsx(items) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "列管事項"
    ws.append([c for c, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for n, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    for row in register_rows(items[:MAX_ROWS]):
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
