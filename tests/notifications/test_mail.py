"""E-mail through a real SMTP server on 127.0.0.1: the digest (one a working day at most, Traditional
Chinese, with links), escalations at once, preferences, and a relay that is down or refuses: retried
with back-off, visible to the administrator, nothing lost."""

import datetime as dt

import pytest
from django.utils import timezone
from django.urls import reverse

from anwei.notifications import outbox, tasks
from anwei.notifications.models import OutboundMail, Preference
from anwei.notifications.services import profile_update
from tests.notifications.conftest import body, progress_round

DEADLINE = dt.date(2024, 2, 21)


def _addresses(world):
    for name in ("liaison", "unithead", "head", "officer"):
        p = world.people[name]
        p.email = f"{name}@agency.example"
        p.save(update_fields=["email"])


@pytest.mark.django_db
def test_the_digest_reaches_the_smtp_server_once_a_day_in_chinese_with_links(world, today, smtp, settings):
    settings.SITE_URL = "https://anwei.example.gov.tw"
    _addresses(world)
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 20))
    tasks.digest_now()
    tasks.digest_now()  # a second run the same day sends nothing more
    [msg] = [m for m in smtp.messages if m["To"] == "liaison@agency.example"]
    assert str(msg["Subject"]).strip() == "安維每日待辦摘要：113年2月20日（1件）"
    text = body(msg)
    assert "【期限將屆】列管事項：秘書室有2項列管事項待填報執行情形" in text
    assert "https://anwei.example.gov.tw/tracking/mine/" in text and "113年2月21日(星期三)" in text
    assert msg.get_body(preferencelist=("html",)) is not None
    assert OutboundMail.objects.filter(kind="digest", person=world.liaison).count() == 1


@pytest.mark.django_db
def test_no_digest_on_a_day_off(world, today, smtp):
    _addresses(world)
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 18))  # Sunday
    tasks.digest_now()
    assert smtp.messages == []


@pytest.mark.django_db
def test_escalations_go_at_once_to_who_asked_and_cannot_be_turned_off(world, today, smtp):
    _addresses(world)
    progress_round(world, DEADLINE)
    profile_update(actor=world.unithead, email="unithead@agency.example", mode=Preference.Mode.OFF)
    today(dt.date(2024, 2, 26))  # 3 working days overdue: escalated to the unit head
    tasks.reminders_now()
    [msg] = smtp.messages
    assert msg["To"] == "unithead@agency.example" and str(msg["Subject"]).strip().startswith("安維通知：逾期陳報（單位主管）")
    tasks.digest_now()  # mail turned off: no digest either (the others get theirs)
    assert [m["To"] for m in smtp.messages].count("unithead@agency.example") == 1


@pytest.mark.django_db
def test_a_relay_that_refuses_or_is_down_keeps_the_message_and_retries_later(world, today, smtp, settings):
    _addresses(world)
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 20))
    smtp.refuse = True
    tasks.digest_now()
    mail = OutboundMail.objects.get(person=world.liaison)
    assert (mail.state, mail.attempts) == ("pending", 1) and "451" in mail.last_error
    first_retry = mail.next_attempt_at
    settings.EMAIL_PORT = smtp.port + 1 if smtp.port < 65535 else smtp.port - 1  # nobody listens there
    outbox.mail_deliver(now=first_retry)
    mail.refresh_from_db()
    assert mail.attempts == 2 and mail.state == "pending" and mail.next_attempt_at - first_retry >= dt.timedelta(
        minutes=2)  # back-off: 1, 2, 4 … minutes
    settings.EMAIL_PORT, smtp.refuse = smtp.port, False
    assert outbox.mail_due(now=mail.next_attempt_at)
    outbox.mail_deliver(now=mail.next_attempt_at + dt.timedelta(hours=1))
    mail.refresh_from_db()
    assert mail.state == "sent" and mail.last_error == ""
    assert [m["To"] for m in smtp.messages].count("liaison@agency.example") == 1
    assert not OutboundMail.objects.exclude(state="sent").exists()  # the others' too: nothing lost


@pytest.mark.django_db
def test_the_administrator_sees_the_outbox(world, today, smtp, client):
    from anwei.orgs.services import person_create

    _addresses(world)
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 20))
    smtp.refuse = True
    tasks.digest_now()
    admin = person_create(actor=None, username="root", password="x" * 16, full_name="管理者", agency=world.city)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("admin:notifications_outboundmail_changelist") + "?state__exact=pending").content.decode()
    assert "liaison@agency.example" in page and "451" in page


@pytest.mark.django_db
def test_a_bad_address_is_refused_in_the_profile_with_a_chinese_message(world, client):
    client.force_login(world.liaison)
    r = client.post(reverse("notifications:profile"), {"email": "not-an-address", "email_mode": "immediate"})
    assert r.status_code == 200
    assert "電子郵件地址格式不正確" in r.content.decode()
    world.liaison.refresh_from_db()
    assert world.liaison.email == "" and not Preference.objects.filter(person=world.liaison).exists()
    r = client.post(reverse("notifications:profile"), {"email": "chen@agency.example", "email_mode": "immediate"})
    assert r.status_code == 302
    world.liaison.refresh_from_db()
    assert world.liaison.email == "chen@agency.example"
    assert Preference.objects.get(person=world.liaison).email_mode == "immediate"


@pytest.mark.django_db
def test_approvals_awaited_go_at_once_to_who_chose_it(world, today, smtp):
    from tests.footage import factories as f

    planhead = f.planhead(world)
    profile_update(actor=planhead, email="planhead@agency.example", mode=Preference.Mode.IMMEDIATE)
    req = f.file(world)
    filed = timezone.localdate(req.submitted_at)  # the agency's day, not UTC's (they differ before 08:00)
    today(filed if filed.weekday() < 5 else today())
    tasks.reminders_now()
    [msg] = smtp.messages
    assert msg["To"] == "planhead@agency.example" and "待您核決" in str(msg["Subject"])
    assert req.number_label in str(msg["Subject"])
