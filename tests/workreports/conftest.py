from tests.travel.conftest import make_trip, rules  # noqa: F401 (fixtures)
