"""Link to the plans engine: a round carries out a plan's assignment received from the superior office."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.assessments import services
from anwei.assessments.models import AssessmentRound
from tests.assessments import factories as f
from tests.plans.factories import city_to_bureau

pytestmark = pytest.mark.django_db


def test_round_hangs_on_the_plan_assignment_received(world, as_):
    assignment = city_to_bureau(world)
    f.checklists(world)
    c = as_(world.officer)
    page = c.get(reverse("assessments:round_create"), {"assignment": assignment.pk}).content.decode()
    assert f'<option value="{assignment.pk}" selected>' in page
    templates = [t.pk for t in f.checklists(world)]
    r = c.post(reverse("assessments:round_create"), {
        "title": "春節期間自評", "deadline": (timezone.localdate() + dt.timedelta(days=5)).isoformat(),
        "templates": templates, "units": [world.units["秘書室"].pk], "plan_assignment": assignment.pk})
    assert r.status_code == 302
    rnd = AssessmentRound.objects.get()
    assert rnd.plan_assignment == assignment
    page = c.get(reverse("assessments:round_detail", args=[rnd.pk])).content.decode()
    assert reverse("plans:assignment_detail", args=[assignment.pk]) in page


def test_round_refuses_another_agencys_assignment(world):
    assignment = city_to_bureau(world)
    with pytest.raises(ValidationError):
        services.round_create(actor=world.other_officer, agency=world.county, title="x",
                              deadline=timezone.localdate(), templates=services.checklist_defaults_install(
                                  actor=world.other_officer, agency=world.county),
                              units=[world.other_unit], plan_assignment=assignment)
