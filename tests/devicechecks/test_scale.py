"""The device pages make the same number of queries with 3 or 63 systems."""

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.devicechecks.models import DailyCheck, DeviceSystem, RepairRecord
from tests.cold import cold_count

pytestmark = pytest.mark.django_db


def _count(client, url):
    r, n = cold_count(client, url)
    assert r.status_code == 200
    return n


@pytest.mark.parametrize("page", ["device_list", "repair_list", "device_month"])
def test_device_pages_stay_constant(world, as_, page):
    def grow(n):
        start = DeviceSystem.objects.count()
        systems = DeviceSystem.objects.bulk_create([
            DeviceSystem(agency=world.bureau, unit=world.units["秘書室"], name=f"監視系統{start + i}", kind="cctv",
                         in_service_from=timezone.localdate()) for i in range(n)])
        checks = DailyCheck.objects.bulk_create([DailyCheck(system=s, date=timezone.localdate(), working=False,
                                                            problem="斷電") for s in systems])
        RepairRecord.objects.bulk_create([RepairRecord(system=s, opened_by_check=c, opened_on=c.date, problem="斷電")
                                          for s, c in zip(systems, checks)])

    grow(3)
    c = as_(world.officer)
    url = reverse(f"devicechecks:{page}")
    small = _count(c, url)
    grow(60)
    assert _count(c, url) == small
