"""HTML: the page preview (a fragment with its own scoped CSS) and, as a standalone
page with print CSS, the source WeasyPrint turns into PDF."""

from __future__ import annotations

from html import escape

from anwei.documents import layout as L
from anwei.documents.model import (
    Attachments, Document, Enclosure, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title,
)
from anwei.documents.text import clean, enclosure_line, lines
from anwei.lib import zhnum


def _families(official: bool) -> str:
    fonts, generic = (L.OFFICIAL_FONTS, "serif") if official else (L.PLAIN_FONTS, "sans-serif")
    return ", ".join(f'"{f}"' for f in fonts) + f", {generic}"


def _t(text: str) -> str:
    """Escaped text with line breaks as <br>."""
    return "<br>".join(escape(line, quote=False) for line in lines(text))


def _css_string(text: str) -> str:
    s = clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{s}"'


# Scoped: every rule starts with .aw-doc so the preview cannot restyle the page around it.
_SCOPED_CSS = f"""
.aw-doc {{ font-size: {L.BODY_PT}pt; line-height: {L.LINE_HEIGHT}; color: #000; background: #fff;
  font-kerning: none; text-align: left; overflow-wrap: break-word; word-break: normal; }}
.aw-doc p {{ margin: 0; white-space: pre-wrap; }}
.aw-doc .aw-title {{ text-align: center; font-weight: bold; margin: 0 0 .6em; line-height: 1.4; }}
.aw-doc .aw-title p {{ white-space: pre-wrap; }}
.aw-doc .aw-h1, .aw-doc .aw-h2 {{ font-weight: bold; margin: .6em 0 .2em; page-break-after: avoid; break-after: avoid; }}
.aw-doc .aw-h1 {{ font-size: {L.HEADING_PT[1]}pt; }}
.aw-doc .aw-h2 {{ font-size: {L.HEADING_PT[2]}pt; }}
.aw-doc .aw-hang {{ text-indent: calc(-1 * var(--aw-hang)); padding-left: var(--aw-left); }}
.aw-doc .aw-center {{ text-align: center; }}
.aw-doc .aw-right {{ text-align: right; }}
.aw-doc .aw-justify {{ text-align: justify; }}
.aw-doc .aw-bold {{ font-weight: bold; }}
.aw-doc .aw-small {{ font-size: {L.PARA_PT['small']}pt; }}
.aw-doc .aw-large {{ font-size: {L.PARA_PT['large']}pt; }}
.aw-doc .aw-fieldlabel {{ font-weight: normal; }}
.aw-doc .aw-fieldlabel.aw-bold {{ font-weight: bold; }}
.aw-doc table.aw-table {{ width: 100%; border-collapse: collapse; margin: .3em 0 .8em;
  font-size: {L.TABLE_PT}pt; line-height: 1.4; table-layout: fixed; }}
.aw-doc table.aw-table caption {{ caption-side: top; text-align: center; font-weight: bold;
  font-size: {L.BODY_PT}pt; padding-bottom: .3em; }}
.aw-doc table.aw-table th, .aw-doc table.aw-table td {{ border: 0.75pt solid #000; padding: 2pt 4pt;
  vertical-align: top; white-space: pre-wrap; }}
.aw-doc table.aw-table.aw-compact {{ font-size: {L.TABLE_COMPACT_PT}pt; line-height: 1.15; }}
.aw-doc table.aw-table.aw-compact th, .aw-doc table.aw-table.aw-compact td {{ padding: 1pt 2pt; }}
.aw-doc table.aw-table th {{ font-weight: bold; text-align: center; vertical-align: middle; }}
.aw-doc table.aw-table tr {{ break-inside: avoid; page-break-inside: avoid; }}
.aw-doc table.aw-table.aw-together {{ break-inside: avoid; page-break-inside: avoid; }}
.aw-doc .aw-enclosure {{ margin: .3em 0; }}
.aw-doc .aw-pagebreak {{ break-after: page; page-break-after: always; height: 0; }}
@media screen {{
  /* on a screen narrower than the page (a phone) the document scrolls inside its own box, never the page */
  .aw-doc {{ max-width: 21cm; padding: 1.5em 2em; box-shadow: 0 0 0 1px #ccc; overflow-x: auto; }}
  .aw-doc.aw-landscape {{ max-width: 29.7cm; }}
  .aw-doc table.aw-table tr {{ break-inside: avoid; page-break-inside: avoid; }}
.aw-doc table.aw-table.aw-together {{ break-inside: avoid; page-break-inside: avoid; }}
.aw-doc .aw-enclosure {{ margin: .3em 0; }}
.aw-doc .aw-pagebreak {{ border-top: 1px dashed #999; margin: 1em 0; }}
  .aw-doc .aw-pageheader {{ color: #555; font-size: {L.HEADER_PT}pt; text-align: center; margin-bottom: 1em; }}
}}
"""


