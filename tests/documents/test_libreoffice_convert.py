import subprocess

from anwei.documents.render import render
from tests.documents.fontsetups import font_setups, soffice_pdf  # noqa: F401 (fixture)
from tests.documents.samples import HEADER, every_block


def test_libreoffice_converts_odt_and_docx_and_keeps_the_text(tmp_path, font_setups):  # noqa: F811
    doc = every_block()
    (tmp_path / "doc_odt.odt").write_bytes(render(doc, "odt"))
    (tmp_path / "doc_docx.docx").write_bytes(render(doc, "docx"))
    out = tmp_path / "out"
    for name in ("doc_odt", "doc_docx"):
        src = tmp_path / (f"{name}.odt" if name.endswith("odt") else f"{name}.docx")
        pdf = soffice_pdf(font_setups["kai"], src, out, tmp_path / "profile")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = text.replace(" ", "")
        for expected in ("安全維護會報109年第1次會議", "壹、依據法務部廉政署函辦理。", "（十一）第三層第十一項",
                         "■繼續列管", "合併兩欄", "跨兩列", "附件一名稱", HEADER, "第1頁，共"):
            assert expected in text, f"{name}: {expected}"
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "TW-Kai" in fonts, f"{name}: {fonts}"
