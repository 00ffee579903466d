"""PDF through Typst: the neutral document written as Typst markup and typeset by the `typst`
package (a compiled engine), at a fraction of WeasyPrint's or LibreOffice's time.

Every piece of text goes into Typst as a string literal (escaped), never as markup, so
nothing a person typed can run as Typst code. Fonts come from the server's font files
(Debian packages), found through fontconfig once per process and kept loaded; nothing is
downloaded. TW-Kai has no bold face: bold is drawn with a thin outline of the glyphs
(text stays text: extractable and searchable), so 楷書 headings are bold in 楷書.

Layout rules of the neutral model honoured here: table rows never split across pages,
`Table.keep_together` keeps a whole table on one page, captions, titles and headings stay
with what follows, numbered items hang their label, page numbers 第X頁，共Y頁 count every page,
enclosed PDFs included.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from anwei.documents import layout as L
from anwei.documents.fonts import require_tc_font
from anwei.documents.model import (
    Attachments, Cell, Document, Enclosure, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title,
)
from anwei.documents.tables import grid
from anwei.documents.text import clean, enclosure_line
from anwei.lib import zhnum

# Family names as Typst reads them from the font files (its fallback runs left to right, per glyph).
TYPST_OFFICIAL = ("TW-Kai", "DFKai-SB", "BiauKai", "TW-Kai-Plus", "TW-Kai-Ext-B", "Noto Serif CJK TC")
TYPST_PLAIN = ("Noto Sans CJK TC", "TW-Kai-Plus", "TW-Kai-Ext-B")
# Families whose files are loaded (those present on the server).
_FONT_FAMILIES = ("TW-Kai", "TW-Kai-Plus", "TW-Kai-Ext-B", "DFKai-SB", "標楷體", "BiauKai", "Noto Sans CJK TC",
                  "Noto Serif CJK TC")
BOLD_STROKE_EM = 0.028  # outline width that makes a regular 楷書 face read as bold

_lock = threading.Lock()


def _font_files() -> list[str]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    files: set[str] = set()
    for family in _FONT_FAMILIES:
        try:
            out = subprocess.run([fc_list, "-f", "%{file}\n", f":family={family}"], capture_output=True, text=True,
                                 timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        files.update(line.strip() for line in out.splitlines() if line.strip())
    return sorted(files)


@functools.lru_cache(maxsize=1)
def typst_fonts():
    """The font set, loaded once per process (a few hundred ms) and shared by every compilation."""
    import typst

    dirs = sorted({str(Path(f).parent) for f in _font_files()})
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=dirs)


def _s(text: str) -> str:
    """A Typst string literal."""
    t = clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "    ")
    return f'"{t}"'


def _em(v: float) -> str:
    return f"{v:.3f}em"


class _Writer:
    def __init__(self, doc: Document, workdir: Path) -> None:
        self.doc = doc
        self.workdir = workdir
        self.out: list[str] = []
        self.files = 0

    # --- pieces -------------------------------------------------------------------------------
    def txt(self, text: str, *, bold: bool = False) -> str:
        return f"B({_s(text)})" if bold else _s(text)

    def par(self, body: str, *, left: float = 0.0, hang: float = 0.0, first: float = 0.0, align: str = "left",
            size: float | None = None) -> str:
        args = []
        if hang:
            args.append(f"hanging-indent: {_em(hang)}")
        if first:
            args.append(f"first-line-indent: (amount: {_em(first)}, all: true)")
        if align == "justify":
            args.append("justify: true")
        expr = f"par({', '.join(args)}{', ' if args else ''}{body})"
        start = left - hang
        if start > 0:
            expr = f"pad(left: {_em(start)}, {expr})"
        if align in ("center", "right"):
            expr = f"align({'center' if align == 'center' else 'right'}, {expr})"
        if size:  # outermost, so that the indents (em) are of this size
            expr = f"text(size: {size:g}pt, {expr})"
        return expr

    def emit(self, expr: str) -> None:
        self.out.append(f"#{expr}\n")

    # --- blocks -------------------------------------------------------------------------------
    def block(self, b) -> None:
        if isinstance(b, Paragraph):
            size = L.paragraph_pt(b) if b.size != "normal" else None
            self.emit(self.par(self.txt(b.text, bold=b.bold), left=float(b.indent or 0),
                               first=float(b.first_line_indent or 0), align=b.align, size=size))
        elif isinstance(b, Numbered):
            left, hang = L.hanging(b.level, b.label)
            size = L.paragraph_pt(b) if b.size != "normal" else None
            self.emit(self.par(f"{_s(b.label)} + {_s(b.text)}", left=left, hang=hang, size=size))
        elif isinstance(b, Field):
            label = L.field_label(clean(b.label))
            hang = L.text_width_em(label)
            size = L.paragraph_pt(b) if b.size != "normal" else None
            self.emit(self.par(f"{self.txt(label, bold=b.bold_label)} + {_s(b.value)}", left=hang, hang=hang,
                               size=size))
        elif isinstance(b, Heading):
            level = 1 if b.level <= 1 else 2
            above, below = (0.6, 0.2) if level == 1 else (0.4, 0.1)
            self.emit(f"block(sticky: true, above: {above}em, below: {below}em, "
                      f"text(size: {L.HEADING_PT[level]:g}pt, par(B({_s(b.text)}))))")
        elif isinstance(b, Title):
            lines = " + linebreak() + ".join(f"B({_s(line)})" for line in b.lines) or '""'
            self.emit(f"block(sticky: true, width: 100%, below: 0.6em, align(center, text(size: {L.title_pt(b):g}pt, "
                      f"par(leading: 0.4em, {lines}))))")
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, PageBreak):
            self.emit("pagebreak(weak: true)")
        elif isinstance(b, Attachments):
            self.attachments(b.label, [clean(i) for i in b.items if clean(i)])
        elif isinstance(b, Enclosure):
            self.enclosure(b)

    def attachments(self, label_text: str, items: list[str]) -> None:
        label = L.field_label(clean(label_text))
        hang = L.text_width_em(label)
        if len(items) <= 1:
            self.emit(self.par(f"{_s(label)} + {_s(items[0] if items else '無')}", left=hang, hang=hang))
            return
        self.emit(self.par(_s(label)))
        for n, item in enumerate(items, 1):
            lab = zhnum.label(2, n)
            left, h = L.hanging(2, lab)
            self.emit(self.par(f"{_s(lab)} + {_s(item)}", left=left, hang=h))

    def enclosure(self, e: Enclosure) -> None:
        pdf = enclosure_pdf(e)
        pages = _pdf_pages(pdf) if pdf else 0
        if not pages:
            self.attachments(e.label, [enclosure_line(e) + "（另附）"])
            return
        self.files += 1
        local = f"enc{self.files}.pdf"
        try:
            os.link(pdf, self.workdir / local)
        except OSError:
            shutil.copyfile(pdf, self.workdir / local)
        # Each page of the file on a page of its own, scaled into the text area, the footer numbering it.
        self.emit("pagebreak(weak: true)")
        for k in range(1, pages + 1):
            if k > 1:
                self.emit("pagebreak()")
            self.emit(f'block(width: 100%, height: 100%, align(center + horizon, image("{local}", page: {k}, '
                      'width: 100%, height: 100%, fit: "contain")))')
        self.emit("pagebreak(weak: true)")

    def cell(self, c: Cell, spans: tuple[int, int], header: bool, breakable: bool = False) -> str:
        args = ["breakable: true"] if breakable else []
        cols, rows = spans
        if cols > 1:
            args.append(f"colspan: {cols}")
        if rows > 1:
            args.append(f"rowspan: {rows}")
        if header:
            args.append("align: center + horizon")
        elif c.align in ("center", "right"):
            args.append(f"align: {c.align} + top")
        body = self.txt(c.text, bold=header or c.bold)
        if c.align == "justify" and not header:
            body = f"par(justify: true, {body})"
        return f"table.cell({', '.join(args)}{', ' if args else ''}{body})"

    def table(self, t: Table) -> None:
        g = grid(t)
        cols = ", ".join(f"{max(f * 100, 0.1):.3f}fr" for f in g.fractions)
        parts = [f"columns: ({cols},)"]
        if g.header:
            head = ", ".join(self.cell(c, spans, True) for row in g.header for slot in row if slot
                             for c, spans in (slot,))
            parts.append(f"table.header(repeat: true, {head})")
        text_cm = L.page_size_cm(self.doc.landscape)[0] - 2 * L.MARGIN_SIDE_CM
        body = []
        for row in g.rows:
            slots = [slot for slot in row if slot]
            # A row taller than a page must break; every other row stays on one page.
            texts = [(clean(c.text), text_cm * sum(g.fractions[i:i + spans[0]]))
                     for i, slot in enumerate(row) if slot for c, spans in (slot,)]
            breakable = not L.row_fits_page(texts, landscape=self.doc.landscape)
            body += [self.cell(c, spans, False, breakable) for c, spans in slots]
        if not g.header and not body:
            body = ['""'] * g.ncols
        parts.extend(body)
        if t.compact:
            parts.insert(1, "inset: (x: 2pt, y: 1.2pt)")
        size, leading = (L.TABLE_COMPACT_PT, 0.15) if t.compact else (L.TABLE_PT, 0.4)
        table = f"{{ set text(size: {size:g}pt); set par(leading: {leading:g}em); table({', '.join(parts)}) }}"
        if t.keep_together:
            table = f"block(breakable: false, {table})"
        if t.caption:
            self.emit(f"block(sticky: true, width: 100%, above: 0.4em, below: 0.3em, align(center, par(B({_s(t.caption)}))))")
        self.emit(f"block(above: 0.2em, below: 0.6em, {table})")

    # --- the whole document -------------------------------------------------------------------
    def preamble(self) -> str:
        d = self.doc
        official = d.official
        fonts = TYPST_OFFICIAL if official else TYPST_PLAIN
        font_list = "(" + ", ".join(_s(f) for f in fonts) + ",)"
        bold = (f'text(stroke: {BOLD_STROKE_EM}em + black, body)' if official
                else 'text(weight: "bold", body)')
        header = "none"
        if d.header_text:
            header = (f"align(center + bottom, text(size: {L.HEADER_PT:g}pt, par(leading: 0.3em, {_s(d.header_text)})))")
        footer = "none"
        if d.page_numbers:
            a, b, c = L.PAGE_FOOTER
            footer = (f"context align(center + top, text(size: {L.HEADER_PT:g}pt, {_s(a)} + counter(page).display() "
                      f"+ {_s(b)} + str(counter(page).final().first()) + {_s(c)}))")
        gap = L.HEADER_FOOTER_GAP_CM
        return (
            f"#set document(title: {_s(d.title)})\n"
            f'#set page(paper: "a4", flipped: {"true" if d.landscape else "false"}, '
            f"margin: (top: {L.MARGIN_TOP_CM}cm, bottom: {L.MARGIN_BOTTOM_CM}cm, x: {L.MARGIN_SIDE_CM}cm), "
            f"header-ascent: {gap}cm, footer-descent: {gap}cm, header: {header}, footer: {footer})\n"
            f'#set text(font: {font_list}, size: {L.BODY_PT:g}pt, lang: "zh", region: "TW", '
            "top-edge: 0.88em, bottom-edge: -0.12em, cjk-latin-spacing: none)\n"
            # line height 1.5 as in the other formats: half a line between lines and between paragraphs
            f"#set par(leading: {L.LINE_HEIGHT - 1:g}em, spacing: {L.LINE_HEIGHT - 1:g}em, justify: false)\n"
            f"#set block(spacing: {L.LINE_HEIGHT - 1:g}em)\n"
            "#set table(stroke: 0.75pt + black, inset: (x: 4pt, y: 3pt), align: left + top)\n"
            "#set table.cell(breakable: false)\n"
            f"#let B(body) = {bold}\n"
        )

    def source(self) -> str:
        for b in self.doc.blocks:
            self.block(b)
        return self.preamble() + "".join(self.out)


def enclosure_pdf(e: Enclosure) -> str | None:
    """The PDF to print for an enclosure: the file itself, or its LibreOffice conversion (cached)."""
    if not e.path or not os.path.isfile(e.path):
        return None
    suffix = Path(e.name).suffix.lower() or Path(e.path).suffix.lower()
    if suffix == ".pdf":
        return e.path
    from anwei.documents import libreoffice

    pdf = libreoffice.cached_pdf(Path(e.path), e.key or e.path, libreoffice.cache_dir(), suffix=suffix)
    return str(pdf) if pdf else None


def _pdf_pages(path: str | None) -> int:
    """Pages of an enclosed PDF, or 0 when it cannot be read (then it is listed by name)."""
    if not path or not os.path.isfile(path):
        return 0
    try:
        from pypdf import PdfReader

        reader = PdfReader(path)
        if reader.is_encrypted:
            return 0
        return len(reader.pages)
    except Exception:  # a damaged upload is named, not printed
        return 0


def typst_source(doc: Document, workdir: Path | None = None) -> str:
    return _Writer(doc, workdir or Path(tempfile.gettempdir())).source()


def render_typst(doc: Document, *, archive: bool = False) -> bytes:
    """PDF bytes (PDF/A-2b with archive=True: fonts embedded, no transparency, metadata for archiving)."""
    require_tc_font()
    import typst

    with tempfile.TemporaryDirectory(prefix="anwei-typst-") as tmp:
        workdir = Path(tmp)
        src = _Writer(doc, workdir).source()
        (workdir / "main.typ").write_text(src, encoding="utf-8")
        fonts = typst_fonts()
        with _lock:  # one compilation at a time per process: the font set is shared
            compiler = typst.Compiler(str(workdir / "main.typ"), root=str(workdir), font_paths=fonts)
            try:
                return compiler.compile(format="pdf", pdf_standards=["a-2b"] if archive else [])
            except typst.TypstError as exc:
                if archive:
                    raise
                raise RuntimeError(f"typst: {exc.message}") from exc


def pdf_page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)