def _fonts_css(official: bool) -> str:
    return f".aw-doc {{ font-family: {_families(official)}; }}"


def _hang_style(left_em: float, hang_em: float) -> str:
    return f' style="--aw-left:{left_em:g}em;--aw-hang:{hang_em:g}em"'


def _size(b) -> str:
    return f" aw-{b.size}" if getattr(b, "size", "normal") in ("small", "large") else ""


def _align(align: str) -> str:
    return {"center": " aw-center", "right": " aw-right", "justify": " aw-justify"}.get(align, "")


def _block(b, out: list[str]) -> None:
    if isinstance(b, Paragraph):
        cls = "aw-p" + _align(b.align) + (" aw-bold" if b.bold else "") + (
            f" aw-{b.size}" if b.size in ("small", "large") else "")
        style = []
        if b.indent:
            style.append(f"margin-left:{b.indent}em")
        first = b.first_line_indent
        if first:
            style.append(f"text-indent:{first}em")
        st = f' style="{";".join(style)}"' if style else ""
        out.append(f'<p class="{cls}"{st}>{_t(b.text)}</p>')
    elif isinstance(b, Numbered):
        left, hang = L.hanging(b.level, b.label)
        out.append(f'<p class="aw-num aw-num{b.level} aw-hang{_size(b)}"{_hang_style(left, hang)}>'
                   f'<span class="aw-label">{escape(b.label)}</span>{_t(b.text)}</p>')
    elif isinstance(b, Field):
        label = L.field_label(clean(b.label))
        hang = L.text_width_em(label)
        bold = " aw-bold" if b.bold_label else ""
        out.append(f'<p class="aw-field aw-hang{_size(b)}"{_hang_style(hang, hang)}>'
                   f'<span class="aw-fieldlabel{bold}">{escape(label)}</span>{_t(b.value)}</p>')
    elif isinstance(b, Heading):
        level = 1 if b.level <= 1 else 2
        out.append(f'<p class="aw-h{level}" role="heading" aria-level="{level}">{_t(b.text)}</p>')
    elif isinstance(b, Title):
        pt = L.title_pt(b)
        out.append(f'<div class="aw-title" style="font-size:{pt:g}pt">')
        out.extend(f"<p>{_t(line)}</p>" for line in b.lines)
        out.append("</div>")
    elif isinstance(b, Table):
        _table(b, out)
    elif isinstance(b, PageBreak):
        out.append('<div class="aw-pagebreak"></div>')
    elif isinstance(b, Attachments):
        _attachments(b, out)
    elif isinstance(b, Enclosure):
        _attachments(Attachments([enclosure_line(b)], label=b.label), out)


def _attachments(b: Attachments, out: list[str]) -> None:
    label = L.field_label(clean(b.label))
    hang = L.text_width_em(label)
    items = [clean(i) for i in b.items if clean(i)]
    if len(items) <= 1:
        out.append(f'<p class="aw-attachments aw-hang"{_hang_style(hang, hang)}>{escape(label)}'
                   f'{_t(items[0]) if items else "無"}</p>')
        return
    out.append(f'<p class="aw-attachments">{escape(label)}</p>')
    for n, item in enumerate(items, 1):
        lab = zhnum.label(2, n)
        left, h = L.hanging(2, lab)
        out.append(f'<p class="aw-attachment aw-hang"{_hang_style(left, h)}>{escape(lab)}{_t(item)}</p>')


