"""Uploads: size limit, allowed types only (checked by extension and by content),
sanitised names, stored outside the web root, served only through permission-checked views.

Use in a form:   file = UploadField(required=False)
In a service:    stored = stored_file_save(actor=..., agency=..., upload=form.cleaned_data["file"])
In a view, after checking the owning record with the policy:
                 return stored_file_response(stored)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404

from anwei.core.models import StoredFile

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

# extension → (content type, check of the first bytes)
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
ALLOWED = {
    ".jpg": ("image/jpeg", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".png": ("image/png", lambda h: h.startswith(b"\x89PNG\r\n\x1a\n")),
    ".gif": ("image/gif", lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP"),
    ".pdf": ("application/pdf", lambda h: h.startswith(b"%PDF-")),
    ".odt": ("application/vnd.oasis.opendocument.text", lambda h: h.startswith(_ZIP)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", lambda h: h.startswith(_ZIP)),
    ".odp": ("application/vnd.oasis.opendocument.presentation", lambda h: h.startswith(_ZIP)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", lambda h: h.startswith(_ZIP)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", lambda h: h.startswith(_ZIP)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              lambda h: h.startswith(_ZIP)),
    ".doc": ("application/msword", lambda h: h.startswith(_OLE)),
    ".xls": ("application/vnd.ms-excel", lambda h: h.startswith(_OLE)),
    ".ppt": ("application/vnd.ms-powerpoint", lambda h: h.startswith(_OLE)),
}
ALLOWED_TEXT = "圖片（JPG、PNG、GIF、WebP）、PDF、ODF（ODT、ODS、ODP）、Office（DOC(X)、XLS(X)、PPT(X)）"

# Plain text (no NUL bytes in its first bytes), for a use that asks for it: the text of a document as
# copied out of a PDF (meeting imports). Not accepted as an ordinary attachment.
PLAIN_TEXT = {".txt": ("text/plain", lambda h: b"\x00" not in h)}


def sanitise_name(name: str) -> str:
    """Keep letters (Chinese included), digits and a few marks; drop paths and control characters."""
    name = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    name = re.sub(r"[^\w\u3400-\u9fff\uf900-\ufaff().\- （）]+", "_", name).strip(" ._")
    return (name or "file")[:150]


def upload_check(upload: UploadedFile, *, extra: dict | None = None, extra_text: str = "") -> str:
    """Return the content type or raise forms.ValidationError with a Chinese message. `extra`: more
    accepted extensions (e.g. PLAIN_TEXT), named in the refusal by `extra_text`."""
    allowed = {**ALLOWED, **(extra or {})}
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            f"檔案「{upload.name}」太大（{upload.size / 1048576:.1f} MB），上限為 {MAX_UPLOAD_BYTES // 1048576} MB。")
    ext = Path(upload.name).suffix.lower()
    if ext not in allowed:
        raise forms.ValidationError(f"不接受「{ext or '無副檔名'}」類型的檔案，只接受{extra_text or ALLOWED_TEXT}。")
    content_type, check = allowed[ext]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not check(head):
        raise forms.ValidationError(f"檔案「{upload.name}」的內容與副檔名不符，請確認檔案沒有損壞。")
    if head.startswith(_ZIP) and ext in {".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx"}:
        try:
            with zipfile.ZipFile(upload) as z:
                z.namelist()
        except zipfile.BadZipFile:
            raise forms.ValidationError(f"檔案「{upload.name}」已損壞，無法開啟。") from None
        finally:
            upload.seek(0)
    return content_type


class UploadField(forms.FileField):
    default_error_messages = {"required": "請選擇檔案。", "empty": "上傳的檔案是空的。",
                              "invalid": "無法讀取上傳的檔案。"}

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and isinstance(upload, UploadedFile):
            upload_check(upload)
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleUploadField(UploadField):
    """Several photos or files at once; each goes through the same type and size checks."""

    accept = "image/*,.pdf,.odt,.ods,.odp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": self.accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(d, initial) for d in data if d] if isinstance(data, (list, tuple)) else (
            [single(data, initial)] if data else [])
        if not files and self.required:  # (the single-file check above only sees the files that came)
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


def stored_file_save(*, actor, agency, upload: UploadedFile, extra: dict | None = None,
                     extra_text: str = "") -> StoredFile:
    """Write the upload under UPLOAD_DIR with a random name and record it. Call inside a service."""
    content_type = upload_check(upload, extra=extra, extra_text=extra_text)
    relpath = f"{agency.pk}/{uuid.uuid4().hex}"
    target = Path(settings.UPLOAD_DIR) / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    return StoredFile.objects.create(agency=agency, uploaded_by=actor if getattr(actor, "pk", None) else None,
                                     name=sanitise_name(upload.name), content_type=content_type, size=upload.size,
                                     sha256=digest.hexdigest(), relpath=relpath)


def stored_file_response(stored: StoredFile, *, inline: bool = False) -> FileResponse:
    """Serve a stored file. The caller must already have checked the owning record's permission."""
    path = Path(settings.UPLOAD_DIR) / stored.relpath
    if not path.is_file():
        raise Http404("檔案已不存在")
    return FileResponse(path.open("rb"), as_attachment=not inline, filename=stored.name,
                        content_type=stored.content_type)


def stored_file_delete(stored: StoredFile) -> None:
    """Remove the bytes and the row (retention destruction). Call inside a service."""
    path = Path(settings.UPLOAD_DIR) / stored.relpath
    path.unlink(missing_ok=True)
    stored.delete()


def stored_file_bytes(stored: StoredFile) -> bytes:
    """The stored file's content (for a reader such as the meeting import). The caller checks permission."""
    path = Path(settings.UPLOAD_DIR) / stored.relpath
    if not path.is_file():
        raise Http404("檔案已不存在")
    return path.read_bytes()
