"""Tracked items and their 執行情形 in the one search (portal.searchables)."""

from __future__ import annotations

from django.utils import timezone

from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register
from anwei.tracking.models import ProgressReport, TrackedItem


def _status(item: TrackedItem) -> str:
    return "released" if item.status == TrackedItem.Status.RELEASED else "open"


def _date(item: TrackedItem):
    return item.origin_date or timezone.localdate(item.created_at)


def _units(item: TrackedItem) -> tuple[int, ...]:
    """TrackedItem.policy_unit_ids from what the queryset prefetched (a rebuild reads no row twice)."""
    if item.all_units:
        return tuple(u.pk for u in item.agency.units.all())
    return (item.lead_unit_id, *(u.pk for u in item.co_units.all()))


def _item_docs(item: TrackedItem):
    units = item.units_label()
    yield SearchDoc(
        title=" ".join(item.text.split())[:80], location=f"{item.origin_label} · 列管第{item.number}項",
        text=f"{item.text}\n{units}", url=record_url("tracking:item_detail", item.pk), agency_id=item.agency_id,
        unit_ids=_units(item), date=_date(item), status=_status(item))


def _report_docs(report: ProgressReport):
    # A draft is the unit's own until it is sent; the item's page shows what was submitted.
    if report.submitted_at is None or not (report.text.strip() or report.release_reason.strip()):
        return
    item = report.item
    who = report.unit.name if report.unit_id else "政風單位彙整"
    yield SearchDoc(
        title=f"{who}執行情形（{item.origin_label}列管第{item.number}項）",
        location=f"{item.origin_label} · 列管第{item.number}項 · {report.round.title}",
        text=f"{report.text}\n{report.release_reason}", url=record_url("tracking:item_detail", item.pk),
        agency_id=item.agency_id, unit_ids=_units(item),
        date=timezone.localdate(report.submitted_at), status=_status(item))


def register() -> None:
    searchable_register(Searchable(
        kind="tracking.item", label="列管事項", model=TrackedItem, view_action="tracking.view", order=10,
        queryset=lambda: TrackedItem.objects.select_related("lead_unit", "agency").prefetch_related("co_units",
                                                                                            "agency__units"),
        documents=_item_docs))
    searchable_register(Searchable(
        kind="tracking.report", label="執行情形", model=ProgressReport, view_action="tracking.view", order=11,
        queryset=lambda: ProgressReport.objects.select_related("item__agency", "item__lead_unit", "unit", "round")
        .prefetch_related("item__co_units", "item__agency__units"),
        documents=_report_docs,
        touched_by=((TrackedItem, lambda item: item.reports.all()),)))
