"""The deficiency, inspection and overview pages make the same number of queries with 10 or 1,000 units."""

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.assessments import services as assessments
from anwei.inspections import services
from anwei.inspections.models import Finding, Inspection
from anwei.tracking.models import TrackedItem
from tests.assessments import factories as af
from tests.cold import cold_count
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def _grow(world, n: int):
    """n more units, each with a submitted form with one 不符合 and one tracked deficiency."""
    rnd, units = af.units_with_forms(world, n)
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


@pytest.mark.parametrize("page", ["deficiency_list", "index"])
def test_pages_stay_constant_from_10_to_1000_units(world, as_, page):
    _grow(world, 10)
    url = reverse(f"inspections:{page}")
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
    assessments.checklist_defaults_install(actor=world.other_officer, agency=world.county)
    c = as_(world.superior)
    assert "檔案室門窗未上鎖" in c.get(reverse("inspections:deficiency_list")).content.decode()


def test_exports_carry_every_row_and_only_what_the_person_sees(world, as_):
    import io

    from openpyxl import load_workbook

    _grow(world, 60)
    c = as_(world.officer)
    wb = load_workbook(io.BytesIO(c.get(reverse("inspections:deficiency_xlsx")).content))
    assert wb.active.max_row == 1 + 60
    wb = load_workbook(io.BytesIO(as_(world.other_officer).get(reverse("inspections:deficiency_xlsx")).content))
    assert wb.active.max_row == 1


@pytest.mark.parametrize("page", ["inspection_list"])
def test_inspection_pages_stay_constant(world, as_, page):
    def grow(n):
        start = Inspection.objects.count()
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
