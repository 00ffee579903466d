"""Dispatching: one request, bulk writes, unique 發文字號, clear refusals."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anwei.orgs.models import Agency
from anwei.plans.models import Assignment, Letter
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


def _schools(county, n, start=0):
    rows = Agency.objects.bulk_create([Agency(name=f"遠山縣立第{i}國民小學", parent=county, kind=Agency.Kind.SCHOOL)
                                       for i in range(start, start + n)])
    for a in rows:
        a.path = a.compute_path()
    Agency.objects.bulk_update(rows, ["path"])
    return rows


def _draft(world, *, schools: int):
    _schools(world.county, schools)
    f.pattern_for(world.county)
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer)
    group = f.group_make(world, world.county, "本縣各公立國民中小學", kind=Agency.Kind.SCHOOL, actor=world.other_officer)
    return f.letter_make(world, plan, actor=world.other_officer, main=f.choice(groups=[group]))


def _dispatch_queries(client, world, letter):
    """Queries of the dispatch request, apart from the assignment INSERT batches, and those batches."""
    client.force_login(world.other_officer)
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(reverse("plans:letter_dispatch", args=[letter.plan_id]), {"confirmed": "1"})
    assert response.status_code == 302
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith('INSERT INTO "plans_assignment"')]
    return len(ctx.captured_queries) - len(inserts), len(inserts)


def _another_letter(world, year):
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer, year=year)
    group = world.county.recipient_groups.get()
    return f.letter_make(world, plan, actor=world.other_officer, main=f.choice(groups=[group]))


def test_400_recipients_in_one_request_with_as_many_queries_as_10(world, client):
    warmup = _draft(world, schools=10)  # the year's first number creates the counter row
    _dispatch_queries(client, world, warmup)
    q_small, _ = _dispatch_queries(client, world, _another_letter(world, 113))
    _schools(world.county, 390, start=10)
    big = _another_letter(world, 114)
    q_big, insert_batches = _dispatch_queries(client, world, big)
    assert Assignment.objects.filter(letter=big).count() == 400
    assert q_big == q_small
    assert insert_batches <= 8  # bulk: SQLite's parameter limit splits 400 rows into a few batches


def test_two_dispatches_never_share_a_number(world):
    f.pattern_for(world.bureau)
    numbers = []
    for year in (112, 113):
        plan = f.plan_make(world, year=year)
        letter = f.letter_make(world, plan, main=f.choice(units=[world.units["秘書室"]]))
        numbers.append(f.services.letter_dispatch(actor=world.officer, letter=letter, on=dt.date(2023, 1, 5)).number)
    assert numbers == ["測政字第1120000001號", "測政字第1120000002號"]


def test_a_letter_is_dispatched_once(world, client):
    letter = f.dispatched_to_units(world)
    client.force_login(world.officer)
    response = client.post(reverse("plans:letter_dispatch", args=[letter.plan_id]), {"confirmed": "1"}, follow=True)
    assert "不能重複發文" in response.content.decode()
    assert Assignment.objects.filter(letter=letter).count() == 2


def test_letter_without_main_recipient_is_refused_next_to_the_field(world, client, plan):
    client.force_login(world.officer)
    response = client.post(reverse("plans:letter_edit", args=[plan.pk]), {
        "subject": "我寫的主旨", "explanation": "一、說明", "speed": "普通件", "due": "112/2/6",
        "cc_units": [world.units["人事室"].pk]})
    body = response.content.decode()
    assert response.status_code == 200
    assert "請至少選擇一個正本受文者" in body
    assert "我寫的主旨" in body
    assert not Letter.objects.exists()


def test_agency_without_a_number_pattern_gets_a_clear_message(world, client, plan):
    f.letter_make(world, plan, main=f.choice(units=[world.units["秘書室"]]))
    client.force_login(world.officer)
    response = client.post(reverse("plans:letter_dispatch", args=[plan.pk]), {"confirmed": "1"}, follow=True)
    assert "本機關尚未設定發文字號格式" in response.content.decode()
    assert not Assignment.objects.exists()


def test_letter_form_prefills_seed_wording_and_deadline(world, client, plan):
    client.force_login(world.officer)
    body = client.get(reverse("plans:letter_edit", args=[plan.pk])).content.decode()
    assert f"檢送「{plan.title}」1案" in body
    assert "112年1月16日起至112年1月30日止，共15天" in body
    assert "112/02/04" in body  # five working days after 1/30: Saturday 2/4 was a make-up working day


def test_dispatch_through_the_pages(world, client, plan):
    f.pattern_for(world.bureau)
    client.force_login(world.officer)
    response = client.post(reverse("plans:letter_edit", args=[plan.pk]), {
        "subject": "檢送計畫，請查照。", "explanation": "一、請依計畫辦理。", "speed": "速件", "due": "112/2/6",
        "main_units": [world.units["秘書室"].pk, world.units["綜合企劃科"].pk], "extra_cc": "本府政風處"})
    assert response.status_code == 302
    response = client.post(reverse("plans:letter_dispatch", args=[plan.pk]), {"confirmed": "1"})
    letter = Letter.objects.get(plan=plan)
    assert response.url == reverse("plans:matrix", args=[letter.pk])
    assert letter.number and letter.date and letter.due == dt.date(2023, 2, 6)
    assert sorted(a.unit.name for a in letter.assignments.all()) == ["秘書室", "綜合企劃科"]
