"""Sign-ins are in the audit log, and one address that fails over many accounts is slowed down
(password spraying) while the same accounts stay open from other addresses."""

import pytest
from django.test import override_settings
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.orgs.forms import ADDRESS_BLOCKED
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def _rows(person):
    return list(AuditEntry.objects.filter(object_type="orgs.person", object_id=str(person.pk),
                                          action__startswith="auth.").order_by("id")
                .values_list("action", "actor_id", "after"))


def test_login_logout_and_failure_are_audited_with_the_address(world, client):
    client.post(reverse("login"), {"username": "staff", "password": "not-the-password"}, REMOTE_ADDR="10.1.2.3")
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    client.post(reverse("logout"), REMOTE_ADDR="10.1.2.3")
    assert _rows(world.staff) == [
        ("auth.login_failed", None, {"address": "10.1.2.3"}),  # not the owner's act
        ("auth.login", world.staff.pk, {"address": "10.1.2.3"}),
        ("auth.logout", world.staff.pk, {"address": "10.1.2.3"}),
    ]


@override_settings(SIGNIN_ADDRESS_LIMIT=4)
def test_spraying_from_one_address_is_stopped_other_addresses_are_not(world, client):
    for username in ("staff", "liaison", "unithead", "head"):  # one wrong password each: no account locks
        client.post(reverse("login"), {"username": username, "password": "Spring2026!!"}, REMOTE_ADDR="10.9.9.9")
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 200 and ADDRESS_BLOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session  # refused even with the right password
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 302
