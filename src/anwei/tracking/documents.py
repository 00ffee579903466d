"""The tracking register as a neutral document (列管事項一覽表)."""

from __future__ import annotations

from django.utils import timezone

from anwei.documents.model import Cell, Document, Paragraph, Table, Title
from anwei.lib import rocdate
from anwei.orgs.models import Person
from anwei.orgs.selectors import person_primary_agency
from anwei.tracking.exports import COLUMNS, MAX_ROWS, register_rows
from anwei.tracking.selectors import RegisterFilters, tracked_item_list


def register_build(*, person_id: int, **filters) -> Document:
    """The register as `person_id` sees it, with the register page's filters (unit, status,
    meeting, year, overdue, q, sort). The calling view has already checked the person."""
    person = Person.objects.get(pk=person_id)
    items = tracked_item_list(person=person, filters=RegisterFilters(**filters))
    agency = person_primary_agency(person)
    doc = Document(title="列管事項一覽表", landscape=True, official=False)
    doc.add(Title([agency.name if agency else "", "列管事項一覽表"]),
            Paragraph(f"製表日期：{rocdate.format_short(timezone.localdate())}", align="right", size="small"))
    header = [[Cell(c, bold=True, align="center") for c, _ in COLUMNS]]
    doc.add(Table(header=header, widths=[1.6, 0.6, 4, 1.6, 1.1, 1.1, 4],
                  rows=[[Cell(t) for t in row] for row in register_rows(items[:MAX_ROWS])]))
    return doc
