"""LibreOffice on the server, when it is installed: converting an uploaded ODT/DOCX/… attachment
to PDF so that the packet's PDF can print it in place. Optional: without soffice, attachments
that are not PDFs are listed by name.

Conversions see 標楷體 as TW-Kai (the fontconfig alias in data/65-anwei-kai.conf) even on a
server where scripts/system-packages.sh has not installed it system-wide.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

KAI_ALIAS_CONF = Path(__file__).resolve().parent / "data" / "65-anwei-kai.conf"
CONVERT_TIMEOUT_S = 120
CONVERTIBLE = {".odt", ".ods", ".odp", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice_path() is not None


@functools.lru_cache(maxsize=1)
def fontconfig_file() -> str | None:
    """A fontconfig file: the system's configuration plus the 標楷體 → TW-Kai alias."""
    system = Path("/etc/fonts/fonts.conf")
    if not system.exists():
        return None
    conf = Path(tempfile.gettempdir()) / f"anwei-fonts-{os.getuid()}.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
                    f"<include>{system}</include><include>{KAI_ALIAS_CONF}</include></fontconfig>",
                    encoding="utf-8")
    return str(conf)


def convert_to_pdf(src: Path, outdir: Path) -> Path | None:
    """src converted into outdir/<stem>.pdf, or None (no LibreOffice, a failure, a time-out)."""
    soffice = soffice_path()
    if not soffice or src.suffix.lower() not in CONVERTIBLE:
        return None
    env = dict(os.environ)
    if conf := fontconfig_file():
        env["FONTCONFIG_FILE"] = conf
    with tempfile.TemporaryDirectory(prefix="anwei-lo-") as profile:
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
                           capture_output=True, timeout=CONVERT_TIMEOUT_S, env=env, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
    pdf = outdir / (src.stem + ".pdf")
    return pdf if pdf.exists() and pdf.stat().st_size > 0 else None


def cache_dir() -> Path:
    """Where conversions are kept: beside the uploads (ANWEI_DATA_DIR), else the temporary directory."""
    try:
        from django.conf import settings

        return Path(settings.UPLOAD_DIR) / "pdf-cache"
    except Exception:  # outside Django (benchmarks, scripts)
        return Path(tempfile.gettempdir()) / "anwei-pdf-cache"


def is_cached(src: Path, sha256: str, suffix: str) -> bool:
    """True when printing src needs no conversion now (a PDF, a type LibreOffice cannot open, converted before)."""
    if suffix == ".pdf" or suffix not in CONVERTIBLE:
        return True
    return (cache_dir() / f"{_key(sha256, suffix)}.pdf").exists()


def _key(sha256: str, suffix: str) -> str:
    return hashlib.sha256(f"{sha256}:{suffix}".encode()).hexdigest()[:32]


def cached_pdf(src: Path, sha256: str, cache_dir: Path, *, suffix: str) -> Path | None:
    """The PDF of an uploaded file (stored without extension; `suffix` is its type), converted once
    and kept next to the uploads, keyed by content."""
    if suffix == ".pdf":
        return src
    if suffix not in CONVERTIBLE:
        return None
    target = cache_dir / f"{_key(sha256, suffix)}.pdf"
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="anwei-conv-") as tmp:
        work = Path(tmp) / f"in{suffix}"
        shutil.copyfile(src, work)
        pdf = convert_to_pdf(work, Path(tmp))
        if pdf is None:
            return None
        shutil.move(str(pdf), target)
    return target
