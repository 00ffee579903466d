import pytest

from anwei.plans.models import Assignment
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


def test_dispatch_to_units_creates_one_assignment_each(world):
    letter = f.dispatched_to_units(world)
    assert letter.number == "測政字第1120000001號"
    assert Assignment.objects.filter(letter=letter).count() == 2