def _cell(tag: str, c, header: bool) -> str:
    attrs = ""
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    cls = []
    if not header:
        if c.align != "left":
            cls.append(_align(c.align).strip())
        if c.bold:
            cls.append("aw-bold")
    if cls:
        attrs += f' class="{" ".join(cls)}"'
    return f"<{tag}{attrs}>{_t(c.text)}</{tag}>"


def _table(t: Table, out: list[str]) -> None:
    classes = "aw-table" + (" aw-together" if t.keep_together else "") + (" aw-compact" if t.compact else "")
    out.append(f'<table class="{classes}">')
    if t.caption:
        out.append(f"<caption>{_t(t.caption)}</caption>")
    if t.widths:
        total = sum(w for w in t.widths if w > 0) or 1
        out.append("<colgroup>" + "".join(f'<col style="width:{max(w, 0) / total * 100:.2f}%">' for w in t.widths)
                   + "</colgroup>")
    if t.header:
        out.append("<thead>")
        for row in t.header:
            out.append("<tr>" + "".join(_cell("th", c, True) for c in row) + "</tr>")
        out.append("</thead>")
    out.append("<tbody>")
    for row in t.rows:
        out.append("<tr>" + "".join(_cell("td", c, False) for c in row) + "</tr>")
    out.append("</tbody></table>")


def _body(doc: Document, *, screen_header: bool) -> str:
    cls = "aw-doc " + ("aw-official" if doc.official else "aw-plain") + (" aw-landscape" if doc.landscape else "")
    out = [f'<div class="{cls}" lang="zh-Hant-TW">']
    if screen_header and doc.header_text:
        out.append(f'<div class="aw-pageheader">{_t(doc.header_text)}</div>')
    for b in doc.blocks:
        _block(b, out)
    out.append("</div>")
    return "".join(out)


def render_html_fragment(doc: Document) -> str:
    """The document body with its scoped CSS, to embed in a page as a preview."""
    return f"<style>{_SCOPED_CSS}{_fonts_css(doc.official)}</style>{_body(doc, screen_header=True)}"


def _page_css(doc: Document) -> str:
    fam = _families(doc.official)
    size = "A4 landscape" if doc.landscape else "A4"
    boxes = ""
    if doc.header_text:
        boxes += (f"@top-center {{ content: {_css_string(doc.header_text)}; font-family: {fam}; "
                  f"font-size: {L.HEADER_PT}pt; vertical-align: bottom; padding-bottom: {L.HEADER_FOOTER_GAP_CM}cm; }}")
    if doc.page_numbers:
        a, b, c = L.PAGE_FOOTER
        boxes += (f'@bottom-center {{ content: "{a}" counter(page) "{b}" counter(pages) "{c}"; '
                  f"font-family: {fam}; font-size: {L.HEADER_PT}pt; vertical-align: top; "
                  f"padding-top: {L.HEADER_FOOTER_GAP_CM}cm; }}")
    return (f"@page {{ size: {size}; margin: {L.MARGIN_TOP_CM}cm {L.MARGIN_SIDE_CM}cm "
            f"{L.MARGIN_BOTTOM_CM}cm {L.MARGIN_SIDE_CM}cm; {boxes} }}"
            "html, body { margin: 0; padding: 0; background: #fff; }")


def render_html(doc: Document) -> str:
    """A standalone HTML document with print CSS (A4, header, footer 第X頁，共Y頁)."""
    return (
        '<!doctype html>\n<html lang="zh-Hant-TW"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(clean(doc.title))}</title>"
        f"<style>{_page_css(doc)}{_SCOPED_CSS}{_fonts_css(doc.official)}"
        "@media print { .aw-doc { max-width: none; padding: 0; box-shadow: none; } }</style>"
        f"</head><body>{_body(doc, screen_header=False)}</body></html>\n"
    )
