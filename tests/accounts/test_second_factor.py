"""The second factor: a person sets up an authenticator (QR code, a first code proves it, recovery codes
shown once), then proves it at every sign-in; an agency can require it of its ethics officers and head;
a recovery code works once; an administrator's reset is audited."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from anwei.accounts import services
from anwei.accounts.second_factor import PENDING_KEY
from anwei.core.models import AuditEntry
from anwei.orgs.models import Agency
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def _code(key_hex: str) -> str:
    return f"{TOTP(bytes.fromhex(key_hex), step=30, digits=6).token():06d}"


def _sign_in(client, username):
    client.logout()
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def _set_up(client) -> tuple[str, list[str]]:
    page = client.get(reverse("accounts:second_factor_setup")).content.decode()
    assert "data:image/svg+xml" in page  # the QR code, drawn here: nothing fetched from elsewhere
    key = client.session[PENDING_KEY]
    wrong = client.post(reverse("accounts:second_factor_setup"), {"token": "000000" if _code(key) != "000000" else "111111"})
    assert "驗證碼不正確" in wrong.content.decode()
    done = client.post(reverse("accounts:second_factor_setup"), {"token": _code(key)})
    codes = done.context["codes"]
    assert len(codes) == 10 and "只顯示這一次" in done.content.decode()
    return key, codes


def test_set_up_then_every_sign_in_asks_for_the_code(client, world):
    _sign_in(client, "staff")
    key, codes = _set_up(client)
    _sign_in(client, "staff")
    assert client.get(reverse("home"))["Location"] == reverse("accounts:second_factor")
    wrong = "000000" if _code(key) != "000000" else "111111"
    assert "驗證碼不正確" in client.post(reverse("accounts:second_factor"), {"token": wrong}).content.decode()
    response = client.post(reverse("accounts:second_factor"), {"token": codes[0]})  # a recovery code ...
    assert response.status_code == 302 and client.get(reverse("home")).status_code == 200
    _sign_in(client, "staff")
    again = client.post(reverse("accounts:second_factor"), {"token": codes[0]})  # ... works once
    assert again.status_code == 200 and "驗證碼不正確" in again.content.decode()
    actions = list(AuditEntry.objects.filter(object_id=str(world.staff.pk), action__startswith="auth.")
                   .values_list("action", flat=True))
    assert "auth.second_factor_enable" in actions and "auth.recovery_code_used" in actions
    assert "auth.second_factor_failed" in actions


def test_an_agency_requires_it_of_its_officers_and_head(client, world):
    Agency.objects.filter(pk=world.bureau.pk).update(require_second_factor=True)
    _sign_in(client, "officer")
    assert client.get(reverse("tracking:register"))["Location"] == reverse("accounts:second_factor_setup")
    _sign_in(client, "staff")  # not required of everyone
    assert client.get(reverse("home")).status_code == 200
    _sign_in(client, "officer")
    _set_up(client)
    assert client.get(reverse("tracking:register")).status_code == 200


def test_administrators_reset_is_audited_and_the_setup_is_asked_again(client, world, admin_user):
    _sign_in(client, "officer")
    _set_up(client)
    services.second_factor_reset(actor=admin_user, person=world.officer)
    assert AuditEntry.objects.filter(action="auth.second_factor_reset", object_id=str(world.officer.pk),
                                     actor=admin_user).exists()
    _sign_in(client, "officer")  # no authenticator any more, and not required: straight in
    assert client.get(reverse("home")).status_code == 200


def test_the_reset_is_an_admin_action_and_device_secrets_are_not_in_the_admin(client, world, admin_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _sign_in(client, "officer")
    _set_up(client)
    client.force_login(admin_user)
    response = client.post(reverse("admin:orgs_person_changelist"),
                           {"action": "second_factor_reset", "_selected_action": [world.officer.pk]})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=world.officer).exists()
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_a_recovery_code_of_only_digits_is_still_a_recovery_code(client, world):
    """Recovery codes are eight characters of a–z and 2–7, so once in a while one is all digits; it must not
    be taken for an authenticator code and refused."""
    from django_otp.plugins.otp_static.models import StaticToken

    _sign_in(client, "staff")
    _key, codes = _set_up(client)
    StaticToken.objects.filter(token=codes[0]).update(token="23456723")
    _sign_in(client, "staff")
    response = client.post(reverse("accounts:second_factor"), {"token": "2345 6723"})
    assert response.status_code == 302 and client.get(reverse("home")).status_code == 200
