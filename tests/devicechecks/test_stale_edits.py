"""Every device and repair record edited through a form refuses a stale save with 409, lists what the other
person saved next to the kept form, and accepts the save made after reading it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.devicechecks.models import DeviceSystem, RepairRecord
from tests.conflicts import second_officer, stale_edit_check
from tests.devicechecks import factories as f

pytestmark = pytest.mark.django_db


def _device(w):
    s = f.system(w)
    return (reverse("devicechecks:device_edit", args=[s.pk]), "location",
            {"name": s.name, "kind": s.kind, "unit": s.unit_id, "vendor": s.vendor,
             "in_service_from": s.in_service_from.isoformat(), "is_active": "on"},
            lambda: DeviceSystem.objects.get(pk=s.pk).location, (w.officer, second_officer(w)))


def _repair(w):
    rep = f.repair(w)
    return (reverse("devicechecks:repair_edit", args=[rep.pk]), "note",
            {"vendor": "測試保全公司", "reported_on": timezone.localdate().isoformat()},
            lambda: RepairRecord.objects.get(pk=rep.pk).note, (w.liaison, w.unithead))


@pytest.mark.parametrize("case", [_device, _repair], ids=lambda c: c.__name__[1:])
def test_a_stale_edit_is_a_conflict_showing_the_others_values_and_saving_again_works(world, client_of, case):
    stale_edit_check(client_of, case(world))
