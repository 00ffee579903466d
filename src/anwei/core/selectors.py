"""Reads owned by core: the audit history of one object, scoped by the policy."""

from __future__ import annotations

from django.db.models import QuerySet

from anwei.core.models import AuditEntry
from anwei.orgs import policy
from anwei.orgs.models import Person


def audit_history(*, person: Person, object_type: str, object_id: str) -> QuerySet[AuditEntry]:
    s = policy.scope(person, "audit.view")
    return (AuditEntry.objects.filter(object_type=object_type, object_id=object_id)
            .filter(s.q(agency="agency", unit=None))
            .select_related("actor").order_by("-id"))
