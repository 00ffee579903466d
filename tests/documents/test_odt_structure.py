import io
import zipfile

from odfdo import Document as OdfDocument

from anwei.documents.model import Document, Paragraph
from anwei.documents.render import render
from tests.documents.samples import HEADER, every_block



def _open(doc):
    return OdfDocument(io.BytesIO(render(doc, "odt")))


def test_odt_opens_with_odfdo_and_holds_the_text():
    odt = _open(every_block())
    assert odt.get_type() == "text"
    text = odt.get_formatted_text()
    for expected in ("海港市政府水利局", "時間：109年4月22日", "壹、依據法務部廉政署函辦理。", "一、公務員赴大陸地區",
                     "（十一）第三層第十一項", "2、數字層級", "（3）括號數字層級", "■繼續列管", "□解除列管",
                     "附件：", "一、附件一名稱", "二、附件二名稱"):
        assert expected in text, expected


def test_tables_repeat_header_rows_and_merge_cells():
    odt = _open(every_block())
    tables = odt.body.get_tables()
    assert len(tables) == 2
    directives, merged = tables
    assert directives.get_cell((0, 0)).get_value() == "項次"
    # odfdo addresses cells as (column, row)
    assert directives.get_cell((1, 1)).get_value() == "第1項指示：請秘書室賡續辦理檔案銷毀。"
    assert directives.get_cell((4, 1)).get_value() == "□繼續列管\n■解除列管"  # one paragraph per line
    xml = merged.serialize()
    assert xml.count("<table:table-header-rows>") == 1
    header_rows = merged.get_elements("table:table-header-rows/table:table-row")
    assert len(header_rows) == 2  # both header rows repeat on every page
    assert 'table:number-rows-spanned="2"' in xml and 'table:number-columns-spanned="2"' in xml
    assert xml.count("<table:covered-table-cell/>") == 4  # 項目↓, 時間→, 合併兩欄→, 跨兩列↓
    assert len(merged.get_elements("table:table-column")) == 3


def test_styles_are_named_with_zh_tw_and_kai_font():
    data = render(every_block(), "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("styles.xml").decode()
        content = z.read("content.xml").decode()
    assert 'office:version="1.3"' in styles and 'office:version="1.3"' in content
    assert "loext" not in styles + content
    assert 'style:language-asian="zh" style:country-asian="TW"' in styles
    assert 'style:font-name="標楷體" style:font-name-asian="標楷體"' in styles  # digits in 楷書 too
    assert 'style:name="標楷體" svg:font-family="標楷體"' in styles and 'style:name="TW-Kai"' in styles
    for name in ("AW_Body", "AW_Title", "AW_Heading_1", "AW_Numbered_3", "AW_Table_Heading", "AW_Table_Contents"):
        assert f'style:name="{name}"' in styles
    assert f">{HEADER}</text:p></style:header>" in styles
    assert "第<text:page-number" in styles and "頁，共<text:page-count>" in styles
    assert 'text:style-name="AW_Table_Heading"' in content  # content uses the named styles


def test_plain_landscape_document_uses_sans_and_a4_landscape():
    data = render(Document(title="橫式", official=False, landscape=True).add(Paragraph("內容")), "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("styles.xml").decode()
    assert 'style:font-name-asian="Noto Sans CJK TC"' in styles and 'font-name-asian="標楷體"' not in styles
    assert 'fo:page-width="29.7cm" fo:page-height="21.0cm" style:print-orientation="landscape"' in styles
