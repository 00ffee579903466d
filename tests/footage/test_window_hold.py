"""The footage itself has a lifetime (問題22.9, 問題26): the recorder's retention rule gives the requested window
an overwrite date; filing holds the window until the decision, and the decision deadline is computed from the
rule and moved before the overwrite date (flagged) when the rule's own deadline would fall on or after it."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.core.periods import Period, PeriodUnit
from anwei.footage import services
from anwei.footage.models import Decision, FootageSettings, RetentionRule, WindowHold
from tests.footage import factories as f

pytestmark = pytest.mark.django_db


def _window(days_ago: int):
    now = timezone.localtime().replace(second=0, microsecond=0)
    return {"window_start": now - dt.timedelta(days=days_ago, hours=1), "window_end": now - dt.timedelta(days=days_ago)}


def test_a_window_near_its_overwrite_date_gets_an_earlier_deadline_and_a_hold(world, fs, planhead, as_):
    """Seed-free numbers: the bureau keeps footage 30 days (各機關監視錄影系統 common minimum) and decides in
    30 calendar days; footage recorded 25 days ago is overwritten in 5 days, so the decision is due in 4."""
    req = f.file(world, **_window(25))
    hold = WindowHold.objects.get(request=req)
    start_day = timezone.localtime(req.window_start).date()
    assert hold.overwrite_on == start_day + dt.timedelta(days=30)
    assert hold.rule_due_on == timezone.localdate() + dt.timedelta(days=30)
    assert hold.clamped and hold.active
    assert req.due_on == hold.overwrite_on - dt.timedelta(days=1) < hold.rule_due_on
    page = as_(world.officer).get(f"/footage/{req.pk}/").content.decode()
    assert "調閱時段保全中" in page and "決定期限已提前" in page


def test_a_school_rule_in_months_and_the_fifteen_days_of_the_information_act(world, fs):
    """A school keeping footage 「至少一個月」 (大專校院監視錄影系統管理要點 commonly state it in months) and
    deciding outside requests in 15 calendar days (政府資訊公開法第12條第1項): a window of yesterday is not clamped,
    and the overwrite date is the same date a month on."""
    RetentionRule.objects.create(agency=world.bureau, record=RetentionRule.Record.FOOTAGE, days=1,
                                 unit=PeriodUnit.MONTHS, effective_from=dt.date(2020, 1, 1))
    FootageSettings.objects.filter(pk=fs.pk).update(decision_days=15, decision_unit=PeriodUnit.DAYS)
    fs.refresh_from_db()
    req = f.file(world, **_window(1))
    hold = req.window_hold
    from anwei.lib.periods import add_months
    assert hold.overwrite_on == add_months(timezone.localtime(req.window_start).date(), 1)
    assert not hold.clamped and req.due_on == timezone.localdate() + dt.timedelta(days=15)


def test_working_days_deadline_counts_the_agency_calendar(world, fs):
    FootageSettings.objects.filter(pk=fs.pk).update(decision_days=5, decision_unit=PeriodUnit.WORKDAYS)
    fs.refresh_from_db()
    req = f.file(world, **_window(1))
    from anwei.core.periods import due
    assert req.due_on == due(timezone.localdate(), Period(5, PeriodUnit.WORKDAYS), world.bureau)


def test_the_hold_lasts_through_a_return_and_ends_with_the_decision(world, fs, planhead):
    req = f.file(world, **_window(2))
    req = f.decide(req, planhead, Decision.Action.RETURN, reason="請補充事由")
    assert req.window_hold.active  # not decided yet: still held
    data = f.data(world, **_window(2))
    services.request_resubmit(actor=world.staff, req=req, expected_version=req.version, data=data)
    req.refresh_from_db()
    assert req.window_hold.active
    req = f.approve_all(world, req)
    req.window_hold.refresh_from_db()
    assert req.status == "approved" and not req.window_hold.active and req.window_hold.released_at is not None


def test_a_refusal_releases_the_hold(world, fs, planhead):
    req = f.file(world, **_window(2))
    req = f.decide(req, planhead, Decision.Action.REFUSE, refusal_ground="other", reason="非屬調閱範圍")
    assert req.status == "refused" and not WindowHold.objects.get(request=req).active
