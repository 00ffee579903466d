"""The period is proposed from the working-day calendar and stated as the seeds state it."""

import datetime as dt

import pytest

from anwei.core.models import CalendarOverride
from anwei.plans.models import Occasion
from anwei.plans.periods import period_phrase, period_propose, period_sentence

pytestmark = pytest.mark.django_db


def test_lunar_new_year_112_matches_seed_003():
    start, end = period_propose(occasion=Occasion.LUNAR_NEW_YEAR, roc_year=112, lead_days=4)
    assert (start, end) == (dt.date(2023, 1, 16), dt.date(2023, 1, 30))
    assert period_sentence(start, end) == "自112年1月16日（星期一）起至1月30日（星期一）止，為期15日。"


def test_lead_days_are_configurable():
    start, end = period_propose(occasion=Occasion.LUNAR_NEW_YEAR, roc_year=112, lead_days=0)
    assert start == dt.date(2023, 1, 20)  # the first day of the closure block
    assert end == dt.date(2023, 1, 30)


def test_a_typhoon_day_after_the_block_extends_the_period():
    CalendarOverride.objects.create(date=dt.date(2023, 1, 30), is_workday=False, reason="颱風停班")
    _, end = period_propose(occasion=Occasion.LUNAR_NEW_YEAR, roc_year=112, lead_days=4)
    assert end == dt.date(2023, 1, 31)


def test_elections_have_no_proposal():
    assert period_propose(occasion=Occasion.ELECTION, roc_year=108, lead_days=4) is None


def test_seed_004_phrase_counts_both_ends():
    assert period_phrase(dt.date(2019, 12, 14), dt.date(2020, 1, 11)) == "108年12月14日起至109年1月11日止，共29天"
    assert period_sentence(dt.date(2019, 12, 14), dt.date(2020, 1, 11)) == (
        "自108年12月14日（星期六）起至109年1月11日（星期六）止，為期29日。")
