"""The working-day calendar against the official DGPA office calendar, every day 2017–2026."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from anwei.core import workdays

ORACLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "tw-gov-calendar" / "dgpa-2017-2026.csv"


def _oracle():
    with ORACLE.open(encoding="utf-8") as f:
        return {dt.date.fromisoformat(r["date"]): r["is_holiday"] == "0" for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def oracle():
    if not ORACLE.exists():
        pytest.fail(f"找不到官方行事曆 {ORACLE}（shared/ 應與 repo 並列）")
    return _oracle()


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
