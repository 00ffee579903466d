import pytest


@pytest.fixture
def as_(client):
    """Log the test client in as a person and return it."""
    def login(person):
        client.logout()
        client.force_login(person)
        return client
    return login


@pytest.fixture
def client_of():
    """A separate logged-in browser per person, for two people working at the same time."""
    from django.test import Client

    def make(person):
        c = Client()
        c.force_login(person)
        return c
    return make
