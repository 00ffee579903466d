"""Keeping the index: reindex what an audited change touched, in the same transaction; drop what was deleted;
rebuild everything (after a restore or an upgrade).

Index rows are derived data, not records: writing them is not a service and leaves no audit row of its own
(the change that caused it has one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models, transaction
from django.db.models.signals import post_delete

from anwei.lib import rocdate
from anwei.portal.searchables import SearchDoc, Searchable, searchables
from anwei.search import text
from anwei.search.models import Entry, FileText

_BATCH = 500


def _entry(searchable: Searchable, obj: models.Model, doc: SearchDoc, files: dict[int, FileText],
           pending: set[int]) -> Entry:
    body = doc.text.strip()
    for file_id in doc.file_ids:
        found = files.get(file_id)
        if found is None:
            pending.add(file_id)  # read by the worker, which reindexes this record afterwards
        elif found.text:
            body += f"\n{found.text}"
    folded = text.fold(f"{doc.title}\n{doc.location}\n{body}")
    return Entry(
        kind=searchable.kind, object_id=obj.pk, part=doc.part[:40], agency_id=doc.agency_id,
        action=doc.action or searchable.view_action,
        unit_ids="," + ",".join(str(u) for u in sorted({u for u in doc.unit_ids if u})) + "," if doc.unit_ids else "",
        owner_id=doc.owner_id, subtree=doc.subtree, date=doc.date,
        roc_year=rocdate.roc_year(doc.date) if doc.date else None, status=doc.status,
        title=doc.title[:300], location=doc.location[:300], url=doc.url[:300], body=body,
        folded_title=text.fold(doc.title)[:300], folded=folded, tokens=" ".join(text.tokens(folded)))


def _entries(searchable: Searchable, objects: Iterable[models.Model]) -> tuple[list[Entry], set[int]]:
    """The rows of these objects, and the attached files whose text has not been read yet."""
    docs = [(obj, doc) for obj in objects for doc in searchable.documents(obj)]
    file_ids = {f for _, doc in docs for f in doc.file_ids}
    files = {t.stored_id: t for t in FileText.objects.filter(stored_id__in=file_ids)} if file_ids else {}
    pending: set[int] = set()
    return [_entry(searchable, obj, doc, files, pending) for obj, doc in docs], pending


# How attachments' text gets read: the background task (search.tasks), set in AppConfig.ready(). The task
# reindexes through this module, so this module does not import it (no import cycle).
_file_reader: Callable[[str, list[int], list[int]], object] | None = None


def file_reader_set(reader: Callable[[str, list[int], list[int]], object]) -> None:
    global _file_reader
    _file_reader = reader


def _read_later(searchable: Searchable, object_ids: Iterable[int], file_ids: set[int]) -> None:
    if file_ids and _file_reader is not None:
        # Queued in the writer's transaction (the task row commits with the change); run at once in tests.
        _file_reader(searchable.kind, sorted(set(object_ids)), sorted(file_ids))


def reindex(searchable: Searchable, pks: Iterable[int]) -> None:
    """The rows of these objects, anew: what documents() says now (nothing, for a deleted object)."""
    pks = sorted({pk for pk in pks if pk is not None})
    if not pks:
        return
    with transaction.atomic():
        Entry.objects.filter(kind=searchable.kind, object_id__in=pks).delete()
        entries, pending = _entries(searchable, searchable.queryset().filter(pk__in=pks))
        Entry.objects.bulk_create(entries, batch_size=_BATCH)
    _read_later(searchable, pks, pending)


def _affected(obj: models.Model) -> list[tuple[Searchable, list[int]]]:
    found = []
    for s in searchables():
        pks = []
        if isinstance(obj, s.model):
            pks.append(obj.pk)
        for model, related in s.touched_by:
            if isinstance(obj, model):
                try:
                    pks.extend(o.pk for o in related(obj))
                except ObjectDoesNotExist:  # its parent went in the same deletion
                    pass
        if pks:
            found.append((s, pks))
    return found


def on_audit(entry, obj, access: bool) -> None:
    """Audit listener: a look (access) changes nothing; a change reindexes the records it touched."""
    if access or obj is None or getattr(obj, "pk", None) is None:
        return
    for s, pks in _affected(obj):
        reindex(s, pks)


def _on_delete(sender, instance, **kwargs) -> None:
    for s, pks in _affected(instance):
        if isinstance(instance, s.model):
            Entry.objects.filter(kind=s.kind, object_id=instance.pk).delete()
            pks = [pk for pk in pks if pk != instance.pk]
        if pks:
            reindex(s, pks)


def connect_deletions() -> None:
    models_seen = set()
    for s in searchables():
        models_seen.add(s.model)
        models_seen.update(model for model, _ in s.touched_by)
    for model in models_seen:
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{model._meta.label}")


def rebuild(progress: Callable[[str, int, int], None] | None = None, kinds: Iterable[str] | None = None) -> int:
    """Every row anew, kind by kind (one transaction per kind). Returns the number of rows."""
    wanted = set(kinds) if kinds else None
    total = 0
    for s in searchables():
        if wanted is not None and s.kind not in wanted:
            continue
        with transaction.atomic():
            Entry.objects.filter(kind=s.kind).delete()
            queryset = s.queryset()
            count = queryset.count()
            done, batch, waiting = 0, [], []
            for obj in queryset.iterator(chunk_size=_BATCH):
                entries, pending = _entries(s, [obj])
                batch.extend(entries)
                if pending:
                    waiting.append((obj.pk, pending))
                done += 1
                if len(batch) >= _BATCH:
                    Entry.objects.bulk_create(batch, batch_size=_BATCH)
                    total += len(batch)
                    batch = []
                if progress and (done % 200 == 0 or done == count):
                    progress(s.label, done, count)
            Entry.objects.bulk_create(batch, batch_size=_BATCH)
            total += len(batch)
            if progress and count == 0:
                progress(s.label, 0, 0)
        for pk, pending in waiting:
            _read_later(s, [pk], pending)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    return total
