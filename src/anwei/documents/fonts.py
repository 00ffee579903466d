"""Is a Traditional Chinese font installed? Without one, PDF text turns into boxes,
so PDF export refuses with a clear message instead."""

from __future__ import annotations

import functools
import shutil
import subprocess

FONT_MISSING_MESSAGE = (
    "伺服器未安裝繁體中文字型，無法產生 PDF（產生的檔案會是方框而非文字）。"
    "請系統管理者安裝 Debian 套件 fonts-cns11643-kai（全字庫正楷體）與 fonts-noto-cjk 後再試；"
    "目前仍可下載 ODT 或 DOCX 檔。"
)


class FontMissingError(RuntimeError):
    """No Traditional Chinese font on this server; the message is for people."""

    def __init__(self, message: str = FONT_MISSING_MESSAGE):
        super().__init__(message)


@functools.lru_cache(maxsize=1)
def tc_font_families() -> tuple[str, ...]:
    """Font families fontconfig reports for zh-TW (cached for the process)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    try:
        out = subprocess.run([fc_list, ":lang=zh-tw", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    names: set[str] = set()
    for line in out.splitlines():
        names.update(n.replace("\\", "").strip() for n in line.split(",") if n.strip())
    return tuple(sorted(names))


def tc_font_available() -> bool:
    return bool(tc_font_families())


def require_tc_font() -> None:
    if not tc_font_available():
        raise FontMissingError()
