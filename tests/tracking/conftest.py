import datetime as dt

import pytest

from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create, unit_create
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem
from tests.world import PASSWORD


@pytest.fixture
def sewer(world):
    """污水養護工程科 and its liaison, for items of more than one unit."""
    unit = unit_create(actor=None, agency=world.bureau, name="污水養護工程科", order=9)
    liaison = person_create(actor=None, username="liaison.sewer", password=PASSWORD, full_name="測污水",
                            agency=world.bureau, unit=unit)
    membership_grant(actor=None, person=liaison, agency=world.bureau, role=Role.UNIT_LIAISON, unit=unit)
    world.units[unit.name] = unit
    world.people["liaison_sewer"] = liaison
    return unit


def make_item(world, text="請秘書室研擬門禁管制規定。", unit="秘書室", **kw):
    kw.setdefault("origin_label", "113年第1次會議")
    return ts.tracked_item_create(actor=world.officer, agency=world.bureau, source_kind=TrackedItem.Source.OTHER,
                                  text=text, lead_unit=world.units[unit] if unit else None, **kw)


def open_round(world, **kw):
    kw.setdefault("deadline", dt.date.today() + dt.timedelta(days=7))
    return ts.progress_round_open(actor=world.officer, agency=world.bureau, **kw)
