"""The audit log: services call audit_record() inside their transaction.

Rows are hash-chained: digest = sha256(prev_digest + canonical JSON of the row), one chain per
top-level agency (and one for changes under no agency). An append locks only its chain's
AuditChain row, so on PostgreSQL a write in one county does not wait for a write in another;
SQLite serialises writers anyway.

A chain alone proves nothing to someone who can write the database: they could edit a row and
recompute every digest after it. So each chain's end is sealed with HMAC under settings.AUDIT_KEY,
which lives outside the database, and audit_anchor_write() appends the chain ends to a file the
database user cannot rewrite (the scheduler runs it hourly): verify_audit checks the rows against
both, so a rewritten history, or one cut back to an earlier end, is found.

The audit knows nothing of what else happens on a change: modules that must act in the same
transaction (the data versions of cached pages, core.dataversion) subscribe with audit_listen().
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import hmac
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from anwei.core.models import AuditChain, AuditEntry

GENESIS = "0" * 64
GLOBAL_CHAIN = "global"
LEGACY_CHAIN = ""  # rows written while there was one chain for everything

# listener(entry, obj, access): called inside the writer's transaction after each row.
AuditListener = Callable[[AuditEntry, models.Model, bool], None]
_listeners: list[AuditListener] = []


def audit_listen(listener: AuditListener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


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
    if entry.chain != LEGACY_CHAIN:  # legacy rows were hashed without it
        payload["chain"] = entry.chain
    text = prev + json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_seal(chain: str, count: int, last_digest: str) -> str:
    """HMAC-SHA256 of a chain's end under the audit key (kept outside the database)."""
    message = f"{chain}|{count}|{last_digest}".encode("utf-8")
    return hmac.new(settings.AUDIT_KEY.encode("utf-8"), message, hashlib.sha256).hexdigest()


def chain_of(agency) -> str:
    """The chain a change under `agency` is appended to: its top-level agency's."""
    if agency is None:
        return GLOBAL_CHAIN
    top = agency.path.split(".", 1)[0] if agency.path else ""
    return f"a{int(top) if top else agency.pk}"


def audit_record(*, actor, action: str, obj: models.Model, agency=None,
                 before: dict | None = None, after: dict | None = None, access: bool = False) -> AuditEntry:
    """Append one audit row. Must run inside the caller's transaction.

    access=True: the row records a look or a download (個資法 利用之紀錄), not a change; listeners
    are told, so that nothing which depends only on changes moves (cached pages)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    if agency is None:
        agency = getattr(obj, "agency", None)
    chain = chain_of(agency)
    head, _ = AuditChain.objects.select_for_update().get_or_create(chain=chain)
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
        chain=chain,
        prev_digest=head.last_digest,
    )
    entry.digest = _digest(head.last_digest, entry)
    entry.save()
    head.last_digest = entry.digest
    head.count += 1
    head.seal = chain_seal(chain, head.count, head.last_digest)
    head.save(update_fields=["last_digest", "count", "seal"])
    for listener in _listeners:
        listener(entry, obj, access)
    return entry


def access_log(obj: models.Model, actions: dict[str, str], *, limit: int = 50) -> list[AuditEntry]:
    """Who looked at a record of personal data, when and at what (個資法 利用之紀錄): the access rows
    whose action is one of `actions` (action → what it means), newest first, each with .what."""
    entries = list(AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk),
                                             action__in=actions).order_by("-id")[:limit])
    for e in entries:
        e.what = actions[e.action]
    return entries


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""
    chain: str | None = None


def _chain_verify(chain: str, head: AuditChain | None, anchors: dict[int, str]) -> AuditVerdict:
    """anchors: position in the chain (1-based) → the digest the anchor file says it had."""
    prev = GENESIS
    checked = 0
    for entry in AuditEntry.objects.filter(chain=chain).order_by("id").iterator(chunk_size=2000):
        if entry.prev_digest != prev:
            return AuditVerdict(False, checked, entry.pk, "與前一筆紀錄的鏈結不符（前一筆被刪除或修改）", chain)
        if _digest(prev, entry) != entry.digest:
            return AuditVerdict(False, checked, entry.pk, "紀錄內容與雜湊值不符（此筆被修改）", chain)
        prev = entry.digest
        checked += 1
        if anchors.get(checked, prev) != prev:
            return AuditVerdict(False, checked, entry.pk, "與外部錨點不符（此筆之前的紀錄在資料庫中被改寫）", chain)
    if head is None:
        if checked:
            return AuditVerdict(False, checked, None, "此雜湊鏈的鏈尾紀錄被刪除", chain)
    elif head.last_digest != prev or head.count != checked:
        return AuditVerdict(False, checked, None, "最後一筆之後的紀錄被刪除", chain)
    elif not hmac.compare_digest(head.seal, chain_seal(chain, head.count, head.last_digest)):
        return AuditVerdict(False, checked, None, "鏈尾封印不符（紀錄在資料庫中被改寫，或金鑰不同）", chain)
    if anchors and max(anchors) > checked:
        return AuditVerdict(False, checked, None,
                            f"外部錨點記載此鏈曾有 {max(anchors)} 筆，現僅 {checked} 筆（紀錄被刪除）", chain)
    return AuditVerdict(True, checked, chain=chain)


anchor_log = logging.getLogger("anwei.audit.anchor")  # also to syslog where the deployment routes it


def audit_anchors_read() -> dict[str, dict[int, str]]:
    """chain → {count: digest} from the anchor file (none when there is no file yet)."""
    anchors: dict[str, dict[int, str]] = {}
    path = settings.AUDIT_ANCHOR_FILE
    if not path.is_file():
        return anchors
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                row = json.loads(line)
                anchors.setdefault(row["chain"], {})[int(row["count"])] = row["digest"]
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line (a crash mid-write) anchors nothing
    return anchors


def audit_anchor_write() -> int:
    """Append the end of every chain that moved since its last anchor. Returns the lines written."""
    known = audit_anchors_read()
    now = timezone.now().replace(microsecond=0).isoformat()
    lines = [json.dumps({"at": now, "chain": h.chain, "count": h.count, "digest": h.last_digest}, ensure_ascii=False)
             for h in AuditChain.objects.order_by("chain") if h.count and h.count not in known.get(h.chain, {})]
    if lines:
        path = settings.AUDIT_ANCHOR_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in lines))
            out.flush()
        for line in lines:
            anchor_log.info(line)
    return len(lines)


def audit_verify() -> AuditVerdict:
    """Walk every chain; report the first broken row (the lowest id among the broken chains)."""
    heads = {h.chain: h for h in AuditChain.objects.all()}
    anchors = audit_anchors_read()
    chains = set(heads) | set(AuditEntry.objects.values_list("chain", flat=True).distinct()) | set(anchors)
    checked = 0
    broken: list[AuditVerdict] = []
    for chain in sorted(chains):
        verdict = _chain_verify(chain, heads.get(chain), anchors.get(chain, {}))
        checked += verdict.checked
        if not verdict.ok:
            broken.append(verdict)
    if not broken:
        return AuditVerdict(True, checked)
    first = min(broken, key=lambda v: (v.broken_id is None, v.broken_id or 0))
    return AuditVerdict(False, checked, first.broken_id, first.reason, first.chain)
