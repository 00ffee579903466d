"""Reminder rules pass down the agency tree (anwei.core.rulebook): the city's ethics office sets the default of
its subtree, an agency's own row of the same or a later date wins, a fixed row leaves the agencies under it no
row of their own (said next to the field), and the page tells which rule is in force on any date."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.notifications.models import DEFAULT_RULE, ReminderRule
from anwei.notifications.rules import rule_in_force
from tests.notifications.test_rules_page import _post

pytestmark = pytest.mark.django_db

PROGRESS = "tracking.progress"


def _row(agency, day, kind="", fixed=False, **days):
    return ReminderRule.objects.create(agency=agency, kind=kind, effective_from=day, fixed=fixed, **days)


def test_the_superiors_row_is_the_default_of_its_subtree(world):
    city = _row(world.city, dt.date(2024, 1, 1), remind_before=5)
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 2, 1)) == city  # inherited by the bureau
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2023, 12, 31)) == DEFAULT_RULE  # not yet in force
    assert rule_in_force(world.county, PROGRESS, dt.date(2024, 2, 1)) == DEFAULT_RULE  # another tree


def test_the_agencys_own_row_of_the_same_or_a_later_date_wins(world):
    _row(world.city, dt.date(2024, 1, 1), remind_before=5)
    own = _row(world.bureau, dt.date(2024, 1, 1), remind_before=1)
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 2, 1)) == own
    later = _row(world.city, dt.date(2024, 3, 1), remind_before=4)  # the city changes its rule later
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 3, 1)) == later


def test_a_row_of_the_kind_goes_before_rows_for_all_kinds(world):
    kind = _row(world.city, dt.date(2024, 1, 1), kind=PROGRESS, remind_before=5)
    general = _row(world.bureau, dt.date(2024, 2, 1), remind_before=1)
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 3, 1)) == kind
    assert rule_in_force(world.bureau, "tracking.review", dt.date(2024, 3, 1)) == general


def test_a_fixed_row_leaves_the_subtree_no_row_of_its_own(world):
    own = _row(world.bureau, dt.date(2024, 1, 1), kind=PROGRESS, remind_before=1)
    fixed = _row(world.city, dt.date(2024, 2, 1), kind=PROGRESS, fixed=True, remind_before=5)
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 1, 15)) == own
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 2, 1)) == fixed
    later = _row(world.bureau, dt.date(2024, 3, 1), kind=PROGRESS, remind_before=1)  # e.g. written before the fix
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 3, 1)) == fixed
    assert later.pk


def test_a_fixed_row_for_all_kinds_holds_for_every_kind(world):
    _row(world.bureau, dt.date(2024, 1, 1), kind=PROGRESS, remind_before=1)
    fixed = _row(world.city, dt.date(2024, 2, 1), fixed=True, remind_before=5)
    assert rule_in_force(world.bureau, PROGRESS, dt.date(2024, 2, 1)) == fixed


def test_the_officer_is_told_next_to_the_field_that_the_superior_fixed_the_kind(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.superior)  # the city's ethics office fixes its rule for its subtree
    assert _post(client, kind=PROGRESS, fixed="on").status_code == 302
    assert ReminderRule.objects.get().agency == world.city
    client.force_login(world.officer)
    page = client.get(reverse("notifications:rules")).content.decode()
    assert "上級機關（海濱市政府）訂定之「列管事項執行情形填報」（113年2月19日起）不開放所屬機關另訂。" in page
    r = _post(client, kind=PROGRESS, starts_on="113/3/1")
    html = r.content.decode()
    assert r.status_code == 400 and "不開放所屬機關另訂" in html[html.index('name="kind"') - 600:]
    assert ReminderRule.objects.count() == 1
    assert _post(client, kind="tracking.review").status_code == 302  # another kind stays the bureau's


def test_a_fixed_rule_for_all_kinds_refuses_a_row_of_any_kind(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    _row(world.city, dt.date(2024, 2, 1), fixed=True)
    client.force_login(world.officer)
    r = _post(client, kind="tracking.review")
    assert r.status_code == 400 and "「所有事項」不開放所屬機關另訂" in r.content.decode()


def test_the_page_tells_the_rule_in_force_on_any_date(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    _row(world.city, dt.date(2024, 1, 1), remind_before=5, note="市府規定")
    _row(world.bureau, dt.date(2024, 6, 1), remind_before=1)
    client.force_login(world.officer)
    url = reverse("notifications:rules")

    def in_force(on: str) -> str:
        html = client.get(url, {"on": on}).content.decode()
        return html[html.index('id="in-force"'):html.index('id="new-rule"')]

    assert "期限前2個工作日" in in_force("112/12/1") and "全國預設" in in_force("112/12/1")
    assert "期限前5個工作日" in in_force("113/2/19") and "海濱市政府" in in_force("113/2/19")
    june = in_force("113/6/3")
    assert "期限前1個工作日" in june and "海濱市政府測試局" in june
    assert "期限為113年6月3日(星期一)的事項" in june  # what the rule means for a deadline on that day
