"""ODT: strict ODF 1.3 (no loext/calcext), real named styles, zh-TW, 楷書 for official documents.

The XML is written directly (escaped strings) and packed with odfdo's Container:
building thousands of odfdo elements takes seconds for a 30-page packet, and
odfdo's Document.save() rewrites office:version to 1.4. Named styles live in
styles.xml; content.xml only adds the few automatic variants it needs (alignment,
hanging indents, column widths), each created once and reused.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from odfdo import Container

from anwei.documents import layout as L
from anwei.documents.model import (
    Attachments, Cell, Document, Enclosure, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title,
)
from anwei.documents.tables import grid
from anwei.documents.text import clean, enclosure_line
from anwei.lib import zhnum

MIMETYPE = "application/vnd.oasis.opendocument.text"
VERSION = "1.3"

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'

_SPACES = re.compile(r"(?<= ) +|^ +|\t")


def _spaces(m: re.Match) -> str:
    s = m.group(0)
    if s == "\t":
        return "<text:tab/>"
    return f'<text:s text:c="{len(s)}"/>' if len(s) > 1 else "<text:s/>"


def _inline(text: str) -> str:
    """Escaped paragraph content: line breaks, runs of spaces and tabs as ODF elements."""
    out = []
    for i, line in enumerate(clean(text).split("\n")):
        if i:
            out.append("<text:line-break/>")
        if line:
            out.append(_SPACES.sub(_spaces, escape(line)))
    return "".join(out)


def _pt(v: float) -> str:
    return f"{v:g}pt"


def _em(v: float, pt: float) -> str:
    """em → cm at the given font size (ODF has no em unit)."""
    return f"{v * pt * 2.54 / 72:.3f}cm"


_BOLD = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'


def _font_props(pt: float, bold: bool = False) -> str:
    s = f'fo:font-size="{_pt(pt)}" style:font-size-asian="{_pt(pt)}" style:font-size-complex="{_pt(pt)}"'
    return f"{s} {_BOLD}" if bold else s


def _fonts(official: bool) -> tuple[str, str]:
    """(font-face declarations, default text properties) for the document's typeface."""
    asian = L.ODT_OFFICIAL_FONT if official else L.ODT_PLAIN_FONT
    latin = L.latin_font(official)
    # ODF has no fallback list (LibreOffice ignores "A;B" and "A, B" in svg:font-family — measured),
    # so the font is named once (see layout.ODT_OFFICIAL_FONT); TW-Kai is declared for people who
    # switch the style to it by hand.
    decls = (
        "<office:font-face-decls>"
        f'<style:font-face style:name="{asian}" svg:font-family={quoteattr(asian)} '
        f'style:font-family-generic="{"script" if official else "swiss"}" style:font-pitch="variable"/>'
        f'<style:font-face style:name="{L.ODT_OFFICIAL_FALLBACK}" svg:font-family="{L.ODT_OFFICIAL_FALLBACK}" '
        'style:font-family-generic="script" style:font-pitch="variable"/>'
        "</office:font-face-decls>"
    )
    props = (f'style:font-name="{latin}" style:font-name-asian="{asian}" style:font-name-complex="{asian}" '
             'fo:language="zh" fo:country="TW" style:language-asian="zh" style:country-asian="TW" '
             'style:language-complex="zh" style:country-complex="TW"')
    return decls, props


def _pstyle(name: str, display: str, *, parent: str | None = "AW_Body", para: str = "", text: str = "",
            cls: str = "text", next_style: str | None = None) -> str:
    attrs = f'style:name="{name}" style:display-name={quoteattr(display)} style:family="paragraph" style:class="{cls}"'
    if parent:
        attrs += f' style:parent-style-name="{parent}"'
    if next_style:
        attrs += f' style:next-style-name="{next_style}"'
    inner = ""
    if para:
        inner += f"<style:paragraph-properties {para}/>"
    if text:
        inner += f"<style:text-properties {text}/>"
    return f"<style:style {attrs}>{inner}</style:style>"


