"""The second factor (TOTP from an authenticator app, with one-time recovery codes), through django-otp.

A person who has an authenticator proves it after the password at every sign-in; a person whose
agency requires it (its ethics officers and head, orgs.policy.second_factor_required) and
administrators (settings.SECOND_FACTOR_FOR_ADMINS) set one up before anything else. The secret of an
authenticator being set up waits in the session until its first code proves it, so nothing is written
until then."""

from __future__ import annotations

import secrets
from binascii import hexlify, unhexlify
from base64 import b32encode

import segno
from django.conf import settings
from django_otp import devices_for_user, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from urllib.parse import quote, urlencode

from anwei.orgs import policy
from anwei.orgs.models import Person

PENDING_KEY = "anwei_otp_pending_key"
CLEARED_KEY = "anwei_second_factor_cleared"  # this session needs no second factor: no device query per request
RECOVERY_CODES = 10


def second_factor_needed(request) -> str:
    """What the signed-in person must do before any page: "verify", "setup" or ""."""
    user = request.user
    if user.is_verified() or request.session.get(CLEARED_KEY) == user.pk:
        return ""
    return _needed(user, request.session)


def _needed(user, session) -> str:
    if user_has_device(user):
        return "verify"
    if (user.is_superuser and settings.SECOND_FACTOR_FOR_ADMINS) or policy.second_factor_required(user):
        return "setup"
    session[CLEARED_KEY] = user.pk  # this session needs nothing more (a new sign-in asks again)
    return ""


def signed_in(sender, request, user, **kwargs) -> None:
    """At sign-in (user_logged_in): decide once, so that the pages of a person without a second factor
    cost no query for it."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(CLEARED_KEY, None)
        _needed(user, request.session)


def pending_key(request) -> str:
    """The hex secret of the authenticator being set up (made once per session)."""
    key = request.session.get(PENDING_KEY)
    if not key:
        key = hexlify(secrets.token_bytes(20)).decode()
        request.session[PENDING_KEY] = key
    return key


def provisioning(person: Person, key_hex: str) -> tuple[str, str]:
    """(the otpauth:// address as a QR code SVG data URI, the secret in base32 for typing in)."""
    secret = b32encode(unhexlify(key_hex)).decode().rstrip("=")
    label = quote(f"{settings.OTP_TOTP_ISSUER}:{person.get_username()}")
    url = f"otpauth://totp/{label}?" + urlencode({"secret": secret, "issuer": settings.OTP_TOTP_ISSUER,
                                                  "digits": 6, "period": 30})
    return segno.make(url, error="m").svg_data_uri(scale=4), " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def pending_code_ok(key_hex: str, token: str) -> bool:
    """Whether `token` is the current code of the authenticator being set up (one step of drift allowed)."""
    token = token.strip().replace(" ", "")
    if not token.isdigit():
        return False
    return TOTP(unhexlify(key_hex), step=30, digits=6).verify(int(token), tolerance=1)


def device_verify(person: Person, token: str):
    """The device (authenticator or a recovery code) that accepts `token`, or None. Each device counts its
    failures and slows down (django-otp's throttling), which must not be rolled back: no transaction here."""
    token = token.strip().replace(" ", "")
    # Six digits are an authenticator code; anything else a recovery code (eight characters, which can
    # happen to be all digits: those still go to the recovery codes).
    totp_shaped = len(token) == 6 and token.isdigit()
    for device in devices_for_user(person, for_verify=True):
        is_totp = isinstance(device, TOTPDevice)
        if totp_shaped == is_totp and device.verify_token(token):
            return device
    return None
