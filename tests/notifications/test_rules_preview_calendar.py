"""The reminder rule page previews the days in the agency's own calendar, as the reminder pass counts them:
a city's typhoon day (停止上班) moves the preview of that city's agencies and not of another county's."""

import datetime as dt

import pytest

from anwei.core.models import CalendarOverride
from tests.notifications.test_rules_page import _post

pytestmark = pytest.mark.django_db


def test_a_city_typhoon_day_moves_the_preview_of_its_agencies_only(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    CalendarOverride.objects.create(date=dt.date(2024, 2, 20), is_workday=False, reason="颱風停止上班",
                                    scope_path=world.city.path, scope_name=world.city.name, subtree=True)
    client.force_login(world.officer)  # the bureau, under the city
    city = _post(client, preview="1").content.decode()
    assert "2月16日(五)期限前3個工作日提醒" in city  # 2/20 closed: 19, the make-up Saturday 17, 16
    client.force_login(world.other_officer)  # another county
    county = _post(client, preview="1").content.decode()
    assert "2月17日(六)期限前3個工作日提醒" in county
