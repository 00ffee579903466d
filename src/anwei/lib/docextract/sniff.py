"""What a file is, from its first bytes and (for ZIP packages) its member names, never from its name:
people rename files, and a JPEG called 會議資料.pdf must get a message about a picture."""

from __future__ import annotations

import io
import zipfile

from anwei.lib.docextract.model import Corrupt, Encrypted, TooLarge, Unsupported

ODT_MIME = b"application/vnd.oasis.opendocument.text"
# Uncompressed size of a package we agree to open: far above a 30-page packet with pictures,
# far below what a ZIP bomb unpacks to.
MAX_UNZIPPED = 300 * 1024 * 1024
MAX_XML_PART = 60 * 1024 * 1024

_KIND_ZH = {"pdf": "PDF", "docx": "Word（.docx）", "odt": "ODF 文字文件（.odt）", "text": "純文字"}

_OTHER_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "圖片（PNG）"),
    (b"\xff\xd8\xff", "圖片（JPEG）"),
    (b"GIF87a", "圖片（GIF）"),
    (b"GIF89a", "圖片（GIF）"),
    (b"II*\x00", "圖片（TIFF）"),
    (b"MM\x00*", "圖片（TIFF）"),
    (b"BM", "圖片（BMP）"),
    (b"{\\rtf", "RTF 文件"),
    (b"\x1f\x8b", "gzip 壓縮檔"),
    (b"Rar!", "RAR 壓縮檔"),
    (b"7z\xbc\xaf\x27\x1c", "7z 壓縮檔"),
    (b"MZ", "執行檔"),
    (b"\x7fELF", "執行檔"),
]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PICTURE_HINT = "若是掃描的紙本，請改提供含文字層的 PDF 或 Word/ODT 檔（本系統不做文字辨識 OCR）"


def kind_zh(kind: str) -> str:
    return _KIND_ZH.get(kind, kind)


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'odt' or 'text'; raise Unsupported (or Encrypted, Corrupt) with a Chinese message."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _package_kind(data)
    if data.startswith(_OLE2):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise Encrypted("此 Office 檔案設有開啟密碼，無法讀取。請移除密碼後另存新檔再上傳。")
        raise Unsupported("這是舊版 Word（.doc）或其他 Office 97–2003 格式，無法直接讀取。"
                          "請在 Word 或 LibreOffice 另存為 .docx 或 .odt 後再上傳。")
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            hint = _PICTURE_HINT if what.startswith("圖片") else "請上傳 PDF、Word（.docx）、ODF（.odt）或純文字檔"
            if what == "RTF 文件":
                hint = "請在 Word 或 LibreOffice 另存為 .docx 或 .odt 後再上傳"
            raise Unsupported(f"這個檔案的內容是{what}，不是可匯入的文件。{hint}。")
    return "text"


def _package_kind(data: bytes) -> str:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise Corrupt("檔案已損毀或不完整（壓縮結構無法讀取），請重新存檔後再上傳。") from None
    names = {i.filename for i in infos}
    if sum(i.file_size for i in infos) > MAX_UNZIPPED or any(
            i.file_size > MAX_XML_PART for i in infos if i.filename.endswith(".xml")):
        raise TooLarge("檔案解壓縮後過大，無法讀取。請確認檔案內容，或移除大型圖片後再上傳。")
    if any(i.flag_bits & 0x1 for i in infos):
        raise Encrypted("此檔案設有密碼，無法讀取。請移除密碼後另存新檔再上傳。")
    if "mimetype" in names:
        try:
            mime = z.read("mimetype").strip()
        except Exception:  # noqa: BLE001 — a damaged member is a damaged file
            raise Corrupt("檔案已損毀或不完整，無法讀取，請重新存檔後再上傳。") from None
        if mime == ODT_MIME:
            return "odt"
        if b"opendocument" in mime:
            raise Unsupported("這是 ODF 的試算表、簡報或其他文件，不是文字文件（.odt）。請上傳會議資料或會議紀錄的文字文件。")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise Unsupported("這是 Excel 試算表（.xlsx），不是文字文件。請上傳會議資料或會議紀錄的 Word 或 ODT 檔。")
    if "ppt/presentation.xml" in names:
        raise Unsupported("這是 PowerPoint 簡報（.pptx），不是文字文件。請上傳會議資料或會議紀錄的 Word 或 ODT 檔。")
    raise Unsupported("這是 ZIP 壓縮檔，不是可匯入的文件。請解壓縮後上傳其中的 PDF、Word 或 ODT 檔。")


def name_note(filename: str, kind: str) -> str | None:
    """A note when the file's name says one format and the content is another (we read the content)."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    expected = {"pdf": "pdf", "docx": "docx", "odt": "odt", "txt": "text", "text": "text"}.get(ext)
    if expected is None or expected == kind:
        return None
    return f"檔名副檔名為 .{ext}，但內容是{kind_zh(kind)}；已依內容讀取。"
