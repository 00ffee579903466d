"""The reminder pass over a liaison's progress round: before the deadline, on it, after it, escalated to
the unit head and the agency head, counted in government working days; never on a day off, never twice."""

import datetime as dt

import pytest

from anwei.core.workdays import workday_add
from anwei.notifications import tasks
from anwei.notifications.models import Notification, ReminderRule
from tests.notifications.conftest import progress_round

# 2024-02-16 (Friday) is a working day; 2024-02-17 (Saturday) is a make-up working day of the calendar.
DEADLINE = dt.date(2024, 2, 21)  # Wednesday


def notices(person, day=None):
    qs = Notification.objects.filter(person=person)
    if day:
        qs = qs.filter(day=day)
    return list(qs.order_by("id"))


@pytest.mark.django_db
def test_two_working_days_before_the_deadline_the_liaison_is_reminded(world, today):
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 19))  # Monday: Tue 20, Wed 21 left — two working days before
    tasks.reminders_now()
    [n] = notices(world.liaison)
    assert (n.stage, n.due, n.url) == ("before", DEADLINE, "/tracking/mine/")
    assert "秘書室有2項列管事項待填報執行情形" in n.title
    assert notices(world.unithead) == [] and notices(world.staff) == []  # others owe nothing


@pytest.mark.django_db
def test_on_the_deadline_and_after_it(world, today):
    progress_round(world, DEADLINE)
    for day, stage in [(dt.date(2024, 2, 21), "due"), (dt.date(2024, 2, 22), "overdue")]:
        today(day)
        tasks.reminders_now()
        assert [n.stage for n in notices(world.liaison, day)] == [stage]
    today(dt.date(2024, 2, 23))  # overdue day 2: every 2 working days by default, so not today
    tasks.reminders_now()
    assert notices(world.liaison, dt.date(2024, 2, 23)) == []


@pytest.mark.django_db
def test_escalation_to_the_unit_head_then_the_agency_head(world, today):
    progress_round(world, DEADLINE)
    # Default: 3 working days overdue to the unit head (22, 23, 26 → Monday 26), 10 to the agency head.
    today(dt.date(2024, 2, 26))
    tasks.reminders_now()
    [n] = notices(world.unithead)
    assert (n.stage, n.level, n.url) == ("escalation", 1, "/tracking/mine/")
    assert notices(world.head) == []
    tenth = workday_add(DEADLINE, 10)
    assert tenth == dt.date(2024, 3, 7)  # 2/28 和平紀念日 is a day off
    today(tenth)
    tasks.reminders_now()
    [h] = notices(world.head)
    assert (h.stage, h.level) == ("escalation", 2)
    assert h.url.startswith("/tracking/rounds/")  # the head's page of the round, not the liaison's


@pytest.mark.django_db
def test_no_reminder_on_a_day_off_and_the_next_working_day_catches_up(world, today):
    progress_round(world, dt.date(2024, 2, 27))  # Tuesday; 2 working days before is Friday 2/23
    today(dt.date(2024, 2, 22))
    tasks.reminders_now()  # Thursday: nothing yet
    today(dt.date(2024, 2, 24))  # Saturday: no pass at all
    tasks.reminders_now()
    assert notices(world.liaison) == []
    today(dt.date(2024, 2, 26))  # Monday: Friday's pass was missed; the reminder comes now
    tasks.reminders_now()
    assert [n.stage for n in notices(world.liaison)] == ["before"]


@pytest.mark.django_db
def test_a_second_pass_on_the_same_day_sends_nothing_new(world, today):
    progress_round(world, DEADLINE)
    today(dt.date(2024, 2, 19))
    tasks.reminders_now()
    tasks.reminders_now()
    assert len(notices(world.liaison)) == 1


@pytest.mark.django_db
def test_rules_are_the_agencys_data_with_effective_dates(world, today):
    progress_round(world, DEADLINE)
    ReminderRule.objects.create(agency=world.bureau, effective_from=dt.date(2024, 1, 1), remind_before=5)
    ReminderRule.objects.create(agency=world.bureau, effective_from=dt.date(2024, 3, 1), remind_before=1)
    five_before = workday_add(DEADLINE, -5)
    assert five_before == dt.date(2024, 2, 15)  # 15, 16, the make-up Saturday 17, 19, 20
    today(five_before)
    tasks.reminders_now()
    assert [n.stage for n in notices(world.liaison)] == ["before"]
    today(dt.date(2024, 2, 19))  # 2 working days before: the default would remind, this agency's rule does not
    tasks.reminders_now()
    assert [n.stage for n in notices(world.liaison)] == ["before"]


@pytest.mark.django_db
def test_a_submitted_round_owes_nothing(world, today, client):
    rnd = progress_round(world, DEADLINE)
    for report in rnd.reports.filter(unit=world.units["秘書室"]):
        from anwei.tracking import services as ts

        ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version,
                                text="已辦理完竣。")
    today(dt.date(2024, 2, 19))
    tasks.reminders_now()
    assert notices(world.liaison) == []
