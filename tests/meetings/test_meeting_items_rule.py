"""One rule decides which tracked items a meeting reviews: the meeting page, its packet and its minutes agree."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.documents.builders import document_build
from anwei.documents.render import render
from anwei.meetings import services as ms
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db

DEFICIENCY = "機房門禁未上鎖，請限期改善。"


def _setup(world):
    given = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=given, text="請秘書室研擬門禁管制規定。", actionable=True,
                  lead_unit=world.units["秘書室"])
    deficiency = ts.tracked_item_create(actor=world.officer, agency=world.bureau, text=DEFICIENCY,
                                        source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
                                        lead_unit=world.units["秘書室"], origin_label="113年5月安全狀況檢查")
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 10, 9))
    ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date(2024, 10, 1))
    return nxt, deficiency


def _shown(client, meeting) -> dict[str, bool]:
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    packet = render(document_build("meetings.packet", {"meeting_id": meeting.pk}), "html").decode()
    minutes = render(document_build("meetings.minutes", {"meeting_id": meeting.pk}), "html").decode()
    return {"page": DEFICIENCY in page, "packet": DEFICIENCY in packet, "minutes": DEFICIENCY in minutes}


def test_a_deficiency_is_in_all_three_only_once_the_officer_brings_it(world, as_):
    nxt, deficiency = _setup(world)
    client = as_(world.officer)
    assert _shown(client, nxt) == {"page": False, "packet": False, "minutes": False}
    ts.tracked_item_packet_set(actor=world.officer, item=deficiency, in_packet=True)
    assert _shown(client, nxt) == {"page": True, "packet": True, "minutes": True}
