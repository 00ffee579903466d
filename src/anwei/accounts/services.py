"""Writes of accounts; each writes its audit row in the same transaction (never a password or its hash)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from anwei.accounts.models import AccountReview, PasswordHistory
from anwei.accounts.selectors import idle_accounts
from anwei.core import clock
from anwei.core.audit import audit_record
from anwei.core.service import service
from anwei.orgs.models import Agency, Person


@service
def password_change(*, actor: Person, person: Person, old_password: str, new_password: str) -> Person:
    """The owner changes their password: the old one must be right, the new one pass every rule."""
    if actor.pk != person.pk:
        raise ValidationError("只有本人可以在這裡變更密碼；管理者請由管理介面重設。")
    if not person.check_password(old_password):
        raise ValidationError({"old_password": "目前的密碼不正確。"})
    try:
        validate_password(new_password, user=person)
    except ValidationError as e:
        raise ValidationError({"new_password1": e.messages}) from e
    now = timezone.now()
    if person.password:
        PasswordHistory.objects.create(person=person, password=person.password, created_at=now)
    stale = list(person.password_history.values_list("pk", flat=True)[settings.PASSWORD_HISTORY:])
    PasswordHistory.objects.filter(pk__in=stale).delete()
    person.set_password(new_password)
    person.password_changed_at = now
    person.must_change_password = False
    person.save(update_fields=["password", "password_changed_at", "must_change_password"])
    audit_record(actor=actor, action="auth.password_change", obj=person, agency=person.agency)
    return person


@service
def accounts_idle_disable() -> list[Person]:
    """Disable every account unused for ACCOUNT_IDLE_DAYS (administrators excepted). Returns them."""
    disabled = []
    for person in idle_accounts().filter(is_superuser=False).select_related("agency"):
        person.is_active = False
        person.save(update_fields=["is_active"])
        audit_record(actor=None, action="auth.idle_disable", obj=person, agency=person.agency,
                     before={"is_active": True, "last_login": person.last_login},
                     after={"is_active": False, "idle_days": settings.ACCOUNT_IDLE_DAYS})
        disabled.append(person)
    return disabled


@service
def account_review_record(*, actor: Person, agency: Agency, people: int, note: str) -> AccountReview:
    """The ethics officer has gone through the agency's people and roles (changes are made in the admin)."""
    if len(note) > 2000:
        raise ValidationError({"note": "說明最多 2,000 字。"})
    review = AccountReview.objects.create(agency=agency, reviewed_by=actor, reviewed_on=clock.today(),
                                          people=people, note=note.strip())
    audit_record(actor=actor, action="accounts.review", obj=review, agency=agency,
                 after={"people": people, "note": review.note})
    return review
