"""Incidents in the one search (portal.searchables): read by the ethics unit, the head, the reporter and the
superior office where the category lets it (superior_sees), and the reporter's unit head unless the incident
is restricted (保密處理; incidents.view_unit), as incidents.selectors lets each of them open it."""

from __future__ import annotations

from django.utils import timezone

from anwei.incidents.models import Attachment, Incident, Status
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _docs(i: Incident):
    common = {"title": i.title, "location": f"狀況通報 {i.number} · {i.get_category_display()}",
              "text": "\n".join(filter(None, (i.number, i.place, i.level, i.description, i.involved, i.actions,
                                              i.conclusion))),
              "url": record_url("incidents:detail", i.pk), "agency_id": i.agency_id,
              "date": timezone.localdate(i.discovered_at),
              "status": "open" if i.status == Status.OPEN else "released",
              "file_ids": tuple(a.stored_id for a in i.attachments.all())}
    yield SearchDoc(owner_id=i.reporter_id, subtree=i.superior_sees, **common)
    if i.reporter_unit_id and not i.restricted:
        yield SearchDoc(part="unit", action="incidents.view_unit", unit_ids=(i.reporter_unit_id,), subtree=False,
                        **common)


def register() -> None:
    searchable_register(Searchable(kind="incidents.incident", label="狀況通報", model=Incident,
                                   view_action="incidents.view", other_actions=("incidents.view_unit",), order=70,
                                   queryset=lambda: Incident.objects.prefetch_related("attachments"), documents=_docs,
                                   touched_by=((Attachment, lambda a: [a.incident]),)))
