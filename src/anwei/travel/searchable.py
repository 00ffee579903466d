"""Travel applications (赴陸) in the one search (portal.searchables): personal data, so only the traveller's
name is indexed; the reviewing agency's ethics unit and the traveller's unit head find them (two documents,
one per rule), as they open them, and so does the traveller (a third document, OWNER). The personnel unit uses
the travel pages."""

from __future__ import annotations


from anwei.portal.searchables import OWNER, SearchDoc, Searchable, record_url, searchable_register
from anwei.travel.models import TravelApplication


def _docs(a: TravelApplication):
    common = {"title": f"{a.traveller_name} 赴陸{a.kind_label()}", "text": a.traveller_name,
              "location": f"赴陸{a.kind_label()} · {a.filed_on.year - 1911}年", "date": a.filed_on,
              "url": record_url("travel:application_detail", a.pk), "subtree": False}
    yield SearchDoc(agency_id=a.reviewing_agency_id, action="travel.review_ethics", part="ethics", **common)
    if a.unit_id:
        yield SearchDoc(agency_id=a.agency_id, unit_ids=(a.unit_id,), action="travel.review_unit", part="unit",
                        **common)
    if a.traveller_id:
        yield SearchDoc(agency_id=a.agency_id, owner_id=a.traveller_id, action=OWNER, part="own", **common)


def register() -> None:
    searchable_register(Searchable(kind="travel.application", label="赴陸申請", model=TravelApplication,
                                   view_action="travel.review_ethics", other_actions=("travel.review_unit",),
                                   personal=True, owner_opens=True, order=91,
                                   queryset=lambda: TravelApplication.objects.all(),
                                   documents=_docs))