def _styles_xml(doc: Document) -> str:
    decls, font_props = _fonts(doc.official)
    w, h = L.page_size_cm(doc.landscape)
    keep = 'fo:keep-with-next="always"'
    named = [
        _pstyle("AW_Body", "內文", parent=None,
                para=f'fo:line-height="{int(L.LINE_HEIGHT * 100)}%" fo:margin-top="0cm" fo:margin-bottom="0cm" '
                     'style:punctuation-wrap="hanging" style:line-break="strict"'),
        _pstyle("AW_Title", "文件標題", para=f'fo:text-align="center" fo:line-height="140%" {keep}',
                text=_font_props(L.TITLE_PT["large"], True), cls="chapter"),
        _pstyle("AW_Title_Large", "文件大標題", parent="AW_Title", text=_font_props(L.TITLE_PT["xlarge"], True),
                cls="chapter"),
        _pstyle("AW_Heading_1", "章節標題", para=f'fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" {keep}',
                text=_font_props(L.HEADING_PT[1], True), cls="text"),
        _pstyle("AW_Heading_2", "章節次標題", para=f'fo:margin-top="0.2cm" fo:margin-bottom="0.05cm" {keep}',
                text=_font_props(L.HEADING_PT[2], True), cls="text"),
        _pstyle("AW_Field", "欄位"),
        _pstyle("AW_Attachments", "附件"),
        _pstyle("AW_Caption", "表名", para=f'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" {keep}',
                text=_font_props(L.BODY_PT, True), cls="extra"),
        _pstyle("AW_Table_Contents", "表格內容", para='fo:line-height="140%"', text=_font_props(L.TABLE_PT),
                cls="extra"),
        _pstyle("AW_Table_Heading", "表格標題列", parent="AW_Table_Contents", para='fo:text-align="center"',
                text=_font_props(L.TABLE_PT, True), cls="extra"),
        _pstyle("AW_Table_Compact", "表格內容（緊密）", para='fo:line-height="100%"', text=_font_props(L.TABLE_COMPACT_PT),
                cls="extra"),
        _pstyle("AW_Table_Compact_Heading", "表格標題列（緊密）", parent="AW_Table_Compact", para='fo:text-align="center"',
                text=_font_props(L.TABLE_COMPACT_PT, True), cls="extra"),
        _pstyle("AW_Header", "頁首", para='fo:text-align="center"', text=_font_props(L.HEADER_PT), cls="extra"),
        _pstyle("AW_Footer", "頁尾", para='fo:text-align="center"', text=_font_props(L.HEADER_PT), cls="extra"),
        _pstyle("AW_Page_Break", "分頁", para='fo:break-after="page" fo:line-height="100%"',
                text=_font_props(2), cls="text"),
    ]
    for level in range(1, 6):
        left = L.LEVEL_OFFSET_EM[level]
        named.append(_pstyle(f"AW_Numbered_{level}", f"編號第{level}層",
                             para=f'fo:margin-left="{_em(left + 2, L.BODY_PT)}" fo:text-indent="{_em(-2, L.BODY_PT)}"'))
    named.append('<style:style style:name="AW_Strong" style:display-name="粗體" style:family="text">'
                 f"<style:text-properties {_BOLD}/></style:style>")
    header = (f'<style:header><text:p text:style-name="AW_Header">{_inline(doc.header_text)}</text:p></style:header>'
              if doc.header_text else "")
    footer = ""
    if doc.page_numbers:
        a, b, c = L.PAGE_FOOTER
        footer = ('<style:footer><text:p text:style-name="AW_Footer">'
                  f'{a}<text:page-number text:select-page="current">1</text:page-number>{b}'
                  f"<text:page-count>1</text:page-count>{c}</text:p></style:footer>")
    hf = 'fo:min-height="0.5cm"'
    gap = f"{L.HEADER_FOOTER_GAP_CM}cm"
    edge = f"{max(L.MARGIN_TOP_CM - 0.9, 0.5):.2f}cm"
    edge_b = f"{max(L.MARGIN_BOTTOM_CM - 0.9, 0.5):.2f}cm"
    layout = (
        '<style:page-layout style:name="AW_Page">'
        f'<style:page-layout-properties fo:page-width="{w}cm" fo:page-height="{h}cm" '
        f'style:print-orientation="{"landscape" if doc.landscape else "portrait"}" '
        f'fo:margin-top="{edge if header else f"{L.MARGIN_TOP_CM}cm"}" '
        f'fo:margin-bottom="{edge_b if footer else f"{L.MARGIN_BOTTOM_CM}cm"}" '
        f'fo:margin-left="{L.MARGIN_SIDE_CM}cm" fo:margin-right="{L.MARGIN_SIDE_CM}cm" '
        'style:writing-mode="lr-tb"/>'
        f'<style:header-style><style:header-footer-properties {hf} fo:margin-bottom="{gap}"/></style:header-style>'
        f'<style:footer-style><style:header-footer-properties {hf} fo:margin-top="{gap}"/></style:footer-style>'
        "</style:page-layout>"
    )
    return (
        f'{XML_DECL}<office:document-styles {NS} office:version="{VERSION}">{decls}'
        "<office:styles>"
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties style:writing-mode="lr-tb" fo:hyphenation-ladder-count="no-limit"/>'
        f"<style:text-properties {font_props} {_font_props(L.BODY_PT)}/>"
        "</style:default-style>"
        '<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/>'
        "</style:default-style>"
        f"{''.join(named)}"
        "</office:styles>"
        f"<office:automatic-styles>{layout}</office:automatic-styles>"
        f'<office:master-styles><style:master-page style:name="Standard" '
        f'style:page-layout-name="AW_Page">{header}{footer}</style:master-page></office:master-styles>'
        "</office:document-styles>"
    )


