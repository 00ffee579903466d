import pytest

from anwei.devicechecks import demo
from anwei.devicechecks.models import DailyCheck, RepairRecord
from anwei.orgs import demo as orgs_demo

pytestmark = pytest.mark.django_db


def test_demo_devicechecks():
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    assert DailyCheck.objects.filter(working=False).count() == 1
    repair = RepairRecord.objects.get()
    assert repair.reported_on and repair.repaired_on
