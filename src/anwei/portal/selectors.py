"""The audit history of one object, scoped by the policy.

`audit.view` lets the ethics unit and the head read an agency's history. For
records that are personal data (travel, footage requests), that is not enough:
their before/after values would reveal the record to people who may not see it.
Such apps register a guard per object type; the history then also requires the
guard to admit the person (typically: the person may see the record itself).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404

from anwei.core.models import AuditEntry
from anwei.orgs import policy
from anwei.orgs.models import Person

AuditGuard = Callable[[Person, str], bool]  # (person, object_id) -> may see this object's history
_guards: dict[str, AuditGuard] = {}


def audit_guard_register(object_type: str, guard: AuditGuard) -> None:
    """object_type is the model's label_lower, e.g. "travel.travelapplication"."""
    _guards[object_type] = guard


def audit_guard_from_getter(getter: Callable[..., object]) -> AuditGuard:
    """A guard from a selector `getter(person=, pk=)` that raises Http404 when the person may not see it."""

    def guard(person: Person, object_id: str) -> bool:
        try:
            getter(person=person, pk=int(object_id))
        except (Http404, ValueError):
            return False
        return True

    return guard


def audit_history(*, person: Person, object_type: str, object_id: str) -> QuerySet[AuditEntry]:
    guard = _guards.get(object_type)
    if guard is not None and not guard(person, object_id):
        return AuditEntry.objects.none()
    s = policy.scope(person, "audit.view")
    return (AuditEntry.objects.filter(object_type=object_type, object_id=object_id)
            .filter(s.q(agency="agency", unit=None))
            .select_related("actor").order_by("-id"))
