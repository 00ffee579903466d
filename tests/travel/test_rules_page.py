"""Editing travel rules where the work is: the agency's ethics officer lists the rules that apply, sees which
is in force on any date with what it means then, previews and adds a row from a start date; a superior office
sets defaults for its subtree and may fix them. Rules taken from published ones of agencies other than the
seeds' (臺灣地區公務員及特定身分人員進入大陸地區許可辦法; a city government's 所屬機關 作業規定 as the superior's)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import AuditEntry
from anwei.core.periods import Period, PeriodUnit
from anwei.travel import services
from anwei.travel.models import RuleKind, TravelRule
from anwei.travel.selectors import rule_in_force

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _input(**kw):
    values = dict(kind=RuleKind.RETURN_REPORT, amount=10, unit=PeriodUnit.DAYS, starts_on=dt.date(2027, 1, 1))
    values.update(kw)
    return services.RuleInput(**values)


def test_the_officer_adds_a_rule_from_a_future_date_on_the_page_and_it_is_audited(world, rules, as_):
    client = as_(world.officer)
    page = client.get("/travel/rules/").content.decode()
    assert "返臺通報" in page and "全國預設" in page and "7個工作日" in page
    r = client.post("/travel/rules/", {"kind": RuleKind.RETURN_REPORT, "amount": 10, "unit": "days",
                                       "starts_on": "116/1/1", "approval": "", "declarations": "", "note": "",
                                       "basis": "本局赴陸作業要點（116年修正）"})
    assert r.status_code == 302
    rule = TravelRule.objects.get(agency=world.bureau)
    assert rule.period == Period(10, PeriodUnit.DAYS) and rule.created_by == world.officer
    assert AuditEntry.objects.filter(action="travel.rule_create", object_id=str(rule.pk)).exists()
    today_page = client.get("/travel/rules/").content.decode()
    assert "7個工作日" in today_page.split('id="new-rule"')[0]  # today: still the default
    later = client.get("/travel/rules/?on=116/1/4").content.decode().split('id="new-rule"')[0]
    assert "10日" in later and "116年1月14日" in later  # 返臺 116/1/4 → due 10 calendar days later


def test_preview_shows_the_date_without_saving(world, rules, as_):
    r = as_(world.officer).post("/travel/rules/", {"kind": RuleKind.APPLICATION_LEAD, "amount": 7, "unit": "workdays",
                                                   "starts_on": "115/12/3", "preview": "1"})
    assert r.status_code == 200 and "預覽" in r.content.decode() and "出發日最早為" in r.content.decode()
    assert not TravelRule.objects.filter(agency=world.bureau).exists()


def test_a_rule_cannot_start_in_the_past_and_the_error_is_next_to_the_field(world, rules, as_):
    r = as_(world.officer).post("/travel/rules/", {"kind": RuleKind.RETURN_REPORT, "amount": 10, "unit": "days",
                                                   "starts_on": "115/12/1"})
    assert r.status_code == 400 and "不溯及既往" in r.content.decode()


def test_a_superiors_default_is_inherited_by_its_subtree_only(world, rules):
    """The city's ethics office sets 返臺後5個工作日內 for every agency under it; the county keeps the default 7."""
    services.travel_rule_create(actor=world.superior, agency=world.city, data=_input(amount=5, unit="workdays"),
                                today=TODAY)
    on = dt.date(2027, 1, 4)
    assert rule_in_force(agency=world.bureau, kind=RuleKind.RETURN_REPORT, on=on).period == Period(5, "workdays")
    assert rule_in_force(agency=world.county, kind=RuleKind.RETURN_REPORT, on=on).period == Period(7, "workdays")
    # Not fixed: the bureau may set its own, which wins for the bureau.
    services.travel_rule_create(actor=world.officer, agency=world.bureau, data=_input(starts_on=dt.date(2027, 2, 1)),
                                today=TODAY)
    assert rule_in_force(agency=world.bureau, kind=RuleKind.RETURN_REPORT,
                         on=dt.date(2027, 2, 1)).period == Period(10, "days")


def test_a_subordinate_cannot_override_what_its_superior_fixed(world, rules, as_):
    earlier = services.travel_rule_create(  # the bureau's own row, made before the city fixed its rule
        actor=world.officer, agency=world.bureau, today=TODAY,
        data=_input(kind=RuleKind.APPLICATION_LEAD, amount=3, unit="workdays", starts_on=dt.date(2027, 2, 1)))
    services.travel_rule_create(actor=world.superior, agency=world.city,
                                data=_input(kind=RuleKind.APPLICATION_LEAD, amount=7, unit="workdays", fixed=True),
                                today=TODAY)
    with pytest.raises(ValidationError) as exc:
        services.travel_rule_create(actor=world.officer, agency=world.bureau,
                                    data=_input(kind=RuleKind.APPLICATION_LEAD, amount=3, unit="workdays",
                                                starts_on=dt.date(2027, 3, 1)), today=TODAY)
    assert "不開放所屬機關另訂" in str(exc.value.error_dict["kind"])
    # A row the bureau had made before does not count while the fixed one is in force.
    page = as_(world.officer).get("/travel/rules/").content.decode()
    assert "不開放所屬機關另訂" in page
    rule = rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=dt.date(2027, 3, 1))
    assert earlier.starts_on > rule.starts_on  # newer, yet the superior's fixed row governs
    assert rule.agency == world.city and rule.declaration_list() == rules["application_lead"].declaration_list()


def test_only_the_agencys_own_ethics_officer_sets_its_rules(world, rules):
    with pytest.raises(ValidationError):
        services.travel_rule_create(actor=world.staff, agency=world.bureau, data=_input(), today=TODAY)
    with pytest.raises(ValidationError):  # the county's officer cannot set the bureau's
        services.travel_rule_create(actor=world.other_officer, agency=world.bureau, data=_input(), today=TODAY)


def test_the_officer_adds_a_rule_with_conditions(world, rules, as_):
    r = as_(world.officer).post("/travel/rules/", {"kind": RuleKind.APPLICATION_LEAD, "amount": 10, "unit": "workdays",
                                                   "starts_on": "115/12/3", "grade": "senior", "rank_min": 11,
                                                   "agency_kind": "", "purpose": ""})
    assert r.status_code == 302
    rule = TravelRule.objects.get(agency=world.bureau)
    assert rule.conditions_text() == "簡任第11職等以上"
    assert "簡任第11職等以上" in as_(world.officer).get("/travel/rules/").content.decode()
    r = as_(world.officer).post("/travel/rules/", {"kind": RuleKind.APPLICATION_LEAD, "amount": 10, "unit": "workdays",
                                                   "starts_on": "115/12/3", "rank_min": 11})
    assert r.status_code == 400 and "請同時選擇官等" in r.content.decode()
