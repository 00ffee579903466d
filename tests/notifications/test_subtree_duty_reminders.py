"""The reminder pass reminds each agency's ethics officers of a duty their superior office set for its subtree,
once per agency (the agency's own record counts, not another's); another county's officer hears nothing."""

import datetime as dt

import pytest

from anwei.duties import services
from anwei.notifications import tasks
from anwei.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_each_agency_below_is_reminded_of_its_own_share(world, today):
    today(dt.date(2026, 12, 21))  # the first working day after it fell due (Sunday 12-20)
    services.default_create(actor=world.superior, agency=world.city, data=services.DefaultInput(
        kind="security_meeting", name="機關安全維護會報", every=1, unit="years", starts_on=dt.date(2025, 12, 20)))
    tasks.reminders_now()
    [mine] = Notification.objects.filter(person=world.officer)
    assert "海濱市政府測試局機關安全維護會報" in mine.title and mine.due == dt.date(2026, 12, 20)
    assert mine.url == "/duties/"
    [office] = Notification.objects.filter(person=world.superior)
    assert office.title.startswith("海濱市政府機關安全維護會報")
    assert not Notification.objects.filter(person=world.other_officer).exists()
