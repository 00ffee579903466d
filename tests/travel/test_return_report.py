"""The 返臺通報表: filed by the traveller after returning; late is fixed when filed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.lib.rocdate import format_slash
from anwei.travel import services
from anwei.travel.models import ReturnReport
from tests.travel.conftest import approve

REPORT = services.ReportInput(actual_departure_on=dt.date(2024, 3, 18), actual_return_on=dt.date(2024, 3, 22),
                              places="上海市")


@pytest.fixture
def approved(world, make_trip):
    return approve(make_trip(world.staff), world.officer)  # back 2024-03-22, due 2024-04-02


def test_on_time_report(world, approved):
    rr = services.return_report_file(actor=world.staff, application=approved, report=REPORT,
                                     today=dt.date(2024, 4, 2))
    assert not rr.late and rr.filed_on == dt.date(2024, 4, 2)


def test_late_report_is_flagged(world, approved):
    rr = services.return_report_file(actor=world.staff, application=approved, report=REPORT,
                                     today=dt.date(2024, 4, 3))
    assert rr.late


def test_only_once_and_only_when_approved(world, make_trip, approved):
    services.return_report_file(actor=world.staff, application=approved, report=REPORT, today=dt.date(2024, 3, 25))
    with pytest.raises(ValidationError):
        services.return_report_file(actor=world.staff, application=approved, report=REPORT,
                                    today=dt.date(2024, 3, 25))
    pending = make_trip(world.staff)
    with pytest.raises(ValidationError):
        services.return_report_file(actor=world.staff, application=pending, report=REPORT,
                                    today=dt.date(2024, 3, 25))


def test_cannot_report_before_returning(world, approved):
    with pytest.raises(ValidationError) as exc:
        services.return_report_file(actor=world.staff, application=approved, report=REPORT,
                                    today=dt.date(2024, 3, 20))
    assert "actual_return_on" in exc.value.error_dict


def test_contact_needs_details(world, approved):
    report = services.ReportInput(**{**REPORT.__dict__, "contacted_officials": True})
    with pytest.raises(ValidationError) as exc:
        services.return_report_file(actor=world.staff, application=approved, report=report,
                                    today=dt.date(2024, 3, 25))
    assert "contact_detail" in exc.value.error_dict


def _approved_now(world, make_trip):
    today = timezone.localdate()
    filed = workday_add(today, -15)
    app = make_trip(world.staff, departure_on=workday_add(filed, 7), return_on=today - dt.timedelta(days=1),
                    today=filed)
    return approve(app, world.officer)


def test_due_date_shown_from_approval_and_report_through_the_page(client, world, make_trip):
    app = _approved_now(world, make_trip)
    client.force_login(world.staff)
    detail = client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()
    assert "返臺通報期限" in detail and "填報返臺通報表" in detail
    url = reverse("travel:return_report", args=[app.pk])
    response = client.post(url, {"actual_departure_on": format_slash(app.departure_on),
                                 "actual_return_on": format_slash(app.departure_on - dt.timedelta(days=1)),
                                 "places": "上海市"})
    assert response.context["form"].errors["actual_return_on"] == ["返臺日期不能早於出發日期。"]
    assert "上海市" in response.content.decode()
    response = client.post(url, {"actual_departure_on": format_slash(app.departure_on),
                                 "actual_return_on": format_slash(app.return_on), "places": "上海市",
                                 "incidents": "on", "incident_detail": "入境時遭詢問任職機關"})
    assert response.status_code == 302
    rr = ReturnReport.objects.get()
    assert rr.incidents and not rr.late and rr.filed_by == world.staff
    assert "如期通報" in client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()


def test_others_cannot_file_the_travellers_report(client, world, make_trip):
    app = _approved_now(world, make_trip)
    client.force_login(world.officer)  # sees the file, but the report is the traveller's own
    assert client.get(reverse("travel:return_report", args=[app.pk])).status_code == 404


def test_a_typhoon_closure_added_after_approval_moves_the_due_date(world, approved):
    from anwei.core.models import CalendarOverride

    assert approved.report_due == dt.date(2024, 4, 2)
    CalendarOverride.objects.create(date=dt.date(2024, 3, 27), is_workday=False, reason="颱風停班")
    rr = services.return_report_file(actor=world.staff, application=approved, report=REPORT,
                                     today=dt.date(2024, 4, 3))
    approved.refresh_from_db()
    assert approved.report_due == dt.date(2024, 4, 3) and not rr.late
