"""A round's deadline after its meeting is not accepted silently; the round page is one line per item."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.meetings import services as ms
from anwei.tracking.models import ProgressRound
from tests.tracking.conftest import make_item

pytestmark = pytest.mark.django_db


def test_a_deadline_after_the_meeting_asks_before_it_is_set(world, as_):
    today = timezone.localdate()
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=today + dt.timedelta(days=10))
    url = reverse("meetings:round_open", args=[meeting.pk])
    late = today + dt.timedelta(days=20)
    client = as_(world.officer)
    asked = client.post(url, {"deadline": late.isoformat()})
    assert asked.status_code == 200 and "在會議日期" in asked.content.decode()
    assert not ProgressRound.objects.exists()
    assert client.post(url, {"deadline": late.isoformat(), "confirmed": "1"}).status_code == 302
    assert ProgressRound.objects.get().deadline == late
    # a deadline before the meeting needs no question
    other = ms.meeting_create(actor=world.officer, agency=world.bureau, date=today + dt.timedelta(days=40))
    r = client.post(reverse("meetings:round_open", args=[other.pk]), {"deadline": (today + dt.timedelta(days=30)).isoformat()})
    assert r.status_code == 302


def test_the_round_page_shows_one_line_per_item_with_every_units_state(world, as_):
    for n in range(12):
        make_item(world, text=f"第{n}項列管事項內容", unit=None, all_units=True)
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=timezone.localdate() + dt.timedelta(days=30))
    rnd = ms.meeting_round_open(actor=world.officer, meeting=meeting, deadline=timezone.localdate() + dt.timedelta(days=7))
    page = as_(world.officer).get(reverse("tracking:round_detail", args=[rnd.pk])).content.decode()
    assert page.count('<details class="round-row"') == 12
    assert page.count(" open>") == 0  # the detail opens on demand
    units = world.bureau.units.count()
    assert page.count("待填</span>") == 12 * units
    opened = as_(world.officer).get(reverse("tracking:round_detail", args=[rnd.pk]),
                                    {"open": rnd.items.first().pk}).content.decode()
    assert opened.count(" open>") == 1
