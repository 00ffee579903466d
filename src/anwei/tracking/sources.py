"""Where tracked items come from, as the apps that feed the engine describe it.

Tracking is the one engine that meetings, inspections and (later) incidents feed; it imports none of
them. An item refers to its origin (the meeting whose 項次 it is) and its source record (the ruling,
the inspection's finding) by generic references; each feeding app registers, in its AppConfig.ready(),
the kinds of record it gives: how to name and link one, who may follow the link, and — for an origin
kind — which records the register may filter by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class SourceKind:
    key: str  # short, stable: the register's filter values are "<key>:<pk>" ("meeting:12")
    model: type[models.Model]
    label: Callable[[models.Model], str]  # 「108年第2次會議」
    url: Callable[[models.Model], str]
    may_view: Callable[[object, models.Model], bool]  # (person, record)
    # (person, agency id) → [(pk, label)]: the records of one agency to filter the register by
    choices: Callable[[object, int], list[tuple[int, str]]] | None = None
    filter_label: str = ""  # the register filter's label, 「來源會議」

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)  # cached by Django after the first call


_kinds: dict[str, SourceKind] = {}


def source_register(kind: SourceKind) -> None:
    _kinds[kind.key] = kind


def source_kind_of(obj: models.Model) -> SourceKind | None:
    return next((k for k in _kinds.values() if isinstance(obj, k.model)), None)


def source_kind(key: str) -> SourceKind | None:
    return _kinds.get(key)


def origin_kinds() -> list[SourceKind]:
    """The kinds the register can filter by (those that list their records)."""
    return [k for k in _kinds.values() if k.choices is not None]


@dataclass(frozen=True)
class SourceLink:
    label: str
    url: str  # "" when the person may not open the record


def source_link(person, obj: models.Model | None) -> SourceLink | None:
    """How a page names an item's origin or source for this person: a link when they may open it."""
    kind = source_kind_of(obj) if obj is not None else None
    if kind is None:
        return None
    return SourceLink(kind.label(obj), kind.url(obj) if kind.may_view(person, obj) else "")
