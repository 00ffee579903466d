"""Items and meetings created at the same instant in one agency: no server error, and numbers
run 1, 2, 3, … without a repeat (meetings 第1次, 第2次 …; items 項次 1, 2, … of one origin)."""

import datetime as dt

import pytest

from anwei.meetings import services as ms
from anwei.meetings.models import SecurityMeeting
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem
from tests.concurrent import at_once, postgresql_only

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_items_of_one_origin_created_at_once_get_distinct_numbers(world):
    postgresql_only()

    def officer_adds(n):
        for i in range(3):
            ts.tracked_item_create(actor=world.officer, agency=world.bureau, source_kind=TrackedItem.Source.OTHER,
                                   text=f"檢查缺失{n}-{i}", lead_unit=world.units["秘書室"], origin_label="113年第1次檢查")

    assert at_once(6, officer_adds) == []
    numbers = sorted(TrackedItem.objects.filter(origin_label="113年第1次檢查").values_list("number", flat=True))
    assert numbers == list(range(1, 19))


def test_meetings_of_one_year_created_at_once_get_distinct_sequences(world):
    postgresql_only()
    assert at_once(4, lambda n: ms.meeting_create(actor=world.officer, agency=world.bureau,
                                                  date=dt.date(2024, 3 + n, 10))) == []
    sequences = sorted(SecurityMeeting.objects.filter(agency=world.bureau).values_list("sequence", flat=True))
    assert sequences == [1, 2, 3, 4]
