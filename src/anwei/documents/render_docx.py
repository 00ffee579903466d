"""DOCX with python-docx: named styles, East Asian font (w:eastAsia) and zh-TW language,
repeated header rows (w:tblHeader), merged cells, 第X頁，共Y頁 fields in the footer."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from anwei.documents import layout as L
from anwei.documents.model import (
    Attachments, Cell, Document, Enclosure, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title,
)
from anwei.documents.tables import grid
from anwei.documents.text import clean, enclosure_line
from anwei.lib import zhnum

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _set_fonts(rpr_owner, asian: str, pt: float | None = None, bold: bool | None = None) -> None:
    """Latin and East Asian fonts (the same face: 楷書 digits in official documents) and zh-TW."""
    latin = asian
    font = rpr_owner.font
    font.name = latin
    if pt:
        font.size = Pt(pt)
    if bold is not None:
        font.bold = bold
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), asian)
    fonts.set(qn("w:cs"), asian)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-TW")
    lang.set(qn("w:eastAsia"), "zh-TW")


def _em(v: float, pt: float):
    return Pt(v * pt)


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.src = doc
        self.d = new_docx()
        self.asian = L.ODT_OFFICIAL_FONT if doc.official else L.ODT_PLAIN_FONT
        self._styles()
        self._section()
        self.text_width_cm = L.page_size_cm(doc.landscape)[0] - 2 * L.MARGIN_SIDE_CM

    # --- styles -------------------------------------------------------------------------------
    def _style(self, name: str, *, base: str = "Normal", pt: float | None = None, bold: bool | None = None,
               align: str | None = None, keep_next: bool = False):
        s = self.d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = self.d.styles[base]
        s.quick_style = True
        _set_fonts(s, self.asian, pt, bold)
        pf = s.paragraph_format
        if align:
            pf.alignment = _ALIGN[align]
        if keep_next:
            pf.keep_with_next = True
        return s

    def _styles(self) -> None:
        normal = self.d.styles["Normal"]
        _set_fonts(normal, self.asian, L.BODY_PT, None)
        pf = normal.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = L.LINE_HEIGHT
        # the document defaults too, so text outside our styles stays in the right font
        defaults = self.d.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            rfonts = defaults.find(".//" + qn("w:rFonts"))
            if rfonts is not None:
                for attr in ("w:eastAsia", "w:ascii", "w:hAnsi", "w:cs"):
                    rfonts.set(qn(attr), self.asian)
                for attr in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
                    rfonts.attrib.pop(qn(attr), None)
            lang = defaults.find(".//" + qn("w:lang"))
            if lang is not None:
                lang.set(qn("w:val"), "zh-TW")
                lang.set(qn("w:eastAsia"), "zh-TW")
        self._style("文件標題", pt=L.TITLE_PT["large"], bold=True, align="center", keep_next=True)
        self._style("文件大標題", base="文件標題", pt=L.TITLE_PT["xlarge"], bold=True)
        for level in (1, 2):
            s = self._style(f"章節標題{level}", pt=L.HEADING_PT[level], bold=True, keep_next=True)
            s.paragraph_format.space_before = Pt(6)
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level - 1))
            s.element.get_or_add_pPr().append(outline)
        for level in range(1, 6):
            self._style(f"編號第{level}層")
        self._style("欄位")
        self._style("附件")
        self._style("表名", bold=True, align="center", keep_next=True)
        s = self._style("表格內容", pt=L.TABLE_PT)
        s.paragraph_format.line_spacing = 1.2
        self._style("表格標題列", base="表格內容", pt=L.TABLE_PT, bold=True, align="center")
        s = self._style("表格內容（緊密）", pt=L.TABLE_COMPACT_PT)
        s.paragraph_format.line_spacing = 1.0
        self._style("表格標題列（緊密）", base="表格內容（緊密）", pt=L.TABLE_COMPACT_PT, bold=True, align="center")
        self._style("頁首頁尾", pt=L.HEADER_PT, align="center")

    def _section(self) -> None:
        sec = self.d.sections[0]
        w, h = L.page_size_cm(self.src.landscape)
        sec.orientation = WD_ORIENT.LANDSCAPE if self.src.landscape else WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(w), Cm(h)
        sec.top_margin, sec.bottom_margin = Cm(L.MARGIN_TOP_CM), Cm(L.MARGIN_BOTTOM_CM)
        sec.left_margin = sec.right_margin = Cm(L.MARGIN_SIDE_CM)
        sec.header_distance = sec.footer_distance = Cm(0.9)
        if self.src.header_text:
            p = sec.header.paragraphs[0]
            p.style = self.d.styles["頁首頁尾"]
            self._text(p, self.src.header_text)
        if self.src.page_numbers:
            p = sec.footer.paragraphs[0]
            p.style = self.d.styles["頁首頁尾"]
            a, b, c = L.PAGE_FOOTER
            p.add_run(a)
            self._field(p, "PAGE")
            p.add_run(b)
            self._field(p, "NUMPAGES")
            p.add_run(c)

    @staticmethod
    def _field(p, instr: str) -> None:
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), f" {instr} ")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        fld.append(run)
        p._p.append(fld)

    # --- blocks -------------------------------------------------------------------------------
    @staticmethod
    def _text(p, text: str, bold: bool | None = None) -> None:
        run = p.add_run()
        if bold:
            run.bold = True
        for i, line in enumerate(clean(text).split("\n")):
            if i:
                run.add_break()
            if line:
                run.add_text(line)

    def _para(self, style: str, text: str = "", *, align: str | None = None, left_em: float = 0.0,
              hang_em: float = 0.0, first_em: float = 0.0, pt: float = L.BODY_PT):
        p = self.d.add_paragraph(style=style)
        pf = p.paragraph_format
        if align and align != "left":
            pf.alignment = _ALIGN[align]
        if left_em:
            pf.left_indent = _em(left_em, pt)
        if first_em - hang_em:
            pf.first_line_indent = _em(first_em - hang_em, pt)
        if text:
            self._text(p, text)
        return p

    @staticmethod
    def _size(p, b) -> None:
        if getattr(b, "size", "normal") != "normal":
            for r in p.runs:
                r.font.size = Pt(L.paragraph_pt(b))

    def block(self, b) -> None:
        if isinstance(b, Paragraph):
            p = self._para("Normal", align=b.align, left_em=float(b.indent or 0),
                           first_em=float(b.first_line_indent or 0), pt=L.paragraph_pt(b))
            run_pt = L.paragraph_pt(b) if b.size != "normal" else None
            self._text(p, b.text, bold=b.bold)
            if run_pt:
                for r in p.runs:
                    r.font.size = Pt(run_pt)
        elif isinstance(b, Numbered):
            left, hang = L.hanging(b.level, b.label)
            p = self._para(f"編號第{b.level}層", b.label + clean(b.text), left_em=left, hang_em=hang,
                           pt=L.paragraph_pt(b))
            self._size(p, b)
        elif isinstance(b, Field):
            label = L.field_label(clean(b.label))
            hang = L.text_width_em(label)
            p = self._para("欄位", left_em=hang, hang_em=hang, pt=L.paragraph_pt(b))
            self._text(p, label, bold=b.bold_label or None)
            self._text(p, b.value)
            self._size(p, b)
        elif isinstance(b, Heading):
            self._para(f"章節標題{1 if b.level <= 1 else 2}", b.text)
        elif isinstance(b, Title):
            for line in b.lines:
                p = self._para("文件大標題" if b.size == "xlarge" else "文件標題", line)
                if b.size == "letter":
                    for r in p.runs:
                        r.font.size = Pt(L.title_pt(b))
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, PageBreak):
            self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, Enclosure):
            self.block(Attachments([enclosure_line(b)], label=b.label))
        elif isinstance(b, Attachments):
            label = L.field_label(clean(b.label))
            items = [clean(i) for i in b.items if clean(i)]
            if len(items) <= 1:
                hang = L.text_width_em(label)
                self._para("附件", label + (items[0] if items else "無"), left_em=hang, hang_em=hang)
            else:
                self._para("附件", label)
                for n, item in enumerate(items, 1):
                    lab = zhnum.label(2, n)
                    left, hang = L.hanging(2, lab)
                    self._para("附件", lab + item, left_em=left, hang_em=hang)

    def _fill(self, cell, c: Cell, header: bool, compact: bool = False) -> None:
        lines = clean(c.text).split("\n")
        style = self.d.styles[("表格標題列" if header else "表格內容") + ("（緊密）" if compact else "")]
        p = cell.paragraphs[0]
        for i, line in enumerate(lines):
            if i:
                p = cell.add_paragraph()
            p.style = style
            if not header and c.align != "left":
                p.paragraph_format.alignment = _ALIGN[c.align]
            if line:
                run = p.add_run(line)
                if c.bold and not header:
                    run.bold = True
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if header else WD_CELL_VERTICAL_ALIGNMENT.TOP

    def table(self, t: Table) -> None:
        g = grid(t)
        if t.caption:
            self._para("表名", t.caption)
        all_rows = g.header + g.rows
        if not all_rows:
            all_rows = [[(Cell(""), (1, 1))] * g.ncols]
        table = self.d.add_table(rows=len(all_rows), cols=g.ncols)
        table.style = self.d.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = [Cm(f * self.text_width_cm) for f in g.fractions]
        for col, w in zip(table.columns, widths):
            col.width = w
        rows = table.rows
        merges = []
        for r, (row, slots) in enumerate(zip(rows, all_rows)):
            is_header = r < len(g.header)
            if is_header:
                trpr = row._tr.get_or_add_trPr()
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                trpr.append(el)
            # rows stay on one page, unless taller than a page (it could not be printed otherwise)
            fits = is_header or L.row_fits_page(
                [(clean(sl[0].text), sum(g.fractions[i:i + sl[1][0]]) * self.text_width_cm)
                 for i, sl in enumerate(slots) if sl], landscape=self.src.landscape)
            if fits:
                row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            cells_ = row.cells
            for c, slot in enumerate(slots):
                cells_[c].width = widths[c]
                if slot is None:
                    continue
                cell, (cs, rs) = slot
                self._fill(cells_[c], cell, is_header, t.compact)
                if cs > 1 or rs > 1:
                    merges.append((r, c, r + rs - 1, c + cs - 1))
        if t.keep_together:  # the whole table on one page: every row keeps with the next
            for row in rows[:-1]:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        for r0, c0, r1, c1 in merges:
            a, b = table.cell(r0, c0), table.cell(r1, c1)
            text_paras = list(a.paragraphs)
            merged = a.merge(b)
            # merge() appends the covered cells' empty paragraphs; keep only the original ones
            for p in merged.paragraphs[len(text_paras):]:
                if not p.text:
                    p._p.getparent().remove(p._p)
        self.d.add_paragraph().paragraph_format.space_after = Pt(4)

    def _font_table(self) -> None:
        """Word substitutes w:altName when a font is missing: 標楷體 → TW-Kai (全字庫正楷體).
        The template's theme language (ja-JP for East Asian text) becomes zh-TW."""
        entry = (f'<w:font w:name="{L.ODT_OFFICIAL_FONT}"><w:altName w:val="{L.ODT_OFFICIAL_FALLBACK}"/>'
                 '<w:charset w:val="88"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>').encode()
        for part in self.d.part.package.iter_parts():
            blob = getattr(part, "_blob", None)
            if part.partname == "/word/fontTable.xml" and isinstance(blob, bytes) and self.src.official:
                part._blob = blob.replace(b"</w:fonts>", entry + b"</w:fonts>", 1)
        settings = self.d.settings.element
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:val"), "zh-TW")
            lang.set(qn("w:eastAsia"), "zh-TW")

    def build(self) -> bytes:
        core = self.d.core_properties
        core.title = clean(self.src.title)
        core.language = "zh-TW"
        core.author = core.last_modified_by = "anwei"
        for b in self.src.blocks:
            self.block(b)
        self._font_table()
        buf = io.BytesIO()
        self.d.save(buf)
        return buf.getvalue()


def render_docx(doc: Document) -> bytes:
    return _Writer(doc).build()
