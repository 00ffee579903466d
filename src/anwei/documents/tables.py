"""A table's cells placed on a grid: where merged cells start and which positions they cover.

ODT and DOCX both need it (HTML lets the browser do it). Spans are clamped so a bad
table (rowspan past the end, spans that overlap) still gives a rectangular grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from anwei.documents.model import Cell, Table

# One position of the grid: None where a merged cell covers it, else (cell, (colspan, rowspan)).
Slot = tuple[Cell, tuple[int, int]] | None


@dataclass
class Grid:
    header: list[list[Slot]]
    rows: list[list[Slot]]
    fractions: list[float]  # column widths, summing to 1

    @property
    def ncols(self) -> int:
        return len(self.fractions)


def _place(rows: list[list[Cell]]) -> tuple[list[list[tuple[int, Cell, int, int]]], set[tuple[int, int]], int]:
    occupied: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, Cell, int, int]]] = []
    ncols = 0
    for r, row in enumerate(rows):
        col, here = 0, []
        for cell in row:
            while (r, col) in occupied:
                col += 1
            cs = max(1, int(cell.colspan or 1))
            rs = min(max(1, int(cell.rowspan or 1)), len(rows) - r)
            # shrink a span that would run into a cell merged from a row above
            for k in range(1, cs):
                if (r, col + k) in occupied:
                    cs = k
                    break
            for rr in range(r, r + rs):
                for cc in range(col, col + cs):
                    occupied.add((rr, cc))
            here.append((col, cell, cs, rs))
            col += cs
        ncols = max(ncols, col, *(c + 1 for (rr, c) in occupied if rr == r)) if occupied else max(ncols, col)
        placed.append(here)
    return placed, occupied, ncols


def _slots(placed, occupied, nrows: int, ncols: int) -> list[list[Slot]]:
    out: list[list[Slot]] = []
    for r in range(nrows):
        row: list[Slot] = [None if (r, c) in occupied else (Cell(""), (1, 1)) for c in range(ncols)]
        for col, cell, cs, rs in placed[r]:
            row[col] = (cell, (cs, rs))
        out.append(row)
    return out


def grid(t: Table) -> Grid:
    hp, ho, hn = _place(t.header)
    bp, bo, bn = _place(t.rows)
    ncols = max(hn, bn, len(t.widths or []), 1)
    widths = [w if w and w > 0 else 0.0 for w in (t.widths or [])][:ncols]
    if len(widths) < ncols:
        fill = (sum(widths) / len(widths)) if widths and sum(widths) else 1.0
        widths += [fill] * (ncols - len(widths))
    total = sum(widths) or float(ncols)
    fractions = [(w or total / ncols / 4) / total for w in widths]
    s = sum(fractions)
    fractions = [f / s for f in fractions]
    return Grid(header=_slots(hp, ho, len(t.header), ncols), rows=_slots(bp, bo, len(t.rows), ncols),
                fractions=fractions)
