"""A record's history reads as sentences: the action in Chinese, who, when (ROC date, Taipei time), and
only the fields that changed, by their labels, with the values people see."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from anwei.tracking import services as ts
from tests.tracking.conftest import make_item, open_round

pytestmark = pytest.mark.django_db


def _edit(world, item, **changes):
    item.refresh_from_db()
    values = dict(text=item.text, lead_unit=item.lead_unit, all_units=item.all_units,
                  co_units=list(item.co_units.all()), due_date=item.due_date)
    values.update(changes)
    ts.tracked_item_update(actor=world.officer, item=item, expected_version=item.version, **values)


def test_an_edit_names_the_fields_and_shows_their_values(world, as_):
    item = make_item(world, due_date=dt.date(2024, 3, 1))
    _edit(world, item, lead_unit=world.units["綜合企劃科"], due_date=dt.date(2024, 4, 30))
    page = as_(world.officer).get(reverse("audit_object", args=["tracking.trackeditem", item.pk])).content.decode()
    assert "修改列管事項" in page and "開始列管" in page
    assert "主辦單位" in page and "秘書室" in page and "綜合企劃科" in page
    assert "113年3月1日" in page and "113年4月30日" in page
    today = timezone.localtime()
    assert f"{today.year - 1911}年{today.month}月{today.day}日" in page
    for raw in ("tracking.item_update", "lead_unit_id", "due_date", "2024-04-30", "{'"):
        assert raw not in page
    assert "列管事項" in page  # an unchanged field (the text) is not repeated on the edit's line


def test_a_release_reads_as_a_release(world, as_):
    item = make_item(world)
    rnd = open_round(world)
    ts.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="release", note="已完成")
    page = as_(world.officer).get(reverse("audit_object", args=["tracking.trackeditem", item.pk])).content.decode()
    assert "解除列管" in page and "已解除列管" in page


def test_the_raw_record_is_for_administrators_only(world, as_):
    item = make_item(world)
    url = reverse("audit_object", args=["tracking.trackeditem", item.pk])
    assert "原始紀錄" not in as_(world.officer).get(url).content.decode()
    world.officer.is_superuser = True
    world.officer.save()
    assert "原始紀錄" in as_(world.officer).get(url).content.decode()


def test_the_page_makes_the_same_number_of_queries_for_many_rows(world, as_):
    item = make_item(world)
    url = reverse("audit_object", args=["tracking.trackeditem", item.pk])
    client = as_(world.officer)

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx)

    _edit(world, item, lead_unit=world.units["綜合企劃科"])
    few = count()
    for n in range(12):
        _edit(world, item, lead_unit=world.units["秘書室" if n % 2 else "綜合企劃科"], due_date=dt.date(2024, 5, n + 1))
    assert count() == few
