"""Two machines for LibreOffice, each a private fontconfig set-up (FONTCONFIG_FILE):

- kai: the 楷書 face is 全字庫正楷體 (TW-Kai, Debian fonts-cns11643-kai), as on our servers and Linux
  desktops, with the alias file that scripts/system-packages.sh installs (標楷體 → TW-Kai);
- biaukai: the only 楷書 face is named 標楷體 / DFKai-SB, as on a government PC: a copy of TW-Kai
  whose name table is rewritten at test time (family 標楷體 and DFKai-SB, PostScript name
  DFKaiShu-SB-Estd-BF), so nothing in it is called TW-Kai and the PDF names the face it used.

Both also have Noto CJK and DejaVu (what a machine has besides), nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from anwei.documents.libreoffice import KAI_ALIAS_CONF

NOTO_DIR = "/usr/share/fonts/opentype/noto"
DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu"
BIAUKAI_PS = "DFKaiShu-SB-Estd-BF"


def _tw_kai_file() -> Path:
    out = subprocess.run(["fc-list", "-f", "%{file}\n", ":family=TW-Kai"], capture_output=True, text=True).stdout
    files = [Path(f) for f in out.split() if f.endswith(".ttf") and "Ext" not in f and "Plus" not in f]
    if not files:
        pytest.fail("需要 Debian 套件 fonts-cns11643-kai（TW-Kai）")
    return files[0]


def _conf(root: Path, dirs: list[str], extra: str = "") -> Path:
    conf = root / "fonts.conf"
    dir_xml = "".join(f"<dir>{d}</dir>" for d in dirs)
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
        f"{dir_xml}<cachedir>{root / 'cache'}</cachedir>"
        '<include ignore_missing="yes">/etc/fonts/conf.d</include>'
        f"{extra}</fontconfig>", encoding="utf-8")
    return conf


def kai_setup(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    return _conf(root, [str(_tw_kai_file().parent), NOTO_DIR, DEJAVU_DIR], f"<include>{KAI_ALIAS_CONF}</include>")


def biaukai_setup(root: Path) -> Path:
    from fontTools.ttLib import TTFont

    root.mkdir(parents=True, exist_ok=True)
    fonts = root / "fonts"
    fonts.mkdir(exist_ok=True)
    font = TTFont(str(_tw_kai_file()), lazy=True)
    for rec in font["name"].names:
        zh = rec.langID in (1028, 19)
        value = {1: "標楷體" if zh else "DFKai-SB", 4: "標楷體" if zh else "DFKai-SB", 3: "DFKai-SB",
                 6: BIAUKAI_PS, 16: "標楷體" if zh else "DFKai-SB"}.get(rec.nameID)
        if value:
            rec.string = value
    font.save(str(fonts / "kaiu.ttf"))
    # An alias file in /etc/fonts/conf.d (if installed) points to TW-Kai, which this set-up does not have.
    return _conf(root, [str(fonts), NOTO_DIR, DEJAVU_DIR])


def family_check(conf: Path, family: str) -> str:
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    return subprocess.run(["fc-match", f"{family}:lang=zh-tw", "family"], capture_output=True, text=True,
                          env=env).stdout.strip()


def soffice_pdf(conf: Path, src: Path, outdir: Path, profile: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("需要 Debian 套件 libreoffice-writer-nogui（soffice）")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(outdir), str(src)], capture_output=True, text=True, timeout=240, env=env)
    pdf = outdir / (src.stem + ".pdf")
    assert run.returncode == 0 and pdf.exists(), run.stdout + run.stderr
    return pdf


@pytest.fixture(scope="session")
def font_setups(tmp_path_factory):
    root = tmp_path_factory.mktemp("fontsetups")
    return {"kai": kai_setup(root / "kai"), "biaukai": biaukai_setup(root / "biaukai")}
