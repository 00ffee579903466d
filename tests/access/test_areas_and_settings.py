"""Areas and the settings are edited with the version they were opened at: two people never silently
overwrite each other; the ethics officer names the managing unit first."""

import pytest

from anwei.access import services
from anwei.access.models import AccessSettings
from anwei.core.forms import ConflictError
from tests.access.factories import area, setup


def test_ethics_officer_sets_up_then_keepers_add_areas_through_pages(world, as_):
    c = as_(world.officer)
    page = c.get("/access/").content.decode()
    assert "設定門禁管理單位" in page
    assert c.post("/access/", {"managing_unit": world.units["秘書室"].pk}).status_code == 302
    assert AccessSettings.objects.get(agency=world.bureau).managing_unit == world.units["秘書室"]
    assert c.get("/access/areas/new/").status_code == 404  # the officer reads; 秘書室 keeps
    k = as_(world.liaison)
    response = k.post("/access/areas/new/", {"name": "檔案室", "kind": "archive", "level": 2, "is_active": "on"})
    assert response.status_code == 302
    response = k.post("/access/areas/new/", {"name": "檔案室", "kind": "archive", "level": 2})
    assert response.status_code == 400 and "同名的區域" in response.content.decode()


def test_stale_area_edit_is_a_conflict_not_an_overwrite(world, client_of):
    a = area(world)
    first, second = client_of(world.liaison), client_of(world.unithead)
    data = {"name": "機房A", "kind": "server", "level": 3, "version": a.version, "is_active": "on"}
    assert first.post(f"/access/areas/{a.pk}/edit/", data).status_code == 302
    response = second.post(f"/access/areas/{a.pk}/edit/", {**data, "name": "機房B"})
    assert response.status_code == 409 and "機房A" in response.content.decode()
    a.refresh_from_db()
    assert a.name == "機房A"


def test_settings_update_checks_its_version_and_units(world):
    s = setup(world)
    stale = s.version
    services.settings_update(actor=world.officer, settings=s, expected_version=s.version,
                             managing_unit=world.units["秘書室"], desk_unit=world.units["人事室"], replacement_fee=100,
                             closing_time=s.closing_time, review_month=11)
    with pytest.raises(ConflictError):
        services.settings_update(actor=world.officer, settings=s, expected_version=stale,
                                 managing_unit=world.units["秘書室"], desk_unit=None, replacement_fee=0,
                                 closing_time=s.closing_time, review_month=12)
    s.refresh_from_db()
    assert s.replacement_fee == 100 and s.desk_unit == world.units["人事室"]
