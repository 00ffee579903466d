"""The recipient acknowledges receipt and reports results with attachments by the deadline."""

import pytest
from django.urls import reverse

from anwei.plans.obligations import plan_owed as inbox_items
from anwei.plans.models import Assignment
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


def test_unit_liaison_sees_it_at_home_receives_and_reports(world, client):
    letter = f.dispatched_to_units(world)
    a = letter.assignments.get(unit=world.units["秘書室"])
    items = [i for i in inbox_items(world.liaison) if i.category == "專案計畫"]
    assert [i.url for i in items] == [reverse("plans:assignment_detail", args=[a.pk])]
    assert "尚未簽收" in items[0].note
    assert not [i for i in inbox_items(world.staff) if i.category == "專案計畫"]

    client.force_login(world.liaison)
    client.post(reverse("plans:assignment_receive", args=[a.pk]))
    a.refresh_from_db()
    assert a.received_at and a.received_by == world.liaison
    response = client.post(reverse("plans:assignment_detail", args=[a.pk]),
                           {"version": a.version, "result_text": "已完成門禁檢查。", "file": f.png()})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.reported_at and a.result_text == "已完成門禁檢查。"
    stored = a.files.get().stored
    assert stored.name == "成果照片.png"
    download = client.get(reverse("plans:assignment_file", args=[a.pk, a.files.get().pk]))
    assert download.status_code == 200
    assert not [i for i in inbox_items(world.liaison) if i.category == "專案計畫"]


def test_empty_result_is_refused_in_chinese(world, client):
    a = f.unit_assignment(world)
    client.force_login(world.liaison)
    response = client.post(reverse("plans:assignment_detail", args=[a.pk]), {"version": a.version, "result_text": ""})
    assert "請填寫執行成果。" in response.content.decode()


def test_two_people_reporting_at_once_do_not_overwrite_each_other(world, client):
    a = f.unit_assignment(world)
    client.force_login(world.liaison)
    client.post(reverse("plans:assignment_detail", args=[a.pk]), {"version": a.version, "result_text": "承辦人的成果"})
    client.force_login(world.unithead)
    response = client.post(reverse("plans:assignment_detail", args=[a.pk]),
                           {"version": a.version, "result_text": "主管的成果"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "承辦人的成果" in body and "主管的成果" in body
    assert Assignment.objects.get(pk=a.pk).result_text == "承辦人的成果"


def test_recipient_agency_ethics_officer_answers_for_the_agency(world, client):
    a = f.city_to_bureau(world)
    assert [i.url for i in inbox_items(world.officer) if i.category == "專案計畫"] == [
        reverse("plans:assignment_detail", args=[a.pk])]
    client.force_login(world.head)  # the bureau's head is not the recipient's answerer
    assert client.get(reverse("plans:assignment_detail", args=[a.pk])).status_code == 404


def test_recipient_agency_can_start_the_self_assessment_from_the_assignment(world, client):
    a = f.city_to_bureau(world)
    client.force_login(world.officer)
    body = client.get(reverse("plans:assignment_detail", args=[a.pk])).content.decode()
    assert f"{reverse('assessments:round_create')}?assignment={a.pk}" in body
