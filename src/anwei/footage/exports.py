"""XLSX export of the register (專簿), one sheet per ROC year."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from anwei.footage import selectors
from anwei.footage.documents import REGISTER_HEADER, register_cells
from anwei.orgs.models import Agency

WIDTHS = [14, 12, 10, 6, 22, 40, 30, 20, 12, 12, 14, 12, 12]


def register_xlsx(*, agency: Agency, year: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年"
    ws.append([f"{agency.name} 監視錄影資料調閱（複製）登記簿（{year}年）"])
    ws.append(REGISTER_HEADER)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for req in selectors.register_rows(agency_id=agency.pk, year=year):
        ws.append(register_cells(req))
    for n, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
