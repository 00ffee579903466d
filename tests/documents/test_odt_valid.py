import pytest

from anwei.documents.model import Document, Paragraph
from anwei.documents.render import render
from anwei.documents.specimen import packet
from tests.documents.conftest import jing_validate
from tests.documents.samples import every_block, hostile


@pytest.mark.parametrize("make", [
    every_block, hostile, lambda: packet(directives=5, proposals=2),
    lambda: Document(title="空白", official=False, landscape=True, page_numbers=False),
    lambda: Document(title="只有段落").add(Paragraph("  前導空白\t與 tab  連續空白")),
], ids=["every_block", "hostile", "packet", "empty", "spaces"])
def test_odt_validates_against_odf_1_3(make, tmp_path):
    jing_validate(render(make(), "odt"), tmp_path)
