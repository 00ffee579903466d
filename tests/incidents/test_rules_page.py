"""Editing the notification chain where the work is: the agency's ethics officer sees whom each category's incidents
are reported to and how soon on any date, with what it means for an incident discovered then, previews and adds a
row from a start date; a superior office sets defaults for its subtree and may fix them (portal.rulepages).

Values are taken from published rules of agencies other than the seeds':
- 內政部消防署暨所屬機構加強預防危害或破壞事件措施 四(四): 發現可疑情事應立即通報政風室 (at once; 15 minutes allowed);
- 臺中市政府財政局預防危害或破壞本機關事件作業要點 參、二: 重大偶突發事件…迅速…向上級政風單位報告 (at once, 30 minutes);
- 資通安全事件通報及應變辦法第4條: 公務機關知悉資通安全事件後，應於1小時內通報 (clock hours, nights and holidays count).
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import AuditEntry
from anwei.core.periods import Period, PeriodUnit
from anwei.incidents import services
from anwei.incidents.models import ChainRule, Party, PeriodKind
from anwei.incidents.selectors import chain_in_force
from tests.incidents.factories import at, report

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)
START = dt.date(2027, 1, 4)


@pytest.fixture(autouse=True)
def _setup(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()
    services.incident_rules_seed_defaults()


def _input(**kw):
    values = dict(kind="security:superior_ethics", amount=30, unit=PeriodKind.IMMEDIATE, starts_on=START,
                  basis="臺中市政府財政局預防危害或破壞本機關事件作業要點參、二")
    values.update(kw)
    return services.ChainRuleInput(**values)


def _party(incident, party):
    return incident.parties.get(party=party)


def test_the_officer_adds_a_rule_from_a_future_date_and_incidents_follow_it_by_discovery_date(world, as_):
    """消防署: suspicious things are reported to the ethics unit at once (立即); allowed 15 minutes from 116/1/4."""
    client = as_(world.officer)
    page = client.get("/incidents/rules/").content.decode()
    assert "危安 → 政風單位" in page and "全國預設" in page
    r = client.post("/incidents/rules/", {"kind": "security:ethics_unit", "amount": 15, "unit": "immediate",
                                          "starts_on": "116/1/4", "required": "on",
                                          "basis": "內政部消防署暨所屬機構加強預防危害或破壞事件措施四(四)"})
    assert r.status_code == 302
    rule = ChainRule.objects.get(agency=world.bureau)
    assert rule.period == Period(15, PeriodUnit.MINUTES) and rule.created_by == world.officer and rule.required
    assert AuditEntry.objects.filter(action="incidents.chain_rule_create", object_id=str(rule.pk)).exists()
    later = client.get("/incidents/rules/?on=116/1/4").content.decode().split('id="new-rule"')[0]
    assert "116年1月4日(星期一)16:55以前通報政風單位" in later
    before = report(world, discovered=at(dt.date(2027, 1, 1), 10, 0))
    after = report(world, discovered=at(START, 10, 0))
    assert _party(before, Party.ETHICS_UNIT).due_at == at(dt.date(2027, 1, 1), 10, 30)  # the default 30 minutes
    assert _party(after, Party.ETHICS_UNIT).due_at == at(START, 10, 15)


def test_preview_counts_clock_hours_through_the_night_without_saving(world, as_):
    """資通安全事件通報及應變辦法: within 1 hour of knowing, holidays included."""
    r = as_(world.officer).post("/incidents/rules/", {"kind": "infosec:superior_ethics", "amount": 1, "unit": "hours",
                                                      "starts_on": "115/12/3", "preview": "1"})
    text = r.content.decode()
    assert r.status_code == 200
    assert "預覽：115年12月3日(星期四)16:40發現的資安狀況，應於115年12月3日(星期四)17:40以前通報上級政風機構" in text
    assert not ChainRule.objects.filter(agency__isnull=False).exists()


def test_bad_input_is_refused_next_to_each_field_in_chinese(world, as_):
    client = as_(world.officer)
    r = client.post("/incidents/rules/", {"kind": "security:nobody", "amount": "", "unit": "weeks",
                                          "starts_on": "115/12/1", "basis": "依" * 201})
    text = r.content.decode()
    assert r.status_code == 400
    for message in ("請選擇類別與通報對象。", "請填寫期間數值。", "請選擇期限計算方式。", "依據請在200字以內。"):
        assert message in text
    r = client.post("/incidents/rules/", {"kind": "security:head", "amount": 30, "unit": "immediate",
                                          "starts_on": "115/12/1"})
    assert r.status_code == 400 and "不溯及既往" in r.content.decode()
    assert not ChainRule.objects.filter(agency__isnull=False).exists()


def test_a_superiors_default_is_inherited_by_its_subtree_only(world):
    """臺中市政府財政局: the city's ethics office wants a major incident reported to it at once (not in 24 hours)."""
    services.chain_rule_create(actor=world.superior, agency=world.city, data=_input(), today=TODAY)
    bureau = {r.party: r for r in chain_in_force(agency=world.bureau, category="security", on=START)}
    county = {r.party: r for r in chain_in_force(agency=world.county, category="security", on=START)}
    assert bureau[Party.SUPERIOR_ETHICS].period == Period(30, PeriodUnit.MINUTES)
    assert county[Party.SUPERIOR_ETHICS].period == Period(24, PeriodUnit.HOURS)
    incident = report(world, discovered=at(START, 10, 0))
    assert _party(incident, Party.SUPERIOR_ETHICS).due_at == at(START, 10, 30)
    # Not fixed: the bureau may drop its own police call from a later date (its own row wins there).
    services.chain_rule_create(actor=world.officer, agency=world.bureau, today=TODAY, data=_input(
        kind="security:police_fire", required=False, starts_on=dt.date(2027, 2, 1)))
    parties = {r.party for r in chain_in_force(agency=world.bureau, category="security", on=dt.date(2027, 2, 1))}
    assert Party.POLICE_FIRE not in parties and Party.SUPERIOR_ETHICS in parties


def test_a_subordinate_cannot_override_what_its_superior_fixed(world, as_):
    """資通安全事件通報及應變辦法: 1 hour; the city fixes it for its subtree."""
    services.chain_rule_create(actor=world.superior, agency=world.city, today=TODAY, data=_input(
        kind="infosec:superior_ethics", amount=1, unit=PeriodKind.HOURS, fixed=True, basis="資通安全事件通報及應變辦法第4條"))
    with pytest.raises(ValidationError) as exc:
        services.chain_rule_create(actor=world.officer, agency=world.bureau, today=TODAY, data=_input(
            kind="infosec:superior_ethics", amount=1, unit=PeriodKind.WORKDAYS, starts_on=dt.date(2027, 3, 1)))
    assert "不開放所屬機關另訂" in str(exc.value.error_dict["kind"])
    page = as_(world.officer).get("/incidents/rules/").content.decode()
    assert "訂定之「資安 → 上級政風機構」（116年1月4日起）不開放所屬機關另訂" in page


def test_only_the_agencys_own_ethics_officer_sets_its_rules(world):
    for actor in (world.staff, world.head, world.superior, world.other_officer):
        with pytest.raises(ValidationError):
            services.chain_rule_create(actor=actor, agency=world.bureau, data=_input(), today=TODAY)