class _Auto:
    """Automatic styles of content.xml, created on first use and shared afterwards."""

    def __init__(self) -> None:
        self.xml: list[str] = []
        self.names: dict[tuple, str] = {}

    def get(self, key: tuple, family: str, parent: str | None, props: str, prefix: str) -> str:
        name = self.names.get(key)
        if name is None:
            name = f"{prefix}{len(self.names) + 1}"
            self.names[key] = name
            p = f' style:parent-style-name="{parent}"' if parent else ""
            self.xml.append(f'<style:style style:name="{name}" style:family="{family}"{p}>{props}</style:style>')
        return name

    def para(self, parent: str, *, align: str = "left", bold: bool = False, pt: float | None = None,
             left_em: float = 0.0, hang_em: float = 0.0, first_em: float = 0.0) -> str:
        if align == "left" and not bold and pt is None and not left_em and not hang_em and not first_em:
            return parent
        key = ("P", parent, align, bold, pt, left_em, hang_em, first_em)
        if key in self.names:
            return self.names[key]
        size = pt or (L.TABLE_COMPACT_PT if parent.startswith("AW_Table_Compact")
                      else L.TABLE_PT if parent.startswith("AW_Table") else L.BODY_PT)
        para = []
        if align != "left":
            para.append(f'fo:text-align="{"end" if align == "right" else align}"')
        if left_em:
            para.append(f'fo:margin-left="{_em(left_em, size)}"')
        if first_em - hang_em:
            para.append(f'fo:text-indent="{_em(first_em - hang_em, size)}"')
        props = f"<style:paragraph-properties {' '.join(para)}/>" if para else ""
        if bold or pt:
            props += f"<style:text-properties {_font_props(size, bold)}/>"
        return self.get(key, "paragraph", parent, props, "P")


