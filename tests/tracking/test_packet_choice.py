"""An inspection deficiency is followed in rounds, but enters a meeting packet only when the officer brings it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.meetings import services as ms
from anwei.meetings.documents import packet_build
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem

DEFICIENCY = "一樓檔案室下班後門扇未關妥。"


def _texts(doc) -> str:
    return "\n".join(c.text for b in doc.blocks if hasattr(b, "rows") for row in b.rows for c in row)


@pytest.fixture
def setting(world):
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 10, 9))
    item = ts.tracked_item_create(actor=world.officer, agency=world.bureau,
                                  source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY, text=DEFICIENCY,
                                  lead_unit=world.units["秘書室"], origin_label="113年9月5日機關安全狀況檢查")
    ms.meeting_round_open(actor=world.officer, meeting=meeting, deadline=dt.date(2024, 10, 1))
    return meeting, item


def test_deficiency_stays_out_of_the_packet_until_the_officer_brings_it(world, setting):
    meeting, item = setting
    assert item.reports.exists()  # the unit still reports its correction in the round
    assert DEFICIENCY not in _texts(packet_build(meeting.pk))
    ts.tracked_item_packet_set(actor=world.officer, item=item, in_packet=True)
    assert DEFICIENCY in _texts(packet_build(meeting.pk))


def test_meeting_directives_are_always_in_the_packet(world, setting):
    meeting, _ = setting
    ruling = ms.ruling_add(actor=world.officer, meeting=meeting, text="請秘書室研擬門禁規定。", actionable=True,
                           lead_unit=world.units["秘書室"])
    with pytest.raises(ValidationError):
        ts.tracked_item_packet_set(actor=world.officer, item=ruling.tracked_items.get(), in_packet=False)
