"""document_response(): the one way a view hands out a document.

The calling view checks permission first; this builds the Document with the named
builder, renders it and answers with a download (or, for long PDFs, a background job).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render as render_page
from django.utils.http import content_disposition_header

from anwei.documents import fonts
from anwei.documents.builders import document_build, document_chars, document_weight, needs_conversion
from anwei.documents.fonts import FontMissingError
from anwei.documents.render import CONTENT_TYPES, EXTENSIONS, FORMATS, render

# A document is rendered in the background (the page shows progress) when laying it out would
# keep a worker busy for more than about a second: many blocks and rows, much text (a register
# whose items hold 100,000 characters each), or enclosed files LibreOffice has not converted yet.
# Typst lays out a 30-page packet (about 300 blocks and rows, 45,000 characters) in about 0.1 s.
BACKGROUND_WEIGHT = 3000
BACKGROUND_CHARS = 300_000
BACKGROUND_CHARS_OFFICE = 150_000  # ODT/DOCX of very long text: python-docx is the slower writer

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_filename(name: str) -> str:
    name = _UNSAFE_NAME.sub("_", name or "").strip(" ._")
    return (name or "文件")[:150]


def file_response(data: bytes, *, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    if fmt != "html":
        ext = EXTENSIONS.get(fmt, fmt)
        response["Content-Disposition"] = content_disposition_header(True, f"{safe_filename(filename)}.{ext}")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def zip_response(data: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, f"{safe_filename(filename)}.zip")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bundle_response(files: list[tuple[str, bytes | Path]], *, filename: str) -> HttpResponse:
    """A ZIP of the given files in order (bytes, or a file on disk; a missing file is skipped)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files:
            if isinstance(content, Path):
                if not content.is_file():
                    continue
                content = content.read_bytes()
            z.writestr(safe_filename(name), content)
    return zip_response(buf.getvalue(), filename=filename)


def font_missing_response(request, message: str | None = None) -> HttpResponse:
    return render_page(request, "documents/font_missing.html",
                       {"message": message or FontMissingError().args[0]}, status=503)


def in_background(doc, fmt: str) -> bool:
    if fmt in ("pdf", "pdfa"):
        return (document_weight(doc) > BACKGROUND_WEIGHT or document_chars(doc) > BACKGROUND_CHARS
                or needs_conversion(doc))
    if fmt in ("odt", "docx"):
        return document_chars(doc) > BACKGROUND_CHARS_OFFICE
    return False


def document_response(request, *, builder: str, kwargs: dict, fmt: str, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("不支援的檔案格式")
    if fmt == "pdf" and not fonts.tc_font_available():
        return font_missing_response(request)
    if fmt == "pdf" and request.GET.get("archive") == "pdfa":
        fmt = "pdfa"  # PDF/A-2b for archiving
    doc = document_build(builder, kwargs)
    if in_background(doc, fmt):
        from anwei.documents.services import render_job_create

        job = render_job_create(requester=request.user, builder=builder, kwargs=kwargs, fmt=fmt,
                                filename=safe_filename(filename))
        return redirect("documents:job", pk=job.pk)
    try:
        data = render(doc, fmt)
    except FontMissingError as exc:
        return font_missing_response(request, str(exc))
    return file_response(data, fmt=fmt, filename=filename)
