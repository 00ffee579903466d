"""render(doc, fmt) → bytes for "html", "odt", "docx", "pdf" (and "pdfa", PDF/A-2b for archiving);
render_html_fragment(doc) → str.

The renderers know only the neutral model (anwei.documents.model). PDF is typeset by Typst
(render_typst); WeasyPrint (render_pdf) is kept only as the benchmark's point of comparison."""

from __future__ import annotations

from anwei.documents.model import Document
from anwei.documents.render_html import render_html, render_html_fragment

FORMATS = ("html", "odt", "docx", "pdf")

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "pdfa": "application/pdf",
}
EXTENSIONS = {"pdfa": "pdf"}

__all__ = ["FORMATS", "CONTENT_TYPES", "EXTENSIONS", "render", "render_html_fragment"]


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "odt":
        from anwei.documents.render_odt import render_odt

        return render_odt(doc)
    if fmt == "docx":
        from anwei.documents.render_docx import render_docx

        return render_docx(doc)
    if fmt in ("pdf", "pdfa"):
        from anwei.documents.render_typst import render_typst

        return render_typst(doc, archive=fmt == "pdfa")
    raise ValueError(f"unknown document format {fmt!r}; expected one of {FORMATS}")
