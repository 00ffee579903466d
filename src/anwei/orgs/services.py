"""Writes of organisations; each writes its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.service import service
from anwei.orgs.models import Agency, Deputy, Membership, Person, Unit

DEPUTY_MAX_DAYS = 366


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
    person.password_changed_at = timezone.now()  # real time, like last_login (not the training clock)
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


def _agency_ids(person: Person) -> set[int]:
    ids = set(Membership.objects.filter(person=person).values_list("agency_id", flat=True))
    if person.agency_id:
        ids.add(person.agency_id)
    return ids


@service
def deputy_appoint(*, actor: Person, person: Person, deputy: Person | None, starts_on: dt.date, ends_on: dt.date,
                   reason: str) -> Deputy:
    """`person` names `deputy` to act for them from starts_on to ends_on (both included)."""
    today = clock.today()
    if deputy is None:
        raise ValidationError({"deputy": "請選擇代理人。"})
    if deputy.pk == person.pk:
        raise ValidationError({"deputy": "不能指定自己為代理人。"})
    if not deputy.is_active or not (_agency_ids(deputy) & _agency_ids(person)):
        raise ValidationError({"deputy": "代理人須為本機關在職同仁。"})
    if starts_on < today:
        raise ValidationError({"starts_on": "代理起日不能早於今天。"})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "代理迄日不能早於起日。"})
    if (ends_on - starts_on).days >= DEPUTY_MAX_DAYS:
        raise ValidationError({"ends_on": "代理期間最長一年，請分段指定。"})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "請填寫事由（例如休假、公差）。"})
    if len(reason) > 50:
        raise ValidationError({"reason": "事由最多 50 字。"})
    clash = (Deputy.objects.filter(person=person, cancelled_at__isnull=True, starts_on__lte=ends_on,
                                   ends_on__gte=starts_on).select_related("deputy").first())
    if clash is not None:
        raise ValidationError({"starts_on": f"此期間已指定代理人{clash.deputy}（{clash.starts_on:%Y-%m-%d}～"
                                            f"{clash.ends_on:%Y-%m-%d}），請先取消該筆。"})
    row = Deputy.objects.create(person=person, deputy=deputy, starts_on=starts_on, ends_on=ends_on, reason=reason,
                                created_by=actor)
    audit_record(actor=actor, action="deputy.appoint", obj=row, agency=person.agency, after=snapshot(row))
    return row


@service
def deputy_cancel(*, actor: Person, row: Deputy) -> Deputy:
    """End an arrangement early (the person came back): it stops today, or never starts."""
    if row.cancelled_at is not None:
        raise ValidationError("此代理已取消。")
    before = snapshot(row)
    row.cancelled_at = clock.now()
    row.save(update_fields=["cancelled_at"])
    audit_record(actor=actor, action="deputy.cancel", obj=row, agency=row.person.agency, before=before,
                 after=snapshot(row))
    return row


@service
def person_email_update(*, actor: Person, person: Person, email: str) -> Person:
    """The address reminders and digests go to (empty: none)."""
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError({"email": "電子郵件地址格式不正確，請輸入例如 name@agency.gov.tw 的地址。"}) from None
    if person.email == email:
        return person
    before = {"email": person.email}
    person.email = email
    person.save(update_fields=["email"])
    audit_record(actor=actor, action="person.email", obj=person, agency=person.agency, before=before,
                 after={"email": email})
    return person


SIGNIN_ACTIONS = {"auth.login": "登入", "auth.logout": "登出", "auth.login_failed": "登入失敗"}


@service
def signin_record(*, person: Person, action: str, address: str = "", by_owner: bool = True) -> None:
    """Sign-ins, sign-outs and failed sign-ins of an account in the audit log (可歸責性). A failed one
    is not the owner's act: its actor is left empty (someone typed the account's name)."""
    if action not in SIGNIN_ACTIONS:
        raise ValueError(action)
    audit_record(actor=person if by_owner else None, action=action, obj=person, agency=person.agency,
                 after={"address": address[:64]} if address else None, access=True)
