"""One XLSX writer for every register export: title lines, a bold header row, column
widths, wrapped cells, frozen header. Write-only mode keeps memory flat for large registers."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def xlsx_table(*, sheet: str, columns: Sequence[tuple[str, int]], rows: Iterable[Sequence],
               title_rows: Sequence[Sequence] = ()) -> bytes:
    """columns: (header, width in characters); rows: one sequence of values per line."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    for n, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.freeze_panes = f"A{len(title_rows) + 2}"
    for line in title_rows:
        ws.append([_cell(ws, value, wrap=False) for value in line])
    ws.append([_cell(ws, header, _BOLD) for header, _ in columns])
    for row in rows:
        ws.append([_cell(ws, value) for value in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# What a spreadsheet would take for a formula (or, pasted, evaluate): text beginning with these is
# still written as text, and marked so (quote prefix) that editing the cell keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(ws, value, font: Font | None = None, *, wrap: bool = True) -> WriteOnlyCell:
    """Every text is text: a tracked item's 「=HYPERLINK(…)」 is shown, never run."""
    cell = WriteOnlyCell(ws, value="" if value is None else value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    if wrap:
        cell.alignment = _WRAP
    if font is not None:
        cell.font = font
    return cell
