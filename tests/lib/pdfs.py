"""Small PDFs written by hand for the extraction tests: text in the standard Traditional Chinese
CID font (MSung-Light, UniCNS-UCS2-H, not embedded — every PDF reader knows its encoding) and
ruled boxes, so a table can be drawn without a layout engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Text:
    x: float
    y: float  # from the bottom of an A4 page (842 pt high)
    text: str


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float


def make_pdf(pages: list[list[Text | Box]]) -> bytes:
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /MSung-Light /Encoding /UniCNS-UCS2-H /DescendantFonts [2 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MSung-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (CNS1) /Supplement 0 >> /FontDescriptor 3 0 R >>",
        b"<< /Type /FontDescriptor /FontName /MSung-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    pages_id = len(objects) + 2 * len(pages) + 1
    page_ids = []
    for items in pages:
        ops = []
        for it in items:
            if isinstance(it, Text):
                ops.append(f"BT /F1 10 Tf {it.x} {it.y} Td <{it.text.encode('utf-16-be').hex()}> Tj ET")
            else:
                ops.append(f"0.5 w {it.x} {it.y} {it.w} {it.h} re S")
        stream = "\n".join(ops).encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> "
                       b"/Contents %d 0 R >>" % (pages_id, len(objects)))
        page_ids.append(len(objects))
    kids = " ".join(f"{p} 0 R" for p in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    return bytes(out)


def table(x: float, top: float, widths: list[float], rows: list[list[str]], height: float = 24) -> list[Text | Box]:
    """A ruled table: one box per cell, the text inside it."""
    items: list[Text | Box] = []
    for r, cells in enumerate(rows):
        y = top - (r + 1) * height
        left = x
        for w, text in zip(widths, cells):
            items.append(Box(left, y, w, height))
            if text:
                items.append(Text(left + 4, y + 8, text))
            left += w
    return items
