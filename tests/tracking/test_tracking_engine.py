"""The tracking engine: numbering, rounds, progress reports, return, remind, decisions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.forms import ConflictError
from anwei.core.models import AuditEntry
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport, TrackedItem, TrackingDecision
from anwei.tracking.selectors import round_rows, round_unit_status
from tests.tracking.conftest import make_item, open_round

pytestmark = pytest.mark.django_db


def test_items_are_numbered_within_their_origin(world):
    a = make_item(world, "一")
    b = make_item(world, "二")
    c = make_item(world, "三", origin_label="113年3月安全狀況檢查")
    assert (a.number, b.number, c.number) == (1, 2, 1)


def test_an_item_needs_a_lead_unit_or_all_units(world):
    with pytest.raises(ValidationError) as e:
        make_item(world, unit=None)
    assert "主辦單位" in str(e.value)
    assert make_item(world, unit=None, all_units=True).units_label() == "各科室"


def test_units_label_prints_co_units(world, sewer):
    item = make_item(world, co_units=[world.units["人事室"]])
    assert item.units_label() == "秘書室（協辦：人事室）"


def test_round_asks_lead_co_units_and_every_unit_for_all_units_items(world, sewer):
    one = make_item(world, co_units=[world.units["人事室"]])
    every = make_item(world, "各科室注意門窗。", unit=None, all_units=True)
    rnd = open_round(world)
    units = lambda item: {r.unit.name if r.unit else None for r in ProgressReport.objects.filter(round=rnd, item=item)}
    assert units(one) == {None, "秘書室", "人事室"}
    assert units(every) == {None, "秘書室", "政風室", "綜合企劃科", "人事室", "污水養護工程科"}


def test_released_items_stay_out_of_the_next_round(world):
    item = make_item(world)
    r1 = open_round(world)
    ts.tracking_decide(actor=world.officer, rnd=r1, item=item, decision="release")
    r2 = open_round(world)
    assert list(r2.items.all()) == []
    r1.refresh_from_db()
    assert r1.closed_at is not None  # opening a round closes the previous one


def test_second_of_two_simultaneous_saves_gets_a_conflict_with_the_others_text(world):
    make_item(world)
    rnd = open_round(world)
    first = ProgressReport.objects.get(round=rnd, unit=world.units["秘書室"])
    second = ProgressReport.objects.get(pk=first.pk)  # the other liaison opened the form at the same version
    ts.progress_report_save(actor=world.liaison, report=first, expected_version=first.version, text="已完成草案。")
    with pytest.raises(ConflictError) as e:
        ts.progress_report_save(actor=world.unithead, report=second, expected_version=second.version, text="研擬中。")
    assert e.value.current.text == "已完成草案。"
    assert ProgressReport.objects.get(pk=first.pk).text == "已完成草案。"


def test_proposing_release_needs_a_reason_and_marks_the_item(world):
    item = make_item(world)
    rnd = open_round(world)
    report = ProgressReport.objects.get(round=rnd, unit=world.units["秘書室"])
    with pytest.raises(ValidationError) as e:
        ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="已完成",
                                propose_release=True)
    assert "理由" in str(e.value)
    ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="已完成",
                            propose_release=True, release_reason="規定已函發各單位。")
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.RELEASE_PROPOSED  # proposed, not released


def test_return_for_correction_reopens_the_report(world):
    item = make_item(world)
    rnd = open_round(world)
    report = ProgressReport.objects.get(round=rnd, unit=world.units["秘書室"])
    with pytest.raises(ValidationError):
        ts.progress_report_return(actor=world.officer, report=report, comment="請補充")  # nothing submitted yet
    ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="辦理中",
                            propose_release=True, release_reason="完成")
    ts.progress_report_return(actor=world.officer, report=report, comment="請補充辦理日期與文號。")
    report.refresh_from_db()
    item.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED and "文號" in report.return_comment
    assert item.status == TrackedItem.Status.TRACKING  # a returned report's release proposal no longer counts
    status = {s.unit.name: s for s in round_unit_status(round_rows(rnd))}
    assert status["秘書室"].returned == 1 and not status["秘書室"].done


def test_remind_marks_only_the_late_units(world, sewer):
    make_item(world, co_units=[sewer])
    rnd = open_round(world)
    done = ProgressReport.objects.get(round=rnd, unit=world.units["秘書室"])
    ts.progress_report_save(actor=world.liaison, report=done, expected_version=done.version, text="已辦理")
    assert ts.progress_round_remind(actor=world.officer, rnd=rnd) == 1
    assert ProgressReport.objects.get(round=rnd, unit=sewer).reminded_at is not None
    assert ProgressReport.objects.get(pk=done.pk).reminded_at is None


def test_release_happens_only_by_decision_and_is_audited(world):
    item = make_item(world)
    rnd = open_round(world)
    ts.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="continue")
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.TRACKING
    ts.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="release", note="主席裁示解除列管")
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.RELEASED and item.released_at
    assert TrackingDecision.objects.get(item=item, round=rnd).decided_by == world.officer
    assert AuditEntry.objects.filter(action="tracking.decide", object_id=str(item.decisions.get().pk)).count() == 2
    with pytest.raises(ValidationError):
        ts.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="maybe")


def test_an_inspection_deficiency_joins_the_round_already_collecting(world):
    rnd = open_round(world)
    item = ts.tracked_item_create(actor=world.officer, agency=world.bureau,
                                  source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
                                  text="機房門禁未上鎖。", lead_unit=world.units["綜合企劃科"],
                                  origin_label="113年3月安全狀況檢查",
                                  due_date=dt.date(2024, 4, 30))
    assert rnd.items.filter(pk=item.pk).exists()
    assert ProgressReport.objects.filter(round=rnd, item=item, unit=world.units["綜合企劃科"]).exists()


def test_item_delete_refused_once_reported(world):
    item = make_item(world)
    rnd = open_round(world)
    report = ProgressReport.objects.get(round=rnd, unit=world.units["秘書室"])
    ts.progress_report_save(actor=world.liaison, report=report, expected_version=report.version, text="已辦理")
    with pytest.raises(ValidationError):
        ts.tracked_item_delete(actor=world.officer, item=item)
