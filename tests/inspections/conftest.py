import pytest


@pytest.fixture
def as_(client):
    """Log the test client in as a person and return it."""
    def login(person):
        client.logout()
        client.force_login(person)
        return client
    return login
