"""DOCX: paragraphs and tables in document order; merged cells by grid position; the check
boxes Word draws as Wingdings symbols or form fields; text inside content controls."""

import copy
import io

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from anwei.lib.docextract import extract


def _docx(build) -> bytes:
    doc = Document()
    build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_paragraphs_and_a_table_in_order():
    def build(doc):
        doc.add_paragraph("某機關安全維護會報")
        p = doc.add_paragraph("第一行")
        p.add_run().add_break()
        p.add_run("第二行")
        t = doc.add_table(rows=2, cols=3)
        for r, texts in enumerate([["項次", "事項", "單位"], ["1", "請辦理。", "秘書室"]]):
            for c, text in enumerate(texts):
                t.cell(r, c).text = text
        t.cell(1, 1).add_paragraph("第二段")
        doc.add_paragraph("表後")
    e = extract(_docx(build), "x.docx")
    assert e.kind == "docx" and not e.wrapped
    assert [(line.table, line.cells) for line in e.lines] == [
        (None, ("某機關安全維護會報",)), (None, ("第一行",)), (None, ("第二行",)),
        (0, ("項次", "事項", "單位")), (0, ("1", "請辦理。\n第二段", "秘書室")), (None, ("表後",))]


def test_merged_cells_keep_grid_positions():
    def build(doc):
        t = doc.add_table(rows=3, cols=3)
        t.cell(0, 0).text, t.cell(0, 1).text = "案號", "第1案"
        t.cell(0, 2).merge(t.cell(1, 2)).text = "跨兩列"
        t.cell(1, 0).text, t.cell(1, 1).text = "案由", "內容"
        t.cell(2, 0).text = "說明"
        t.cell(2, 1).merge(t.cell(2, 2)).text = "合併兩欄"
    e = extract(_docx(build))
    assert [line.cells for line in e.lines] == [("案號", "第1案", "跨兩列"), ("案由", "內容", ""), ("說明", "合併兩欄", "")]


def test_check_boxes_drawn_as_symbols_and_form_fields():
    def build(doc):
        p = doc.add_paragraph()
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0A8"/><w:t>繼續列管</w:t></w:r>'))
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>解除列管</w:t></w:r>'))
        q = doc.add_paragraph()
        q._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>'
                              f'<w:default w:val="1"/></w:checkBox></w:ffData></w:fldChar></w:r>'))
        q._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>繼續列管</w:t></w:r>'))
        doc.add_paragraph("☒解除列管")
    e = extract(_docx(build))
    assert [line.text for line in e.lines] == ["□繼續列管■解除列管", "■繼續列管", "☒解除列管"]


def test_text_in_content_controls_is_read():
    def build(doc):
        p = doc.add_paragraph("包在內容控制項裡")
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent/></w:sdt>')
        sdt[1].append(copy.deepcopy(p._p))
        p._p.addnext(sdt)
        p._p.getparent().remove(p._p)
    e = extract(_docx(build))
    assert [line.text for line in e.lines] == ["包在內容控制項裡"]
