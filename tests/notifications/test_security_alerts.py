"""Signs of attack reach the administrators at once (a notice and an e-mail), once a day per kind:
a burst of failed sign-ins, one person walking record ids into 404s, a failed audit verification."""

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.notifications.alerts import audit_verify_run
from anwei.notifications.models import Notification, OutboundMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(admin_user):
    admin_user.email = "admin@example.invalid"
    admin_user.save()
    return admin_user


def _alerts(person):
    return list(Notification.objects.filter(person=person, stage="alert").order_by("id"))


def test_a_burst_of_failed_sign_ins(client, world, admin, settings):
    settings.ALERT_SIGNIN_FAILURES = 6
    for n in range(8):  # over several accounts, none of them locked
        client.post(reverse("login"), {"username": ["staff", "liaison", "head"][n % 3], "password": "guess-" + str(n)},
                    REMOTE_ADDR="10.6.6.6")
    alerts = _alerts(admin)
    assert len(alerts) == 1 and "登入失敗" in alerts[0].title and "10.6.6.6" in alerts[0].note
    assert OutboundMail.objects.filter(notification=alerts[0], to="admin@example.invalid").exists()
    assert not _alerts(world.officer)  # administrators only


def test_walking_record_ids_into_404s(client, world, admin, settings):
    settings.ALERT_PROBE_404 = 5
    client.force_login(world.staff)
    for pk in range(900001, 900007):
        assert client.get(reverse("tracking:item_detail", args=[pk])).status_code == 404
    alerts = _alerts(admin)
    assert len(alerts) == 1 and world.staff.username in alerts[0].title


def test_a_failed_audit_verification(world, admin):
    assert audit_verify_run.call() is True and not _alerts(admin)
    victim = AuditEntry.objects.order_by("id")[2]
    AuditEntry.objects.filter(pk=victim.pk).update(after={"changed": True})
    assert audit_verify_run.call() is False
    assert audit_verify_run.call() is False  # the next run the same day tells nobody twice
    alerts = _alerts(admin)
    assert len(alerts) == 1 and "稽核紀錄驗證失敗" in alerts[0].title and f"#{victim.pk}" in alerts[0].note


def test_with_no_administrator_the_alert_goes_to_the_server_log(client, world, settings, caplog):
    """Nobody to notify in the application: the server's error log carries the alert rather than nothing."""
    settings.ALERT_SIGNIN_FAILURES = 3
    with caplog.at_level("CRITICAL", logger="anwei.security"):
        for n in range(3):
            client.post(reverse("login"), {"username": "staff", "password": "guess-" + str(n)}, REMOTE_ADDR="10.7.7.7")
    assert not Notification.objects.filter(stage="alert").exists()
    assert any("沒有任何啟用中的系統管理者" in r.getMessage() and "登入失敗" in r.getMessage() for r in caplog.records)
