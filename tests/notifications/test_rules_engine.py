"""The reminder pass resolves every obligation's rule along its agency's tree (the city's rule reaches the bureau)
and reads the rules of all agencies, and of their superiors, with one query: the pass costs the same queries
for one agency as for many."""

import dataclasses
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anwei.notifications import engine, tasks
from anwei.notifications.models import Notification, ReminderRule
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create
from anwei.portal.obligations import obligations_open
from tests.notifications.conftest import progress_round

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2024, 2, 21)  # Wednesday


def test_the_citys_rule_reaches_the_bureaus_reminders(world, today):
    progress_round(world, DEADLINE)
    ReminderRule.objects.create(agency=world.city, kind="tracking.progress", effective_from=dt.date(2024, 1, 1),
                                remind_before=0)
    today(dt.date(2024, 2, 19))  # two working days before: the default would remind, the city's rule does not
    tasks.reminders_now()
    assert not Notification.objects.filter(person=world.liaison).exists()


def _queries(obligations, day) -> int:
    with CaptureQueriesContext(connection) as ctx:
        engine.reminders_plan(day, obligations=obligations)
        engine.digest_plan(day, obligations=obligations)
    return len(ctx.captured_queries)


def test_the_pass_reads_every_agencys_rules_at_once(world, today):
    progress_round(world, DEADLINE)
    day = today(dt.date(2024, 2, 19))
    [one] = [o for o in obligations_open(day) if o.kind == "tracking.progress"]
    others = [agency_create(actor=None, name=f"海濱市政府第{i}局", parent=world.city, kind=Agency.Kind.BUREAU)
              for i in range(4)] + [world.city, world.county]
    for i, agency in enumerate([world.city, world.county, *others[:2]]):
        ReminderRule.objects.create(agency=agency, effective_from=dt.date(2024, 1, 1), remind_before=2,
                                    overdue_every=i + 1)
    many = [one] + [dataclasses.replace(one, agency_id=a.pk, key=f"{one.key}:{a.pk}") for a in others]
    assert _queries(many[:2], day) == _queries(many, day)
    assert len(engine.reminders_plan(day, obligations=many).notices) == len(many)  # each reminded by its rule
