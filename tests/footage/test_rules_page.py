"""Editing footage rules where the work is: the agency's ethics officer sees which retention and decision rule is in
force on any date with what it means then, previews and adds a row from a start date; a superior office sets defaults
for its subtree and may fix them (portal.rulepages, core.rulebook — the same machinery as the travel rules).

Values are taken from published rules of agencies other than the seeds':
- 國家圖書館監視錄影系統調閱管理注意事項 三(一): 已錄製之影音資料應保存至少1個月 (a period in months);
- 臺南市紀安國小監視錄影系統管理要點 三(三): 所攝錄之資料應保存至少七日;
- 政府資訊公開法第12條第1項: 應於受理申請之日起十五日內，為准駁之決定.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from anwei.core.models import AuditEntry
from anwei.core.periods import Period, PeriodUnit
from anwei.footage import selectors, services
from anwei.footage.models import RetentionRule
from tests.footage import factories as f

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)
Record = RetentionRule.Record


def _input(**kw):
    values = dict(kind=Record.FOOTAGE, amount=1, unit=PeriodUnit.MONTHS, starts_on=dt.date(2027, 1, 1),
                  basis="國家圖書館監視錄影系統調閱管理注意事項三(一)")
    values.update(kw)
    return services.RuleInput(**values)


@pytest.fixture
def today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def test_the_officer_adds_a_retention_rule_from_a_future_date_and_it_is_audited(world, fs, today, as_):
    """國家圖書館: footage kept at least 1 month — a month is the same date a month later, not 30 days."""
    client = as_(world.officer)
    page = client.get("/footage/rules/edit/").content.decode()
    assert "監視錄影原始資料" in page and "30日" in page
    r = client.post("/footage/rules/edit/", {"kind": Record.FOOTAGE, "amount": 1, "unit": "months",
                                             "starts_on": "116/1/1", "basis": "國家圖書館監視錄影系統調閱管理注意事項"})
    assert r.status_code == 302
    rule = RetentionRule.objects.get(agency=world.bureau, created_by=world.officer)
    assert rule.period == Period(1, PeriodUnit.MONTHS) and rule.effective_from == dt.date(2027, 1, 1)
    assert AuditEntry.objects.filter(action="footage.retention_rule.create", object_id=str(rule.pk)).exists()
    before = client.get("/footage/rules/edit/").content.decode().split('id="new-rule"')[0]
    assert "30日" in before  # today the bureau's own 30 days still hold
    later = client.get("/footage/rules/edit/?on=116/1/31").content.decode().split('id="new-rule"')[0]
    assert "1個月" in later and "116年2月28日" in later  # 1/31 + 1 month = 2/28, not 3/2
    assert selectors.retention_period(agency=world.bureau, record=Record.FOOTAGE,
                                      on=dt.date(2027, 1, 31)) == Period(1, PeriodUnit.MONTHS)


def test_preview_shows_the_date_without_saving(world, fs, today, as_):
    """紀安國小: footage kept at least 7 days; the preview says until when, and nothing is saved."""
    r = as_(world.officer).post("/footage/rules/edit/", {"kind": Record.FOOTAGE, "amount": 7, "unit": "days",
                                                         "starts_on": "115/12/3", "preview": "1"})
    text = r.content.decode()
    assert r.status_code == 200 and "預覽：115年12月3日(星期四)錄得的影像，至少保存至115年12月10日(星期四)" in text
    assert not RetentionRule.objects.filter(agency=world.bureau, created_by__isnull=False).exists()


def test_bad_input_is_refused_next_to_each_field_in_chinese(world, fs, today, as_):
    client = as_(world.officer)
    r = client.post("/footage/rules/edit/", {"kind": Record.FOOTAGE, "amount": 7, "unit": "days",
                                             "starts_on": "115/12/1"})
    assert r.status_code == 400 and "不溯及既往" in r.content.decode()
    r = client.post("/footage/rules/edit/", {"kind": "", "amount": "0", "unit": "hours", "starts_on": "",
                                             "basis": "依" * 201})
    text = r.content.decode()
    assert r.status_code == 400
    for message in ("請選擇規定類別。", "期間數值應為1至3650。", "請選擇計算單位。", "依據請在200字以內。"):
        assert message in text
    assert not RetentionRule.objects.filter(created_by__isnull=False).exists()


def test_a_superiors_default_is_inherited_by_its_subtree_only(world, fs, today):
    """The city's ethics office sets 1 month (國家圖書館's rule) for its subtree; the bureau, whose own rows are
    older, follows it from its start date; another county keeps the default 30 days."""
    services.footage_rule_create(actor=world.superior, agency=world.city, data=_input(), today=TODAY)
    on = dt.date(2027, 1, 4)
    assert selectors.retention_period(agency=world.bureau, record=Record.FOOTAGE, on=on) == Period(1, "months")
    assert selectors.retention_period(agency=world.bureau, record=Record.FOOTAGE,
                                      on=dt.date(2026, 12, 31)) == Period(30, "days")
    assert selectors.retention_period(agency=world.county, record=Record.FOOTAGE, on=on) == Period(30, "days")
    # Not fixed: the bureau may set its own (紀安國小's 7 days), which wins for the bureau from its date.
    services.footage_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                 data=_input(amount=7, unit="days", starts_on=dt.date(2027, 2, 1)))
    assert selectors.retention_period(agency=world.bureau, record=Record.FOOTAGE,
                                      on=dt.date(2027, 2, 1)) == Period(7, "days")


def test_a_subordinate_cannot_override_what_its_superior_fixed(world, fs, today, as_):
    services.footage_rule_create(actor=world.superior, agency=world.city, data=_input(fixed=True), today=TODAY)
    with pytest.raises(ValidationError) as exc:
        services.footage_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                     data=_input(amount=7, unit="days", starts_on=dt.date(2027, 3, 1)))
    assert "不開放所屬機關另訂" in str(exc.value.error_dict["kind"])
    page = as_(world.officer).get("/footage/rules/edit/").content.decode()
    assert "海濱市政府）訂定之「監視錄影原始資料（可調閱期間）」（116年1月1日起）不開放所屬機關另訂" in page
    # Another kind stays open to the bureau.
    services.footage_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                 data=_input(kind=Record.COPY, amount=6, unit="months"))


def test_only_the_agencys_own_ethics_officer_sets_its_rules(world, fs, today):
    for actor in (world.staff, world.liaison, world.head, world.other_officer):
        with pytest.raises(ValidationError):
            services.footage_rule_create(actor=actor, agency=world.bureau, data=_input(), today=TODAY)


def test_a_decision_rule_applies_to_requests_filed_from_its_start_date(world, fs, as_):
    """政府資訊公開法第12條: decide within 15 days of receiving the request; the rule in force on the filing day
    counts (before it, the agency's setting of 30 days)."""
    today = timezone.localdate()
    assert selectors.decision_period(fs=fs, on=today) == Period(30, "days")
    services.footage_rule_create(actor=world.officer, agency=world.bureau, today=today, data=_input(
        kind=Record.DECISION, amount=15, unit="days", starts_on=today, basis="政府資訊公開法第12條第1項"))
    req = f.file(world)
    assert req.due_on == today + dt.timedelta(days=15)
    page = as_(world.officer).get("/footage/rules/").content.decode()
    assert "今天送出的申請應於 15 日內作成決定" in page and "新增或查詢保存與決定期限規定" in page
