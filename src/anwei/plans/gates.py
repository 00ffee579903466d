"""Conditions another app sets on issuing a plan's letter (the head's 核定, per agency rule).

`plans` imports none of the apps that register here: a registered function receives the plan and
answers with a Gate (shown on the plan and letter pages; a blocking gate refuses the dispatch) or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gate:
    label: str  # 首長核定
    state: str  # 待核定, 已核定 …
    url: str  # where it is dealt with
    blocking: bool  # the letter cannot be issued while true
    message: str = ""  # why the dispatch is refused


_gates: list[Callable] = []


def dispatch_gate_register(fn: Callable) -> None:
    if fn not in _gates:
        _gates.append(fn)


def dispatch_gates(plan) -> list[Gate]:
    return [g for g in (fn(plan) for fn in _gates) if g is not None]
