import pytest

from anwei.orgs import demo as orgs_demo
from anwei.plans import demo
from anwei.plans.obligations import plan_owed as plan_inbox
from anwei.plans.models import Letter, Occasion, SpecialPlan

pytestmark = pytest.mark.django_db


def test_demo_plans():
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    letter = Letter.objects.get(agency=ctx["county"])
    assert letter.plan.occasion == Occasion.ELECTION and letter.number
    assert letter.assignments.count() == len(ctx["county_subordinates"])
    assert letter.assignments.filter(reported_at__isnull=False).count() == 1
    assert SpecialPlan.objects.filter(agency=ctx["bureau"], occasion=Occasion.LUNAR_NEW_YEAR).exists()
    assert any(i.category == "專案計畫" for i in plan_inbox(ctx["people"]["liaison"]))
