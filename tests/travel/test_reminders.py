"""Home-page reminders before each deadline and when missed; the ethics officer's overdue list."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from anwei.portal.obligations import obligations_for as inbox_items
from anwei.core.workdays import workday_add
from anwei.travel.obligations import travel_owed as travel_inbox
from tests.travel.conftest import approve


def _trip_back(world, make_trip, person, back_workdays_ago):
    today = timezone.localdate()
    back = workday_add(today, -back_workdays_ago)
    departure = back - dt.timedelta(days=2)
    app = make_trip(person, departure_on=departure, return_on=back, today=workday_add(departure, -6))
    return approve(app, *([world.unithead] if app.status == "unit_review" else []), world.officer)


def test_traveller_is_reminded_before_the_due_date(world, make_trip):
    app = _trip_back(world, make_trip, world.staff, 2)
    items = [i for i in inbox_items(world.staff) if i.category == "赴陸申請"]
    assert len(items) == 1 and items[0].due == app.report_due and not items[0].overdue
    assert "填報返臺通報表" in items[0].title


def test_missed_deadline_is_flagged_for_traveller_and_ethics_officer(client, world, make_trip):
    app = _trip_back(world, make_trip, world.staff, 10)
    item = travel_inbox(world.staff)[0]
    assert item.overdue and "已逾" in item.note
    officer_items = travel_inbox(world.officer)
    assert any(i.overdue and "逾期未填報返臺通報表 1 件" in i.title for i in officer_items)
    client.force_login(world.officer)
    page = client.get(reverse("travel:overdue")).content.decode()
    assert world.staff.full_name in page
    client.force_login(world.staff)
    home = client.get(reverse("home")).content.decode()
    assert "已逾期" in home and reverse("travel:return_report", args=[app.pk]) in home


def test_reviewers_see_what_waits_for_them(world, planhead, make_trip):
    app = make_trip(world.staff)
    assert [i.title for i in travel_inbox(planhead)] == [f"審核{world.staff.full_name}赴陸申請"]
    assert travel_inbox(world.officer) == []
    approve(app, planhead)
    assert len(travel_inbox(world.officer)) == 1 and travel_inbox(planhead) == []


def test_inbox_queries_do_not_grow(world, make_trip, django_assert_max_num_queries):
    _trip_back(world, make_trip, world.liaison, 10)
    person = world.officer
    person.__dict__.pop("_anwei_grants", None)
    with django_assert_max_num_queries(10) as few:
        travel_inbox(person)
    for _ in range(4):
        _trip_back(world, make_trip, world.liaison, 10)
        make_trip(world.staff)
    person.__dict__.pop("_anwei_grants", None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        travel_inbox(person)
