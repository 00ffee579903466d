"""Incidents in the one search (portal.searchables): read by the ethics unit, the head, the reporter and the
superior office where the category lets it (superior_sees). The reporter's unit head reads some on the
incident's page but is not offered them here: the index keeps to the rule every reader shares."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from anwei.incidents.models import Attachment, Incident, Status
from anwei.portal.searchables import SearchDoc, Searchable, searchable_register


def _docs(i: Incident):
    yield SearchDoc(
        title=f"{i.title}", location=f"狀況通報 {i.number} · {i.get_category_display()}",
        text="\n".join(filter(None, (i.number, i.place, i.level, i.description, i.involved, i.actions,
                                     i.conclusion))),
        url=reverse("incidents:detail", args=[i.pk]), agency_id=i.agency_id, owner_id=i.reporter_id,
        date=timezone.localdate(i.discovered_at), status="open" if i.status == Status.OPEN else "released",
        subtree=i.superior_sees, file_ids=tuple(a.stored_id for a in i.attachments.all()))


def register() -> None:
    searchable_register(Searchable(kind="incidents.incident", label="狀況通報", model=Incident,
                                   view_action="incidents.view", order=70, queryset=lambda: Incident.objects.prefetch_related("attachments"),
                                   documents=_docs, touched_by=((Attachment, lambda a: [a.incident]),)))
