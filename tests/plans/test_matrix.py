"""The dispatcher's completion matrix: received, reported, late; reminders; XLSX."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anwei.plans.obligations import plan_owed as inbox_items
from anwei.orgs.models import Agency
from anwei.plans import services
from anwei.plans.models import Assignment
from tests.cold import cold_count
from tests.plans import factories as f
from tests.plans.test_dispatch import _schools

pytestmark = pytest.mark.django_db


def _county_letter(world, n):
    _schools(world.county, n)
    f.pattern_for(world.county)
    group = f.group_make(world, world.county, "本縣各公立國民中小學", kind=Agency.Kind.SCHOOL, actor=world.other_officer)
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer)
    letter = f.letter_make(world, plan, actor=world.other_officer, main=f.choice(groups=[group]))
    return services.letter_dispatch(actor=world.other_officer, letter=letter, on=dt.date(2023, 1, 10))


def _queries(client, url):
    r, n = cold_count(client, url)
    assert r.status_code == 200
    return n


def test_matrix_is_paginated_with_constant_queries(world, client):
    letter = _county_letter(world, 400)
    client.force_login(world.other_officer)
    url = reverse("plans:matrix", args=[letter.pk])
    body = client.get(url).content.decode()
    assert "共 8 頁（400 筆）" in body
    q_first = _queries(client, url)
    Assignment.objects.filter(letter=letter).update(received_at=dt.datetime(2023, 1, 11, tzinfo=dt.UTC))
    q_after = _queries(client, url + "?page=5")
    assert q_first == q_after


def test_late_recipients_are_shown_reminded_and_exported(world, client):
    letter = _county_letter(world, 3)
    a = list(letter.assignments.order_by("id"))
    services.assignment_report(actor=world.other_officer, assignment=a[0], expected_version=a[0].version,
                               result_text="第0校已完成。", uploads=[])
    client.force_login(world.other_officer)
    body = client.get(reverse("plans:matrix", args=[letter.pk])).content.decode()
    # letter.due is in 2023: the two who have not reported are late.
    assert "已報送成果 1、逾期未報 2" in body
    late = client.get(reverse("plans:matrix", args=[letter.pk]) + "?status=late").content.decode()
    assert "遠山縣立第1國民小學" in late and "遠山縣立第0國民小學" not in late
    assert "逾期報送" in body

    client.post(reverse("plans:letter_remind", args=[letter.pk]))
    reminded = Assignment.objects.filter(remind_count=1)
    assert set(reminded.values_list("pk", flat=True)) == {a[1].pk, a[2].pk}

    xlsx = client.get(reverse("plans:matrix_export", args=[letter.pk]))
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2] == ("項次", "受文者", "簽收日期", "成果報送日期", "逾期", "催辦次數", "執行成果")
    # Reported today, after the 2023 deadline: late too, but not reminded.
    assert rows[3][1] == "遠山縣立第0國民小學" and rows[3][6] == "第0校已完成。" and rows[3][4] == "是"
    assert rows[3][5] == 0
    assert rows[4][4] == "是" and rows[4][5] == 1


def test_reminder_shows_on_the_recipients_home_page(world):
    schools, officers = f.school_tree(world, 1)
    f.pattern_for(world.county)
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer)
    letter = f.letter_make(world, plan, actor=world.other_officer, main=f.choice(agencies=schools))
    letter = services.letter_dispatch(actor=world.other_officer, letter=letter, on=dt.date(2023, 1, 10))
    services.letter_remind_late(actor=world.other_officer, letter=letter)
    item = next(i for i in inbox_items(officers[0]) if i.category == "專案計畫")
    assert item.overdue and "催辦" in item.note
