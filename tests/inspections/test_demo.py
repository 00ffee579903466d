import pytest

from anwei.inspections import demo
from anwei.inspections.models import AssessmentRound, DailyCheck, Finding, RepairRecord, SelfAssessment
from anwei.orgs import demo as orgs_demo

pytestmark = pytest.mark.django_db


def test_demo_inspections():
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    rnd = AssessmentRound.objects.get(agency=ctx["bureau"])
    statuses = dict(rnd.assessments.values_list("unit__name", "status"))
    assert statuses["綜合企劃科"] == statuses["人事室"] == SelfAssessment.Status.SUBMITTED
    assert statuses["秘書室"] == SelfAssessment.Status.AWAITING_HEAD
    assert rnd.assessments.filter(answers__verdict="nonconform").count() == 1
    deficiency = Finding.objects.get(kind=Finding.Kind.DEFICIENCY)
    assert deficiency.checklist_check.unit.name == "秘書室"  # found while going through the checklist
    assert deficiency.tracked_item.status == "tracking" and deficiency.tracked_item.lead_unit.name == "秘書室"
    assert DailyCheck.objects.filter(working=False).count() == 1
    repair = RepairRecord.objects.get()
    assert repair.reported_on and repair.repaired_on
