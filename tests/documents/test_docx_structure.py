import io

from docx import Document as open_docx
from docx.oxml.ns import qn

from anwei.documents.render import render
from tests.documents.samples import HEADER, every_block


def _open(doc):
    return open_docx(io.BytesIO(render(doc, "docx")))


def test_docx_text_numbering_and_checkboxes():
    d = _open(every_block())
    text = "\n".join(p.text for p in d.paragraphs)
    for expected in ("海港市政府水利局", "時間：109年4月22日", "壹、依據法務部廉政署函辦理。", "（十一）第三層第十一項",
                     "2、數字層級", "（3）括號數字層級", "一、附件一名稱"):
        assert expected in text, expected
    cells = d.tables[0].rows[1].cells
    assert cells[1].text == "第1項指示：請秘書室賡續辦理檔案銷毀。"
    assert cells[4].text == "□繼續列管\n■解除列管"  # one paragraph per line


def test_header_rows_repeat_and_cells_merge():
    d = _open(every_block())
    directives, merged = d.tables
    trpr = directives.rows[0]._tr.trPr
    assert trpr.find(qn("w:tblHeader")) is not None
    assert directives.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is not None for r in merged.rows[:2])
    assert merged.cell(0, 0)._tc is merged.cell(1, 0)._tc  # 項目 spans two header rows
    assert merged.cell(0, 1)._tc is merged.cell(0, 2)._tc  # 時間 spans two columns
    assert merged.cell(2, 0)._tc is merged.cell(2, 1)._tc and merged.cell(2, 0).text == "合併兩欄"
    assert merged.cell(2, 2)._tc is merged.cell(3, 2)._tc and merged.cell(2, 2).text == "跨兩列"


def test_east_asian_font_language_and_page_number_fields():
    d = _open(every_block())
    normal = d.styles["Normal"].element
    fonts = normal.find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "標楷體" and fonts.get(qn("w:ascii")) == "標楷體"
    assert normal.find(".//" + qn("w:lang")).get(qn("w:eastAsia")) == "zh-TW"
    section = d.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert section.header.paragraphs[0].text == HEADER
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert 'w:instr=" PAGE "' in footer_xml and 'w:instr=" NUMPAGES "' in footer_xml
    assert section.footer.paragraphs[0].text.startswith("第")


def test_word_substitutes_tw_kai_when_biaukai_is_missing_and_theme_language_is_zh_tw():
    data = render(every_block(), "docx")
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        table = z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert '<w:font w:name="標楷體"><w:altName w:val="TW-Kai"/>' in table
    assert "ja-JP" not in settings and 'w:eastAsia="zh-TW"' in settings
