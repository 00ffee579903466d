"""PDF: WeasyPrint from the same HTML as the preview, fonts embedded (subset)."""

from __future__ import annotations

from anwei.documents.fonts import require_tc_font
from anwei.documents.model import Document
from anwei.documents.render_html import render_html


def render_pdf(doc: Document) -> bytes:
    require_tc_font()
    from weasyprint import HTML

    return HTML(string=render_html(doc)).write_pdf()
