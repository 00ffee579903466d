"""Links to the other engines: a round carries out a plan's assignment; a checked system sits at a footage site."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.footage.models import Device, Site
from anwei.inspections import services
from anwei.inspections.models import AssessmentRound
from tests.inspections import factories as f
from tests.plans.factories import city_to_bureau

pytestmark = pytest.mark.django_db


def test_round_hangs_on_the_plan_assignment_received(world, as_):
    assignment = city_to_bureau(world)
    f.checklists(world)
    c = as_(world.officer)
    page = c.get(reverse("inspections:round_create"), {"assignment": assignment.pk}).content.decode()
    assert f'<option value="{assignment.pk}" selected>' in page
    templates = [t.pk for t in f.checklists(world)]
    r = c.post(reverse("inspections:round_create"), {
        "title": "春節期間自評", "deadline": (timezone.localdate() + dt.timedelta(days=5)).isoformat(),
        "templates": templates, "units": [world.units["秘書室"].pk], "plan_assignment": assignment.pk})
    assert r.status_code == 302
    rnd = AssessmentRound.objects.get()
    assert rnd.plan_assignment == assignment
    page = c.get(reverse("inspections:round_detail", args=[rnd.pk])).content.decode()
    assert reverse("plans:assignment_detail", args=[assignment.pk]) in page


def test_round_refuses_another_agencys_assignment(world):
    assignment = city_to_bureau(world)
    with pytest.raises(ValidationError):
        services.round_create(actor=world.other_officer, agency=world.county, title="x",
                              deadline=timezone.localdate(), templates=services.checklist_defaults_install(
                                  actor=world.other_officer, agency=world.county),
                              units=[world.other_unit], plan_assignment=assignment)


def test_checked_system_uses_the_footage_site_registry(world, as_):
    site = Site.objects.create(agency=world.bureau, name="管理大樓")
    for n in range(3):
        Device.objects.create(site=site, kind=Device.Kind.CAMERA, code=f"CH0{n}", location=f"走道{n}")
    Device.objects.create(site=site, kind=Device.Kind.RECORDER, code="NVR", location="檔案室")
    Device.objects.create(site=site, kind=Device.Kind.DOOR_ACCESS, code="D1", location="正門")
    c = as_(world.officer)
    r = c.post(reverse("inspections:device_create"), {
        "name": "管理大樓監視系統", "kind": "cctv", "unit": world.units["秘書室"].pk, "site": site.pk,
        "in_service_from": timezone.localdate().isoformat(), "is_active": "on"})
    assert r.status_code == 302
    page = c.get(reverse("inspections:device_list")).content.decode()
    assert "管理大樓（登錄設備 4 具）" in page
    other_site = Site.objects.create(agency=world.county, name="他縣大樓")
    with pytest.raises(ValidationError):
        services.device_system_create(actor=world.officer, agency=world.bureau, unit=world.units["秘書室"],
                                      name="x", kind="cctv", site=other_site)
