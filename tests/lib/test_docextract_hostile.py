"""Hostile files never make extract() raise anything but an ExtractError: random bytes, real
documents cut short or with bytes flipped, a 200-page PDF."""

import io
import random
import time

import pytest
from docx import Document as DocxDocument
from odfdo import Document as OdfDocument
from odfdo import Paragraph

from anwei.lib.docextract import ExtractError, extract
from tests.lib.pdfs import Text, make_pdf, table


def _docx() -> bytes:
    doc = DocxDocument()
    doc.add_paragraph("某機關安全維護會報110年第1次會議程序表")
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(1, 1).text = "項次", "秘書室"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _odt() -> bytes:
    doc = OdfDocument("text")
    doc.body.append(Paragraph("某機關安全維護會報110年第1次會議程序表"))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf() -> bytes:
    return make_pdf([[Text(72, 780, "某機關安全維護會報"), *table(40, 760, [60, 200], [["項次", "事項"], ["1", "請辦理。"]])]])


def _survives(data: bytes, name: str) -> None:
    try:
        extract(data, name)
    except ExtractError as exc:
        assert exc.message


@pytest.mark.parametrize("make,name", [(_docx, "x.docx"), (_odt, "x.odt"), (_pdf, "x.pdf")])
def test_damaged_documents_never_raise_anything_else(make, name):
    rng = random.Random(name)
    data = make()
    for _ in range(25):
        cut = rng.randrange(1, len(data))
        _survives(data[:cut], name)
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        _survives(bytes(flipped), name)


def test_random_bytes_never_raise_anything_else():
    rng = random.Random(20)
    for n in range(60):
        prefix = rng.choice([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe"])
        _survives(prefix + rng.randbytes(rng.randint(0, 5000)), f"{n}.bin")


def test_a_200_page_pdf_is_read_in_reasonable_time():
    pages = [[Text(72, 700, f"第{n}頁內文"), Text(72, 680, "某機關公務機密維護宣導資料")] for n in range(1, 201)]
    start = time.monotonic()
    e = extract(make_pdf(pages), "厚.pdf")
    assert e.pages == 200 and len(e.lines) == 400 and e.lines[-2].text == "第200頁內文"
    assert time.monotonic() - start < 30
