"""The plan and the duty table as documents (seed 003's layout), in every format."""

import datetime as dt
import importlib.util

import pytest
from django.urls import reverse

from anwei.documents.fonts import tc_font_available
from anwei.documents.model import Numbered, Paragraph, Table, Title
from anwei.plans import services
from anwei.plans.documents import duty_table_document, plan_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(world, plan):
    services.plan_update(
        actor=world.officer, plan=plan, expected_version=plan.version, title=plan.title, election_name="",
        period_start=plan.period_start, period_end=plan.period_end, result_workdays=5,
        children=services.PlanChildren(
            references=[{"issuer": "某縣政府", "date": dt.date(2023, 1, 12), "number": "府政行二字第1123200001號",
                         "kind": "函"}],
            duties=[{"party": "秘書室", "duties": "1、門禁管理\n2、監視系統"}],
            contacts=[{"name": "林測試", "role": "政風室主任", "office_phone": "(07)555-0301", "mobile": "0900-000-001",
                       "fax": ""}]))
    plan.refresh_from_db()
    return plan


def test_plan_document_follows_seed_003(filled):
    doc = plan_document(plan_id=filled.pk)
    assert doc.blocks[0] == Title([filled.title])
    sections = [(b.label, b.text) for b in doc.blocks if isinstance(b, Numbered) and b.level == 1]
    assert sections == [("壹、", "依據："), ("貳、", "目的："), ("參、", "任務："), ("肆、", "專案工作期間："),
                        ("伍、", "權責分工："), ("陸、", "工作重點："), ("柒、", "狀況通報："), ("捌、", "附則：")]
    texts = [getattr(b, "text", "") for b in doc.blocks]
    assert "自112年1月16日（星期一）起至1月30日（星期一）止，為期15日。" in texts
    basis = [(b.label, b.text) for b in doc.blocks[2:4]]
    assert basis[1] == ("二、", "某縣政府112年1月12日府政行二字第1123200001號函。")
    assert any("政風室主任林測試：辦公室電話(07)555-0301；行動電話0900-000-001。" == t for t in texts)
    focus = [(b.label, b.text) for b in doc.blocks if isinstance(b, Numbered) and b.level == 2]
    assert ("一、", "安全維護：") in focus and ("二、", "公務機密維護：") in focus


def test_single_reference_without_other_basis_reads_as_seed_004(world, filled):
    filled.sections = [{**s, "body": ""} if s["key"] == "basis" else s for s in filled.sections]
    filled.save()
    doc = plan_document(plan_id=filled.pk)
    assert isinstance(doc.blocks[2], Paragraph)
    assert doc.blocks[2].text == "依據某縣政府112年1月12日府政行二字第1123200001號函辦理。"


def test_duty_table_document(filled):
    doc = duty_table_document(plan_id=filled.pk)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.header[0]] == ["單位（機關）", "分工事項"]
    assert [c.text for c in table.rows[0]] == ["秘書室", "1、門禁管理\n2、監視系統"]
    assert doc.title.endswith("維護工作分工表")


FORMATS = [fmt for fmt, module in [("html", "render_html"), ("odt", "render_odt"), ("docx", "render_docx"),
                                   ("pdf", "render_pdf")]
           if importlib.util.find_spec(f"anwei.documents.{module}")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_downloads_render(world, client, filled, fmt):
    client.force_login(world.officer)
    for kind in ("plan", "duties"):
        response = client.get(reverse("plans:plan_download", args=[filled.pk, kind, fmt]))
        expected = 503 if fmt == "pdf" and not tc_font_available() else 200  # 503: no Chinese font installed
        assert response.status_code == expected, (kind, fmt)
        if response.status_code == 200 and fmt == "html":
            assert "為期15日" in response.content.decode() or kind == "duties"
