"""Link to the footage registry: a checked system sits at a footage site, whose devices it covers."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.devicechecks import services
from anwei.footage.models import Device, Site

pytestmark = pytest.mark.django_db


def test_checked_system_uses_the_footage_site_registry(world, as_):
    site = Site.objects.create(agency=world.bureau, name="管理大樓")
    for n in range(3):
        Device.objects.create(site=site, kind=Device.Kind.CAMERA, code=f"CH0{n}", location=f"走道{n}")
    Device.objects.create(site=site, kind=Device.Kind.RECORDER, code="NVR", location="檔案室")
    Device.objects.create(site=site, kind=Device.Kind.DOOR_ACCESS, code="D1", location="正門")
    c = as_(world.officer)
    r = c.post(reverse("devicechecks:device_create"), {
        "name": "管理大樓監視系統", "kind": "cctv", "unit": world.units["秘書室"].pk, "site": site.pk,
        "in_service_from": timezone.localdate().isoformat(), "is_active": "on"})
    assert r.status_code == 302
    page = c.get(reverse("devicechecks:device_list")).content.decode()
    assert "管理大樓（登錄設備 4 具）" in page
    other_site = Site.objects.create(agency=world.county, name="他縣大樓")
    with pytest.raises(ValidationError):
        services.device_system_create(actor=world.officer, agency=world.bureau, unit=world.units["秘書室"],
                                      name="x", kind="cctv", site=other_site)
