"""Inspections and their findings in the one search (portal.searchables). A finding is read on its
inspection's page, so it carries the inspection's units (a unit sees the inspections it was inspected in)."""

from __future__ import annotations


from anwei.inspections.models import Finding, Inspection
from anwei.tracking.models import TrackedItem
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _inspection_docs(i: Inspection):
    units = "、".join(u.name for u in i.units.all())
    yield SearchDoc(title=i.title, location=f"{i.get_kind_display()} · {i.get_mode_display()}",
                    text=f"{units}\n{i.inspectors}\n{i.scope_note}",
                    url=record_url("inspections:inspection_detail", i.pk), agency_id=i.agency_id,
                    unit_ids=tuple(i.policy_unit_ids()), date=i.date)


def _finding_docs(f: Finding):
    i = f.inspection
    status = ""
    if f.tracked_item_id:
        status = "released" if f.tracked_item.status == "released" else "open"
    yield SearchDoc(title=" ".join(f.text.split())[:120], location=f"{i.title} · {f.get_kind_display()}",
                    text=f"{f.item_text}\n{f.text}\n{f.unit.name if f.unit_id else ''}",
                    url=record_url("inspections:inspection_detail", i.pk),
                    agency_id=i.agency_id, unit_ids=tuple(i.policy_unit_ids()), date=i.date, status=status)


def register() -> None:
    searchable_register(Searchable(
        kind="inspections.inspection", label="檢查", model=Inspection, view_action="inspections.inspection.view",
        order=50, queryset=lambda: Inspection.objects.prefetch_related("units"), documents=_inspection_docs))
    searchable_register(Searchable(
        kind="inspections.finding", label="檢查發現", model=Finding, view_action="inspections.inspection.view",
        order=51, queryset=lambda: Finding.objects.select_related("inspection", "unit", "tracked_item")
        .prefetch_related("inspection__units"), documents=_finding_docs,
        touched_by=((Inspection, lambda i: i.findings.all()),
                    (TrackedItem, lambda item: Finding.objects.filter(tracked_item=item)))))
