"""A person of one agency gets 404 for another agency's objects and never sees its rows."""

from django.urls import reverse

from anwei.core.models import AuditEntry


def test_audit_history_of_another_agency_is_404(world, client):
    client.force_login(world.other_officer)
    url = reverse("audit_object", kwargs={"object_type": "orgs.agency", "object_id": world.bureau.pk})
    assert client.get(url).status_code == 404


def test_own_agency_history_shows_only_own_rows(world, client):
    client.force_login(world.officer)
    url = reverse("audit_object", kwargs={"object_type": "orgs.agency", "object_id": world.bureau.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert "海濱市政府測試局" in response.content.decode()
    assert all(e.agency_id == world.bureau.pk for e in response.context["page"])
    assert AuditEntry.objects.filter(agency=world.county).exists()
