"""Background work of access control: reading a door log (batch by batch, each committed, so a million
lines neither hold the database nor memory) and the visitor log's step of the nightly retention job."""

from __future__ import annotations

import csv
import datetime as dt
import logging
from pathlib import Path

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from anwei.access import doorparse, selectors, services
from anwei.access.models import DoorEvent, DoorLog, Review

log_ = logging.getLogger(__name__)
BATCH = 10000
MAX_BAD_LINES = 200


def door_log_run(log: DoorLog, *, batch_size: int = BATCH) -> DoorLog:
    """Read a kept file into events. Bad rows are listed by line number; the good ones are kept."""
    agency = log.agency
    mapping = selectors.mapping_for(agency)
    judge = doorparse.Judge(agency)
    tz = timezone.get_current_timezone()  # Asia/Taipei: no daylight saving, so attaching it is exact
    used: set[str] = set()
    bad: list[str] = []
    bad_count = 0
    batch: list[tuple[int, dt.datetime, str, str, bool]] = []
    rows_in_batch = 0

    def flush() -> None:
        nonlocal rows_in_batch
        if not batch:
            return
        days = [local.date() for _, local, *_ in batch]
        judge.prepare(min(days), max(days))
        events = []
        for line, local, door_code, number, granted in batch:
            door = judge.doors.get(door_code)
            flags = judge.flags(local, door, number, granted)
            events.append(DoorEvent(agency=agency, log=log, line=line, at=local.replace(tzinfo=tz), door=door,
                                    door_code=door_code, badge=judge.badges.get(number), badge_number=number,
                                    granted=granted, flags=",".join(flags),
                                    review=Review.PENDING if flags else Review.NONE))
        services.door_log_batch(log=log, events=events, rows=rows_in_batch, lines=(batch[0][0], batch[-1][0]))
        batch.clear()
        rows_in_batch = 0

    try:
        with open(log.path, "rb") as f:
            lines = doorparse.decoded_lines(f, used)
            first = next(lines, (1, None))[1] or ""
            names = [h.strip() for h in next(csv.reader([first]), [])]
            col = doorparse.columns(mapping, names)
            width, granted_values = max(col.values()) + 1, mapping.granted_set()
            for n, text in lines:
                if text is None:
                    reason = "無法辨識的編碼"
                elif not text.strip():
                    continue
                else:
                    rows_in_batch += 1
                    fields = next(csv.reader([text]), []) if '"' in text else text.split(",")
                    try:
                        batch.append((n, *doorparse.row(fields, col, width, granted_values)))
                        if len(batch) >= batch_size:
                            flush()
                        continue
                    except ValueError as exc:
                        reason = str(exc)
                bad_count += 1
                if len(bad) < MAX_BAD_LINES:
                    bad.append(f"第{n}列：{reason}")
            flush()
    except Exception as exc:  # the file is unreadable midway: what was read stays, the log says so
        log_.exception("door log %s failed", log.pk)
        return services.door_log_finish(log=log, encoding="+".join(sorted(used)), bad=bad,
                                        error=f"匯入中斷：{str(exc)[:200]}")
    finally:
        Path(log.path).unlink(missing_ok=True)
    if bad_count > len(bad):
        bad.append(f"（另有{bad_count - len(bad)}列無法讀取，未列出）")
    return services.door_log_finish(log=log, encoding="+".join(sorted(used)), bad=bad)


@task()
def door_log_task(log_id: int) -> None:
    log = DoorLog.objects.filter(pk=log_id, status=DoorLog.Status.QUEUED).select_related("agency", "by").first()
    if log is not None:
        door_log_run(log)


def visitor_retention_step(dry_run: bool, today: dt.date | None = None) -> int:
    """Visitor records past their retention rule's date (one transaction each; a visitor still inside waits)."""
    due = list(selectors.retention_due(today=today).filter(Q(left_at__isnull=False) | Q(arrived_at__isnull=True)))
    if not dry_run:
        for v in due:
            services.visitor_destroy(actor=None, visitor=v)
    return len(due)
