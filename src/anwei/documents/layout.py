"""One set of measurements for every renderer, so HTML/PDF, ODT and DOCX look alike.

Sizes are in points, lengths in centimetres, indents in em (one 全形字).
"""

from __future__ import annotations

from anwei.documents.model import Title

PAGE_W_CM, PAGE_H_CM = 21.0, 29.7  # A4
MARGIN_TOP_CM = 2.0
MARGIN_BOTTOM_CM = 1.8
MARGIN_SIDE_CM = 2.0
HEADER_FOOTER_GAP_CM = 0.4

BODY_PT = 14.0
TABLE_PT = 12.0
TABLE_COMPACT_PT = 9.0  # Table(compact=True): a form's rows, single-spaced
HEADER_PT = 10.0
LINE_HEIGHT = 1.5  # multiple of the font size

PARA_PT = {"small": 12.0, "normal": BODY_PT, "large": 16.0}
TITLE_PT = {"large": 18.0, "letter": 20.0, "xlarge": 22.0}
HEADING_PT = {1: 16.0, 2: 14.0}

# Left edge of each official-numbering level (壹、 一、 （一） 1、 （1）), in em.
LEVEL_OFFSET_EM = {1: 0.0, 2: 1.0, 3: 2.0, 4: 3.0, 5: 4.0}

OFFICIAL_FONTS = ("TW-Kai", "全字庫正楷體", "標楷體", "DFKai-SB", "BiauKai", "Noto Serif CJK TC", "Noto Sans CJK TC")
PLAIN_FONTS = ("Noto Sans CJK TC",)
# The name written into ODT/DOCX. An office suite takes one name per style (measured: LibreOffice
# ignores lists and falls back through fontconfig, which picks a sans-serif face), so the name is
# the one every government PC has: 標楷體. Servers and Linux desktops with 全字庫正楷體 (TW-Kai)
# map 標楷體 to TW-Kai with one fontconfig file (documents/fontconfig/, installed by
# scripts/system-packages.sh); Word falls back to the font table's alternative name, TW-Kai.
ODT_OFFICIAL_FONT = "標楷體"
ODT_OFFICIAL_FALLBACK = "TW-Kai"
ODT_PLAIN_FONT = "Noto Sans CJK TC"
# Latin letters and digits in the document's own face (楷書 digits in official documents); a
# separate Latin font would be replaced on Linux by whatever fontconfig finds first.
LATIN_FONT = "Times New Roman"


def latin_font(official: bool) -> str:
    return ODT_OFFICIAL_FONT if official else ODT_PLAIN_FONT

PAGE_FOOTER = ("第", "頁，共", "頁")  # 第X頁，共Y頁


def page_size_cm(landscape: bool) -> tuple[float, float]:
    return (PAGE_H_CM, PAGE_W_CM) if landscape else (PAGE_W_CM, PAGE_H_CM)


def text_width_em(text: str) -> float:
    """Approximate printed width: full-width characters 1 em, ASCII about half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def hanging(level: int, label: str) -> tuple[float, float]:
    """(left margin, hanging width) in em for a numbered item: the label hangs, the text aligns."""
    width = text_width_em(label)
    return LEVEL_OFFSET_EM.get(level, 0.0) + width, width


def field_label(label: str) -> str:
    return label if label.endswith(("：", ":")) else label + "："


def paragraph_pt(p) -> float:
    """Font size of a Paragraph, Field or Numbered."""
    return PARA_PT.get(getattr(p, "size", "normal"), BODY_PT)


def title_pt(t: Title) -> float:
    return TITLE_PT.get(t.size, TITLE_PT["large"])


def text_lines(text: str, width_em: float) -> int:
    """Printed lines of `text` in a column `width_em` wide (an estimate: CJK 1 em, ASCII ½ em)."""
    width_em = max(width_em, 1.0)
    total = 0
    for line in text.split("\n"):
        total += max(1, -(-int(text_width_em(line)) // int(width_em)) if line else 1)
    return total


def row_fits_page(texts: list[tuple[str, float]], *, landscape: bool, pt: float = TABLE_PT,
                  line_height: float = 1.4) -> bool:
    """Whether a table row (each cell's text and width in cm) is shorter than a page's text area,
    so that it can be kept on one page. A row taller than a page has to break (rows never split
    otherwise)."""
    w, h = page_size_cm(landscape)
    usable_cm = (h - MARGIN_TOP_CM - MARGIN_BOTTOM_CM) * 0.85  # header row and the page's header/footer
    em_cm = pt * 2.54 / 72
    tallest = 0.0
    for text, width_cm in texts:
        lines = text_lines(text, (width_cm - 0.3) / em_cm)
        tallest = max(tallest, lines * line_height * em_cm + 0.2)
        if tallest > usable_cm:
            return False
    return True
