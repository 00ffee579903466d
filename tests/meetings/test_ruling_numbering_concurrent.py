"""Two officers adding rulings to the same meeting at the same instant: no server error, and the
tracked items are numbered 1, 2, 3, … without a gap or a repeat."""

import datetime as dt

import pytest

from anwei.meetings import services as ms
from anwei.meetings.models import Ruling
from anwei.tracking.models import TrackedItem
from tests.concurrent import at_once, postgresql_only


@pytest.mark.django_db
def test_numbering_continues_after_the_rulings_already_entered(world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ms.ruling_add(actor=world.officer, meeting=m, text="請秘書室檢討門禁。", actionable=True,
                  lead_unit=world.units["秘書室"])
    ms.ruling_add(actor=world.officer, meeting=m, text="洽悉。")
    third = ms.ruling_add(actor=world.officer, meeting=m, text="請各單位注意門窗。", actionable=True, all_units=True)
    assert third.tracked_items.get().number == 2
    assert list(m.rulings.values_list("order", flat=True)) == [1, 2, 3]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_rulings_added_at_the_same_instant_get_distinct_numbers_on_postgresql(world):
    postgresql_only()
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    threads_n, per_thread = 6, 4

    def officer_adds(n):
        for i in range(per_thread):
            ms.ruling_add(actor=world.officer, meeting=m, text=f"裁示{n}-{i}", actionable=True, all_units=True)

    assert at_once(threads_n, officer_adds) == []
    total = threads_n * per_thread
    numbers = sorted(TrackedItem.objects.filter(origin_meeting=m).values_list("number", flat=True))
    assert numbers == list(range(1, total + 1))
    orders = sorted(Ruling.objects.filter(meeting=m).values_list("order", flat=True))
    assert orders == list(range(1, total + 1))
