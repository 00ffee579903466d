"""Evidence added to a finding afterwards: stored outside the web root, listed, and served to those who see it."""

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def test_the_officer_adds_photos_to_a_finding_and_they_are_served_to_viewers_only(world, as_):
    finding = f.deficiency(world)
    c = as_(world.officer)
    response = c.post(reverse("inspections:evidence_add", args=[finding.pk]),
                      {"files": [f.png("窗戶.png"), f.png("門鎖.png")], "caption": "複查時拍攝"})
    assert response.status_code == 302
    added = list(finding.evidence.filter(caption="複查時拍攝").order_by("id"))
    assert [e.stored.name for e in added] == ["窗戶.png", "門鎖.png"]
    assert AuditEntry.objects.filter(action="inspections.evidence_add").count() == 2
    assert c.get(reverse("inspections:evidence_download", args=[added[0].pk])).status_code == 200
    outsider = as_(world.people["other_officer"])
    assert outsider.get(reverse("inspections:evidence_download", args=[added[0].pk])).status_code == 404


def test_a_post_without_a_file_keeps_the_page_with_a_message(world, as_):
    finding = f.deficiency(world)
    response = as_(world.officer).post(reverse("inspections:evidence_add", args=[finding.pk]), {"caption": "x"})
    assert response.status_code == 200 and "請" in response.context["form"].errors["files"][0]
    assert finding.evidence.count() == 1
