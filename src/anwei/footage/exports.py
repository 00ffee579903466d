"""XLSX export of the register (專簿), one sheet per ROC year."""

from __future__ import annotations

from anwei.core.xlsx import xlsx_table
from anwei.footage import selectors
from anwei.footage.documents import REGISTER_HEADER, register_cells
from anwei.orgs.models import Agency

WIDTHS = [14, 12, 10, 6, 22, 40, 30, 20, 12, 12, 14, 12, 12]


def register_xlsx(*, agency: Agency, year: int) -> bytes:
    return xlsx_table(sheet=f"{year}年", columns=list(zip(REGISTER_HEADER, WIDTHS)),
                      title_rows=[[f"{agency.name} 監視錄影資料調閱（複製）登記簿（{year}年）"]],
                      rows=(register_cells(req) for req in selectors.register_rows(agency_id=agency.pk, year=year)))
