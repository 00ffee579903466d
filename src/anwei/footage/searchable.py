"""Footage requests in the one search (portal.searchables): personal data, so only the case number and the
applicant are indexed, and only those who may open the request find it: its managing unit, the ethics
officer, the applicant (footage.request.view), and the approvers of its chain — the requesting unit's head
and the agency head, where the request's chain has their step (footage.step.*), as request_may_view lets
them open it. The other two steps' holders (managing unit head, ethics unit) already read it by the first."""

from __future__ import annotations

from django.utils import timezone

from anwei.footage.models import FootageRequest, RequestStep, StepRole
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register

_STEP_ACTIONS = {StepRole.UNIT_HEAD: "footage.step.unit_head", StepRole.AGENCY_HEAD: "footage.step.agency_head"}


def _docs(r: FootageRequest):
    applicant = "" if r.is_destroyed else r.applicant_name
    common = {"title": f"監視錄影調閱申請 {r.number_label}", "location": f"申請人 {r.requester_label()}",
              "text": f"{r.number_label}\n{r.number_year}-{r.number_serial}\n{applicant}",
              "url": record_url("footage:request_detail", r.pk), "agency_id": r.agency_id,
              "date": timezone.localdate(r.submitted_at), "subtree": False}
    yield SearchDoc(unit_ids=tuple(r.policy_unit_ids()), owner_id=r.policy_owner_id(), **common)
    for role in sorted({s.role for s in r.steps.all()} & set(_STEP_ACTIONS)):
        units = (r.unit_id,) if role == StepRole.UNIT_HEAD and r.unit_id else ()
        if role == StepRole.UNIT_HEAD and not units:
            continue  # no requesting unit: nobody holds the step by that rule
        yield SearchDoc(part=f"step-{role}", action=_STEP_ACTIONS[role], unit_ids=units, **common)


def register() -> None:
    searchable_register(Searchable(kind="footage.request", label="監視錄影調閱", model=FootageRequest,
                                   view_action="footage.request.view", other_actions=tuple(_STEP_ACTIONS.values()),
                                   personal=True, order=90,
                                   queryset=lambda: FootageRequest.objects.select_related("unit")
                                   .prefetch_related("steps"),
                                   documents=_docs, touched_by=((RequestStep, lambda s: [s.request]),)))
