"""Strict parsing of environment variables: a bad value stops start-up naming the variable."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path


class EnvError(Exception):
    """Raised for an environment variable whose value cannot be used."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str | None = None, *, env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    value = env.get(name)
    if value is None or value == "":
        if default is None:
            raise EnvError(f"環境變數 {name} 未設定（{name} is required）")
        return default
    return value


def env_bool(name: str, default: bool, *, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    low = raw.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise EnvError(f"環境變數 {name} 的值「{raw}」不是布林值，請用 true 或 false（{name} must be true/false）")


def env_int(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None,
            env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise EnvError(f"環境變數 {name} 的值「{raw}」不是整數（{name} must be an integer）") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise EnvError(f"環境變數 {name} 的值 {value} 超出範圍 {minimum}–{maximum}（{name} out of range）")
    return value


def env_list(name: str, default: list[str], *, env: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return list(default)
    items = [part.strip() for part in raw.split(",")]
    if any(not item for item in items):
        raise EnvError(f"環境變數 {name} 含有空白項目：「{raw}」（{name} has an empty item）")
    return items


def secret_file(path: Path, *, nbytes: int = 48) -> str:
    """The secret kept in `path`, made once (random, URL-safe) with permissions 0600 when missing.
    For development only: production takes its secrets from the environment."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    try:  # O_EXCL: two processes starting at once agree on the first one's secret
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(value + "\n")
    return value
