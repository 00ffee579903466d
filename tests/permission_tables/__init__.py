"""Permission tables: one module per app, each a list of Row.

Every URL pattern of the project must appear in exactly one Row (the matrix test
fails otherwise). `expect` maps a role (see tests.world.ROLES, plus "anonymous")
to the status code that role must get; "*" is the default for unnamed roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOGIN = 302  # anonymous users are redirected to the login page


@dataclass
class Row:
    name: str
    kwargs: Callable[[Any], dict] = field(default=lambda w: {})
    expect: dict[str, int] = field(default_factory=dict)
    method: str = "get"
    data: Callable[[Any], dict] | None = None
    query: str = ""

    def expected(self, role: str) -> int:
        if role in self.expect:
            return self.expect[role]
        if role == "anonymous":
            return LOGIN
        return self.expect["*"]
