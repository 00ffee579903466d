"""The visitor log's step of the nightly retention job (footage.tasks runs every registered step)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from anwei.access import selectors
from anwei.access.services import visitor_destroy


def visitor_retention_step(dry_run: bool, today: dt.date | None = None) -> int:
    """Visitor records past their retention rule's date (one transaction each; a visitor still inside waits)."""
    due = list(selectors.retention_due(today=today).filter(Q(left_at__isnull=False) | Q(arrived_at__isnull=True)))
    if not dry_run:
        for v in due:
            visitor_destroy(actor=None, visitor=v)
    return len(due)
