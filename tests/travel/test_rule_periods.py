"""Travel rules counted by any kind of period, inherited where an agency's row leaves a part empty, and a
rule that changes on a future date, applied by filing date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import CalendarOverride
from anwei.core.periods import Period, PeriodUnit
from anwei.travel import services
from anwei.travel.models import RuleKind, TravelRule
from anwei.travel.selectors import rule_in_force
from tests.travel.conftest import trip_input

pytestmark = pytest.mark.django_db


def test_an_agency_rule_that_only_changes_the_days_keeps_the_defaults_declarations(world, rules):
    """An agency's row states what differs from the default (here only the lead time); its empty optional parts
    (聲明事項, 審核流程) are the default's, not none (the declarations of 許可辦法 stay on the form)."""
    TravelRule.objects.create(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, working_days=10,
                              starts_on=dt.date(2025, 1, 1))
    rule = rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=dt.date(2025, 3, 3))
    default = rules["application_lead"]
    assert rule.working_days == 10 and rule.declaration_list() == default.declaration_list() != []
    assert rule.approval == default.approval
    trip = trip_input(default, departure_on=dt.date(2025, 3, 31), return_on=dt.date(2025, 4, 2))
    bare = trip.__class__(**{**trip.__dict__, "declarations_accepted": ()})
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=world.staff, trip=bare, today=dt.date(2025, 3, 3))
    assert "declarations" in exc.value.error_dict


def test_a_rule_changing_on_a_future_date_to_calendar_days_applies_by_filing_date(world, rules, settings):
    """政府資訊公開法第12條 counts 15 calendar days; an agency that moves its return report from the default
    7 working days (臺灣地區公務員及特定身分人員進入大陸地區許可辦法's 返臺後七個工作日內 as the seeds use it) to
    「返臺後十日內」 in calendar days from a future 生效日 (2027-01-01, the date is this test's): a trip filed on
    2026-12-31 keeps the old rule, one filed on 2027-01-04 takes the new one, whatever the return date."""
    TravelRule.objects.create(agency=world.bureau, kind=RuleKind.RETURN_REPORT, working_days=10,
                              unit=PeriodUnit.DAYS, starts_on=dt.date(2027, 1, 1), basis="本局赴陸作業要點（修正）")
    lead = rules["application_lead"]
    kw = dict(departure_on=dt.date(2027, 1, 25), return_on=dt.date(2027, 1, 29))
    old = services.application_submit(actor=world.staff, today=dt.date(2026, 12, 31), trip=trip_input(lead, **kw))
    new = services.application_submit(actor=world.staff, today=dt.date(2027, 1, 4), trip=trip_input(lead, **kw))
    assert old.report_period == Period(7, PeriodUnit.WORKDAYS)
    assert new.report_period == Period(10, PeriodUnit.DAYS)
    from anwei.travel.deadlines import report_due
    assert report_due(return_on=kw["return_on"], period=new.report_period, agency=world.bureau) == dt.date(2027, 2, 8)


def test_a_city_typhoon_day_moves_the_return_report_of_that_citys_staff_only(world, rules):
    """天然災害停止上班及上課作業辦法: the city (海濱市) declares 停止上班; its bureau's staff get a day more,
    the county's do not."""
    day = dt.date(2024, 3, 27)
    CalendarOverride.objects.create(date=day, is_workday=False, reason="颱風停止上班", scope_path=world.city.path,
                                    scope_name=world.city.name)
    from anwei.travel.deadlines import report_due
    seven = Period(7, PeriodUnit.WORKDAYS)
    assert report_due(return_on=dt.date(2024, 3, 22), period=seven, agency=world.bureau) == dt.date(2024, 4, 3)
    assert report_due(return_on=dt.date(2024, 3, 22), period=seven, agency=world.county) == dt.date(2024, 4, 2)
