"""The home page's "awaiting your action" list, filled by every domain app.

An app registers a provider in its AppConfig.ready(); a provider takes the person
and returns InboxItems. Each provider must make a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from anwei.orgs.models import Person


@dataclass(frozen=True)
class InboxItem:
    category: str  # e.g. 列管事項, 赴陸申請
    title: str
    url: str
    due: dt.date | None = None
    overdue: bool = False
    note: str = ""


Provider = Callable[[Person], list[InboxItem]]
_providers: list[Provider] = []


def inbox_register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def inbox_items(person: Person) -> list[InboxItem]:
    items: list[InboxItem] = []
    for provider in _providers:
        items.extend(provider(person))
    far = dt.date.max
    return sorted(items, key=lambda i: (not i.overdue, i.due or far, i.category))
