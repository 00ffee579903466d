"""The demo: areas, doors, badges (one lost, one contractor expired), visitors (one inside), a door log
with after-hours entries."""

from anwei.access import demo
from anwei.access.models import Area, Badge, DoorEvent, Visitor
from anwei.access.obligations import access_owed
from anwei.orgs import demo as orgs_demo


def test_demo_loads(db):
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    assert Area.objects.count() == 4
    assert Badge.objects.filter(status="replaced").count() == 1
    assert Visitor.objects.filter(arrived_at__isnull=False, left_at__isnull=True).count() == 1
    flags = ",".join(DoorEvent.objects.values_list("flags", flat=True))
    assert "after_hours" in flags and "lost" in flags and "failures" in flags
    kinds = {o.kind for o in access_owed(ctx["people"]["liaison"])}
    assert "access.overdue" in kinds
