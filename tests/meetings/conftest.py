import pytest

from anwei.meetings.replay import replay_bureau_cycle
from tests.tracking.conftest import sewer  # noqa: F401  (fixture)


@pytest.fixture
def cycle(world, sewer):  # noqa: F811
    """Seeds 001 → 000 replayed in the test bureau (people invented)."""
    return replay_bureau_cycle(agency=world.bureau, units=world.units, officer=world.officer,
                               liaisons={"秘書室": world.liaison, "污水養護工程科": world.people["liaison_sewer"]},
                               chair="局長 測首長", recorder="測政風")
