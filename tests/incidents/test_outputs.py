"""What leaves the app: obligations (owed parties remind and escalate), the 狀況通報單 and the yearly
register (ODT valid against ODF 1.3, XLSX with text as text), and the statistics."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anwei.documents.render import render
from anwei.incidents import obligations, selectors, services
from anwei.incidents.documents import incident_document, register_document
from anwei.incidents.models import Party
from anwei.orgs import posts
from tests.incidents.factories import EVE, at, report

pytestmark = pytest.mark.django_db


def test_owed_parties_are_the_officers_obligations_and_escalate(world, settings):
    incident = report(world, "infosec", discovered=at(EVE, 16, 40))
    services.notification_record(actor=world.officer, incident=incident, party=Party.ETHICS_UNIT, recipient="政風室",
                                 method="phone", notified_at=at(EVE, 16, 45), now=at(EVE, 17, 0))
    owed = obligations.incidents_open(EVE)
    assert {o.key for o in owed} == {f"incidents.notify:{p.pk}" for p in incident.parties.all()
                                     if p.party != Party.ETHICS_UNIT}
    superior = next(o for o in owed if "上級政風機構" in o.title)
    assert superior.owner == posts.ethics_officers(world.bureau.pk) and superior.due == EVE
    assert superior.escalation[1] == posts.agency_head(world.bureau.pk)
    assert superior.escalation[2] == posts.superior_officers(world.city.pk)
    assert superior.overdue  # the real clock is long past 113/2/7 17:40
    assert len(obligations.incidents_owed(world.officer)) == 3
    assert obligations.incidents_owed(world.staff) == []


def test_the_reminder_pass_takes_owed_parties(world):
    from anwei.notifications.engine import reminders_plan

    report(world, "security", discovered=at(EVE, 16, 40))
    plan = reminders_plan(EVE + dt.timedelta(days=10), obligations=obligations.incidents_open(EVE))
    assert any(n.person_id == world.officer.pk for n in plan.notices)


def test_incident_document_and_register(world, tmp_path):
    from tests.documents.conftest import jing_validate

    incident = report(world, "infosec", discovered=at(EVE, 16, 40))
    services.notification_record(actor=world.officer, incident=incident, party=Party.SUPERIOR_ETHICS,
                                 recipient="市府政風處", method="system", notified_at=at(EVE, 17, 50),
                                 now=at(EVE, 18, 0))
    services.entry_add(actor=world.officer, incident=incident, stage="first", text="初報：已隔離受駭主機。")
    doc = incident_document(incident_id=incident.pk)
    text = render(doc, "html").decode()
    assert "狀況通報單" in text and "■初報" in text and "■資安" in text and "逾時通報" in text
    assert "113年2月7日" in text and "16時40分" in text
    jing_validate(render(doc, "odt"), tmp_path / "report")
    reg = register_document(agency_id=world.bureau.pk, year=2024)
    jing_validate(render(reg, "odt"), tmp_path / "register")
    assert render(incident_document(incident_id=incident.pk), "docx")


def test_register_xlsx_keeps_text_as_text(world, as_, settings):
    report(world, "security", discovered=at(EVE, 16, 40))
    r = as_(world.officer).get(reverse("incidents:register", args=["xlsx"]) + "?year=2024")
    assert r.status_code == 200 and ".xlsx" in r["Content-Disposition"]
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "編號" and rows[2][0] == "113-001" and isinstance(rows[2][0], str)
    assert rows[2][2] == "113/02/07 16:40"


def test_statistics_count_in_time_rate_and_open_follow_ups(world, as_):
    incident = report(world, "security", discovered=at(EVE, 16, 40))
    report(world, "leak", discovered=at(EVE, 9, 0))
    services.notification_record(actor=world.officer, incident=incident, party=Party.ETHICS_UNIT, recipient="政風室",
                                 method="phone", notified_at=at(EVE, 16, 50), now=at(EVE, 18, 0))
    services.notification_record(actor=world.officer, incident=incident, party=Party.AGENCY_HEAD, recipient="局長",
                                 method="phone", notified_at=at(EVE, 17, 30), now=at(EVE, 18, 0))
    services.follow_up_add(actor=world.officer, incident=incident, text="加強門禁管制", lead_unit=world.units["秘書室"],
                           due_date=dt.date.today() + dt.timedelta(days=30))
    stats = selectors.incident_statistics(world.bureau, dt.date(2024, 1, 1), dt.date(2024, 12, 31),
                                          now=at(EVE, 18, 0))
    row = {r["category"]: r for r in stats["rows"]}
    assert row["security"]["count"] == 1 and row["leak"]["count"] == 1
    assert row["security"]["in_time"] == 1 and row["security"]["late"] == 1
    assert row["security"]["overdue"] == 1  # police, due 17:10, still owed at 18:00
    assert row["security"]["owed"] == 1  # superior office: 24 hours
    assert row["security"]["rate"] == "33.3%" and row["security"]["open_follow_ups"] == 1
    assert stats["total"]["count"] == 2
    page = as_(world.superior).get(reverse("incidents:statistics", args=[world.bureau.pk]) +
                                   "?start=113/1/1&end=113/12/31").content.decode()
    assert "狀況通報計2件" in page


def test_statistics_go_into_the_meeting_work_report(world, as_):
    from tests.inspections.factories import work_report

    report(world, "security", discovered=at(EVE, 16, 40))
    rpt = work_report(world)
    r = as_(world.officer).post(reverse("incidents:statistics_insert", args=[world.bureau.pk]),
                                {"start": "113/1/1", "end": "113/12/31", "report": rpt.pk})
    assert r.status_code == 302
    rpt.refresh_from_db()
    assert rpt.body.startswith("一、辦理資訊稽核。") and "本局安全維護工作推動情形（狀況通報）" in rpt.body
    assert "（一）113年1月1日至113年12月31日狀況通報計1件（危安1件）。" in rpt.body


def test_the_superior_office_sees_each_subordinate_agency(world, as_):
    report(world, "security", discovered=at(EVE, 16, 40))
    rows = selectors.statistics_by_agency(world.city, dt.date(2024, 1, 1), dt.date(2024, 12, 31), now=at(EVE, 18, 0))
    assert [(r["name"], r["count"]) for r in rows] == [(world.bureau.name, 1)]
    page = as_(world.superior).get(reverse("incidents:statistics", args=[world.city.pk]) +
                                   "?start=113/1/1&end=113/12/31&subtree=on").content.decode()
    assert 'id="by-agency"' in page and world.bureau.name in page and "本府及所屬機關狀況通報計1件" in page
