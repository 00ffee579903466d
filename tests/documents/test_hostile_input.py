import io

from docx import Document as open_docx
from odfdo import Document as OdfDocument
from pypdf import PdfReader

from anwei.documents.render import render, render_html_fragment
from tests.documents.conftest import jing_validate
from tests.documents.samples import hostile


def test_huge_and_bad_input_still_gives_valid_documents(tmp_path):
    doc = hostile()
    odt = render(doc, "odt")
    jing_validate(odt, tmp_path)
    text = OdfDocument(io.BytesIO(odt)).get_formatted_text()
    assert "長" * 50_000 in text
    assert "保留𠀋字" in text and "\x00" not in text

    d = open_docx(io.BytesIO(render(doc, "docx")))
    assert d.paragraphs[0].text == "長" * 50_000
    assert "保留𠀋字\n與換行" in d.paragraphs[1].text
    assert d.tables[0].cell(1, 0).text == "第一行\n第二行\n第三行"

    reader = PdfReader(io.BytesIO(render(doc, "pdf")))
    assert len(reader.pages) > 10  # the 50,000 characters flow over many pages
    pdf_text = "".join(p.extract_text() for p in reader.pages)
    assert "控制字元" in pdf_text and "第三行" in pdf_text

    assert "\x00" not in render_html_fragment(doc)
