"""Visitors: only the last four characters of the ID; hosts pre-register and confirm; who is still
inside after closing; records destroyed by the retention job after the retention rule's days."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.access import services
from anwei.access.models import Visitor
from anwei.access.obligations import access_owed
from anwei.access.selectors import inside_after_closing
from anwei.footage.tasks import retention_steps_run
from tests.access.factories import at, setup, visitor


def test_only_four_characters_of_the_id_are_kept(world):
    settings = setup(world)
    with pytest.raises(ValidationError) as exc:
        services.visitor_register(actor=world.liaison, settings=settings, data=services.VisitorInput(
            name="", organisation="", host=None, host_label="", purpose="", id_type="national_id",
            id_last4="A123456789"))
    errors = exc.value.message_dict
    assert {"name", "host", "purpose", "id_last4"} <= set(errors)
    assert "末四碼" in errors["id_last4"][0]


def test_check_out_and_who_is_inside_after_closing(world, settings):
    settings.ANWEI_TODAY = "2024-03-05"
    s = setup(world)
    stays = visitor(world, "留下者", at_=at(dt.date(2024, 3, 5), 9))
    leaves = visitor(world, "離開者", at_=at(dt.date(2024, 3, 5), 10))
    services.visitor_check_out(actor=world.liaison, visitor=leaves, expected_version=leaves.version,
                               at=at(dt.date(2024, 3, 5), 11))
    with pytest.raises(ValidationError):
        services.visitor_check_out(actor=world.liaison, visitor=leaves, expected_version=leaves.version)
    assert inside_after_closing(world.bureau.pk, s, at(dt.date(2024, 3, 5), 12)) == []
    assert inside_after_closing(world.bureau.pk, s, at(dt.date(2024, 3, 5), 18)) == [stays]


def test_host_pre_registers_a_meeting_and_the_desk_ticks_them_in(world, settings, as_):
    settings.ANWEI_TODAY = "2024-03-05"
    setup(world)
    guests = services.visitors_preregister(actor=world.staff, agency=world.bureau, visit_on=dt.date(2024, 3, 6),
                                           purpose="審查會議", guests="甲君，某大學\n乙君,某公司\n\n丙君")
    assert [(g.name, g.organisation) for g in guests] == [("甲君", "某大學"), ("乙君", "某公司"), ("丙君", "")]
    assert all(g.host_confirmed_at and g.preregistered for g in guests)
    g = guests[0]
    response = as_(world.liaison).post(f"/access/visitors/{g.pk}/in/", {
        "version": g.version, "pass_number": "V7", "id_type": "driver", "id_last4": "9876"})
    assert response.status_code == 302
    g.refresh_from_db()
    assert g.arrived_at and g.id_last4 == "9876"
    # The other guests are the host's to see, not another colleague's.
    assert "甲君" in as_(world.staff).get("/access/visitors/?day=113/3/6").content.decode()
    assert "甲君" not in as_(world.other_officer).get("/access/visitors/?day=113/3/6").content.decode()


def test_walk_in_is_confirmed_by_the_host(world, as_):
    v = visitor(world)
    assert v.host_confirmed_at is None
    assert as_(world.liaison).post(f"/access/visitors/{v.pk}/confirm/").status_code == 404
    assert as_(world.staff).post(f"/access/visitors/{v.pk}/confirm/").status_code == 302
    v.refresh_from_db()
    assert v.host_confirmed_at is not None


def test_inside_after_closing_is_owed_by_the_desk(world, settings):
    settings.ANWEI_TODAY = "2024-03-05"
    visitor(world, at_=at(dt.date(2024, 3, 4), 9))  # yesterday, never signed out
    owed = [o for o in access_owed(world.liaison) if o.kind == "access.inside"]
    assert owed and "1位" in owed[0].title


def test_retention_rule_and_job_destroy_old_records(world, settings):
    settings.ANWEI_TODAY = "2024-03-05"
    setup(world)
    services.retention_rule_add(actor=world.officer, agency=world.bureau, starts_on=dt.date(2020, 1, 1), days=30)
    old = visitor(world, "舊訪客", at_=at(dt.date(2024, 1, 2), 9))
    services.visitor_check_out(actor=world.liaison, visitor=old, expected_version=old.version,
                               at=at(dt.date(2024, 1, 2), 10))
    inside = visitor(world, "仍在內", at_=at(dt.date(2024, 1, 3), 9))
    recent = visitor(world, "近訪客", at_=at(dt.date(2024, 3, 1), 9))
    assert old.retention_due_on == dt.date(2024, 2, 1)
    assert dict(retention_steps_run(dry_run=True)) == {"訪客登記資料": 1}
    dict(retention_steps_run(dry_run=False))
    assert set(Visitor.objects.values_list("pk", flat=True)) == {inside.pk, recent.pk}
    with pytest.raises(ValidationError):
        services.visitor_destroy(actor=None, visitor=recent)
