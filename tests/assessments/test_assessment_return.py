"""The unit head returns a self-assessment to the liaison with a note; the liaison corrects and sends it again."""

import pytest
from django.core.exceptions import ValidationError

from anwei.assessments import services
from anwei.assessments.models import SelfAssessment
from tests.assessments import factories as f
from tests.assessments.test_assessments import _answers

pytestmark = pytest.mark.django_db


def test_the_head_returns_with_a_note_and_the_liaison_can_correct(world):
    a = f.assessment(world)
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version, values=_answers(a))
    services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    services.assessment_return(actor=world.unithead, assessment=a, expected_version=a.version,
                               note="第3項請再確認")
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.DRAFT and a.head_note == "第3項請再確認"
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version, values=_answers(a))
    services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    assert a.status == SelfAssessment.Status.AWAITING_HEAD


def test_only_a_form_awaiting_the_head_can_be_returned(world):
    a = f.assessment(world)
    with pytest.raises(ValidationError, match="待主管確認"):
        services.assessment_return(actor=world.unithead, assessment=a, expected_version=a.version, note="退回")
