"""The audit log: services call audit_record() inside their transaction.

Rows are hash-chained: digest = sha256(prev_digest + canonical JSON of the row).
AuditHead is locked for each append so that the chain stays linear under
concurrency on PostgreSQL; SQLite serialises writers anyway.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from anwei.core import dataversion
from anwei.core.models import AuditEntry, AuditHead

GENESIS = "0" * 64


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"not serialisable: {type(value).__name__}")


def _jsonable(value: Any) -> Any:
    return None if value is None else json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of a model instance, for before/after."""
    names = fields or [f.attname for f in obj._meta.concrete_fields]
    return _jsonable({name: getattr(obj, name) for name in names})


def _digest(prev: str, entry: AuditEntry) -> str:
    payload = {
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "agency": entry.agency_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "before": entry.before,
        "after": entry.after,
    }
    text = prev + json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def audit_record(*, actor, action: str, obj: models.Model, agency=None,
                 before: dict | None = None, after: dict | None = None, access: bool = False) -> AuditEntry:
    """Append one audit row. Must run inside the caller's transaction.

    access=True: the row records a look or a download (個資法 利用之紀錄), not a change, so the
    data versions of cached pages (core.dataversion) stay where they are."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
    if agency is None:
        agency = getattr(obj, "agency", None)
    entry = AuditEntry(
        at=timezone.now().replace(microsecond=0),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=str(actor) if actor is not None else "系統",
        agency=agency,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_label=str(obj)[:300],
        before=_jsonable(before),
        after=_jsonable(after),
        prev_digest=head.last_digest,
    )
    entry.digest = _digest(head.last_digest, entry)
    entry.save()
    head.last_digest = entry.digest
    head.count += 1
    head.save(update_fields=["last_digest", "count"])
    if not access:  # a look or a download changes nothing a page shows
        dataversion.bump(dataversion.change_scopes(agency, obj))
    return entry


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""


def audit_verify() -> AuditVerdict:
    """Walk the chain; report the first row whose digest or link does not hold."""
    prev = GENESIS
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.prev_digest != prev:
            return AuditVerdict(False, checked, entry.pk, "與前一筆紀錄的鏈結不符（前一筆被刪除或修改）")
        if _digest(prev, entry) != entry.digest:
            return AuditVerdict(False, checked, entry.pk, "紀錄內容與雜湊值不符（此筆被修改）")
        prev = entry.digest
        checked += 1
    head = AuditHead.objects.filter(id=1).first()
    if head and (head.last_digest != prev or head.count != checked):
        return AuditVerdict(False, checked, None, "最後一筆之後的紀錄被刪除")
    return AuditVerdict(True, checked)
