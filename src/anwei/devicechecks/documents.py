"""Document builder: the month's daily device check form (seed 001, 監視系統定期檢視與維護).

Builders take JSON-serialisable ids; the calling view has already checked permission.
"""

from __future__ import annotations

from anwei.devicechecks.models import DeviceSystem
from anwei.devicechecks.selectors import month_sheet
from anwei.documents.model import Cell, Document, Paragraph, Table, Title


NOTES = [
    "每日巡檢前，需各個部門檢查門禁以及監視器系統是否正常運作。",
    "每周定期執行一次設備清潔與檢查。",
    "記錄為勾（√）或叉（×），未完成之部分，請打「×」。",
    "建議將此表格複印存檔，定期執行檢查核對，監督明確管道與責任。",
]


def device_month(*, agency_id: int, unit_id: int | None, year: int, month: int) -> Document:
    """The 31-day form for one month on one page: per day, each system's √/× and problem, and who checked."""
    systems = list(DeviceSystem.objects.filter(agency_id=agency_id, is_active=True,
                                               **({"unit_id": unit_id} if unit_id else {}))
                   .select_related("agency", "unit").order_by("order", "id"))
    agency_name = systems[0].agency.name if systems else ""
    sheet = month_sheet(systems=systems, year=year, month=month)
    roc = year - 1911
    doc = Document(title=f"{agency_name}門禁及監視系統每日檢查表{roc}年{month}月", official=False,
                   landscape=len(systems) > 2)
    doc.add(Title([f"{agency_name}門禁及監視系統每日檢查表（{roc}年{month}月）"]))
    unit = f"檢查單位：{'、'.join(sorted({s.unit.name for s in systems}))}。" if systems and systems[0].unit_id else ""
    doc.add(Paragraph(unit + "逐項檢視確認，已完成/合格，請打「√」；未完成/不合格，請打「×」。", size="small"))
    header1 = [Cell("日期", rowspan=2, bold=True, align="center"), Cell("備註說明", rowspan=2, bold=True, align="center")]
    header1 += [Cell(s.name, colspan=2, bold=True, align="center") for s in systems]
    header1.append(Cell("備註人", rowspan=2, bold=True, align="center"))
    header2 = []
    for _ in systems:
        header2 += [Cell("當天是否正常運作", bold=True, align="center"), Cell("當天是否有問題", bold=True, align="center")]
    rows = []
    for day in sheet["days"]:
        note = ""
        if day["date"] is None:
            note = "—"
        elif not day["workday"]:
            note = "非上班日"
        row = [Cell(str(day["n"]), align="center"), Cell(note, align="center")]
        for check in day["cells"] or [None] * len(systems):
            row += [Cell(check.mark if check else "", align="center"), Cell(check.problem if check else "")]
        row.append(Cell("、".join(day["checkers"])))
        rows.append(row)
    ncols = 3 + 2 * len(systems)
    # The notes close the table, in its small type, so the whole month stays on one page as on paper.
    notes = "備註：" + "　".join(f"{n}. {text}" for n, text in enumerate(NOTES, start=1))
    rows.append([Cell(notes, colspan=ncols)])
    widths = [0.5, 1.0] + [0.8, 2.0] * len(systems) + [1.6]
    doc.add(Table(header=[header1, header2], rows=rows, widths=widths, compact=True))
    return doc
