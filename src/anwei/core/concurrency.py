"""Optimistic locking: forms carry the version they were opened at; a save with a
stale version is refused so that nobody silently overwrites another's work."""

from __future__ import annotations

from django.db import models
from django.db.models import F

from anwei.core.forms import ConflictError


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def version_bump(obj: Versioned, expected: int) -> None:
    """Advance obj's version if it is still `expected`; else raise ConflictError with the current row.

    Call inside the service's transaction, before saving the new values.
    """
    updated = type(obj).objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1)
    if not updated:
        raise ConflictError(type(obj).objects.get(pk=obj.pk))
    obj.version = expected + 1


def row_lock(obj: models.Model) -> None:
    """Hold obj's row until the transaction ends, so that what is numbered within it (an agency's
    meetings of a year, a meeting's rulings) is numbered one at a time. (select_for_update() on an
    aggregate() is dropped by Django, so a MAX()+1 cannot lock itself.) A no-op in effect on
    SQLite, whose IMMEDIATE transactions already write one at a time."""
    type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True).get()
