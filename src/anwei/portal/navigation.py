"""Navigation entries by role. Domain apps add theirs with nav_register() in ready()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from anwei.orgs.models import Person


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    visible: Callable[[Person], bool]
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: list[NavEntry] = []


def nav_register(entry: NavEntry) -> None:
    if all(e.url_name != entry.url_name for e in _entries):
        _entries.append(entry)
        _entries.sort(key=lambda e: e.order)


def nav_for(person: Person) -> list[NavEntry]:
    return [e for e in _entries if e.visible(person)]
