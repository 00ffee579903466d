"""Badges: issue, grant, suspend, lose, replace with the agency's fee, return; contractors need an end
date; areas of another agency are refused; obligations for moved holders and overdue contractors."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.access import services
from anwei.access.models import Area, BadgeStatus
from anwei.access.obligations import access_open, access_owed
from anwei.core.forms import ConflictError
from anwei.orgs.services import unit_create
from tests.access.factories import area, badge, setup


def test_contractor_needs_an_end_date_and_areas_of_its_own_agency(world):
    settings = setup(world)
    foreign = Area.objects.create(agency=world.county, name="他機關機房")
    with pytest.raises(ValidationError) as exc:
        services.badge_issue(actor=world.liaison, settings=settings, data=services.BadgeInput(
            number="C1", kind="contractor", issued_on=dt.date(2024, 1, 2), holder_name="林小明",
            areas=(foreign,)))
    errors = exc.value.message_dict
    assert "必須有有效期限" in errors["ends_on"][0]
    assert "其他機關的區域" in errors["areas"][0]
    assert "廠商名稱" in errors["organisation"][0]
    with pytest.raises(ValidationError) as exc:
        badge(world, "C2", kind="contractor", holder_name="林小明", organisation="某公司",
              ends_on=dt.date(2023, 12, 1))
    assert "不得早於核發日" in exc.value.message_dict["ends_on"][0]


def test_lost_badge_is_replaced_with_the_fee_and_the_old_one_closed(world):
    settings = setup(world)
    settings.replacement_fee = 150
    settings.save()
    b = badge(world)
    services.badge_status_set(actor=world.liaison, badge=b, expected_version=b.version, action="lost",
                              on=dt.date(2024, 2, 1))
    new = services.badge_replace(actor=world.liaison, badge=b, expected_version=b.version, number="A0002",
                                 on=dt.date(2024, 2, 2))
    b.refresh_from_db()
    assert b.status == BadgeStatus.REPLACED and new.replaces_id == b.pk and new.fee == 150
    assert list(new.areas.all()) == [area(world)] and new.holder_id == world.staff.pk
    with pytest.raises(ValidationError):
        services.badge_status_set(actor=world.liaison, badge=b, expected_version=b.version, action="return",
                                  on=dt.date(2024, 2, 2))
    services.badge_status_set(actor=world.liaison, badge=new, expected_version=new.version, action="return",
                              on=dt.date(2024, 3, 1))
    assert [e.kind for e in b.events.all()] == ["issue", "lost", "replace"]


def test_suspend_and_resume_and_stale_edits_conflict(world):
    b = badge(world)
    stale = b.version
    services.badge_status_set(actor=world.liaison, badge=b, expected_version=b.version, action="suspend",
                              on=dt.date(2024, 2, 1))
    with pytest.raises(ConflictError):
        services.badge_update(actor=world.unithead, badge=b, expected_version=stale, unit=None, ends_on=None,
                              areas=[])
    services.badge_status_set(actor=world.liaison, badge=b, expected_version=b.version, action="resume",
                              on=dt.date(2024, 2, 2))
    assert b.status == BadgeStatus.ACTIVE


def test_overdue_contractor_badge_is_owed_by_the_managing_unit(world, settings):
    settings.ANWEI_TODAY = "2024-06-03"
    b = badge(world, "C9", kind="contractor", holder_name="蔡小華", organisation="清潔公司", ends_on=dt.date(2024, 5, 31))
    owed = [o for o in access_owed(world.liaison) if o.kind == "access.overdue"]
    assert [o.key for o in owed] == [f"access.overdue:{b.pk}"] and owed[0].overdue
    assert not [o for o in access_owed(world.staff) if o.kind == "access.overdue"]
    services.badge_status_set(actor=world.liaison, badge=b, expected_version=b.version, action="return",
                              on=dt.date(2024, 6, 3))
    assert not [o for o in access_open(dt.date(2024, 6, 3)) if o.kind == "access.overdue"]


def test_a_holder_who_moves_unit_raises_an_obligation_until_re_granted(world):
    b = badge(world)
    assert not [o for o in access_owed(world.liaison) if o.kind == "access.moved"]
    new_unit = unit_create(actor=None, agency=world.bureau, name="水利工程科")
    world.staff.unit = new_unit
    world.staff.save()
    owed = [o for o in access_owed(world.liaison) if o.kind == "access.moved"]
    assert owed and "水利工程科" in owed[0].note
    services.badge_update(actor=world.liaison, badge=b, expected_version=b.version, unit=new_unit, ends_on=None,
                          areas=[area(world)])
    assert not [o for o in access_owed(world.liaison) if o.kind == "access.moved"]


def test_badge_pages_show_what_each_may_see(world, as_):
    b = badge(world)
    assert as_(world.liaison).get(f"/access/badges/{b.pk}/").status_code == 200
    assert as_(world.staff).get(f"/access/badges/{b.pk}/").status_code == 404  # the holder is no reader
    listing = as_(world.staff).get("/access/badges/")
    assert b.number not in listing.content.decode()
    response = as_(world.liaison).post("/access/badges/new/", {"number": "C5", "kind": "contractor",
                                                              "holder_name": "某君", "issued_on": "113/1/2"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "必須有有效期限" in page and "廠商名稱" in page
