"""The access overview shows each person what their part needs: the front desk sees its visitors, not the badge
holders' names that only the managing unit, the ethics unit and the head may read."""

import datetime as dt

from anwei.access import services
from anwei.access.models import BadgeKind
from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create
from tests.access.factories import badge
from tests.world import PASSWORD


def test_the_front_desk_sees_visitors_but_no_badge_holders(world, settings, client_of):
    settings.ANWEI_TODAY = "2024-12-02"
    desk_unit = world.units["綜合企劃科"]
    services.access_setup(actor=None, agency=world.bureau, managing_unit=world.units["秘書室"], desk_unit=desk_unit)
    badge(world, "T9", kind=BadgeKind.CONTRACTOR, holder_name="包商王測試", organisation="某營造",
          ends_on=dt.date(2024, 11, 30))  # not handed back: overdue
    desk = person_create(actor=None, username="desk", password=PASSWORD, full_name="櫃台甲", agency=world.bureau,
                         unit=desk_unit)
    membership_grant(actor=None, person=desk, agency=world.bureau, role=Role.UNIT_LIAISON, unit=desk_unit)

    officer = client_of(world.officer).get("/access/").content.decode()
    assert "包商王測試" in officer and "尚在館內訪客" in officer
    front = client_of(desk).get("/access/").content.decode()
    assert "尚在館內訪客" in front
    assert "包商王測試" not in front and "T9" not in front and "review-status" not in front
