"""The per-agency summary rows (models.AgencySummary): computed from the records of one agency with three grouped
queries on indexed columns, refreshed at the end of every service that changed the agency's records (inside its
transaction: core.service.service_finish_register), rebuilt for all agencies by `anwei dashboards_rebuild` (after a
restore, an upgrade, or bulk-written synthetic data)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count

from anwei.core.service import in_service
from anwei.dashboards.models import AgencySummary
from anwei.meetings.models import SecurityMeeting
from anwei.submissions.models import Submission
from anwei.tracking.models import TrackedItem

OPEN = [TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED]


def _key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def compute(agency_ids: Iterable[int], models=None) -> dict[int, AgencySummary]:
    """Summaries of the agencies as the records stand (three grouped queries whatever their number). `models`:
    the (summary, item, meeting, submission) classes, given by the migration that fills the table."""
    summary, item, meeting, submission = models or (AgencySummary, TrackedItem, SecurityMeeting, Submission)
    ids = list(agency_ids)
    out = {pk: summary(agency_id=pk, open_due={}, meetings={}, filings={}) for pk in ids}
    for pk, due, n in (item.objects.filter(agency_id__in=ids, status__in=OPEN).order_by()
                       .values_list("agency_id", "due_date").annotate(n=Count("pk"))):
        out[pk].open_due[_key(due)] = n
    for pk, day, n in (meeting.objects.filter(agency_id__in=ids).order_by()
                       .values_list("agency_id", "date").annotate(n=Count("pk"))):
        out[pk].meetings[_key(day)] = n
    for pk, year, n in (submission.objects.filter(agency_id__in=ids).order_by()
                        .values_list("agency_id", "first_sent_at__year").annotate(n=Count("pk"))):
        out[pk].filings[str(year)] = n
    return out


def refresh(agency_ids: Iterable[int], models=None) -> None:
    rows = list(compute(agency_ids, models).values())
    (models[0] if models else AgencySummary).objects.bulk_create(rows, update_conflicts=True, unique_fields=["agency"],
                                      update_fields=["open_due", "meetings", "filings"])


def rebuild(batch: int = 500, models=None, agency_model=None) -> int:
    """Every agency anew; returns the number of rows."""
    from anwei.orgs.models import Agency

    ids = list((agency_model or Agency).objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        refresh(ids[start:start + batch], models)
    return len(ids)


_pending = threading.local()
# The apps whose services write the rows summarised (tracked items, meetings, filings); every other app changes them
# only through these services, whose audit rows carry these prefixes. (Others' changes are not refreshed: a letter
# to 400 agencies would otherwise refresh 400 rows.)
WATCHED = ("tracking.", "meetings.", "submissions.")


def on_audit(entry, obj, access: bool) -> None:
    """Audit listener: a change of an agency's tracked items, meetings or filings (by their services, or one of
    those rows in the admin) marks its row, and the record's own agency (a superior acknowledging a filing); the
    rows are refreshed when the service has finished, in its transaction (a delete comes after its audit row).
    A change outside any service refreshes at once. A look changes nothing."""
    if access or not (entry.action.startswith(WATCHED) or isinstance(obj, (TrackedItem, SecurityMeeting, Submission))):
        return
    ids = {entry.agency_id, getattr(obj, "agency_id", None)} - {None}
    if not ids:
        return
    if not in_service():
        refresh(ids)
        return
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    _pending.ids |= ids


def on_service_finish() -> None:
    ids = getattr(_pending, "ids", None)
    if ids:
        _pending.ids = set()
        refresh(ids)


# --- reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    agency_id: int
    open_due: dict
    meetings: dict
    filings: dict


def read(agency_ids) -> list[Kept]:
    """The agencies' rows (`agency_ids`: a list or a query of them), as plain values: one query, no model
    instances (a superior reads hundreds)."""
    return [Kept(*r) for r in AgencySummary.objects.filter(agency_id__in=agency_ids)
            .values_list("agency_id", "open_due", "meetings", "filings")]


def overdue_items(rows: Iterable[Kept], today: dt.date) -> dict[int, int]:
    """Open tracked items with a due date before today, per agency (as the register's overdue filter counts)."""
    limit = today.isoformat()
    return {r.agency_id: sum(n for day, n in r.open_due.items() if day and day < limit) for r in rows}


def years(rows: Iterable[Kept], first: int, today: dt.date) -> tuple[dict[int, int], dict[int, int]]:
    """Meetings held (up to today) and filings first sent, per year from `first`, over the agencies."""
    meetings: dict[int, int] = defaultdict(int)
    filings: dict[int, int] = defaultdict(int)
    limit, low = today.isoformat(), f"{first:04d}"
    for r in rows:
        for day, n in r.meetings.items():
            if low <= day <= limit:
                meetings[int(day[:4])] += n
        for year, n in r.filings.items():
            if year >= low:
                filings[int(year)] += n
    return dict(meetings), dict(filings)
