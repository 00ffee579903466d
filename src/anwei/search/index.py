"""Keeping the index: reindex what an audited change touched, in the same transaction; drop what was deleted;
rebuild everything (after a restore or an upgrade).

Index rows are derived data, not records: writing them is not a service and leaves no audit row of its own
(the change that caused it has one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models, transaction
from django.db.models.signals import post_delete

from anwei.lib import rocdate
from anwei.orgs.models import Agency
from anwei.portal.searchables import SearchDoc, Searchable, searchables
from anwei.search import keys, text
from anwei.search.models import Entry, FileText

_BATCH = 500


_DAY0 = dt.date(1900, 1, 1).toordinal()
_OBJECT_BITS, _DOC_BITS, _ORDER_BITS = 37, 3, 7


def _days(date: dt.date | None) -> int:
    return min(max(date.toordinal() - _DAY0, 0), 0xFFFF) if date else 0


def date_key(date: dt.date) -> int:
    """The smallest key of a row dated `date`: a date range is a range of keys."""
    return _days(date) << (_ORDER_BITS + _DOC_BITS + _OBJECT_BITS)


def entry_id(searchable: Searchable, object_id: int, docno: int, date: dt.date | None) -> int:
    """A row's key, which is also its rank among equals: newest first. Days since 1900 (16 bits), the kind's
    registry order (7), the document's number within its object (3), the object's id (37): unique as long
    as (kind, object, document) is, and in date order, so that the index hands matches over newest first
    and the result page reads only as many as it shows (FTS5 walks its rowids in order)."""
    days = _days(date)
    if not (0 <= object_id < 1 << _OBJECT_BITS and docno < 1 << _DOC_BITS):
        raise ValueError(f"search index key out of range: {searchable.kind} {object_id} #{docno}")
    return ((days << _ORDER_BITS | searchable.order) << _DOC_BITS | docno) << _OBJECT_BITS | object_id


# The columns written, in the order _row() gives them (raw executemany: the ORM's bulk_create compiles
# each row's SQL, which was most of a rebuild's time).
_COLUMNS = ("id", "kind", "object_id", "part", "action", "agency_id", "unit_ids", "owner_id", "subtree", "date",
            "roc_year", "status", "title", "location", "url", "body", "folded_title", "folded", "tokens", "keys")


def _paths() -> dict[int, str]:
    """Every agency's path (one small query per reindex or rebuild): a row's subtree keys."""
    return dict(Agency.objects.values_list("pk", "path"))


def _row(searchable: Searchable, obj: models.Model, docno: int, doc: SearchDoc, files: dict[int, FileText],
         pending: set[int], paths: dict[int, str]) -> tuple:
    body = doc.text.strip()
    for file_id in doc.file_ids:
        found = files.get(file_id)
        if found is None:
            pending.add(file_id)  # read by the worker, which reindexes this record afterwards
        elif found.text:
            body += f"\n{found.text}"
    folded = text.fold(f"{doc.title}\n{doc.location}\n{body}")
    units = keys.unit_list(doc.unit_ids)
    date = doc.date
    action = doc.action or searchable.view_action
    roc_year = rocdate.roc_year(date) if date else None
    return (entry_id(searchable, obj.pk, docno, date), searchable.kind, obj.pk, doc.part[:40],
            action, doc.agency_id,
            "," + ",".join(map(str, units)) + "," if units else "", doc.owner_id, doc.subtree,
            (date.isoformat() if connection.vendor == "sqlite" else date) if date else None,
            roc_year, doc.status, doc.title[:300], doc.location[:300],
            doc.url[:300], body, text.fold(doc.title)[:300], folded, " ".join(text.tokens(folded)),
            keys.row_keys(action=action, agency_id=doc.agency_id, path=paths.get(doc.agency_id, ""),
                          subtree=doc.subtree, unit_ids=units, owner_id=doc.owner_id, order=searchable.order,
                          roc_year=roc_year, status=doc.status))


def _rows(searchable: Searchable, objects: Iterable[models.Model],
          paths: dict[int, str] | None = None) -> tuple[list[tuple], set[int]]:
    """The rows of these objects, and the attached files whose text has not been read yet."""
    docs = [(obj, n, doc) for obj in objects for n, doc in enumerate(searchable.documents(obj))]
    file_ids = {f for _, _, doc in docs for f in doc.file_ids}
    files = {t.stored_id: t for t in FileText.objects.filter(stored_id__in=file_ids)} if file_ids else {}
    pending: set[int] = set()
    paths = paths if paths is not None else _paths()
    return [_row(searchable, obj, n, doc, files, pending, paths) for obj, n, doc in docs], pending


def _insert(rows: list[tuple]) -> None:
    if not rows:
        return
    sql = (f"INSERT INTO search_entry ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join(['%s'] * len(_COLUMNS))})")
    with connection.cursor() as cursor:
        for i in range(0, len(rows), _BATCH):
            cursor.executemany(sql, rows[i:i + _BATCH])


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
        rows, pending = _rows(searchable, searchable.queryset().filter(pk__in=pks))
        _insert(rows)
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


def rekey(agency: Agency) -> int:
    """The keys of every row in an agency's subtree anew (after the agency moved in the tree: its rows' subtree
    keys name the agencies above it). Returns the number of rows."""
    paths = _paths()
    orders = {s.kind: s.order for s in searchables()}
    ids = [pk for pk, path in paths.items() if path.startswith(agency.path)]
    rows = Entry.objects.filter(agency_id__in=ids).values_list(
        "pk", "kind", "action", "agency_id", "subtree", "unit_ids", "owner_id", "roc_year", "status")
    updates = [(keys.row_keys(action=action, agency_id=agency_id, path=paths[agency_id], subtree=subtree,
                              unit_ids=unit_ids, owner_id=owner_id, order=orders.get(kind, 127), roc_year=roc_year,
                              status=status), pk)
               for pk, kind, action, agency_id, subtree, unit_ids, owner_id, roc_year, status in rows]
    with connection.cursor() as cursor:
        for i in range(0, len(updates), _BATCH):
            cursor.executemany("UPDATE search_entry SET keys = %s WHERE id = %s", updates[i:i + _BATCH])
    return len(updates)


def on_audit(entry, obj, access: bool) -> None:
    """Audit listener: a look (access) changes nothing; a change reindexes the records it touched."""
    if access or obj is None or getattr(obj, "pk", None) is None:
        return
    if isinstance(obj, Agency) and getattr(entry, "action", "") == "agency.move":
        rekey(obj)
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


def _rebuild_chunk(s: Searchable, objects: list[models.Model], waiting: list, paths: dict[int, str]) -> int:
    rows, pending = _rows(s, objects, paths)
    _insert(rows)
    if pending:  # which of these objects hold which unread files
        for obj in objects:
            mine = {f for doc in s.documents(obj) for f in doc.file_ids} & pending
            if mine:
                waiting.append((obj.pk, mine))
    return len(rows)


def rebuild(progress: Callable[[str, int, int], None] | None = None, kinds: Iterable[str] | None = None) -> int:
    """Every row anew, kind by kind (one transaction per kind). Returns the number of rows."""
    wanted = set(kinds) if kinds else None
    if wanted is None and connection.vendor == "postgresql" and not connection.in_atomic_block:
        # A whole rebuild (the command, on its own) writes every row: the GIN index is built once afterwards, not
        # row by row (README: 694 s of rows, 134 s of index). Searches meanwhile are slow, not wrong. Inside a
        # caller's transaction the index stays (it could not be built while that transaction has pending checks).
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_entry_terms_gin")
        try:
            return _rebuild(progress, wanted)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE INDEX IF NOT EXISTS search_entry_terms_gin ON search_entry "
                               f"USING gin (({keys.PG_TERMS}))")
    return _rebuild(progress, wanted)


def _rebuild(progress: Callable[[str, int, int], None] | None, wanted: set[str] | None) -> int:
    total = 0
    paths = _paths()
    for s in searchables():
        if wanted is not None and s.kind not in wanted:
            continue
        with transaction.atomic():
            Entry.objects.filter(kind=s.kind).delete()
            queryset = s.queryset()
            count = queryset.count()
            done, waiting = 0, []
            # A chunk of objects at a time: the queryset's prefetches and the FileText lookup go per chunk.
            objects = []
            for obj in queryset.iterator(chunk_size=_BATCH * 4):
                objects.append(obj)
                if len(objects) >= _BATCH * 4:
                    total += _rebuild_chunk(s, objects, waiting, paths)
                    done += len(objects)
                    objects = []
                    if progress:
                        progress(s.label, done, count)
            total += _rebuild_chunk(s, objects, waiting, paths)
            done += len(objects)
            if progress and objects:
                progress(s.label, done, count)
            if progress and count == 0:
                progress(s.label, 0, 0)
        for pk, pending in waiting:
            _read_later(s, [pk], pending)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    return total
