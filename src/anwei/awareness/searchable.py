"""Awareness events and cases in the one search (portal.searchables), for those who read them."""

from __future__ import annotations


from anwei.awareness.models import Case, Event
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _event_docs(e: Event):
    yield SearchDoc(title=e.title, location=f"宣導 · {e.get_form_display()} · {e.topic.name}",
                    text="\n".join(filter(None, (e.speaker, e.audience_note, e.summary, e.origin_label))),
                    url=record_url("awareness:event_edit", e.pk), agency_id=e.agency_id, date=e.start_date,
                    file_ids=tuple(f.pk for f in e.materials.all()))


def _case_docs(c: Case):
    yield SearchDoc(title=c.title, location=f"宣導案例 · {c.topic.name}",
                    text="\n".join(filter(None, (c.incident, c.analysis, c.prevention, c.source))),
                    url=record_url("awareness:case_detail", c.pk), agency_id=c.agency_id,
                    date=c.source_date or c.created_at.date())


def register() -> None:
    searchable_register(Searchable(kind="awareness.event", label="宣導活動", model=Event, view_action="awareness.view",
                                   order=80, queryset=lambda: Event.objects.select_related("topic").prefetch_related("materials"),
                                   documents=_event_docs))
    searchable_register(Searchable(kind="awareness.case", label="宣導案例", model=Case, view_action="awareness.view",
                                   order=81, queryset=lambda: Case.objects.select_related("topic"),
                                   documents=_case_docs))
