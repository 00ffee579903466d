"""The demo data: a few incidents of each category, one in last 春節's plan, one with a tracked follow-up."""

from collections import Counter

from anwei.incidents import demo
from anwei.incidents.models import Category, Incident
from anwei.incidents.obligations import incidents_owed
from anwei.orgs import demo as orgs_demo
from anwei.plans import demo as plans_demo
from anwei.tracking.models import TrackedItem


def test_demo_loads(db):
    ctx: dict = {}
    orgs_demo.load(ctx)
    plans_demo.load(ctx)
    demo.load(ctx)
    counts = Counter(Incident.objects.values_list("category", flat=True))
    assert set(counts) == set(Category.values) and counts["security"] == 2
    linked = Incident.objects.get(plan__isnull=False)
    assert linked.plan.occasion == "lunar_new_year" and linked.status == "closed"
    assert TrackedItem.objects.filter(source_kind="incident").count() == 1
    owed = incidents_owed(ctx["people"]["officer"])
    parties = [o for o in owed if o.kind == "incidents.notify"]
    assert parties and all("大廳" in o.title for o in parties)
    assert [o.kind for o in owed if o.kind != "incidents.notify"] == ["incidents.more"]  # the superior asked for more
