"""A record's history as people read it: what was done (in Chinese), by whom, when (ROC date, Taipei
time), and only the fields that changed, by their labels, with values as the pages show them.

The audit rows keep the raw before/after (attnames and codes, for verify_audit and administrators);
this module turns them into sentences. Apps may name their actions better than the generic rule
(history_labels_register in AppConfig.ready); values of related rows are looked up in one query per
related model for the whole page, so the page's query count does not grow with its rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils import timezone

from anwei.core.models import AuditEntry
from anwei.lib import rocdate

Label = str | Callable[[AuditEntry], str]
_labels: dict[str, Label] = {}

# The verb at the end of an action code ("tracking.item_create", "footage.request.destroy").
VERBS = [("create", "新增"), ("add", "新增"), ("file", "送出"), ("submit", "送出"), ("update", "修改"),
         ("save", "儲存"), ("change", "修改"), ("revise", "修訂"), ("delete", "刪除"), ("destroy", "銷毀"),
         ("remind", "催報"), ("return", "退回"), ("close", "結束"), ("open", "開始"), ("move", "移動"),
         ("grant", "授予"), ("revoke", "撤銷"), ("retire", "停用"), ("dispatch", "發文"), ("receive", "簽收"),
         ("report", "報送"), ("resolve", "決議"), ("hold", "保全"), ("copy", "複製"), ("seed", "建立預設"),
         ("decide", "決定"), ("confirm", "確認"), ("send", "送出"), ("view", "檢視"), ("track", "列管")]
HIDDEN = {"id", "version", "digest", "prev_digest", "password", "relpath", "sha256"}


def history_labels_register(labels: dict[str, Label]) -> None:
    """action code → its name, or a function of the audit row (e.g. 「解除列管」 from the row's after)."""
    _labels.update(labels)


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class HistoryRow:
    entry: AuditEntry
    action: str
    actor: str
    at: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""  # created/deleted rows list their values, not a before/after


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def action_label(entry: AuditEntry, model: type[models.Model] | None) -> str:
    label = _labels.get(entry.action)
    if label is not None:
        return label(entry) if callable(label) else label
    thing = str(model._meta.verbose_name) if model is not None else ""
    tail = entry.action.rsplit(".", 1)[-1]
    verb = next((zh for en, zh in VERBS if tail == en or tail.endswith(f"_{en}") or tail.startswith(f"{en}_")), "")
    return f"{verb}{thing}" if verb else (thing or "異動")


def _fields(model: type[models.Model]) -> dict[str, models.Field]:
    out: dict[str, models.Field] = {}
    for f in model._meta.get_fields():
        if getattr(f, "concrete", False) or f.many_to_many and not f.auto_created:
            out[getattr(f, "attname", f.name)] = f
            out[f.name] = f
    return out


def _when(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{rocdate.format_short(moment.date())} {moment:%H:%M}"


class _Lookups:
    """Names of related rows, fetched once per related model for the whole page."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set] = defaultdict(set)
        self.names: dict[tuple[type[models.Model], object], str] = {}

    def want(self, f: models.Field, value) -> None:
        if f.is_relation and f.related_model is not None and value not in (None, "", []):
            self.wanted[f.related_model].update(value if isinstance(value, list) else [value])

    def load(self) -> None:
        for model, ids in self.wanted.items():
            keys = {i for i in ids if isinstance(i, int) or str(i).isdigit()}
            for obj in model._base_manager.filter(pk__in=keys):
                self.names[(model, obj.pk)] = str(obj)

    def name(self, model, value) -> str:
        return self.names.get((model, int(value) if str(value).isdigit() else value), f"（已刪除：{value}）")


def _shown(f: models.Field | None, value, lookups: _Lookups) -> str:
    if value is None or value == "" or value == []:
        return "（空白）"
    if f is None:
        return str(value)
    if f.is_relation and f.related_model is not None:
        values = value if isinstance(value, list) else [value]
        return "、".join(lookups.name(f.related_model, v) for v in values)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return "是" if value else "否"
    if isinstance(f, models.DateTimeField):
        return _when(value)
    if isinstance(f, models.DateField):
        try:
            return rocdate.format_short(dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            return str(value)
    if isinstance(f, models.TimeField):
        return str(value)[:5]
    return str(value)


def history_rows(entries: Iterable[AuditEntry]) -> list[HistoryRow]:
    entries = list(entries)
    lookups = _Lookups()
    prepared = []
    for e in entries:
        model = _model(e.object_type)
        fields = _fields(model) if model is not None else {}
        before, after = e.before or {}, e.after or {}
        if not isinstance(before, dict) or not isinstance(after, dict):
            before, after = {}, {}
        names = [n for n in {**before, **after} if n not in HIDDEN and before.get(n) != after.get(n)]
        for n in names:
            if n in fields:
                lookups.want(fields[n], before.get(n))
                lookups.want(fields[n], after.get(n))
        prepared.append((e, model, fields, before, after, names))
    lookups.load()
    rows = []
    for e, model, fields, before, after, names in prepared:
        changes = []
        for n in names:
            f = fields.get(n)
            label = str(f.verbose_name) if f is not None and hasattr(f, "verbose_name") else n
            changes.append(Change(label, _shown(f, before.get(n), lookups), _shown(f, after.get(n), lookups)))
        note = "新增時的內容" if not before and after else "刪除前的內容" if before and not after else ""
        rows.append(HistoryRow(entry=e, action=action_label(e, model), actor=e.actor_label or "系統",
                               at=_when(e.at.isoformat()), changes=changes, note=note))
    return rows
