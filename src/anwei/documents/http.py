"""document_response(): the one way a view hands out a document.

The calling view checks permission first; this builds the Document with the named
builder, renders it and answers with a download (or, for long PDFs, a background job).
"""

from __future__ import annotations

import re

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render as render_page
from django.utils.http import content_disposition_header

from anwei.documents import fonts
from anwei.documents.builders import document_build, document_weight
from anwei.documents.fonts import FontMissingError
from anwei.documents.render import CONTENT_TYPES, EXTENSIONS, FORMATS, render

# Above this many blocks + table rows a PDF is laid out in the background (WeasyPrint
# needs a few seconds for a 30-page packet; ODT/DOCX stay well under a second).
BACKGROUND_WEIGHT = 150

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


def font_missing_response(request, message: str | None = None) -> HttpResponse:
    return render_page(request, "documents/font_missing.html",
                       {"message": message or FontMissingError().args[0]}, status=503)


def document_response(request, *, builder: str, kwargs: dict, fmt: str, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("不支援的檔案格式")
    if fmt == "pdf" and not fonts.tc_font_available():
        return font_missing_response(request)
    doc = document_build(builder, kwargs)
    if fmt == "pdf" and document_weight(doc) > BACKGROUND_WEIGHT:
        from anwei.documents.services import render_job_create

        job = render_job_create(requester=request.user, builder=builder, kwargs=kwargs, fmt=fmt,
                                filename=safe_filename(filename))
        return redirect("documents:job", pk=job.pk)
    try:
        data = render(doc, fmt)
    except FontMissingError as exc:
        return font_missing_response(request, str(exc))
    return file_response(data, fmt=fmt, filename=filename)
