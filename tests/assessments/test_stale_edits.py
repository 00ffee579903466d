"""Every checklist edited through a form refuses a stale save with 409, lists what the other
person saved next to the kept form, and accepts the save made after reading it."""

import pytest
from django.urls import reverse

from anwei.assessments.models import ChecklistTemplate
from tests.assessments import factories as f
from tests.conflicts import second_officer, stale_edit_check

pytestmark = pytest.mark.django_db


def _checklist(w):
    t = f.checklist(w)
    return (reverse("assessments:checklist_edit", args=[t.pk]), "description",
            {"name": t.name, "kind": t.kind, "is_active": "on"},
            lambda: ChecklistTemplate.objects.get(pk=t.pk).description, (w.officer, second_officer(w)))


@pytest.mark.parametrize("case", [_checklist], ids=lambda c: c.__name__[1:])
def test_a_stale_edit_is_a_conflict_showing_the_others_values_and_saving_again_works(world, client_of, case):
    stale_edit_check(client_of, case(world))
