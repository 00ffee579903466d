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


@service
def second_factor_enable(*, actor: Person, key_hex: str) -> list[str]:
    """Keep the authenticator the person has just proved, and make their recovery codes (returned once)."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from anwei.accounts.second_factor import RECOVERY_CODES

    TOTPDevice.objects.filter(user=actor).delete()
    StaticDevice.objects.filter(user=actor).delete()
    TOTPDevice.objects.create(user=actor, name="驗證器", key=key_hex, confirmed=True)
    static = StaticDevice.objects.create(user=actor, name="備用碼", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    audit_record(actor=actor, action="auth.second_factor_enable", obj=actor, agency=actor.agency)
    return codes


@service
def second_factor_reset(*, actor: Person, person: Person) -> None:
    """An administrator removes a person's authenticator and recovery codes (a lost phone): they set up a
    new one at their next sign-in if it is required of them."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    audit_record(actor=actor, action="auth.second_factor_reset", obj=person, agency=person.agency)


@service
def second_factor_record(*, person: Person, ok: bool, recovery: bool = False) -> None:
    """A second-factor check at sign-in, in the person's history (a recovery code used is named)."""
    action = ("auth.recovery_code_used" if recovery else "auth.second_factor_ok") if ok else "auth.second_factor_failed"
    audit_record(actor=person if ok else None, action=action, obj=person, agency=person.agency, access=True)
