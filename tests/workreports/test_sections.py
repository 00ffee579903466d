"""Each app's section of the work report with records in it: footage requests, special plans, inspections
and device checks; and their counts in the superior's table."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.portal.workreport import count_columns, count_rows, render_text, sections
from tests.devicechecks import factories as df
from tests.footage import factories as ff
from tests.inspections import factories as inf
from tests.plans import factories as pf

pytestmark = pytest.mark.django_db


def _counts(agency, start, end) -> dict:
    keys = [f"{p.name}.{c.key}" for p, c in count_columns()]
    return dict(zip(keys, count_rows([agency.pk], start, end)[agency.pk]))


def test_footage_requests_received_approved_pending(world):
    ff.approve_all(world, ff.file(world))
    ff.file(world)
    today = timezone.localdate()
    text = render_text(sections(world.bureau, today - dt.timedelta(days=3), today))
    assert "受理監視錄影資料調閱（複製）申請計2件，核准1件，不予核准0件，審核中1件。" in text
    c = _counts(world.bureau, today - dt.timedelta(days=3), today)
    assert (c["footage.received"], c["footage.approved"], c["footage.refused"]) == (2, 1, 0)
    assert _counts(world.bureau, today + dt.timedelta(days=1), today + dt.timedelta(days=9))["footage.received"] == 0


def test_special_plans_sent_and_received(world):
    pf.dispatched_to_units(world)
    pf.city_to_bureau(world)
    start, end = dt.date(2023, 1, 1), dt.date(2023, 3, 31)
    text = render_text(sections(world.bureau, start, end))
    assert "，分送2個單位（機關）執行，已報送執行成果0件。" in text
    assert "配合上級機關專案安全維護計畫計1案，已報送執行成果0案。" in text
    assert _counts(world.bureau, start, end)["plans.plans"] == 1
    assert _counts(world.city, start, end)["plans.plans"] == 1
    assert _counts(world.bureau, dt.date(2024, 1, 1), dt.date(2024, 3, 31))["plans.plans"] == 0


def test_inspections_deficiencies_and_device_checks(world):
    inf.deficiency(world)
    today = timezone.localdate()
    df.day_record(actor=world.liaison, date=today, entries=[(df.system(world), False, "斷電")])
    start, end = today - dt.timedelta(days=30), today + dt.timedelta(days=30)
    text = render_text(sections(world.bureau, start, end))
    assert "檢查發現缺失計1項，已簽請移相關單位妥處並列管追蹤，已改善解除列管0項，持續列管1項。" in text
    assert "計檢查1日。" in text and "門禁及監視系統每日檢查，計有1日發現設備異常，開立維修紀錄1件" in text
    c = _counts(world.bureau, start, end)
    assert (c["inspections.inspections"], c["inspections.found"], c["inspections.fixed"]) == (1, 1, 0)
    assert (c["devicechecks.days"], c["devicechecks.down"]) == (1, 1)
