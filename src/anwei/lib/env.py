"""Strict parsing of environment variables: a bad value stops start-up naming the variable."""

from __future__ import annotations

import os
from collections.abc import Mapping


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
