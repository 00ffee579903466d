import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from anwei.documents.render import render
from tests.documents.samples import HEADER, every_block


@pytest.fixture(scope="module")
def pdf():
    return render(every_block(), "pdf")


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_text_holds_blocks_header_and_page_numbers(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    n = len(reader.pages)
    assert n >= 2  # the page break starts a new page
    text = _text(reader).replace(" ", "")
    for expected in ("海港市政府水利局", "壹、依據法務部廉政署函辦理。", "（十一）第三層第十一項", "■繼續列管", "□解除列管",
                     "合併兩欄", "跨兩列", "分頁後的段落", "附件一名稱", HEADER, f"第1頁，共{n}頁", f"第{n}頁，共{n}頁"):
        assert expected in text, expected
    assert reader.metadata.title == "全部區塊測試"


def test_pdf_embeds_the_kai_font(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("TW-Kai" in f for f in fonts), fonts


def test_first_page_png_is_not_blank(pdf, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("需要 Debian 套件 poppler-utils（pdftoppm）")
    from PIL import Image

    (tmp_path / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(tmp_path / "doc.pdf"),
                    str(tmp_path / "page")], check=True)
    img = Image.open(tmp_path / "page.png").convert("L")
    dark = sum(img.histogram()[:128])
    assert dark > img.width * img.height * 0.01  # text and table rules, not an empty page
    # the page is mostly white paper
    assert dark < img.width * img.height * 0.5
