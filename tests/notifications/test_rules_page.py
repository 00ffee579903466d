"""The agency's ethics officer edits the reminder rules in the app, with a preview of the days they give."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.notifications.models import ReminderRule


def _post(client, **extra):
    data = {"kind": "", "effective_from": "113/2/19", "remind_before": "3", "remind_on_due": "on",
            "overdue_every": "2", "escalate_unit_after": "2", "escalate_agency_after": "5",
            "escalate_superior_after": "4", "note": "", "sample_due": "113/2/21"}
    data.update(extra)
    return client.post(reverse("notifications:rules"), data)


@pytest.mark.django_db
def test_preview_shows_the_days_in_working_days_and_saves_nothing(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.officer)
    r = _post(client, preview="1")
    html = r.content.decode()
    assert r.status_code == 200 and 'id="preview"' in html
    assert "113年2月17日(星期六)：期限前3個工作日提醒" in html  # 20, 19 and the make-up working Saturday 17
    assert "113年2月23日(星期五)：逾期2個工作日陳報單位主管" in html
    assert "113年2月29日(星期四)：逾期5個工作日陳報機關首長" in html  # 2/28 和平紀念日 is a day off
    assert not ReminderRule.objects.exists()


@pytest.mark.django_db
def test_the_officer_saves_a_rule_from_a_date_on(world, client, settings):
    settings.ANWEI_TODAY = dt.date(2024, 2, 19)
    client.force_login(world.officer)
    assert _post(client, effective_from="113/2/1", save="1").status_code == 200  # not in the past
    r = _post(client, save="1")
    assert r.status_code == 302
    rule = ReminderRule.objects.get()
    assert (rule.agency, rule.remind_before, rule.created_by) == (world.bureau, 3, world.officer)
    r = _post(client, escalate_unit_after="9", escalate_agency_after="5", save="1")
    assert "陳報機關首長的日數應大於或等於" in r.content.decode()


@pytest.mark.django_db
def test_the_head_reads_and_cannot_change(world, client):
    client.force_login(world.head)
    page = client.get(reverse("notifications:rules")).content.decode()
    assert "目前適用" in page and "新增規則" not in page
    assert _post(client, save="1").status_code == 404
