"""ODT: headings, paragraphs, lists and tables in order; line breaks and tabs; spanned and
repeated cells by grid position, with a cap on what a hostile file may repeat."""

import io

from odfdo import Cell, Document, Header, Paragraph, Row, Table

from anwei.lib.docextract import extract


def _odt(build) -> bytes:
    doc = Document("text")
    doc.body.clear()
    build(doc.body)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_headings_paragraphs_and_a_table_in_order():
    def build(body):
        body.append(Header(1, "秘書單位工作報告"))
        p = Paragraph("第一行")
        p.append_plain_text("\n第二行")
        body.append(p)
        t = Table("t", width=3, height=2)
        for r, texts in enumerate([["項次", "事項", "單位"], ["1", "請辦理。", "秘書室"]]):
            for c, text in enumerate(texts):
                t.set_value((c, r), text)
        body.append(t)
        body.append(Paragraph("表後"))
    e = extract(_odt(build), "x.odt")
    assert e.kind == "odt" and not e.wrapped
    assert [(line.table, line.cells) for line in e.lines] == [
        (None, ("秘書單位工作報告",)), (None, ("第一行",)), (None, ("第二行",)),
        (0, ("項次", "事項", "單位")), (0, ("1", "請辦理。", "秘書室")), (None, ("表後",))]


def test_spanned_cells_keep_grid_positions():
    def build(body):
        t = Table("t", width=3, height=2)
        t.set_value((0, 0), "案由")
        t.set_value((1, 0), "合併兩欄")
        t.set_value((0, 1), "說明")
        t.set_value((1, 1), "內容")
        t.set_value((2, 1), "第三欄")
        t.set_span((1, 0, 2, 0))
        body.append(t)
    e = extract(_odt(build))
    assert [line.cells for line in e.lines] == [("案由", "合併兩欄", ""), ("說明", "內容", "第三欄")]


def test_a_hostile_repeat_count_is_capped():
    def build(body):
        t = Table("t")
        row = Row()
        cell = Cell("重複")
        cell.set_attribute("table:number-columns-repeated", "1000000")
        row.append(cell)
        t.append(row)
        body.append(t)
    e = extract(_odt(build))
    assert len(e.lines) == 1 and len(e.lines[0].cells) == 50
