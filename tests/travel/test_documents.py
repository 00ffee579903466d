"""The application and the return report as documents, in every format the engine offers."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse

from anwei.documents.model import Table, Title
from anwei.documents.render import render
from anwei.travel import services
from anwei.travel.documents import application_document, return_report_document
from tests.travel.conftest import approve


@pytest.fixture
def reported(world, make_trip):
    app = approve(make_trip(world.staff, transit_mainland=True), world.officer)
    services.return_report_file(actor=world.staff, application=app, today=dt.date(2024, 4, 3),
                                report=services.ReportInput(actual_departure_on=app.departure_on,
                                                            actual_return_on=app.return_on, places="上海市浦東新區"))
    return app


def _text(doc):
    out = []
    for block in doc.blocks:
        if isinstance(block, Title):
            out += block.lines
        elif isinstance(block, Table):
            out += [c.text for row in block.rows for c in row]
        else:
            out.append(getattr(block, "text", "") or getattr(block, "value", ""))
    return "\n".join(out)


def test_application_document_content(world, reported):
    text = _text(application_document(application_id=reported.pk))
    assert "公務員赴大陸地區申請表" in text and world.bureau.name in text
    assert "■探親" in text and "□旅遊" in text and "上海市" in text
    assert "113年3月18日" in text and "113年4月2日" in text  # departure, report due
    assert "■經大陸地區機場轉機" in text and "廣州白雲機場" in text
    assert "未涉密" in text and "已核准" in text


def test_return_report_document_content(world, reported):
    text = _text(return_report_document(application_id=reported.pk))
    assert "赴陸人員返臺通報表" in text and "上海市浦東新區" in text and "逾期通報" in text


@pytest.mark.parametrize("fmt", ["html", "odt", "docx", "pdf"])
def test_documents_render(reported, fmt):
    for builder in (application_document, return_report_document):
        data = render(builder(application_id=reported.pk), fmt)
        assert data
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
        if fmt == "odt":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                assert "上海市" in z.read("content.xml").decode()


def test_download_view(client, world, reported):
    client.force_login(world.staff)
    response = client.get(reverse("travel:application_document", args=[reported.pk, "odt"]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith(".odt")
    client.force_login(world.liaison)
    assert client.get(reverse("travel:return_report_document", args=[reported.pk, "odt"])).status_code == 404


def test_the_travel_documents_are_valid_odf_1_3(reported, tmp_path):
    from tests.documents.conftest import jing_validate

    for n, builder in enumerate((application_document, return_report_document)):
        jing_validate(render(builder(application_id=reported.pk), "odt"), tmp_path / str(n))


def test_retiree_declaration_document(world, rules):
    from tests.travel.conftest import trip_input

    retiree = services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "測退離", "former_title": "專門委員", "former_unit": "水利工程科", "left_on": dt.date(2020, 1, 2),
        "control_ends_on": dt.date(2023, 1, 2), "declaration_years": 3, "contact": ""})
    trip = services.retiree_declaration_record(
        actor=world.officer, retiree=retiree, received_on=dt.date(2024, 2, 1), today=dt.date(2024, 2, 1),
        trip=trip_input(rules["retiree_lead"], departure_on=dt.date(2024, 2, 5), return_on=dt.date(2024, 2, 7)))
    text = _text(application_document(application_id=trip.pk))
    assert "涉密退離職人員進入大陸地區申報表" in text and "水利工程科" in text and "113年2月22日" in text
    assert "單位主管" not in text
