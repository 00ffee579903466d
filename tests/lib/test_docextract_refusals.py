"""Files that cannot be read are refused with a typed error and a Chinese message: empty, too
large, encrypted, without a text layer, damaged, renamed, or of another kind."""

import importlib
import io
import zipfile

import pytest
from PIL import Image
from pypdf import PdfWriter

from anwei.lib.docextract import (
    Corrupt,
    EmptyFile,
    Encrypted,
    ExtractError,
    NoTextLayer,
    TooLarge,
    Unsupported,
    extract,
)

sniff = importlib.import_module("anwei.lib.docextract.sniff")  # the module (the package exports its function)
from tests.lib.pdfs import Text, make_pdf


def _raises(kind, data, name="x", fragment="", **kw):
    with pytest.raises(kind) as exc:
        extract(data, name, **kw)
    message = str(exc.value)
    assert isinstance(exc.value, ExtractError) and message == exc.value.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert fragment in message, message
    return message


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _pdf_text() -> bytes:
    return make_pdf([[Text(72, 700, "某機關安全維護會報")]])


@pytest.mark.parametrize("data", [b"", b"   \n\t ", "\u3000\n".encode()])
def test_empty(data):
    _raises(EmptyFile, data, fragment="沒有")


def test_too_large():
    _raises(TooLarge, b"x" * 2048, max_bytes=1024, fragment="超過上限")


def test_too_many_pages():
    _raises(TooLarge, make_pdf([[Text(72, 700, f"第{n}頁")] for n in range(5)]), max_pages=4, fragment="5 頁")


def test_an_encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(_pdf_text()))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    _raises(Encrypted, buf.getvalue(), "會議資料.pdf", fragment="加密")


def test_a_pdf_with_only_an_owner_password_is_read():
    writer = PdfWriter(clone_from=io.BytesIO(_pdf_text()))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert extract(buf.getvalue()).lines[0].text == "某機關安全維護會報"


def test_an_image_only_pdf_needs_a_text_layer():
    buf = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(buf, "PDF")
    _raises(NoTextLayer, buf.getvalue(), "掃描.pdf", fragment="文字層")


def test_a_damaged_pdf():
    data = _pdf_text()
    _raises(Corrupt, data[: len(data) // 2].replace(b"/Type /Catalog", b"/Type /Cat"), fragment="損毀")
    _raises(Corrupt, b"%PDF-1.7\n" + bytes(range(256)) * 40, fragment="損毀")


@pytest.mark.parametrize("data,fragment", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "圖片"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "圖片"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (b"MZ" + b"\x00" * 200, "執行檔"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".doc"),
])
def test_other_kinds_of_file_renamed_to_pdf(data, fragment):
    _raises(Unsupported, data, "會議資料.pdf", fragment=fragment)


def test_an_office_file_with_an_open_password():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
    _raises(Encrypted, data, "會議資料.docx", fragment="密碼")


@pytest.mark.parametrize("members,fragment", [
    ({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}, "Excel"),
    ({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<x/>"}, "PowerPoint"),
    ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "試算表"),
    ({"readme.txt": b"hello"}, "ZIP"),
])
def test_other_packages(members, fragment):
    _raises(Unsupported, _zip(members), "會議資料.docx", fragment=fragment)


def test_a_damaged_docx_and_odt():
    _raises(Corrupt, b"PK\x03\x04" + b"\x00" * 200, "x.docx", fragment="損毀")
    docx = _zip({"[Content_Types].xml": b"<broken", "word/document.xml": b"<w:document"})
    _raises(Corrupt, docx, "x.docx", fragment="損毀")
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content"})
    _raises(Corrupt, odt, "x.odt", fragment="損毀")


def test_a_zip_bomb_is_not_unpacked(monkeypatch):
    monkeypatch.setattr(sniff, "MAX_UNZIPPED", 1024 * 1024)
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<a>" + b" " * (2 * 1024 * 1024) + b"</a>"})
    assert len(bomb) < 50_000
    _raises(TooLarge, bomb, "x.docx", fragment="解壓縮後過大")
