"""The agency's ethics officer edits the reminder rules where the work is (portal.rulepages), with a preview of
the days a rule gives for a deadline; the agency head reads them and cannot change them."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.notifications.models import ReminderRule

pytestmark = pytest.mark.django_db


def _post(client, **extra):
    data = {"kind": "", "starts_on": "113/2/19", "remind_before": "3", "remind_on_due": "on",
            "overdue_every": "2", "escalate_unit_after": "2", "escalate_agency_after": "5",
            "escalate_superior_after": "4", "note": "", "sample_due": "113/2/21"}
    data.update(extra)
    return client.post(reverse("notifications:rules"), data)


def test_preview_shows_the_days_in_working_days_and_saves_nothing(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.officer)
    r = _post(client, preview="1")
    html = r.content.decode()
    assert r.status_code == 200 and 'id="preview"' in html
    # 20, 19 and the make-up working Saturday 17; 2/28 和平紀念日 is a day off.
    assert ("期限為113年2月21日(星期三)的事項：2月17日(六)期限前3個工作日提醒、2月21日(三)期限當日提醒；"
            "逾期於2月22日(四)、2月26日(一)、2月29日(四)再提醒；"
            "2月23日(五)陳報單位主管、2月27日(二)陳報上級政風機構、2月29日(四)陳報機關首長。") in html
    assert not ReminderRule.objects.exists()


def test_the_officer_saves_a_rule_from_a_date_on(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.officer)
    r = _post(client, starts_on="113/2/1")
    assert r.status_code == 400 and "生效日不能早於今天" in r.content.decode()  # not in the past
    assert _post(client, kind="tracking.progress").status_code == 302
    rule = ReminderRule.objects.get()
    assert (rule.agency, rule.kind, rule.remind_before, rule.created_by) == (
        world.bureau, "tracking.progress", 3, world.officer)
    assert rule.effective_from == dt.date(2024, 2, 19) and not rule.fixed
    page = client.get(reverse("notifications:rules")).content.decode()
    assert "列管事項執行情形填報" in page and "期限前3個工作日、當日提醒" in page


def test_bad_numbers_are_told_next_to_their_field(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.officer)
    r = _post(client, escalate_unit_after="9", escalate_agency_after="5")
    assert r.status_code == 400 and "陳報機關首長的日數應大於或等於陳報單位主管的日數。" in r.content.decode()
    r = _post(client, remind_before="61")
    assert r.status_code == 400 and "請填 0 到 60 之間的工作日數。" in r.content.decode()
    r = _post(client, note="說" * 201)
    assert r.status_code == 400 and "說明最多 200 字。" in r.content.decode()
    assert not ReminderRule.objects.exists()


def test_the_head_reads_and_cannot_change(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.head)
    page = client.get(reverse("notifications:rules")).content.decode()
    assert "適用的規定" in page and "所有事項" in page and 'name="starts_on"' not in page
    assert _post(client).status_code == 404
    for person in (world.liaison, world.unithead, world.staff):
        client.force_login(person)
        assert _post(client).status_code == 404
    assert not ReminderRule.objects.exists()
