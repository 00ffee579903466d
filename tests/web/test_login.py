import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.world import PASSWORD


def test_login_page_is_chinese(client, db):
    body = client.get(reverse("login")).content.decode()
    assert "登入安維" in body and 'lang="zh-Hant-TW"' in body


def test_wrong_password_shows_an_error_and_right_one_logs_in(world, client):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong-password-123"})
    assert response.status_code == 200
    assert "帳號或密碼錯誤" in response.content.decode()
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_five_failures_lock_the_account_even_with_the_right_password(world, client):
    for _ in range(5):
        client.post(reverse("login"), {"username": "staff", "password": "nope-nope-nope"})
    response = client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert response.status_code == 429
    assert "暫停登入 15 分鐘" in response.content.decode()
    # Another account from the same address is not locked.
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302


def test_passwords_need_twelve_characters(db):
    with pytest.raises(ValidationError):
        validate_password("Short-pw-1")
    validate_password("long-enough-pass-42")


def test_idle_session_expires_after_thirty_minutes_of_inactivity(world, client, monkeypatch):
    import time as _time

    from django.contrib.sessions.models import Session

    from anwei.core import middleware

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(world.officer)
    url = reverse("home")
    client.get(url)
    key = client.session.session_key
    first = Session.objects.get(pk=key).expire_date
    # Activity within a minute does not write the session again ...
    client.get(url)
    assert Session.objects.get(pk=key).expire_date == first
    # ... activity after a minute moves the expiry forward ...
    now = _time.time()
    monkeypatch.setattr(middleware.time, "time", lambda: now + 61)
    client.get(url)
    assert Session.objects.get(pk=key).expire_date > first
    # ... and a session idle past its expiry is logged out.
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(url).status_code == 302


def test_logout_requires_post_and_ends_the_session(world, client):
    client.force_login(world.officer)
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_home_lists_roles_and_inbox(world, client):
    client.force_login(world.officer)
    body = client.get(reverse("home")).content.decode()
    assert "待辦事項" in body and "政風人員" in body
