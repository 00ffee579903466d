import shutil
import subprocess

import pytest

from anwei.documents.render import render
from tests.documents.samples import HEADER, every_block


def test_libreoffice_converts_odt_and_docx_and_keeps_the_text(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("需要 Debian 套件 libreoffice-writer-nogui（soffice）")
    doc = every_block()
    (tmp_path / "doc_odt.odt").write_bytes(render(doc, "odt"))
    (tmp_path / "doc_docx.docx").write_bytes(render(doc, "docx"))
    out = tmp_path / "out"
    run = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(tmp_path / "doc_odt.odt"), str(tmp_path / "doc_docx.docx")],
        capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    for name in ("doc_odt", "doc_docx"):
        pdf = out / f"{name}.pdf"
        assert pdf.exists(), run.stdout + run.stderr
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = text.replace(" ", "")
        for expected in ("安全維護會報109年第1次會議", "壹、依據法務部廉政署函辦理。", "（十一）第三層第十一項",
                         "■繼續列管", "合併兩欄", "跨兩列", "附件一名稱", HEADER, "第1頁，共"):
            assert expected in text, f"{name}: {expected}"
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "TW-Kai" in fonts, f"{name}: {fonts}"
