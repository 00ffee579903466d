"""Deleting a finding from a page opened before someone corrected it does not delete the correction unseen."""

import pytest
from django.urls import reverse

from anwei.inspections.models import Finding
from tests.inspections import factories as f
from tests.conflicts import form_version, second_officer

pytestmark = pytest.mark.django_db


def test_a_finding_corrected_since_the_page_was_opened_is_not_deleted_until_seen(world, client_of):
    finding = f.strength(world)
    detail = reverse("inspections:inspection_detail", args=[finding.inspection_id])
    edit = reverse("inspections:finding_edit", args=[finding.pk])
    delete = reverse("inspections:finding_delete", args=[finding.pk])
    first, second = client_of(world.officer), client_of(second_officer(world))
    opened = form_version(second.get(detail).content.decode().split(delete, 1)[1])
    assert first.post(edit, {"version": finding.version, "text": "夜間巡邏確實並留有紀錄"}).status_code == 302

    r = second.post(delete, {"version": opened}, follow=True)
    page = r.content.decode()
    assert "此筆檢查發現已被其他人修改，尚未刪除" in page and "夜間巡邏確實並留有紀錄" in page
    assert Finding.objects.get(pk=finding.pk).text == "夜間巡邏確實並留有紀錄"

    # Having seen the correction, deleting from the fresh page works.
    again = form_version(page.split(delete, 1)[1])
    second.post(delete, {"version": again})
    assert not Finding.objects.filter(pk=finding.pk).exists()
