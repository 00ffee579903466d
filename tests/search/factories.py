"""Records with words found nowhere else, in the world's agencies and units."""

import datetime as dt

from anwei.meetings import services as ms
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem


def item(world, text, *, agency=None, unit="秘書室", actor=None, **kw):
    agency = agency or world.bureau
    kw.setdefault("origin_label", "113年第1次會議")
    lead = world.units[unit] if unit and agency == world.bureau else (world.other_unit if unit else None)
    return ts.tracked_item_create(actor=actor or world.officer, agency=agency, source_kind=TrackedItem.Source.OTHER,
                                  text=text, lead_unit=lead, **kw)


def meeting(world, *, agency=None, actor=None, date=dt.date(2024, 3, 5)):
    return ms.meeting_create(actor=actor or world.officer, agency=agency or world.bureau, date=date)
