"""Writes of organisations; each writes its audit row in the same transaction."""

from __future__ import annotations


from anwei.core.audit import audit_record, snapshot
from anwei.core.service import service
from anwei.orgs.models import Agency, Membership, Person, Unit


@service
def agency_create(*, actor: Person | None, name: str, parent: Agency | None = None, kind: str = Agency.Kind.OTHER,
                  short_name: str = "", **fields) -> Agency:
    agency = Agency.objects.create(name=name, parent=parent, kind=kind, short_name=short_name, **fields)
    agency.path = agency.compute_path()
    agency.save(update_fields=["path"])
    audit_record(actor=actor, action="agency.create", obj=agency, agency=agency, after=snapshot(agency))
    return agency


@service
def agency_move(*, actor: Person | None, agency: Agency, parent: Agency | None) -> Agency:
    """Re-parent an agency and rewrite the paths of its whole subtree."""
    if parent is not None and parent.is_within(agency):
        raise ValueError("不能把機關移到自己的下級機關之下")
    before = snapshot(agency)
    old_path = agency.path
    agency.parent = parent
    agency.path = agency.compute_path()
    agency.save(update_fields=["parent", "path"])
    for child in Agency.objects.filter(path__startswith=old_path).exclude(pk=agency.pk):
        child.path = agency.path + child.path[len(old_path):]
        child.save(update_fields=["path"])
    audit_record(actor=actor, action="agency.move", obj=agency, before=before, after=snapshot(agency))
    return agency


@service
def unit_create(*, actor: Person | None, agency: Agency, name: str, order: int = 0, is_ethics: bool = False,
                is_personnel: bool = False) -> Unit:
    unit = Unit.objects.create(agency=agency, name=name, order=order, is_ethics=is_ethics,
                               is_personnel=is_personnel)
    audit_record(actor=actor, action="unit.create", obj=unit, after=snapshot(unit))
    return unit


@service
def person_create(*, actor: Person | None, username: str, password: str, full_name: str, agency: Agency,
                  unit: Unit | None = None, title: str = "", email: str = "", phone: str = "") -> Person:
    person = Person(username=username, full_name=full_name, agency=agency, unit=unit, title=title, email=email,
                    phone=phone)
    person.set_password(password)
    person.save()
    audit_record(actor=actor, action="person.create", obj=person, agency=agency,
                 after=snapshot(person, ["username", "full_name", "title", "agency_id", "unit_id"]))
    return person


@service
def membership_grant(*, actor: Person | None, person: Person, agency: Agency, role: str,
                     unit: Unit | None = None) -> Membership:
    membership, created = Membership.objects.get_or_create(person=person, agency=agency, unit=unit, role=role)
    if created:
        audit_record(actor=actor, action="membership.grant", obj=membership, agency=agency,
                     after=snapshot(membership))
    return membership


@service
def membership_revoke(*, actor: Person | None, membership: Membership) -> None:
    before = snapshot(membership)
    audit_record(actor=actor, action="membership.revoke", obj=membership, agency=membership.agency, before=before)
    membership.delete()
