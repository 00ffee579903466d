"""Reads of organisations, always scoped to what the acting person may see."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from anwei.orgs import policy
from anwei.orgs.models import Agency, Membership, Person, Role, Unit


def agency_list(*, person: Person, action: str = "agency.view") -> QuerySet[Agency]:
    s = policy.scope(person, action)
    q = policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None).q(agency=None, unit=None)
    # Unit-scoped grants still let the person see their own agency.
    if s.unit_ids:
        q |= policy.Scope(frozenset(Unit.objects.filter(pk__in=s.unit_ids).values_list("agency_id", flat=True)),
                          (), frozenset(), None).q(agency=None, unit=None)
    return Agency.objects.filter(q).order_by("path")


def agency_get(*, person: Person, pk: int, action: str = "agency.view") -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not policy.may(person, action, agency):
        raise Http404("找不到此機關")
    return agency


def agency_subtree(*, agency: Agency) -> QuerySet[Agency]:
    return Agency.objects.filter(path__startswith=agency.path).order_by("path")


def unit_list(*, person: Person, agency: Agency) -> QuerySet[Unit]:
    if not policy.may(person, "agency.view", agency):
        return Unit.objects.none()
    return Unit.objects.filter(agency=agency).order_by("order", "id")


def person_primary_agency(person: Person) -> Agency | None:
    """The agency a person works in: their Person.agency, or their first membership's."""
    if person.agency_id:
        return person.agency
    memberships = policy.grants(person).memberships
    return memberships[0].agency if memberships else None


def agency_head(agency: Agency) -> Person | None:
    """The person who heads the agency (the first appointed, if the tree has two)."""
    m = (Membership.objects.filter(agency=agency, role=Role.AGENCY_HEAD).select_related("person")
         .order_by("id").first())
    return m.person if m else None


def signin_address_blocked(request) -> bool:
    """Whether the request's network address has failed to sign in SIGNIN_ADDRESS_LIMIT times within the
    lockout period, over any accounts (django-axes locks each account; this slows spraying across them)."""
    from axes.helpers import get_client_ip_address
    from axes.models import AccessFailureLog
    from django.conf import settings
    from django.utils import timezone

    address = get_client_ip_address(request)
    if not address:
        return False
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessFailureLog.objects.filter(ip_address=address, attempt_time__gte=since)
    return failures.count() >= settings.SIGNIN_ADDRESS_LIMIT
