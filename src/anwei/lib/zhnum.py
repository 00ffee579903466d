"""Numbering of official Chinese documents: 壹、 → 一、 → （一） → 1、 → （1）."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_CAPITAL = "零壹貳參肆伍陸柒捌玖"


def chinese(n: int, *, capital: bool = False) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五 (capital: 壹, 拾, 拾伍 …)."""
    if n <= 0:
        raise ValueError("numbering starts at 1")
    digits = _CAPITAL if capital else _DIGITS
    ten, hundred = ("拾", "佰") if capital else ("十", "百")
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = digits[0] + digits[rest]
        elif rest < 20:
            tail = digits[1] + chinese(rest, capital=capital)
        else:
            tail = chinese(rest, capital=capital)
        return digits[n // 100] + hundred + tail
    return str(n)


def label(level: int, n: int) -> str:
    """The label for item n at level 1–5: 壹、 一、 （一） 1、 （1）."""
    if level == 1:
        return chinese(n, capital=True) + "、"
    if level == 2:
        return chinese(n) + "、"
    if level == 3:
        return f"（{chinese(n)}）"
    if level == 4:
        return f"{n}、"
    if level == 5:
        return f"（{n}）"
    raise ValueError(f"official numbering has five levels, not {level}")


def ordinal_item(n: int) -> str:
    """項次 as the agendas write it: 一, 二, …"""
    return chinese(n)
