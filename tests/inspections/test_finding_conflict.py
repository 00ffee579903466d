"""Two ethics officers correcting the same finding: the second sees the first's text instead of
overwriting it, keeps what they typed, and can save it knowingly."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.inspections.models import Finding
from tests.inspections import factories as f
from tests.conflicts import conflict_notice, form_version, second_officer

pytestmark = pytest.mark.django_db


def _due(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def test_a_stale_correction_of_a_deficiency_shows_the_others_text_and_saving_again_works(world, client_of):
    finding = f.deficiency(world)
    url = reverse("inspections:finding_edit", args=[finding.pk])
    first, second = client_of(world.officer), client_of(second_officer(world))
    opened = form_version(second.get(url).content.decode())
    first_version = form_version(first.get(url).content.decode())

    r = first.post(url, {"version": first_version, "unit": world.units["人事室"].pk,
                         "text": "檔案室門窗未上鎖，鑰匙亦未集中保管", "due_date": _due(20)})
    assert r.status_code == 302

    r = second.post(url, {"version": opened, "unit": world.units["秘書室"].pk,
                          "text": "檔案室後門未上鎖", "due_date": _due(10)})
    page = r.content.decode()
    assert r.status_code == 409
    notice = conflict_notice(page)
    assert "已被其他人修改" in notice
    assert "檔案室門窗未上鎖，鑰匙亦未集中保管" in notice and "人事室" in notice
    assert "檔案室後門未上鎖" in page.split('id="conflict"', 1)[1].split("</div>", 1)[1]  # kept in the form
    # Nothing the first officer saved is lost, here or in tracking.
    finding.refresh_from_db()
    finding.tracked_item.refresh_from_db()
    assert finding.text == "檔案室門窗未上鎖，鑰匙亦未集中保管" and finding.unit == world.units["人事室"]
    assert finding.tracked_item.text == finding.text and finding.tracked_item.lead_unit == world.units["人事室"]

    # Having read it, the second officer saves again: the form now carries the current version.
    r = second.post(url, {"version": form_version(page), "unit": world.units["秘書室"].pk,
                          "text": "檔案室後門未上鎖", "due_date": _due(10)})
    assert r.status_code == 302
    finding.refresh_from_db()
    finding.tracked_item.refresh_from_db()
    assert finding.text == "檔案室後門未上鎖" and finding.unit == world.units["秘書室"]
    # The tracked item follows the finding's edits, as before.
    item = finding.tracked_item
    assert item.text == "檔案室後門未上鎖" and item.lead_unit == world.units["秘書室"]
    assert item.due_date.isoformat() == _due(10)


def test_a_stale_correction_of_a_strength_is_refused_too(world, client_of):
    finding = f.strength(world)
    url = reverse("inspections:finding_edit", args=[finding.pk])
    first, second = client_of(world.officer), client_of(second_officer(world))
    opened = form_version(second.get(url).content.decode())
    assert first.post(url, {"version": opened, "text": "門禁管理落實，訪客均換證登記"}).status_code == 302
    r = second.post(url, {"version": opened, "text": "門禁及訪客管理落實"})
    assert r.status_code == 409 and "門禁管理落實，訪客均換證登記" in conflict_notice(r.content.decode())
    assert Finding.objects.get(pk=finding.pk).text == "門禁管理落實，訪客均換證登記"
