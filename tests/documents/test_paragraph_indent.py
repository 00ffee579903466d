import io
import re
import zipfile

from docx import Document as open_docx

from anwei.documents.model import Document, Numbered, Paragraph
from anwei.documents.render import render, render_html_fragment


def _doc():
    return Document(title="縮排").add(Paragraph("段首空兩格，整段左移一格。", indent=1, first_line_indent=2),
                                      Numbered(2, 1, "編號懸掛縮排"))


def test_indents_in_html():
    frag = render_html_fragment(_doc())
    assert 'style="margin-left:1em;text-indent:2em"' in frag
    assert "--aw-left:3em;--aw-hang:2em" in frag  # level 2 starts 1 character in; 一、 hangs 2 characters


def test_indents_in_odt():
    with zipfile.ZipFile(io.BytesIO(render(_doc(), "odt"))) as z:
        content = z.read("content.xml").decode()
    # 14 pt body text: 1 character = 0.494 cm
    assert re.search(r'fo:margin-left="0\.494cm" fo:text-indent="0\.988cm"', content)
    assert re.search(r'fo:margin-left="1\.482cm" fo:text-indent="-0\.988cm"', content)


def test_indents_in_docx():
    p, n = open_docx(io.BytesIO(render(_doc(), "docx"))).paragraphs[:2]
    assert p.paragraph_format.left_indent.pt == 14 and p.paragraph_format.first_line_indent.pt == 28
    assert n.text == "一、編號懸掛縮排"
    assert n.paragraph_format.left_indent.pt == 42 and n.paragraph_format.first_line_indent.pt == -28
