"""The working-day calendar against the official DGPA office calendar, every day 2017–2026."""

import datetime as dt

import pytest

from anwei.core import workdays
from tests.calendar_oracle import official_calendar


@pytest.fixture(scope="module")
def oracle():
    return official_calendar()


@pytest.mark.django_db
def test_every_day_2017_2026_matches_the_official_calendar(oracle):
    assert len(oracle) == 3652
    mismatches = [d for d, is_work in oracle.items() if workdays.is_workday(d) != is_work]
    assert mismatches == []


@pytest.mark.django_db
def test_adding_working_days_agrees_with_walking_the_oracle(oracle):
    days = sorted(oracle)
    work = [d for d in days if oracle[d]]
    # Every 11th day of the decade, +7 and −5 working days, compared with the oracle's own list.
    for d in days[:-40:11]:
        later = next(w for w in work if w > d)
        expected = work[work.index(later) + 6]
        assert workdays.workday_add(d, 7) == expected, d
    for d in days[40::11]:
        earlier = [w for w in work if w < d]
        assert workdays.workday_add(d, -5) == earlier[-5], d


@pytest.mark.django_db
def test_counts_between_agree_with_the_oracle(oracle):
    for year in range(2017, 2027):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        assert workdays.workdays_between(start, end) == sum(v for d, v in oracle.items() if d.year == year)
