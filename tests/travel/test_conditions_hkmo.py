"""Conditions on rules (官等 and 職等 on Person, kind of agency, purpose of the trip) and Hong Kong / Macau with
their own notification rules. Sources (rules of agencies other than the seeds'):
- 臺灣地區與大陸地區人民關係條例第9條第3項 and 臺灣地區公務員及特定身分人員進入大陸地區許可辦法: 簡任第十一職等以上
  公務員 need the 內政部 (移民署) permit, so their agency asks for the application earlier than from others — a rule
  by 官等 and 職等 (the 10 working days are this test's agency's choice);
- 學校 (kind of agency): a school's own 教職員赴陸 rule, e.g. 返臺後十日內 (calendar days) in its 作業規定;
- 因公赴陸 (purpose): official trips follow the 專案 procedure, asked for earlier than private ones;
- 行政院及所屬各機關（構）人員赴香港或澳門注意事項 第3點、第4點 (行政院114年9月10日院臺法字第1141019811號函修正),
  under 香港澳門關係條例: a private trip is notified 出境日3日前 (calendar days); a trip meeting or contacting
  specified persons 出境日1週前; an unplanned meeting 返回臺灣後1週內 — the nationwide defaults."""

import datetime as dt

import pytest

from anwei.core.periods import Period, PeriodUnit
from anwei.orgs.models import Agency, Grade
from anwei.orgs.services import agency_create
from anwei.travel import services
from anwei.travel.models import Region, RuleKind, TravelRule
from anwei.travel.selectors import rule_in_force
from tests.travel.conftest import trip_input

pytestmark = pytest.mark.django_db

ON = dt.date(2025, 3, 3)


def test_a_rule_by_grade_and_rank_applies_to_senior_grade_eleven_and_up_only(world, rules):
    TravelRule.objects.create(kind=RuleKind.APPLICATION_LEAD, working_days=10, starts_on=dt.date(2020, 1, 1),
                              grade=Grade.SENIOR, rank_min=11, basis="兩岸條例第9條第3項（簡任第十一職等以上）")
    world.staff.grade, world.staff.rank = Grade.SENIOR, 11
    world.staff.save()
    assert rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON,
                         person=world.staff).working_days == 10
    world.unithead.grade, world.unithead.rank = Grade.SENIOR, 10
    assert rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON,
                         person=world.unithead).working_days == 5
    world.liaison.grade, world.liaison.rank = Grade.JUNIOR, 11  # 薦任 never reaches it, whatever the number
    assert rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON,
                         person=world.liaison).working_days == 5
    # The conditional row has no declarations: the general rule's are kept.
    rule = rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON, person=world.staff)
    assert rule.declaration_list() == rules["application_lead"].declaration_list()
    # Through the service: 7 working days before departure is late for the senior official.
    kw = dict(departure_on=dt.date(2025, 3, 12), return_on=dt.date(2025, 3, 14), urgent=True, urgent_reason="公務急需")
    app = services.application_submit(actor=world.staff, today=ON, trip=trip_input(rules["application_lead"], **kw))
    assert app.lead_workdays == 10 and app.late_filing


def test_a_rule_for_schools_applies_to_schools_only(world, rules):
    TravelRule.objects.create(kind=RuleKind.RETURN_REPORT, working_days=10, unit=PeriodUnit.DAYS,
                              starts_on=dt.date(2020, 1, 1), agency_kind=Agency.Kind.SCHOOL, basis="學校教職員赴陸作業規定")
    school = agency_create(actor=None, name="海濱市立海濱國民中學", parent=world.city, kind=Agency.Kind.SCHOOL)
    assert rule_in_force(agency=school, kind=RuleKind.RETURN_REPORT, on=ON).period == Period(10, PeriodUnit.DAYS)
    assert rule_in_force(agency=world.bureau, kind=RuleKind.RETURN_REPORT, on=ON).period == Period(7, "workdays")


def test_a_rule_for_official_trips_applies_by_purpose(world, rules):
    TravelRule.objects.create(kind=RuleKind.APPLICATION_LEAD, working_days=15, starts_on=dt.date(2020, 1, 1),
                              purpose="official", basis="因公赴陸專案")
    assert rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON, purpose="official"
                         ).working_days == 15
    assert rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=ON, purpose="family"
                         ).working_days == 5


def _hk(rules, **kw):
    trip = trip_input(rules["hkmo_notice"], departure_on=dt.date(2025, 3, 13), return_on=dt.date(2025, 3, 16),
                      destinations="香港九龍")
    return trip.__class__(**{**trip.__dict__, "region": Region.HONG_KONG, **kw})


def test_hong_kong_has_its_own_notice_rules(world, rules):
    notice = services.application_submit(actor=world.staff, today=ON, trip=_hk(rules))
    assert notice.region == Region.HONG_KONG and notice.lead_rule.kind == RuleKind.HKMO_NOTICE
    assert notice.lead_period == Period(3, "days") and not notice.late_filing
    assert notice.apply_by == dt.date(2025, 3, 10)  # 出境日3日前: calendar days, the weekend counts
    assert notice.report_rule.kind == RuleKind.HKMO_UNPLANNED and notice.report_rule.period == Period(1, "weeks")
    # Meeting specified persons: the longer lead (1 week before 3/13 is 3/6): filed 3/7, late.
    with pytest.raises(Exception) as exc:
        services.application_submit(actor=world.staff, today=dt.date(2025, 3, 7), trip=_hk(rules, meets_specified=True))
    assert "1週前" in str(exc.value)
    meeting = services.application_submit(actor=world.staff, today=ON, trip=_hk(rules, meets_specified=True))
    assert meeting.lead_rule.kind == RuleKind.HKMO_MEETING and meeting.apply_by == dt.date(2025, 3, 6)


def test_the_hong_kong_form_shows_its_rule_and_the_meeting_box(world, rules, as_):
    page = as_(world.staff).get("/travel/new/?region=hong_kong").content.decode()
    assert "赴香港通報" in page and "預定與特定人士會面" in page and "香港澳門關係條例" in page
    assert "預定與特定人士會面" not in as_(world.staff).get("/travel/new/").content.decode()
