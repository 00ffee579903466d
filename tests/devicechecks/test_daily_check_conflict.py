"""Two people of the unit recording the same day's device checks: the second sees what the first recorded
instead of overwriting a × with a √, keeps their own marks, and can save them knowingly."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.devicechecks.models import DailyCheck, RepairRecord
from anwei.lib import rocdate
from tests.devicechecks import factories as f
from tests.conflicts import conflict_notice, form_version

pytestmark = pytest.mark.django_db


def test_a_stale_days_form_shows_the_others_marks_and_saving_again_works(world, client_of):
    system = f.system(world)
    day = timezone.localdate() - dt.timedelta(days=1)
    url = reverse("devicechecks:device_check") + f"?date={rocdate.format_slash(day)}"
    first, second = client_of(world.liaison), client_of(world.unithead)
    opened = form_version(second.get(url).content.decode())
    r = first.post(url, {"version": form_version(first.get(url).content.decode()), "date": day.isoformat(),
                         f"working_{system.pk}": "0", f"problem_{system.pk}": "讀卡機螢幕無顯示"})
    assert r.status_code == 302

    r = second.post(url, {"version": opened, "date": day.isoformat(), f"working_{system.pk}": "1",
                          f"problem_{system.pk}": "正常，已重新開機"})
    page = r.content.decode()
    assert r.status_code == 409
    notice = conflict_notice(page)
    assert "已被其他人登錄或修改" in notice and "×" in notice and "讀卡機螢幕無顯示" in notice
    assert "正常，已重新開機" in page  # what the second person chose is still there
    assert re.search(rf'name="working_{system.pk}" value="1"[^>]*checked', page)
    check = DailyCheck.objects.get(system=system, date=day)
    assert not check.working and check.problem == "讀卡機螢幕無顯示" and check.checked_by == world.liaison
    assert RepairRecord.objects.filter(system=system, repaired_on__isnull=True).count() == 1

    r = second.post(url, {"version": form_version(page), "date": day.isoformat(), f"working_{system.pk}": "1",
                          f"problem_{system.pk}": "正常，已重新開機"})
    assert r.status_code == 302
    check.refresh_from_db()
    assert check.working and check.problem == "正常，已重新開機" and check.checked_by == world.unithead


def test_typing_a_day_someone_already_recorded_is_a_conflict_for_that_day(world, client_of):
    system = f.system(world)
    today = timezone.localdate()
    earlier = today - dt.timedelta(days=2)
    f.day_record(actor=world.liaison, date=earlier, entries=[(system, False, "主機風扇異音")])
    c = client_of(world.unithead)
    url = reverse("devicechecks:device_check")  # opened for today, then the date is changed by hand
    opened = form_version(c.get(url).content.decode())
    data = {"date": earlier.isoformat(), f"working_{system.pk}": "1", f"problem_{system.pk}": ""}
    r = c.post(url, {**data, "version": opened})
    page = r.content.decode()
    assert r.status_code == 409 and "主機風扇異音" in conflict_notice(page)
    assert not DailyCheck.objects.get(system=system, date=earlier).working
    # The re-armed form posts for the day it showed, so saving again works.
    action = re.search(r'<form method="post" action="([^"]*)" class="card"', page).group(1)
    assert action == f"?date={rocdate.format_slash(earlier)}"
    r = c.post(url + action, {**data, "version": form_version(page)})
    assert r.status_code == 302 and DailyCheck.objects.get(system=system, date=earlier).working
