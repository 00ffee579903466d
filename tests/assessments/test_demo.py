import pytest

from anwei.assessments import demo
from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.orgs import demo as orgs_demo

pytestmark = pytest.mark.django_db


def test_demo_assessments():
    ctx: dict = {}
    orgs_demo.load(ctx)
    demo.load(ctx)
    rnd = AssessmentRound.objects.get(agency=ctx["bureau"])
    statuses = dict(rnd.assessments.values_list("unit__name", "status"))
    assert statuses["綜合企劃科"] == statuses["人事室"] == SelfAssessment.Status.SUBMITTED
    assert statuses["秘書室"] == SelfAssessment.Status.AWAITING_HEAD
    assert rnd.assessments.filter(answers__verdict="nonconform").count() == 1
