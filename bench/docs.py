"""Documents benchmark: a ~30-page meeting packet (40 tracked items, 8 proposals).

Prints JSON lines {"name", "value", "unit"}: ODT, DOCX and PDF rendering times, and the
time LibreOffice headless takes to convert our ODT to PDF in the same run (one soffice process
per conversion, profile created by a warm-up run). Wall times are what people wait; CPU times
(ours, and LibreOffice's as a child process) are steadier when the machine is shared.
Targets: ODT ≤ 150 ms; our PDF ÷ LibreOffice ≤ 0.5.

The PDF (Typst) is timed on a new variant of the packet each run (every row and paragraph
differs), so that nothing laid out in one run is reused in the next; `docs.pdf_first` is the
first PDF of a fresh process (fonts loaded, engine started: once per worker). WeasyPrint, the
previous engine, is timed on the same packet for comparison, and a 200-page register as PDF.

    .venv/bin/python -m bench.docs        (or: make bench-docs)
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    os.environ.setdefault("ANWEI_DEBUG", "true")
    import django

    django.setup()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (LibreOffice runs as a child)."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def _best_of(fn, repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs (after one warm-up run), and the last result.
    (bench.run's smoke mode calls this one.)"""
    wall, _, result = _timed(fn, repeat)
    return wall, result


def _timed(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU time in ms over `repeat` runs (after one warm-up run), and the last result.

    CPU time is the steadier figure on a shared machine; wall time is what a person waits."""
    result = fn()  # warm-up: imports, font loading, LibreOffice profile
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), _cpu()
        result = fn()
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((_cpu() - c0) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def _libreoffice_ms(odt: bytes, workdir: Path, repeat: int) -> tuple[float, float] | None:
    """(wall, CPU) ms of one soffice process converting our ODT, profile already created."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    src = workdir / "packet.odt"
    src.write_bytes(odt)
    profile = workdir / "lo-profile"

    def convert() -> None:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(workdir / "out"), str(src)], check=True, capture_output=True, timeout=300)

    wall, cpu, _ = _timed(convert, repeat)
    return wall, cpu


def run(repeat: int = 3) -> list[dict]:
    _setup_django()
    from pypdf import PdfReader

    from anwei.documents.render import render
    from anwei.documents.specimen import packet

    from anwei.documents.render_pdf import render_pdf as weasyprint_pdf
    from anwei.documents.specimen import register

    doc = packet(directives=40, proposals=8)
    t0 = time.perf_counter()
    render(packet(directives=40, proposals=8, variant=10_000), "pdf")
    first_ms = (time.perf_counter() - t0) * 1000
    odt_ms, odt_cpu, odt = _timed(lambda: render(doc, "odt"), max(repeat, 5))
    docx_ms, docx_cpu, _ = _timed(lambda: render(doc, "docx"), repeat)
    variants = iter(range(1, 1000))
    pdf_ms, pdf_cpu, pdf = _timed(lambda: render(packet(directives=40, proposals=8, variant=next(variants)), "pdf"),
                                  max(repeat, 5))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    weasy_ms, _, _ = _timed(lambda: weasyprint_pdf(doc), max(1, min(repeat, 3)))
    reg_ms, _, reg = _timed(lambda: render(register(600, variant=next(variants)), "pdf"), max(1, min(repeat, 3)))
    out = [
        {"name": "docs.pages", "value": pages, "unit": "pages"},
        {"name": "docs.odt", "value": round(odt_ms, 1), "unit": "ms"},
        {"name": "docs.docx", "value": round(docx_ms, 1), "unit": "ms"},
        {"name": "docs.pdf", "value": round(pdf_ms, 1), "unit": "ms"},
        {"name": "docs.pdf_first", "value": round(first_ms, 1), "unit": "ms"},
        {"name": "docs.pdf_weasyprint", "value": round(weasy_ms, 1), "unit": "ms"},
        {"name": "docs.register_pages", "value": len(PdfReader(io.BytesIO(reg)).pages), "unit": "pages"},
        {"name": "docs.register_pdf", "value": round(reg_ms, 1), "unit": "ms"},
    ]
    with tempfile.TemporaryDirectory(prefix="anwei-bench-") as tmp:
        lo = _libreoffice_ms(odt, Path(tmp), repeat)
    if lo is not None:
        lo_ms, lo_cpu = lo
        out += [
            {"name": "docs.libreoffice_odt_to_pdf", "value": round(lo_ms, 1), "unit": "ms"},
            {"name": "docs.pdf_over_libreoffice", "value": round(pdf_ms / lo_ms, 3), "unit": "ratio"},
            {"name": "docs.pdf_cpu", "value": round(pdf_cpu, 1), "unit": "ms"},
            {"name": "docs.libreoffice_cpu", "value": round(lo_cpu, 1), "unit": "ms"},
            {"name": "docs.pdf_over_libreoffice_cpu", "value": round(pdf_cpu / lo_cpu, 3), "unit": "ratio"},
        ]
    out += [{"name": "docs.odt_cpu", "value": round(odt_cpu, 1), "unit": "ms"},
            {"name": "docs.docx_cpu", "value": round(docx_cpu, 1), "unit": "ms"},
            {"name": "docs.load_average", "value": round(os.getloadavg()[0], 2), "unit": "load"}]
    return out


def main() -> int:
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
