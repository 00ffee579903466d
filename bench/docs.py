"""Documents benchmark: a ~30-page meeting packet (40 tracked items, 8 proposals).

Prints JSON lines {"name", "value", "unit"}: ODT, DOCX and PDF rendering times, and the
time LibreOffice headless takes to convert our ODT to PDF in the same run.
Targets: ODT ≤ 150 ms; our PDF ÷ LibreOffice ≤ 0.5.

    .venv/bin/python -m bench.docs        (or: make bench-docs)
"""

from __future__ import annotations

import io
import json
import os
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


def _best_of(fn, repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs (after one warm-up run), and the last result."""
    result = fn()  # warm-up: imports, font loading
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def _libreoffice_ms(odt: bytes, workdir: Path, repeat: int) -> tuple[float, float] | None:
    """(first run with a fresh profile, median of later runs): one soffice process per conversion."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    src = workdir / "packet.odt"
    src.write_bytes(odt)
    profile = workdir / "lo-profile"

    def convert() -> None:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(workdir / "out"), str(src)], check=True, capture_output=True, timeout=300)

    t0 = time.perf_counter()
    convert()  # creates the profile
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        convert()
        times.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(times)


def run(repeat: int = 3) -> list[dict]:
    _setup_django()
    from pypdf import PdfReader

    from anwei.documents.render import render
    from anwei.documents.specimen import packet

    doc = packet(directives=40, proposals=8)
    odt_ms, odt = _best_of(lambda: render(doc, "odt"), max(repeat, 5))
    docx_ms, _ = _best_of(lambda: render(doc, "docx"), repeat)
    pdf_ms, pdf = _best_of(lambda: render(doc, "pdf"), repeat)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    out = [
        {"name": "docs.pages", "value": pages, "unit": "pages"},
        {"name": "docs.odt", "value": round(odt_ms, 1), "unit": "ms"},
        {"name": "docs.docx", "value": round(docx_ms, 1), "unit": "ms"},
        {"name": "docs.pdf", "value": round(pdf_ms, 1), "unit": "ms"},
    ]
    # the ratio compares with LibreOffice's warm runs (profile already created), the stricter figure
    with tempfile.TemporaryDirectory(prefix="anwei-bench-") as tmp:
        lo_ms = _libreoffice_ms(odt, Path(tmp), repeat)
    if lo_ms is not None:
        first, lo_ms = lo_ms
        out.append({"name": "docs.libreoffice_odt_to_pdf", "value": round(lo_ms, 1), "unit": "ms"})
        out.append({"name": "docs.libreoffice_first_run", "value": round(first, 1), "unit": "ms"})
        out.append({"name": "docs.pdf_over_libreoffice", "value": round(pdf_ms / lo_ms, 3), "unit": "ratio"})
    return out


def main() -> int:
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
