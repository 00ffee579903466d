"""Footage requests in the one search (portal.searchables): personal data, so only the case number and the
applicant are indexed, and only those who may open the request find it (its managing unit, the ethics
officer, the applicant; the approvers of its chain open it from their inbox, not from the search)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from anwei.footage.models import FootageRequest
from anwei.portal.searchables import SearchDoc, Searchable, searchable_register


def _docs(r: FootageRequest):
    applicant = "" if r.is_destroyed else r.applicant_name
    yield SearchDoc(title=f"監視錄影調閱申請 {r.number_label}", location=f"申請人 {r.requester_label()}",
                    text=f"{r.number_label}\n{r.number_year}-{r.number_serial}\n{applicant}",
                    url=reverse("footage:request_detail", args=[r.pk]), agency_id=r.agency_id,
                    unit_ids=tuple(r.policy_unit_ids()), owner_id=r.policy_owner_id(),
                    date=timezone.localdate(r.submitted_at), subtree=False)


def register() -> None:
    searchable_register(Searchable(kind="footage.request", label="監視錄影調閱", model=FootageRequest,
                                   view_action="footage.request.view", personal=True, order=90,
                                   queryset=lambda: FootageRequest.objects.select_related("unit"), documents=_docs))
