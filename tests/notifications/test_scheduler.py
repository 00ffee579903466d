"""The scheduler enqueues each job once per time slot, even with two schedulers running at once, and
the jobs it enqueues (the reminder pass, the digest, mail retries, footage retention) are registered."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.notifications import schedule
from anwei.notifications.models import ScheduledRun
from tests.concurrent import at_once, postgresql_only

TZ = timezone.get_current_timezone()


def test_the_jobs_of_the_issue_are_registered_with_their_times(settings):
    assert {"reminders", "digest", "mail", "retention"} <= set(schedule.jobs())
    assert schedule.jobs()["retention"].task.name == "footage_retention_run"
    assert all(schedule.cron_of(name) for name in ("reminders", "digest", "retention"))


def test_the_last_slot_of_a_cron_expression():
    now = dt.datetime(2024, 2, 19, 7, 31, 5, tzinfo=TZ)
    assert schedule.last_slot("30 7 * * *", now) == dt.datetime(2024, 2, 19, 7, 30, tzinfo=TZ)
    assert schedule.last_slot("0 7-18 * * *", now) == dt.datetime(2024, 2, 19, 7, 0, tzinfo=TZ)


@pytest.mark.django_db
def test_a_tick_enqueues_each_due_job_once(settings, monkeypatch):
    enqueued = []
    monkeypatch.setattr(schedule, "_jobs", {
        "digest": schedule.Job("digest", type("T", (), {"enqueue": lambda self: enqueued.append("digest")})(), "摘要"),
        "mail": schedule.Job("mail", type("T", (), {"enqueue": lambda self: enqueued.append("mail")})(), "郵件",
                             if_due=lambda: False)})
    settings.SCHEDULE = {"digest": "30 7 * * *", "mail": "* * * * *"}
    now = dt.datetime(2024, 2, 19, 7, 31, tzinfo=TZ)
    assert schedule.tick(now) == ["digest"]
    assert schedule.tick(now + dt.timedelta(minutes=1)) == []  # the same slot: already claimed
    assert schedule.tick(now + dt.timedelta(hours=2)) == []  # missed by more than the grace: not run late
    assert enqueued == ["digest"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_claim_a_slot_once():
    postgresql_only()
    slot = dt.datetime(2024, 2, 19, 7, 30, tzinfo=TZ)
    won = []
    assert not at_once(2, lambda n: won.append(schedule.claim("digest", slot)))
    assert sorted(won) == [False, True] and ScheduledRun.objects.filter(job="digest").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_reminder_passes_at_once_send_each_notice_and_mail_once(settings):
    postgresql_only()
    from anwei.notifications import engine, services
    from anwei.notifications.models import Notification, OutboundMail
    from anwei.notifications.services import profile_update
    from tests.notifications.conftest import progress_round
    from tests.world import build_world

    world = build_world()
    profile_update(actor=world.unithead, email="unithead@agency.example", mode="immediate")
    progress_round(world, dt.date(2024, 2, 21))
    settings.ANWEI_TODAY = dt.date(2024, 2, 26)  # reminders for the liaison, the escalation to the unit head
    plan = engine.reminders_plan()
    assert not at_once(2, lambda n: services.notices_deliver(plan=plan))
    assert Notification.objects.filter(person=world.unithead, stage="escalation").count() == 1
    assert OutboundMail.objects.filter(person=world.unithead).count() == 1
