"""The month's daily device check form (seed 001)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.devicechecks.documents import device_month
from anwei.documents.model import Table
from anwei.documents.render import render
from tests.devicechecks import factories as f

pytestmark = pytest.mark.django_db


def test_device_month_prints_31_rows_with_marks(world):
    system = f.system(world)
    today = timezone.localdate()
    first = today.replace(day=1)
    f.day_record(actor=world.liaison, date=first, entries=[(system, False, "主機斷電")])
    doc = device_month(agency_id=world.bureau.pk, unit_id=None, year=today.year, month=today.month)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.rows) == 32  # 31 days, then the notes closing the form
    assert table.rows[-1][0].text.startswith("備註：") and table.rows[-1][0].colspan == 3 + 2
    assert [c.text for c in table.header[1]] == ["當天是否正常運作", "當天是否有問題"]
    assert table.header[0][2].text == "管理大樓門禁系統"
    row = table.rows[0]
    assert row[0].text == "1" and row[2].text == "×" and row[3].text == "主機斷電" and row[4].text == "測承辦"
    html = render(doc, "html").decode()
    assert "門禁及監視系統每日檢查表" in html and "×" in html


def test_month_document_is_scoped(world, as_):
    f.system(world)
    url = reverse("devicechecks:device_month_document", args=["html"])
    assert as_(world.unithead).get(url).status_code == 200
    assert as_(world.staff).get(url).status_code == 404
    # Asking for another tree's agency falls back to what the person may see, never the other tree.
    f2 = as_(world.other_officer).get(url + f"?agency={world.bureau.pk}")
    assert f2.status_code == 404


def test_month_form_is_valid_odt_and_opens_as_docx(world, tmp_path):
    from tests.documents.conftest import jing_validate

    f.day_record(actor=world.liaison, date=timezone.localdate(), entries=[(f.system(world), True, "")])
    today = timezone.localdate()
    doc = device_month(agency_id=world.bureau.pk, unit_id=None, year=today.year, month=today.month)
    jing_validate(render(doc, "odt"), tmp_path)
    assert render(doc, "docx")[:2] == b"PK"


@pytest.mark.parametrize("count", [2, 4])
def test_a_full_month_prints_on_one_page(world, count, tmp_path):
    """Seed 001's form is one sheet: a month with every day filled in, a fault every fifth day and two
    checkers a day, still prints on one page (portrait for the seed's two systems, landscape for four)."""
    import io

    from pypdf import PdfReader

    from anwei.devicechecks import services
    from anwei.documents import libreoffice

    names = ["門禁系統", "監視系統", "停車場門禁系統", "地下室監視系統"]
    systems = [services.device_system_create(
        actor=world.officer, agency=world.bureau, unit=world.units["秘書室"], name=names[i], kind="cctv",
        location="一樓", vendor="測試保全公司", in_service_from=dt.date(2026, 10, 1)) for i in range(count)]
    for day in range(1, 32):
        for actor in (world.liaison, world.officer):  # two people check on each day
            f.day_record(actor=actor, date=dt.date(2026, 10, day),
                         entries=[(s, day % 5 != 0, "主機斷電，已通知廠商" if day % 5 == 0 else "")
                                  for s in systems])
    doc = device_month(agency_id=world.bureau.pk, unit_id=None, year=2026, month=10)
    assert doc.landscape is (count > 2)
    assert len(PdfReader(io.BytesIO(render(doc, "pdf"))).pages) == 1
    if count == 2 and libreoffice.available():  # and as the agency's office suite prints the ODT and DOCX
        for fmt in ("odt", "docx"):
            src = tmp_path / f"month.{fmt}"
            src.write_bytes(render(doc, fmt))
            assert len(PdfReader(libreoffice.convert_to_pdf(src, tmp_path)).pages) == 1, fmt
