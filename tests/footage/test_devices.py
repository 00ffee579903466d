"""The camera registry per site, kept by the managing unit; requests name its cameras."""

import pytest
from django.urls import reverse

from anwei.footage import selectors
from anwei.footage.models import Device, Site


@pytest.mark.django_db
def test_the_managing_unit_adds_a_site_and_a_camera(world, fs, client):
    client.force_login(world.liaison)
    client.post(reverse("footage:site_create"), {"name": "第二辦公大樓", "address": ""})
    site = Site.objects.get(name="第二辦公大樓")
    r = client.post(reverse("footage:device_create"), {"site": site.pk, "kind": "camera", "code": "B01",
                                                        "location": "後門", "active": "on", "order": 1})
    assert r.status_code == 302
    cam = Device.objects.get(code="B01")
    assert cam.site == site and cam.active
    assert cam in selectors.device_list(person=world.staff, agency=world.bureau)


@pytest.mark.django_db
def test_an_inactive_camera_is_not_offered_in_the_request_form(world, fs, client):
    cam = world.extra["cameras"][0]
    client.force_login(world.unithead)
    r = client.post(reverse("footage:device_edit", args=[cam.pk]), {
        "site": cam.site_id, "kind": "camera", "code": cam.code, "location": cam.location, "order": 0,
        "version": cam.version})
    assert r.status_code == 302
    cam.refresh_from_db()
    assert not cam.active and cam.version == 2
    client.force_login(world.staff)
    form = client.get(reverse("footage:request_create")).context["form"]
    assert cam not in form.fields["cameras"].queryset


@pytest.mark.django_db
def test_a_stale_device_edit_is_refused_and_keeps_the_input(world, fs, client):
    cam = world.extra["cameras"][0]
    Device.objects.filter(pk=cam.pk).update(version=5)
    client.force_login(world.liaison)
    r = client.post(reverse("footage:device_edit", args=[cam.pk]), {
        "site": cam.site_id, "kind": "camera", "code": cam.code, "location": "我改的地點", "active": "on",
        "order": 0, "version": 1})
    assert r.status_code == 200 and "已被其他人修改" in r.content.decode() and "我改的地點" in r.content.decode()
    cam.refresh_from_db()
    assert cam.location != "我改的地點"


@pytest.mark.django_db
def test_a_duplicate_site_name_is_refused(world, fs, client):
    client.force_login(world.liaison)
    r = client.post(reverse("footage:site_create"), {"name": "測試大樓"}, follow=True)
    assert "已有同名的場所" in r.content.decode()
