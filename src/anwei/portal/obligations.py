"""Obligations: what people owe and by when, declared by every domain app through one registry.

The home page's to-do list, the reminders and escalations, the daily digest and the calendar feed
are all drawn from here (the engine is in anwei.notifications). An app registers a provider in its
AppConfig.ready(); a provider answers two questions, each with a fixed number of queries:

- `owed_by(person)`: what this person owes today (the home page, their calendar feed), read
  through the policy like any page, so that a person never sees an item they could not open;
- `open(today)`: every open obligation system-wide with its due date and owner, for the reminder pass.
  It must read open records only, through indexed filters: never the closed history.

An obligation names its owner as an orgs post (a role in a unit or agency, or one person: never a
role literal outside orgs) and, for the escalation after its deadline, the posts above it:
`escalation=(unit level, agency level, superior office)`, each only where that post may open the page:
`url`, or that level's entry of `escalation_urls` when it is set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.urls import reverse

from anwei.core import clock
from anwei.orgs.models import Person
from anwei.orgs.posts import Post, held_by, names


@dataclass(frozen=True)
class Obligation:
    category: str  # 列管事項, 赴陸申請 …
    title: str
    url: str
    due: dt.date | None = None
    overdue: bool = False
    note: str = ""
    # --- for the engine (notifications) ---------------------------------------------------------------
    key: str = ""  # stable identity across days: "tracking.progress:12:5"
    kind: str = ""  # what sort of obligation (rules may differ per kind): "tracking.progress"
    agency_id: int | None = None  # whose reminder rules apply
    owner: Post | None = None  # who owes it; None: shown to whoever the provider found, never reminded
    escalation: tuple[Post | None, Post | None, Post | None] = (None, None, None)  # unit head, agency head, superior
    escalation_urls: tuple[str, str, str] = ("", "", "")  # per level, where `url` is not that post's page
    remind: bool = True  # reminders and escalations apply (False: a count or a notice, shown only)
    approval: bool = False  # a decision awaited: its holders may choose to hear of it at once
    since: dt.date | None = None  # when it started waiting on its owner (approvals)
    vacancy: str = ""  # the owner's post is vacant and this went to someone else: "綜合企劃科單位主管出缺"
    acting_for: str = ""  # shown to a deputy: the absent person's name

    @property
    def is_late(self) -> bool:
        return self.overdue


@dataclass(frozen=True)
class ObligationProvider:
    name: str
    owed_by: Callable[[Person], list[Obligation]]
    open: Callable[[dt.date], Iterable[Obligation]]
    kinds: tuple[tuple[str, str], ...] = ()  # (kind, label) of what it reminds of: rules may differ per kind


_providers: list[ObligationProvider] = []


def obligation_register(provider: ObligationProvider) -> ObligationProvider:
    if all(p.name != provider.name for p in _providers):
        _providers.append(provider)
    return provider


def obligation_providers() -> list[ObligationProvider]:
    return list(_providers)


# Some things cannot wait for the next reminder pass (a new incident report: the ethics officer must
# hear of it at once, at night and on holidays too). The app announces the obligation inside its
# service's transaction; the notifications app, which listens, writes the notices and queues the mail.
_announce_listeners: list[Callable[[Obligation, int | None], None]] = []


def announce_listen(listener: Callable[[Obligation, int | None], None]) -> None:
    if listener not in _announce_listeners:
        _announce_listeners.append(listener)


def obligation_announce(obligation: Obligation, *, besides: int | None = None) -> None:
    """Tell the obligation's owner now (in-app and by e-mail), except `besides` (the person id of whoever
    caused it: nobody is told of their own report). Call inside the service's transaction."""
    for listener in _announce_listeners:
        listener(obligation, besides)


_SENTINEL = 987654320  # no real primary key is near it


@lru_cache(maxsize=256)
def _url_parts(name: str, nargs: int) -> list[str]:
    url = reverse(name, args=[_SENTINEL + i for i in range(nargs)])
    parts = []
    for i in range(nargs):
        head, url = url.split(str(_SENTINEL + i), 1)
        parts.append(head)
    return parts + [url]


def link(name: str, *args: int) -> str:
    """reverse(name, args=args) for providers that build tens of thousands of obligations (the national
    reminder pass): the URL pattern is resolved once per name, then filled in."""
    parts = _url_parts(name, len(args))
    if not args:
        return parts[0]
    out = [parts[0]]
    for arg, part in zip(args, parts[1:]):
        out += [str(int(arg)), part]
    return "".join(out)


def obligation_kinds() -> list[tuple[str, str]]:
    return [k for p in _providers for k in p.kinds]


def _order(items: list[Obligation]) -> list[Obligation]:
    far = dt.date.max
    return sorted(items, key=lambda i: (not i.overdue, i.due or far, i.category))


def obligations_for(person: Person) -> list[Obligation]:
    """Everything this person owes today, overdue first; what they owe as someone's deputy is marked
    with the absent person's name (代理)."""
    items: list[Obligation] = []
    for provider in _providers:
        items.extend(provider.owed_by(person))
    principals: dict[int, int] = {}
    for i, item in enumerate(items):
        if item.owner is not None and not item.acting_for:
            holder = held_by(person, item.owner)
            if holder is not None and holder.acting_for_id is not None:
                principals[i] = holder.acting_for_id
    if principals:
        who = names(principals.values())
        items = [replace(item, acting_for=who[principals[i]]) if i in principals else item
                 for i, item in enumerate(items)]
    return _order(items)


def obligations_open(today: dt.date | None = None) -> list[Obligation]:
    today = today or clock.today()
    out: list[Obligation] = []
    for provider in _providers:
        out.extend(provider.open(today))
    return out


def overdue_on(due: dt.date | None, today: dt.date) -> bool:
    return due is not None and due < today


@dataclass
class Vacancy:
    label: str
    items: list[Obligation] = field(default_factory=list)


def vacancies(items: list[Obligation]) -> list[Vacancy]:
    """The vacant posts behind a person's obligations (the ethics officer's home page flags them)."""
    found: dict[str, Vacancy] = {}
    for item in items:
        if item.vacancy:
            found.setdefault(item.vacancy, Vacancy(item.vacancy)).items.append(item)
    return list(found.values())
