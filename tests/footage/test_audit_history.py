"""A footage request's audit history is personal data: the superior office's audit right is not enough."""

import pytest
from django.urls import reverse

from tests.footage import factories as f


@pytest.mark.django_db
def test_history_follows_the_request_not_the_agency_wide_audit_right(world, fs, client):
    req = f.file(world)
    url = reverse("audit_object", kwargs={"object_type": "footage.footagerequest", "object_id": req.pk})
    client.force_login(world.officer)
    assert client.get(url).status_code == 200
    client.force_login(world.superior)  # holds audit.view over the subtree, but may not see the request
    assert client.get(url).status_code == 404
