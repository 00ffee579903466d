"""A proposal's own 決議 put under tracking directly (#22 point 5), as a ruling is: the meeting's next 項次,
its text the resolution's, in the next meeting's papers; no separate ruling to type."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anwei.meetings import services as ms
from anwei.meetings.documents import directive_rows
from anwei.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=m, text="請各單位加強門禁。", actionable=True, all_units=True)
    return ms.proposal_add(actor=world.officer, meeting=m, subject="門禁管制規定修正案", unit=world.units["秘書室"])


def test_a_resolution_is_tracked_from_the_resolve_form(client, world, proposal):
    client.force_login(world.officer)
    url = reverse("meetings:proposal_resolve", args=[proposal.pk])
    p = f"p{proposal.pk}"
    r = client.post(url, {f"{p}-version": proposal.version, f"{p}-resolution": "passed", f"{p}-track": "on",
                          f"{p}-lead_unit": world.units["秘書室"].pk})
    assert r.status_code == 400 and "列管時請填寫決議內容" in r.content.decode()
    assert not proposal.tracked_items.exists()
    r = client.post(url, {f"{p}-version": proposal.version, f"{p}-resolution": "amended",
                          f"{p}-resolution_text": "修正通過，請秘書室於一個月內公告實施。", f"{p}-track": "on",
                          f"{p}-lead_unit": world.units["秘書室"].pk, f"{p}-co_units": [world.units["人事室"].pk],
                          f"{p}-due_date": "113/5/10"}, follow=True)
    item = proposal.tracked_items.get()
    assert item.number == 2 and item.source_kind == TrackedItem.Source.PROPOSAL_RESOLUTION
    assert item.text == "修正通過，請秘書室於一個月內公告實施。" and item.units_label() == "秘書室（協辦：人事室）"
    assert item.due_date == dt.date(2024, 5, 10) and item.origin == proposal.meeting
    page = r.content.decode()
    assert "已記錄決議，並列管為本次會議第2項。" in page and "本次會議第2項" in page
    assert f'name="{p}-track"' not in page  # tracked: its units and due date are the item's now
    detail = client.get(reverse("tracking:item_detail", args=[item.pk])).content.decode()
    assert "提案決議（" in detail and "113年第1次會議" in detail

    # the resolution's words, corrected, change the item's with them; the next meeting reviews it
    proposal.refresh_from_db()
    ms.proposal_resolve(actor=world.officer, proposal=proposal, expected_version=proposal.version,
                        resolution="amended", resolution_text="修正通過，請秘書室於二週內公告實施。")
    item.refresh_from_db()
    assert item.text == "修正通過，請秘書室於二週內公告實施。"
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 10, 9))
    assert item in [row.item for row in directive_rows(nxt)]
    with pytest.raises(ValidationError):
        ms.proposal_delete(actor=world.officer, proposal=proposal)


def test_a_deferred_proposal_is_not_tracked(world, proposal):
    with pytest.raises(ValidationError) as exc:
        ms.proposal_resolve(actor=world.officer, proposal=proposal, expected_version=proposal.version,
                            resolution="deferred", resolution_text="下次會議續審。", track=True, all_units=True)
    assert "續審" in exc.value.message_dict["resolution"][0] and not proposal.tracked_items.exists()
