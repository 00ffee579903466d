"""Recurring duties: rules that are frequencies. Taken from published rules of agencies other than the seeds':
- 資通安全責任等級分級辦法 附表十「資通系統防護基準」存取控制／帳號管理: 定期審核資通系統帳號 — here a yearly review
  of the CCTV system's accounts;
- 公務機密維護 as agencies' 作業要點 state it: 每半年至少辦理一次公務機密維護檢查 (six months, same date rule);
- 機關安全維護會報: at least once a year.
Each creates an obligation in the notification engine when due and shows done or overdue on the page."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.duties import services
from anwei.duties.obligations import duties_open, duties_owed
from anwei.duties.selectors import states

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _duty(world, **kw):
    values = dict(kind="confidentiality_inspection", name="公務機密維護檢查", every=6, unit="months",
                  starts_on=dt.date(2025, 1, 1))
    values.update(kw)
    return services.duty_create(actor=world.officer, agency=world.bureau, data=services.DutyInput(**values))


def test_half_yearly_inspection_falls_due_six_months_after_it_was_last_done(world):
    duty = _duty(world)
    services.duty_done_record(actor=world.officer, duty=duty, done_on=dt.date(2026, 5, 31), note="", today=TODAY)
    [state] = states([duty])
    assert state.last_done == dt.date(2026, 5, 31) and state.next_due == dt.date(2026, 11, 30)  # month-end clamped
    assert state.overdue(TODAY)
    [item] = duties_owed(world.officer)
    assert item.overdue and item.due == dt.date(2026, 11, 30) and "公務機密維護檢查" in item.title
    assert duties_owed(world.staff) == []
    assert any(o.key == item.key for o in duties_open(TODAY))
    services.duty_done_record(actor=world.officer, duty=duty, done_on=TODAY, note="完成下半年檢查", today=TODAY)
    [state] = states([duty])
    assert state.next_due == dt.date(2027, 6, 3) and not state.overdue(TODAY)
    assert duties_owed(world.officer) == []  # not due within a month any more


def test_yearly_account_review_first_due_a_year_after_the_start(world):
    duty = _duty(world, kind="cctv_accounts", name="監視系統帳號清查", every=1, unit="years",
                 starts_on=dt.date(2025, 12, 20))
    [state] = states([duty])
    assert state.last_done is None and state.next_due == dt.date(2026, 12, 20) and not state.overdue(TODAY)
    [item] = duties_owed(world.officer)  # due within a month: on the to-do list, not late
    assert not item.overdue


def test_the_page_shows_states_and_records_done(world, as_):
    _duty(world)
    client = as_(world.officer)
    assert "已逾期" in client.get("/duties/").content.decode()  # never done since 2025-01-01 + 6 months
    r = client.post("/duties/", {"kind": "security_meeting", "name": "機關安全維護會報", "every": 1, "unit": "years",
                                 "starts_on": "115/1/1", "basis": ""})
    assert r.status_code == 302
    duty = _duty(world, name="門禁卡清查", kind="door_badges", every=1, unit="years")
    r = client.post(f"/duties/{duty.pk}/done/", {"done_on": "115/12/1", "note": "清查完畢"})
    assert r.status_code == 302
    assert states([duty])[0].last_done == dt.date(2026, 12, 1)


def test_a_future_date_and_another_agencys_officer_are_refused(world):
    duty = _duty(world)
    with pytest.raises(ValidationError):
        services.duty_done_record(actor=world.officer, duty=duty, done_on=TODAY + dt.timedelta(days=1), note="",
                                  today=TODAY)
    with pytest.raises(ValidationError):
        services.duty_done_record(actor=world.other_officer, duty=duty, done_on=TODAY, note="", today=TODAY)


def test_a_duty_is_stopped_from_a_date(world):
    duty = _duty(world)
    services.duty_stop(actor=world.officer, duty=duty, ends_on=TODAY, expected_version=duty.version)
    assert duties_owed(world.officer) == []
