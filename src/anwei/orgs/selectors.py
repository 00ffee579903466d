"""Reads of organisations, always scoped to what the acting person may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from anwei.orgs import policy
from anwei.orgs.models import Agency, Deputy, Membership, Person, Role, Unit


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


@dataclass
class RosterLine:
    """One person a meeting expects from a unit: its head or one of its liaisons (or, for a unit with
    nobody recorded, an empty line to fill in)."""

    unit: Unit
    person: Person | None
    post: str  # 單位主管 / 單位承辦人
    deputy: Person | None = None  # the person's 職務代理人 on the day, if they are away


def agency_roster(agency: Agency, *, on=None) -> list[RosterLine]:
    """The agency's units in their order, each with its heads, then its liaisons (people as active
    accounts), and who stands in (代理) for an absent one on `on`. Two or three queries."""
    units = list(Unit.objects.filter(agency=agency).order_by("order", "id"))
    rows = (Membership.objects.filter(agency=agency, unit__isnull=False, role__in=(Role.UNIT_HEAD, Role.UNIT_LIAISON),
                                      person__is_active=True)
            .select_related("person").order_by("person__id"))
    by_unit: dict[int, dict[str, list[Person]]] = {}
    for m in rows:
        seen = by_unit.setdefault(m.unit_id, {Role.UNIT_HEAD: [], Role.UNIT_LIAISON: []})[m.role]
        if m.person not in seen:
            seen.append(m.person)
    away: dict[int, Person] = {}
    if on is not None:
        people = {p.pk for d in by_unit.values() for ps in d.values() for p in ps}
        for d in (Deputy.objects.filter(person_id__in=people, starts_on__lte=on, ends_on__gte=on,
                                        cancelled_at__isnull=True, deputy__is_active=True)
                  .select_related("deputy").order_by("starts_on", "id")):
            away.setdefault(d.person_id, d.deputy)
    out: list[RosterLine] = []
    for unit in units:
        found = by_unit.get(unit.pk, {})
        lines = [RosterLine(unit, p, Role(role).label, away.get(p.pk))
                 for role in (Role.UNIT_HEAD, Role.UNIT_LIAISON) for p in found.get(role, [])]
        out.extend(lines or [RosterLine(unit, None, "")])
    return out


def superior_offices_below(agencies: list[Agency]) -> list[Agency]:
    """The superior ethics offices strictly inside the given agencies' subtrees (an agency where someone holds
    the superior-officer role): the nearer office that receives what the agencies below it send up."""
    if not agencies:
        return []
    from django.db.models import Q

    q = Q()
    for a in agencies:
        q |= Q(path__startswith=a.path) & ~Q(pk=a.pk)
    ids = Membership.objects.filter(role=Role.SUPERIOR_OFFICER).values("agency_id")
    return list(Agency.objects.filter(q, pk__in=ids))
