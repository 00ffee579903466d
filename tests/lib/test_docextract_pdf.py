"""PDF with a text layer: lines in reading order, ruled tables as rows of cells, running page
headers and footers dropped; pages without text noted."""

from anwei.lib.docextract import extract
from tests.lib.pdfs import Text, make_pdf, table


def _page(n: int):
    return [Text(200, 810, "某機關安全維護會報110年第1次會議"),  # running header
            Text(72, 700, f"第{n}頁的內文"),
            Text(260, 30, f"第{n}頁，共3頁")]  # running footer


def test_text_lines_in_reading_order_and_running_lines_dropped():
    e = extract(make_pdf([_page(1), _page(2), _page(3)]), "x.pdf")
    assert e.kind == "pdf" and e.pages == 3 and e.wrapped
    assert [(line.page, line.text) for line in e.lines] == [(1, "第1頁的內文"), (2, "第2頁的內文"), (3, "第3頁的內文")]


def test_a_caption_in_the_top_margin_that_differs_from_the_header_only_in_its_numbers_is_kept():
    """The app's packet: every page is headed 「…會報110年第1次會議」; the directives table of the meeting
    before opens near the top of a page with 「…會報109年第2次會議」, which must not be dropped as the header."""
    pages = [_page(1), [*_page(2), Text(150, 790, "某機關安全維護會報109年第2次會議")], _page(3)]
    e = extract(make_pdf(pages), "x.pdf")
    assert [line.text for line in e.lines if line.page == 2] == ["某機關安全維護會報109年第2次會議", "第2頁的內文"]


def test_a_ruled_table_comes_out_as_rows_of_cells():
    rows = [["項次", "主席裁（指）示事項", "主(協)辦單位", "執行情形", "是否列管"],
            ["1", "請秘書室研議。", "秘書室", "已辦理。", "□繼續列管 ■解除列管"]]
    page = [Text(72, 780, "主席裁（指）示事項辦理情形"), *table(20, 760, [30, 170, 80, 100, 130], rows),
            Text(72, 600, "表後的文字")]
    e = extract(make_pdf([page]))
    assert [line.text for line in e.lines if line.table is None] == ["主席裁（指）示事項辦理情形", "表後的文字"]
    assert [line.cells for line in e.lines if line.table == 0] == [tuple(r) for r in rows]
    assert [line.no for line in e.lines] == [1, 2, 3, 4]


def test_a_frame_round_the_text_is_not_a_table():
    from tests.lib.pdfs import Box
    page = [Box(30, 30, 535, 780), Text(72, 700, "框內的第一行"), Text(72, 680, "框內的第二行")]
    e = extract(make_pdf([page]))
    assert [(line.table, line.text) for line in e.lines] == [(None, "框內的第一行"), (None, "框內的第二行")]


def test_pages_without_text_are_noted():
    e = extract(make_pdf([_page(1), [], _page(3)]))
    assert e.notes == ("第 2 頁沒有文字層（可能是掃描影像），這些頁的內容未讀取。",)


def test_a_pdf_renamed_to_docx_is_read_as_pdf_with_a_note():
    e = extract(make_pdf([[Text(72, 700, "內文")]]), "會議資料.docx")
    assert e.kind == "pdf" and "副檔名為 .docx" in e.notes[0]
