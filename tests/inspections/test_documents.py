"""The inspection report (優點、缺點、建議事項與策進作為) and the month's device check form."""

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.documents.model import Numbered, Table, Title
from anwei.documents.render import render
from anwei.inspections import services
from anwei.inspections.documents import device_month, inspection_report
from anwei.inspections.models import Finding
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def _texts(doc):
    return [b.text for b in doc.blocks if isinstance(b, Numbered)]


def test_report_has_strengths_weaknesses_and_recommendations(world):
    inspection = f.inspection(world)
    f.deficiency(world)
    services.finding_add(actor=world.officer, inspection=inspection, kind=Finding.Kind.STRENGTH,
                         text="中心門口設有警衛亭並定期巡邏")
    services.finding_add(actor=world.officer, inspection=inspection, kind=Finding.Kind.RECOMMENDATION,
                         text="落實門禁及監視錄影系統設備定期檢查維護")
    doc = inspection_report(inspection_id=inspection.pk)
    texts = _texts(doc)
    assert texts[:3] == ["檢查結果：", "優點：", "中心門口設有警衛亭並定期巡邏"]
    assert "缺點：" in texts and any(t.startswith("檔案室門窗未上鎖（主辦單位：秘書室") for t in texts)
    assert "建議事項與策進作為：" in texts and "落實門禁及監視錄影系統設備定期檢查維護" in texts
    levels = {b.text: b.level for b in doc.blocks if isinstance(b, Numbered)}
    assert levels["優點："] == 2 and levels["中心門口設有警衛亭並定期巡邏"] == 3
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows[0][4].text == "列管中"
    assert doc.blocks[0] == Title([world.bureau.name, "春節前機關安全狀況檢查結果報告"])


def test_report_downloads_as_odt(world, as_):
    inspection = f.inspection(world)
    r = as_(world.officer).get(reverse("inspections:inspection_document", args=[inspection.pk, "odt"]))
    assert r.status_code == 200 and r["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert r.content[:2] == b"PK"


def test_device_month_prints_31_rows_with_marks(world):
    system = f.system(world)
    today = timezone.localdate()
    first = today.replace(day=1)
    f.day_record(actor=world.liaison, date=first, entries=[(system, False, "主機斷電")])
    doc = device_month(agency_id=world.bureau.pk, unit_id=None, year=today.year, month=today.month)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.rows) == 31
    assert [c.text for c in table.header[1]] == ["當天是否正常運作", "當天是否有問題"]
    assert table.header[0][2].text == "管理大樓門禁系統"
    row = table.rows[0]
    assert row[0].text == "1" and row[2].text == "×" and row[3].text == "主機斷電" and row[4].text == "測承辦"
    html = render(doc, "html").decode()
    assert "門禁及監視系統每日檢查表" in html and "×" in html


def test_month_document_is_scoped(world, as_):
    f.system(world)
    url = reverse("inspections:device_month_document", args=["html"])
    assert as_(world.unithead).get(url).status_code == 200
    assert as_(world.staff).get(url).status_code == 404
    # Asking for another tree's agency falls back to what the person may see, never the other tree.
    f2 = as_(world.other_officer).get(url + f"?agency={world.bureau.pk}")
    assert f2.status_code == 404


def test_both_documents_are_valid_odt_and_open_as_docx(world, tmp_path):
    from tests.documents.conftest import jing_validate

    inspection = f.inspection(world)
    f.deficiency(world)
    f.day_record(actor=world.liaison, date=timezone.localdate(), entries=[(f.system(world), True, "")])
    today = timezone.localdate()
    for doc in (inspection_report(inspection_id=inspection.pk),
                device_month(agency_id=world.bureau.pk, unit_id=None, year=today.year, month=today.month)):
        jing_validate(render(doc, "odt"), tmp_path)
        assert render(doc, "docx")[:2] == b"PK"
