"""Inspections: findings with evidence; a deficiency becomes a tracked item of the one tracking engine."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from anwei.inspections import selectors, services
from anwei.inspections.models import Evidence, Finding
from anwei.tracking.models import TrackedItem
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def test_deficiency_becomes_a_tracked_item_with_lead_unit_and_due_date(world):
    finding = f.deficiency(world)
    item = finding.tracked_item
    assert item.source_kind == TrackedItem.Source.INSPECTION_DEFICIENCY
    assert item.lead_unit == world.units["秘書室"] and item.due_date == finding.due_date
    assert item.source == finding
    assert item.text == "檔案室門窗未上鎖" and "機關安全狀況檢查" in item.origin_label


def test_officer_records_a_deficiency_with_a_photo(world, as_):
    inspection = f.inspection(world)
    c = as_(world.officer)
    due = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    r = c.post(reverse("inspections:finding_add", args=[inspection.pk]), {
        "kind": "deficiency", "unit": world.units["秘書室"].pk, "text": "監視器鏡頭畫面模糊", "due_date": due,
        "files": [f.png("鏡頭.png")], "caption": "二樓走道"})
    assert r.status_code == 302
    finding = Finding.objects.get(text="監視器鏡頭畫面模糊")
    assert finding.tracked_item is not None
    evidence = finding.evidence.get()
    assert evidence.stored.name == "鏡頭.png"
    page = c.get(reverse("inspections:inspection_detail", args=[inspection.pk])).content.decode()
    assert "監視器鏡頭畫面模糊" in page and "列管中" in page


def test_a_bad_upload_gets_a_message_and_the_form_is_kept(world, as_):
    inspection = f.inspection(world)
    c = as_(world.officer)
    bad = SimpleUploadedFile("script.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    r = c.post(reverse("inspections:finding_add", args=[inspection.pk]), {
        "kind": "deficiency", "unit": world.units["秘書室"].pk, "text": "滅火器逾期未換", "due_date": "",
        "files": [bad]})
    body = r.content.decode()
    assert r.status_code == 200
    assert "不接受「.exe」類型的檔案" in body and "滅火器逾期未換" in body
    fake = SimpleUploadedFile("photo.jpg", b"not a jpeg at all", content_type="image/jpeg")
    r = c.post(reverse("inspections:finding_add", args=[inspection.pk]), {
        "kind": "strength", "text": "門禁落實", "files": [fake]})
    assert "內容與副檔名不符" in r.content.decode()
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_deficiency_requires_unit_and_due_date(world, as_):
    inspection = f.inspection(world)
    r = as_(world.officer).post(reverse("inspections:finding_add", args=[inspection.pk]),
                                {"kind": "deficiency", "text": "門窗未關"})
    body = r.content.decode()
    assert "缺失請指定主辦改善的單位。" in body and "缺失請填寫改善期限。" in body and "門窗未關" in body


def test_evidence_is_served_only_through_the_permission_check(world, as_, settings):
    evidence = f.evidence(world)
    r = as_(world.liaison).get(reverse("inspections:evidence_download", args=[evidence.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"\x89PNG")
    assert as_(world.staff).get(reverse("inspections:evidence_download", args=[evidence.pk])).status_code == 404
    assert as_(world.other_officer).get(reverse("inspections:evidence_download",
                                                args=[evidence.pk])).status_code == 404
    # Stored outside the web root under a random name, not the uploaded one.
    assert str(settings.UPLOAD_DIR) not in str(settings.STATIC_ROOT or "")
    assert "門窗" not in evidence.stored.relpath and Evidence.objects.count() == 1


def test_unit_sees_inspections_of_its_unit_only(world, as_):
    inspection = f.inspection(world)
    assert as_(world.liaison).get(reverse("inspections:inspection_detail", args=[inspection.pk])).status_code == 200
    assert as_(world.staff).get(reverse("inspections:inspection_detail", args=[inspection.pk])).status_code == 404
    f.deficiency(world)
    page = as_(world.liaison).get(reverse("inspections:deficiency_list")).content.decode()
    assert "檔案室門窗未上鎖" in page
    page = as_(world.other_officer).get(reverse("inspections:deficiency_list")).content.decode()
    assert "檔案室門窗未上鎖" not in page
    page = as_(world.superior).get(reverse("inspections:deficiency_list")).content.decode()
    assert "檔案室門窗未上鎖" in page


def test_unit_reports_correction_through_tracking_and_officer_releases(world, as_):
    from anwei.tracking import services as tracking
    from anwei.tracking.models import ProgressReport, ProgressRound

    finding = f.deficiency(world)
    item = finding.tracked_item
    rnd = ProgressRound.objects.get(items=item, closed_at__isnull=True)
    report = ProgressReport.objects.get(round=rnd, item=item, unit=world.units["秘書室"])
    tracking.progress_report_save(actor=world.liaison, report=report, expected_version=report.version,
                                  text="已更換門鎖並請同仁下班前巡視", propose_release=True, release_reason="已改善")
    tracking.tracking_decide(actor=world.officer, rnd=rnd, item=item, decision="release")
    c = as_(world.officer)
    assert "檔案室門窗未上鎖" in c.get(reverse("inspections:deficiency_list"), {"state": "closed"}).content.decode()
    assert "檔案室門窗未上鎖" not in c.get(reverse("inspections:deficiency_list")).content.decode()


def test_a_second_deficiency_joins_the_round_already_collecting(world):
    from anwei.tracking.models import ProgressRound

    first = f.deficiency(world)
    second = services.finding_add(actor=world.officer, inspection=f.inspection(world), kind="deficiency",
                                  text="滅火器過期", unit=world.units["人事室"],
                                  due_date=timezone.localdate() + dt.timedelta(days=3))
    rnd = ProgressRound.objects.get(closed_at__isnull=True)
    assert set(rnd.items.all()) == {first.tracked_item, second.tracked_item}


def test_correcting_a_deficiency_updates_its_tracked_item(world, as_):
    finding = f.deficiency(world)
    c = as_(world.officer)
    due = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    r = c.post(reverse("inspections:finding_edit", args=[finding.pk]), {
        "version": finding.version, "unit": world.units["人事室"].pk, "text": "檔案室及人事資料室門窗未上鎖",
        "due_date": due})
    assert r.status_code == 302
    finding.tracked_item.refresh_from_db()
    item = finding.tracked_item
    assert item.text == "檔案室及人事資料室門窗未上鎖" and item.lead_unit == world.units["人事室"]
    assert item.due_date.isoformat() == due
    r = c.post(reverse("inspections:finding_edit", args=[finding.pk]),
               {"version": finding.version + 1, "unit": "", "text": "x", "due_date": due})
    assert "缺失請指定主辦改善的單位。" in r.content.decode()
    # A tracked deficiency cannot be deleted here; a strength can, with its files.
    c.post(reverse("inspections:finding_delete", args=[finding.pk]), {"version": finding.version + 1})
    assert Finding.objects.filter(pk=finding.pk).exists()
    strength = services.finding_add(actor=world.officer, inspection=f.inspection(world), kind="strength",
                                    text="巡邏落實", uploads=[f.png()])
    c.post(reverse("inspections:finding_delete", args=[strength.pk]), {"version": strength.version})
    assert not Finding.objects.filter(pk=strength.pk).exists() and Evidence.objects.count() == 1


def test_checklist_walkthrough_turns_nonconformities_into_tracked_deficiencies(world, as_):
    inspection = f.inspection(world)  # uses the 機關安全維護 checklist, inspects 秘書室
    rows = selectors.inspection_check_rows(inspection, world.units["秘書室"])
    assert rows and all(r.pk is None for r in rows)
    data = {"version": inspection.version}
    for r in rows:
        data[f"v_{r.item_id}"] = "conform"
    first = rows[0]
    data[f"v_{first.item_id}"] = "nonconform"
    data[f"note_{first.item_id}"] = "二樓會議室窗戶未關"
    c = as_(world.officer)
    url = reverse("inspections:inspection_checklist", args=[inspection.pk])
    r = c.post(url + f"?unit={world.units['秘書室'].pk}", {**data, "due_date": ""})
    assert "有不符合的項目，請填寫改善期限。" in r.content.decode() and "二樓會議室窗戶未關" in r.content.decode()
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    r = c.post(url + f"?unit={world.units['秘書室'].pk}", {**data, "due_date": due})
    assert r.status_code == 302
    finding = Finding.objects.get(kind="deficiency", item_text=first.item_text)
    assert finding.unit == world.units["秘書室"] and finding.text.endswith("：二樓會議室窗戶未關")
    assert finding.tracked_item.lead_unit == world.units["秘書室"]
    # Saving again (a fresh form) does not create the deficiency twice.
    inspection.refresh_from_db()
    r = c.post(url + f"?unit={world.units['秘書室'].pk}", {**data, "version": inspection.version, "due_date": due})
    assert r.status_code == 302 and Finding.objects.filter(kind="deficiency").count() == 1
    # A stale form is a conflict, not a silent overwrite.
    r = c.post(url + f"?unit={world.units['秘書室'].pk}", {**data, "due_date": due})
    assert "已被其他人修改" in r.content.decode()
