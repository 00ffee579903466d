"""A password set by someone else (a new account, an administrator's reset) or older than the maximum
age is changed before anything else; then the person goes on as usual."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.orgs.models import Person
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def test_reset_by_an_administrator_must_be_changed_first(client, world, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("admin:auth_user_password_change", args=[world.staff.pk]),
                           {"password1": "temporary-pass-2026x", "password2": "temporary-pass-2026x"})
    assert response.status_code == 302
    assert Person.objects.get(pk=world.staff.pk).must_change_password
    client.force_login(Person.objects.get(pk=world.staff.pk))
    response = client.get(reverse("tracking:register"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_change")
    assert "由他人設定" in client.get(reverse("accounts:password_change")).content.decode()
    client.post(reverse("accounts:password_change"), {"old_password": "temporary-pass-2026x",
                                                      "new_password1": "my-own-secret-words-1",
                                                      "new_password2": "my-own-secret-words-1"})
    assert client.get(reverse("home")).status_code == 200


def test_an_old_password_must_be_changed(client, world, settings):
    settings.PASSWORD_MAX_AGE_DAYS = 180
    Person.objects.filter(pk=world.liaison.pk).update(
        password_changed_at=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    client.force_login(Person.objects.get(pk=world.liaison.pk))
    assert client.get(reverse("home"))["Location"] == reverse("accounts:password_change")
    assert "已使用超過 180 天" in client.get(reverse("accounts:password_change")).content.decode()
    assert client.post(reverse("logout")).status_code == 302  # signing out is always possible
    settings.PASSWORD_MAX_AGE_DAYS = 0  # 0: passwords do not expire
    client.force_login(Person.objects.get(pk=world.liaison.pk))
    assert client.get(reverse("home")).status_code == 200


def test_an_account_an_administrator_opens_starts_with_a_change(client, world, admin_user):
    client.force_login(admin_user)
    client.post(reverse("admin:orgs_person_add"), {
        "username": "newcomer", "password1": "first-password-2026", "password2": "first-password-2026",
        "full_name": "新進人員", "title": "科員", "agency": world.bureau.pk, "unit": "", "usable_password": "true",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"})
    assert Person.objects.get(username="newcomer").must_change_password
    assert PASSWORD  # (the demo and test accounts are opened by services, not by an administrator)
