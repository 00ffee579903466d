"""The inspection report (優點、缺點、建議事項與策進作為)."""

import pytest
from django.urls import reverse

from anwei.documents.model import Numbered, Table, Title
from anwei.documents.render import render
from anwei.inspections import services
from anwei.inspections.documents import inspection_report
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


def test_report_is_valid_odt_and_opens_as_docx(world, tmp_path):
    from tests.documents.conftest import jing_validate

    inspection = f.inspection(world)
    f.deficiency(world)
    doc = inspection_report(inspection_id=inspection.pk)
    jing_validate(render(doc, "odt"), tmp_path)
    assert render(doc, "docx")[:2] == b"PK"