class _Content:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.auto = _Auto()
        self.body: list[str] = []
        self.tables = 0
        self.text_width_cm = L.page_size_cm(doc.landscape)[0] - 2 * L.MARGIN_SIDE_CM

    def p(self, style: str, content: str) -> None:
        self.body.append(f'<text:p text:style-name="{style}">{content}</text:p>')

    def block(self, b) -> None:
        a = self.auto
        if isinstance(b, Paragraph):
            pt = L.paragraph_pt(b) if b.size != "normal" else None
            style = a.para("AW_Body", align=b.align, bold=b.bold, pt=pt, left_em=float(b.indent or 0),
                           first_em=float(b.first_line_indent or 0))
            self.p(style, _inline(b.text))
        elif isinstance(b, Numbered):
            left, hang = L.hanging(b.level, b.label)
            style = a.para(f"AW_Numbered_{b.level}", left_em=left, hang_em=hang,
                           pt=L.paragraph_pt(b) if b.size != "normal" else None)
            self.p(style, escape(b.label) + _inline(b.text))
        elif isinstance(b, Field):
            label = L.field_label(clean(b.label))
            hang = L.text_width_em(label)
            style = a.para("AW_Field", left_em=hang, hang_em=hang,
                           pt=L.paragraph_pt(b) if b.size != "normal" else None)
            lab = escape(label)
            if b.bold_label:
                lab = f'<text:span text:style-name="AW_Strong">{lab}</text:span>'
            self.p(style, lab + _inline(b.value))
        elif isinstance(b, Heading):
            level = 1 if b.level <= 1 else 2
            self.body.append(f'<text:h text:style-name="AW_Heading_{level}" text:outline-level="{level}">'
                             f"{_inline(b.text)}</text:h>")
        elif isinstance(b, Title):
            style = "AW_Title_Large" if b.size == "xlarge" else "AW_Title"
            if b.size == "letter":
                style = a.para("AW_Title", align="center", bold=True, pt=L.title_pt(b))
            for line in b.lines:
                self.p(style, _inline(line))
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, PageBreak):
            self.p("AW_Page_Break", "")
        elif isinstance(b, Attachments):
            self.attachments(b)
        elif isinstance(b, Enclosure):
            self.attachments(Attachments([enclosure_line(b)], label=b.label))

    def attachments(self, b: Attachments) -> None:
        label = L.field_label(clean(b.label))
        items = [clean(i) for i in b.items if clean(i)]
        if len(items) <= 1:
            hang = L.text_width_em(label)
            style = self.auto.para("AW_Attachments", left_em=hang, hang_em=hang)
            self.p(style, escape(label) + (_inline(items[0]) if items else "無"))
            return
        self.p("AW_Attachments", escape(label))
        for n, item in enumerate(items, 1):
            lab = zhnum.label(2, n)
            left, hang = L.hanging(2, lab)
            self.p(self.auto.para("AW_Attachments", left_em=left, hang_em=hang), escape(lab) + _inline(item))

    def cell(self, c: Cell, header: bool, spans: tuple[int, int], compact: bool = False) -> str:
        a = self.auto
        base, pad = ("AW_Table_Compact", "0.02cm") if compact else ("AW_Table_Contents", "0.1cm")
        if header:
            pstyle = "AW_Table_Compact_Heading" if compact else "AW_Table_Heading"
            cstyle = a.get(("C", "h", pad), "table-cell", None,
                           f'<style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="{pad}" '
                           'style:vertical-align="middle"/>', "TC")
        else:
            pstyle = a.para(base, align=c.align, bold=c.bold)
            cstyle = a.get(("C", "b", pad), "table-cell", None,
                           f'<style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="{pad}" '
                           'style:vertical-align="top"/>', "TC")
        cols, rows = spans
        attrs = f'table:style-name="{cstyle}" office:value-type="string"'
        if cols > 1:
            attrs += f' table:number-columns-spanned="{cols}"'
        if rows > 1:
            attrs += f' table:number-rows-spanned="{rows}"'
        paras = "".join(f'<text:p text:style-name="{pstyle}">{_inline(line)}</text:p>'
                        for line in clean(c.text).split("\n"))
        return f"<table:table-cell {attrs}>{paras}</table:table-cell>"

    def table(self, t: Table) -> None:
        a = self.auto
        g = grid(t)
        self.tables += 1
        tname = f"表格{self.tables}"
        if t.caption:
            self.p("AW_Caption", _inline(t.caption))
        width = self.text_width_cm
        together = ' style:may-break-between-rows="false"' if t.keep_together else ""
        tstyle = a.get(("T", width, t.keep_together), "table", None,
                       f'<style:table-properties style:width="{width:.2f}cm" table:align="margins" '
                       f'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"{together}/>', "Tb")
        out = [f'<table:table table:name="{tname}" table:style-name="{tstyle}">']
        for frac in g.fractions:
            col = a.get(("Col", round(frac * width, 3)), "table-column", None,
                        f'<style:table-column-properties style:column-width="{frac * width:.3f}cm" '
                        f'style:rel-column-width="{max(int(frac * 65535), 1)}*"/>', "Co")
            out.append(f'<table:table-column table:style-name="{col}"/>')
        # Rows stay on one page; a row taller than a page may break (it could not be printed otherwise).
        row_style = a.get(("R",), "table-row", None,
                          '<style:table-row-properties fo:keep-together="always"/>', "Ro")
        long_row = a.get(("R", "long"), "table-row", None,
                         '<style:table-row-properties fo:keep-together="auto"/>', "Ro")
        widths = [f * width for f in g.fractions]

        def emit(rows, header: bool) -> None:
            for row in rows:
                fits = header or L.row_fits_page(
                    [(clean(slot[0].text), sum(widths[i:i + slot[1][0]])) for i, slot in enumerate(row) if slot],
                    landscape=self.doc.landscape)
                out.append(f'<table:table-row table:style-name="{row_style if fits else long_row}">')
                for slot in row:
                    if slot is None:
                        out.append("<table:covered-table-cell/>")
                    else:
                        cell, spans = slot
                        out.append(self.cell(cell, header, spans, t.compact))
                out.append("</table:table-row>")

        if g.header:
            out.append("<table:table-header-rows>")
            emit(g.header, True)
            out.append("</table:table-header-rows>")
        if g.rows:
            emit(g.rows, False)
        elif not g.header:  # a table needs at least one row
            out.append("<table:table-row>" + "<table:table-cell/>" * len(g.fractions) + "</table:table-row>")
        out.append("</table:table>")
        self.body.append("".join(out))

    def xml(self) -> str:
        for b in self.doc.blocks:
            self.block(b)
        if not self.body:
            self.p("AW_Body", "")
        decls, _ = _fonts(self.doc.official)
        return (
            f'{XML_DECL}<office:document-content {NS} office:version="{VERSION}">{decls}'
            f"<office:automatic-styles>{''.join(self.auto.xml)}</office:automatic-styles>"
            f"<office:body><office:text>{''.join(self.body)}</office:text></office:body>"
            "</office:document-content>"
        )


