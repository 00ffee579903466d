"""Counts for the work report, and the sentences the meeting's work report can insert."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.inspections import services
from anwei.inspections.models import Inspection
from anwei.inspections.stats import inspection_sentences, inspection_statistics
from anwei.tracking.models import TrackedItem
from tests.assessments import factories as af
from tests.devicechecks import factories as df
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def test_counts_per_period(world):
    today = timezone.localdate()
    f.deficiency(world)
    services.inspection_create(actor=world.officer, agency=world.bureau, title="公務機密維護檢查",
                               kind=Inspection.Kind.SECRECY, mode=Inspection.Mode.SCHEDULED, date=today,
                               inspectors="政風室", units=[world.units["秘書室"], world.units["人事室"]])
    a = af.assessment(world)
    df.day_record(actor=world.liaison, date=today, entries=[(df.system(world), False, "斷電")])
    s = inspection_statistics(world.bureau, today - dt.timedelta(days=30), today + dt.timedelta(days=30))
    assert s["inspections_total"] == 2 and s["inspections_unannounced"] == 1
    assert s["inspections_by_kind"] == {"機關安全狀況檢查": 1, "公務機密維護檢查": 1}
    assert s["units_inspected"] == 2
    assert (s["deficiencies_found"], s["deficiencies_corrected"], s["deficiencies_open"]) == (1, 0, 1)
    assert (s["assessments_total"], s["assessments_submitted"]) == (2, 0) and a.status == "draft"
    assert s["device_downtime_days"] == 1
    TrackedItem.objects.update(status=TrackedItem.Status.RELEASED)
    s = inspection_statistics(world.bureau, today - dt.timedelta(days=30), today + dt.timedelta(days=30))
    assert (s["deficiencies_corrected"], s["deficiencies_open"]) == (1, 0)
    sentences = inspection_sentences(s)
    assert "機關安全狀況檢查1次、公務機密維護檢查1次，計2次（其中不定期抽查1次），受檢單位計2個。" in sentences[0]
    assert "已改善解除列管1項，持續列管0項" in sentences[1]
    # Another agency's period shows nothing of the bureau.
    assert inspection_statistics(world.county, today - dt.timedelta(days=30), today)["inspections_total"] == 0


def test_statistics_page(world, as_):
    f.deficiency(world)
    page = as_(world.head).get(reverse("inspections:stats")).content.decode()
    assert "發現缺失" in page and "工作報告文字" in page
    r = as_(world.officer).get(reverse("inspections:stats"), {"start": "113/5/1", "end": "113/4/1"})
    assert "結束日期不能早於開始日期。" in r.content.decode()
    r = as_(world.other_officer).get(reverse("inspections:stats"), {"start": "113/1/1", "end": "113/12/31",
                                                                     "agency": world.bureau.pk})
    body = r.content.decode()
    assert "請選擇您可檢視的機關。" in body and "發現缺失" not in body


def test_sentences_are_inserted_into_the_meeting_work_report(world, as_):
    report = f.work_report(world)
    f.deficiency(world)
    c = as_(world.officer)
    page = c.get(reverse("inspections:stats")).content.decode()
    assert "加入會議工作報告" in page and "秘書單位工作報告" in page
    r = c.post(reverse("inspections:stats_insert"), {"start": "2020-01-01", "end": "2030-12-31",
                                                      "agency": world.bureau.pk, "report": report.pk})
    assert r.status_code == 302
    report.refresh_from_db()
    assert report.body.startswith("一、辦理資訊稽核。\n\n本局安全維護工作推動情形（自評與檢查）\n（一）")
    assert "檢查發現缺失計1項" in report.body
    # The head may read the statistics but not edit the meeting's report.
    assert "加入會議工作報告" not in as_(world.head).get(reverse("inspections:stats")).content.decode()


def test_the_device_sentence_says_what_the_repair_records_say(world):
    """Not 「均已通知廠商維修」 while the repair record says 尚未通報."""
    from anwei.devicechecks import services as device_services

    today = timezone.localdate()
    period = (today - dt.timedelta(days=30), today + dt.timedelta(days=1))
    repair = df.repair(world)

    def sentence():
        return inspection_sentences(inspection_statistics(world.bureau, *period))[-1]

    assert "尚未通知廠商1件" in sentence() and "均已通知" not in sentence()
    repair = device_services.repair_update(actor=world.liaison, repair=repair, expected_version=repair.version,
                                           reported_on=today, vendor="測試保全公司", repaired_on=None, note="")
    assert "均已通知廠商維修，已修復0件" in sentence()
    device_services.repair_update(actor=world.liaison, repair=repair, expected_version=repair.version,
                                  reported_on=today, vendor="測試保全公司", repaired_on=today, note="更換主機板")
    assert "均已修復" in sentence()
