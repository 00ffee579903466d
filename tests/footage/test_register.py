"""The register (專簿) per year: page, XLSX, ODT/PDF; and the destruction list."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anwei.documents.model import Table
from anwei.footage import documents
from anwei.footage.models import Decision
from anwei.lib.rocdate import roc_year
from django.utils import timezone
from tests.footage import factories as f


def _year():
    return roc_year(timezone.localdate())


@pytest.mark.django_db
def test_the_register_lists_every_request_of_the_year_with_its_outcome(world, fs, planhead, client):
    done = f.view(world, f.approve_all(world, f.file(world)))
    refused = f.file(world)
    f.decide(refused, planhead, Decision.Action.REFUSE, refusal_ground="secret")
    pending = f.file(world)
    client.force_login(world.unithead)
    r = client.get(reverse("footage:register"), {"year": _year()})
    lines = {req.pk: cells for req, cells in r.context["lines"]}
    assert set(lines) == {done.pk, refused.pk, pending.pk}
    assert lines[done.pk][7] == "核准，已調閱" and "測承辦" in lines[done.pk][10]
    assert lines[refused.pk][7] == "不予核准（依法應保持秘密之事項）"
    assert lines[pending.pk][7] == "審核中"


@pytest.mark.django_db
def test_the_register_exports_to_xlsx(world, fs, client):
    req = f.approve_all(world, f.file(world))
    client.force_login(world.officer)
    r = client.get(reverse("footage:register_xlsx", args=[_year()]))
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "登記號" and rows[2][0] == req.number_label and rows[2][7] == "核准"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt, magic", [("odt", b"PK"), ("pdf", b"%PDF")])
def test_the_register_prints_as_odt_and_pdf(world, fs, client, fmt, magic):
    f.approve_all(world, f.file(world))
    client.force_login(world.liaison)
    r = client.get(reverse("footage:register_document", args=[_year(), fmt]))
    assert r.status_code == 200
    body = r.content if hasattr(r, "content") else b"".join(r.streaming_content)
    assert body.startswith(magic)


@pytest.mark.django_db
def test_the_register_document_has_one_line_per_request(world, fs):
    reqs = [f.file(world) for _ in range(3)]
    doc = documents.register(agency_id=world.bureau.pk, year=_year())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [row[0].text for row in table.rows] == [r.number_label for r in reqs]
    assert doc.landscape


@pytest.mark.django_db
def test_the_request_form_document_is_seed_001s_form_with_the_decisions(world, fs, planhead):
    req = f.file(world, purpose="copy", copy_reason="提供警方")
    f.decide(req, planhead)
    f.decide(req, world.officer, Decision.Action.APPROVE_CONDITIONS, conditions="限複製10分鐘")
    req = f.decide(req, world.head)
    req = f.view(world, req, copied=True, copied_items="CH01 10:00–10:10", medium="usb")
    doc = documents.request_form(request_id=req.pk)
    text = "\n".join(_texts(doc))
    for expected in ["監視器攝錄資料調閱（複製）申請表", "申請事由", "公務車於停車場遭刮傷", "■複製", "□調閱",
                     "申請人調閱（複製）完畢後簽名確認欄", "申請人已簽名確認", "會辦政風室", "測首長",
                     "■核准（附款或注意事項：會辦政風室：限複製10分鐘）", "□不予核准", "以上已閱讀並願遵守，■同意"]:
        assert expected in text, expected


@pytest.mark.django_db
def test_the_request_form_downloads_as_odt(world, fs, client):
    req = f.file(world)
    client.force_login(world.staff)
    r = client.get(reverse("footage:request_document", args=[req.pk, "odt"]))
    assert r.status_code == 200 and r.content.startswith(b"PK")


@pytest.mark.django_db
def test_the_destruction_list_names_what_was_destroyed_when_and_how(world, fs, monkeypatch):
    import datetime as dt

    real = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real() - dt.timedelta(days=400))
    req = f.approve_all(world, f.file(world))
    monkeypatch.setattr(timezone, "now", real)
    from anwei.footage import services

    services.request_destroy(actor=world.liaison, req=req, method="碎紙機銷毀")
    doc = documents.destruction_list(agency_id=world.bureau.pk, year=_year())
    text = "\n".join(_texts(doc))
    assert req.number_label in text and "碎紙機銷毀" in text and "測承辦" in text


def _texts(doc):
    for b in doc.blocks:
        if isinstance(b, Table):
            for row in [*b.header, *b.rows]:
                for c in row:
                    yield c.text
        elif hasattr(b, "lines"):
            yield from b.lines
        elif hasattr(b, "text"):
            yield b.text


@pytest.mark.django_db
def test_the_rules_page_shows_the_seeded_chain_and_retention(world, fs, client):
    client.force_login(world.officer)
    page = client.get(reverse("footage:rules")).content.decode()
    assert "單位主管（申請單位主管） → 會辦政風室（政風單位） → 機關首長（機關首長）" in page
    assert "至少保存30日" in page and "至遲應於一年內銷毀" in page and "30 日內作成決定" in page