def _meta_xml(doc: Document) -> str:
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat()
    return (
        f'{XML_DECL}<office:document-meta {NS} office:version="{VERSION}"><office:meta>'
        "<meta:generator>anwei</meta:generator>"
        f"<dc:title>{escape(clean(doc.title))}</dc:title>"
        "<dc:language>zh-TW</dc:language>"
        f"<meta:creation-date>{now}</meta:creation-date><dc:date>{now}</dc:date>"
        "</office:meta></office:document-meta>"
    )


_SETTINGS_XML = (
    f'{XML_DECL}<office:document-settings {NS} office:version="{VERSION}"><office:settings>'
    '<config:config-item-set config:name="ooo:configuration-settings">'
    '<config:config-item config:name="PrinterIndependentLayout" config:type="string">high-resolution'
    "</config:config-item></config:config-item-set></office:settings></office:document-settings>"
)

_MANIFEST_XML = (
    f'{XML_DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    f'manifest:version="{VERSION}">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="{VERSION}" manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def render_odt(doc: Document) -> bytes:
    container = Container()
    container.set_part("mimetype", MIMETYPE.encode())
    container.set_part("content.xml", _Content(doc).xml().encode("utf-8"))
    container.set_part("styles.xml", _styles_xml(doc).encode("utf-8"))
    container.set_part("meta.xml", _meta_xml(doc).encode("utf-8"))
    container.set_part("settings.xml", _SETTINGS_XML.encode("utf-8"))
    container.set_part("META-INF/manifest.xml", _MANIFEST_XML.encode("utf-8"))
    buf = io.BytesIO()
    container.save(buf, packaging="zip")
    return buf.getvalue()
