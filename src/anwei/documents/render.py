"""render(doc, fmt) → bytes for "html", "odt", "docx", "pdf"; render_html_fragment(doc) → str.

The renderers know only the neutral model (anwei.documents.model)."""

from __future__ import annotations

from anwei.documents.model import Document
from anwei.documents.render_html import render_html, render_html_fragment

FORMATS = ("html", "odt", "docx", "pdf")

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

__all__ = ["FORMATS", "CONTENT_TYPES", "render", "render_html_fragment"]


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "odt":
        from anwei.documents.render_odt import render_odt

        return render_odt(doc)
    if fmt == "docx":
        from anwei.documents.render_docx import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from anwei.documents.render_pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown document format {fmt!r}; expected one of {FORMATS}")
