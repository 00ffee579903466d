import pytest

from tests.footage import factories


@pytest.fixture
def fs(world):
    return factories.setup(world)


@pytest.fixture
def planhead(world):
    return factories.planhead(world)
