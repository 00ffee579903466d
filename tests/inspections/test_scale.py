"""The completion and deficiency pages make the same number of queries with 10 or 1,000 units."""

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.inspections import services
from anwei.inspections.models import Answer, Finding, SelfAssessment
from anwei.orgs.models import Unit
from anwei.tracking.models import TrackedItem
from tests.cold import cold_count
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def _grow(world, n: int):
    """n more units, each with a submitted form with one 不符合 and one tracked deficiency."""
    start = Unit.objects.filter(agency=world.bureau).count()
    units = Unit.objects.bulk_create([Unit(agency=world.bureau, name=f"第{start + i}科", order=100 + start + i)
                                      for i in range(n)])
    rnd = f.round_(world)
    item = f.item(world)
    forms = SelfAssessment.objects.bulk_create([SelfAssessment(round=rnd, agency=world.bureau, unit=u,
                                                               status="submitted", filled_by=world.liaison)
                                                for u in units])
    Answer.objects.bulk_create([Answer(assessment=a, item=item, template_name="機關安全維護自評表",
                                       item_text=item.text, item_version=1, answer_kind="verdict",
                                       verdict="nonconform", note="未上鎖") for a in forms])
    inspection = f.inspection(world)
    base = TrackedItem.objects.filter(agency=world.bureau).count()
    tracked = TrackedItem.objects.bulk_create([
        TrackedItem(agency=world.bureau, source_kind="deficiency", origin_label="大量檢查", roc_year=113,
                    number=base + i + 1, text="缺失", lead_unit=u, due_date=timezone.localdate())
        for i, u in enumerate(units)])
    Finding.objects.bulk_create([Finding(inspection=inspection, kind="deficiency", unit=u, text="缺失",
                                         due_date=timezone.localdate(), tracked_item=t, order=i)
                                 for i, (u, t) in enumerate(zip(units, tracked))])
    return rnd


def _count(client, url):
    r, n = cold_count(client, url)
    assert r.status_code == 200
    return n


@pytest.mark.parametrize("page", ["round_detail", "round_nonconformities", "deficiency_list", "index"])
def test_pages_stay_constant_from_10_to_1000_units(world, as_, page):
    rnd = _grow(world, 10)
    url = reverse(f"inspections:{page}", args=[rnd.pk] if page.startswith("round") else [])
    c = as_(world.officer)
    small = _count(c, url)
    _grow(world, 990)
    large = _count(c, url)
    assert large == small
    body = c.get(url).content.decode()
    if page != "index":
        assert "第 1 頁，共" in body  # paginated


def test_superior_sees_the_bureau_but_not_another_tree(world, as_):
    f.deficiency(world)
    services.checklist_defaults_install(actor=world.other_officer, agency=world.county)
    c = as_(world.superior)
    assert "檔案室門窗未上鎖" in c.get(reverse("inspections:deficiency_list")).content.decode()


def test_exports_carry_every_row_and_only_what_the_person_sees(world, as_):
    import io

    from openpyxl import load_workbook

    rnd = _grow(world, 60)
    c = as_(world.officer)
    wb = load_workbook(io.BytesIO(c.get(reverse("inspections:round_xlsx", args=[rnd.pk])).content))
    assert wb.active.max_row == 1 + 62  # header + 60 units + the two the round started with
    wb = load_workbook(io.BytesIO(c.get(reverse("inspections:deficiency_xlsx")).content))
    assert wb.active.max_row == 1 + 60
    wb = load_workbook(io.BytesIO(as_(world.other_officer).get(reverse("inspections:deficiency_xlsx")).content))
    assert wb.active.max_row == 1


@pytest.mark.parametrize("page", ["device_list", "repair_list", "device_month", "inspection_list"])
def test_device_and_inspection_pages_stay_constant(world, as_, page):
    from anwei.inspections.models import DailyCheck, DeviceSystem, RepairRecord

    def grow(n):
        start = DeviceSystem.objects.count()
        systems = DeviceSystem.objects.bulk_create([
            DeviceSystem(agency=world.bureau, unit=world.units["秘書室"], name=f"監視系統{start + i}", kind="cctv",
                         in_service_from=timezone.localdate()) for i in range(n)])
        checks = DailyCheck.objects.bulk_create([DailyCheck(system=s, date=timezone.localdate(), working=False,
                                                            problem="斷電") for s in systems])
        RepairRecord.objects.bulk_create([RepairRecord(system=s, opened_by_check=c, opened_on=c.date, problem="斷電")
                                          for s, c in zip(systems, checks)])
        for i in range(n):
            services.inspection_create(actor=world.officer, agency=world.bureau, title=f"抽查{start + i}",
                                       kind="security", mode="unannounced", date=timezone.localdate(),
                                       inspectors="政風室", units=[world.units["秘書室"], world.units["人事室"]])

    grow(3)
    c = as_(world.officer)
    url = reverse(f"inspections:{page}")
    small = _count(c, url)
    grow(60)
    assert _count(c, url) == small
