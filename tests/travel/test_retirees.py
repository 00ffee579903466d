"""涉密退離職人員: the ethics officer keeps the registry and records their declarations."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.lib.rocdate import format_slash
from anwei.travel import services
from anwei.travel.models import ClassifiedRetiree, Status, TravelApplication
from tests.travel.conftest import trip_input


def _data(**over):
    today = timezone.localdate()
    data = {"full_name": "測退離", "former_title": "科長", "former_unit": "綜合企劃科",
            "left_on": format_slash(today - dt.timedelta(days=1500)),
            "control_ends_on": format_slash(today - dt.timedelta(days=400)), "declaration_years": "2",
            "contact": ""}
    data.update(over)
    return data


def test_officer_registers_a_retiree(client, world):
    client.force_login(world.officer)
    response = client.post(reverse("travel:retiree_create"), _data())
    retiree = ClassifiedRetiree.objects.get()
    assert response.status_code == 302 and retiree.agency == world.bureau and retiree.declaration_years == 2
    page = client.get(reverse("travel:retiree_list")).content.decode()
    assert "測退離" in page and "代為登錄" in page


def test_bad_retiree_input(client, world):
    client.force_login(world.officer)
    today = timezone.localdate()
    response = client.post(reverse("travel:retiree_create"), _data(
        control_ends_on=format_slash(today - dt.timedelta(days=2000)), declaration_years="5"))
    errors = response.context["form"].errors
    assert errors["control_ends_on"] == ["管制期間屆滿日不能早於退離職日。"]
    assert errors["declaration_years"]
    assert "測退離" in response.content.decode()


def test_period_is_one_to_three_years_after_control_ends(world):
    retiree = services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "甲", "former_title": "", "former_unit": "", "left_on": dt.date(2020, 2, 29),
        "control_ends_on": dt.date(2024, 2, 29), "declaration_years": 1, "contact": ""})
    assert retiree.declaration_until() == dt.date(2025, 2, 28)
    assert retiree.must_declare_on(dt.date(2025, 2, 28)) and not retiree.must_declare_on(dt.date(2025, 3, 1))
    assert not retiree.must_declare_on(dt.date(2024, 2, 29))


def test_declaration_recorded_on_behalf_with_deadlines(client, world, rules):
    client.force_login(world.officer)
    client.post(reverse("travel:retiree_create"), _data())
    retiree = ClassifiedRetiree.objects.get()
    today = timezone.localdate()
    dep = workday_add(today, 1)  # only 1 working day ahead: late under the 2-day rule, recorded anyway
    response = client.post(reverse("travel:retiree_declare", args=[retiree.pk]), {
        "purpose": "tourism", "destinations": "北京市", "departure_on": format_slash(dep),
        "return_on": format_slash(dep + dt.timedelta(days=5)), "received_on": format_slash(today),
        "declarations": [str(i) for i in range(len(rules["retiree_lead"].declaration_list()))]})
    assert response.status_code == 302
    trip = TravelApplication.objects.get()
    assert trip.status == Status.DECLARED and trip.retiree == retiree and trip.traveller is None
    assert trip.lead_workdays == 2 and trip.late_filing
    assert trip.report_due == workday_add(dep + dt.timedelta(days=5), 7)
    assert "已申報" in client.get(reverse("travel:application_detail", args=[trip.pk])).content.decode()
    # Nobody but the ethics unit sees it.
    for name in ["staff", "head", "superior", "unithead", "other_officer"]:
        client.force_login(world.people[name])
        assert client.get(reverse("travel:application_detail", args=[trip.pk])).status_code == 404


def test_retiree_return_report_uses_the_received_date(world, rules):
    retiree = services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "乙", "former_title": "", "former_unit": "", "left_on": dt.date(2019, 1, 2),
        "control_ends_on": dt.date(2023, 1, 2), "declaration_years": 3, "contact": ""})
    trip = services.retiree_declaration_record(
        actor=world.officer, retiree=retiree, received_on=dt.date(2024, 2, 1), today=dt.date(2024, 2, 1),
        trip=trip_input(rules["retiree_lead"], departure_on=dt.date(2024, 2, 5), return_on=dt.date(2024, 2, 7)))
    assert not trip.late_filing and trip.report_due == dt.date(2024, 2, 22)
    report = services.ReportInput(actual_departure_on=dt.date(2024, 2, 5), actual_return_on=dt.date(2024, 2, 7),
                                  places="廈門")
    rr = services.return_report_file(actor=world.officer, application=trip, report=report,
                                     today=dt.date(2024, 2, 26), received_on=dt.date(2024, 2, 22))
    assert rr.filed_on == dt.date(2024, 2, 22) and not rr.late


def test_departure_outside_the_period_needs_no_declaration(world, rules):
    retiree = services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "丙", "former_title": "", "former_unit": "", "left_on": dt.date(2015, 1, 2),
        "control_ends_on": dt.date(2018, 1, 2), "declaration_years": 1, "contact": ""})
    with pytest.raises(ValidationError) as exc:
        services.retiree_declaration_record(
            actor=world.officer, retiree=retiree, received_on=dt.date(2024, 2, 1), today=dt.date(2024, 2, 1),
            trip=trip_input(rules["retiree_lead"], departure_on=dt.date(2024, 2, 5), return_on=dt.date(2024, 2, 7)))
    assert "departure_on" in exc.value.error_dict


def test_edit_with_a_stale_version_shows_the_conflict(client, world):
    client.force_login(world.officer)
    client.post(reverse("travel:retiree_create"), _data())
    retiree = ClassifiedRetiree.objects.get()
    url = reverse("travel:retiree_detail", args=[retiree.pk])
    assert client.post(url, _data(contact="0912", version=retiree.version)).status_code == 302
    response = client.post(url, _data(contact="我的輸入", version=retiree.version))
    assert response.status_code == 200 and "已被其他人修改" in response.content.decode()
    assert "我的輸入" in response.content.decode()


def test_officer_records_the_retiree_return_report_on_the_page(client, world, rules):
    retiree = services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "丁", "former_title": "", "former_unit": "", "left_on": dt.date(2020, 1, 2),
        "control_ends_on": dt.date(2024, 1, 2), "declaration_years": 3, "contact": ""})
    today = timezone.localdate()
    back = workday_add(today, -3)
    trip = services.retiree_declaration_record(
        actor=world.officer, retiree=retiree, received_on=back - dt.timedelta(days=10), today=today,
        trip=trip_input(rules["retiree_lead"], departure_on=back - dt.timedelta(days=4), return_on=back))
    client.force_login(world.officer)
    url = reverse("travel:return_report", args=[trip.pk])
    data = {"actual_departure_on": format_slash(trip.departure_on), "actual_return_on": format_slash(back),
            "places": "廈門", "received_on": format_slash(today + dt.timedelta(days=1))}
    response = client.post(url, data)
    assert response.context["form"].errors["received_on"] == ["收件日期不能晚於今天。"]
    assert client.post(url, {**data, "received_on": format_slash(today)}).status_code == 302
    trip.refresh_from_db()
    assert trip.return_report.filed_by == world.officer and not trip.return_report.late
    client.force_login(world.staff)
    assert client.get(url).status_code == 404
