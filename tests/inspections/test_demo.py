import pytest

from anwei.assessments import demo as assessments_demo
from anwei.inspections import demo
from anwei.inspections.models import Finding
from anwei.orgs import demo as orgs_demo

pytestmark = pytest.mark.django_db


def test_demo_inspections():
    ctx: dict = {}
    orgs_demo.load(ctx)
    assessments_demo.load(ctx)  # the checklist the inspection goes through
    demo.load(ctx)
    deficiency = Finding.objects.get(kind=Finding.Kind.DEFICIENCY)
    assert deficiency.checklist_check.unit.name == "秘書室"  # found while going through the checklist
    assert deficiency.tracked_item.status == "tracking" and deficiency.tracked_item.lead_unit.name == "秘書室"
