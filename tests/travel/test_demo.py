"""The demo data: staff has a return report due, someone else's is overdue."""

from django.utils import timezone

from anwei.orgs import demo as orgs_demo
from anwei.travel import demo
from anwei.travel.obligations import travel_owed as travel_inbox
from anwei.travel.selectors import overdue_list


def test_demo_loads(db):
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    people = ctx["people"]
    staff_items = travel_inbox(people["staff"])
    assert len(staff_items) == 1 and not staff_items[0].overdue and staff_items[0].due
    overdue = list(overdue_list(person=people["officer"], today=timezone.localdate()))
    assert [a.traveller for a in overdue] == [people["liaison.plan"]]
