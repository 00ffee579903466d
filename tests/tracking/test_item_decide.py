"""An item of another source than a meeting (an inspection deficiency) is released on its own page, with a
reason, audited — and the next packet says the same."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.meetings import services as ms
from anwei.meetings.documents import directive_rows
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem, TrackingDecision

pytestmark = pytest.mark.django_db


def _deficiency(world):
    return ts.tracked_item_create(actor=world.officer, agency=world.bureau, source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
                                  text="機房門禁未上鎖。", lead_unit=world.units["秘書室"],
                                  origin_label="113年3月安全狀況檢查")


def test_the_officer_releases_a_deficiency_on_its_page_after_confirming(world, as_):
    item = _deficiency(world)
    client = as_(world.officer)
    url = reverse("tracking:item_decide", args=[item.pk])
    assert "記錄決定" in client.get(reverse("tracking:item_detail", args=[item.pk])).content.decode()
    asked = client.post(url, {"decision": "release", "note": "已加裝門禁並複查"})
    assert asked.status_code == 200 and "確定" in asked.content.decode()
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.TRACKING  # nothing happened yet
    assert client.post(url, {"decision": "release", "note": "已加裝門禁並複查", "confirmed": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.RELEASED
    decision = item.decisions.get()
    assert decision.round is None and decision.note == "已加裝門禁並複查" and decision.decided_by == world.officer
    assert AuditEntry.objects.filter(action="tracking.item_status", object_id=str(item.pk)).exists()
    assert "於事項頁決定" in client.get(reverse("tracking:item_detail", args=[item.pk])).content.decode()


def test_a_decision_needs_a_reason_next_to_the_field(world, as_):
    item = _deficiency(world)
    r = as_(world.officer).post(reverse("tracking:item_decide", args=[item.pk]),
                                {"decision": "continue", "note": ""})
    assert r.status_code == 400 and "請說明決定的理由" in r.content.decode()


def test_a_meetings_item_is_decided_at_the_meeting_not_on_its_page(world, as_):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ruling = ms.ruling_add(actor=world.officer, meeting=m, text="請秘書室研擬門禁規定。", actionable=True,
                           lead_unit=world.units["秘書室"])
    item = ruling.tracked_items.get()
    client = as_(world.officer)
    assert "記錄決定" not in client.get(reverse("tracking:item_detail", args=[item.pk])).content.decode()
    r = client.post(reverse("tracking:item_decide", args=[item.pk]),
                    {"decision": "release", "note": "x", "confirmed": "1"})
    assert r.status_code == 400 and "由會議決定" in r.content.decode()


def test_while_a_round_collects_the_item_the_decision_is_the_rounds_and_the_packet_agrees(world):
    item = _deficiency(world)
    ts.tracked_item_packet_set(actor=world.officer, item=item, in_packet=True)
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 10, 9))
    rnd = ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date(2024, 10, 1))
    ts.tracked_item_decide(actor=world.officer, item=item, decision="release", note="已改善")
    row = next(r for r in directive_rows(nxt) if r.item.pk == item.pk)
    assert row.decision.round == rnd and row.decision.decision == TrackingDecision.Decision.RELEASE
