"""Periods of every kind, each from a published rule of an agency other than the seeds', counted by the one
function `anwei.core.periods.due` (working days against the DGPA office calendar, tests/calendar_oracle)."""

import datetime as dt

import pytest
from django.utils import timezone

from anwei.core.periods import Period, PeriodUnit, due, moment_add
from anwei.lib.periods import add_months
from tests.calendar_oracle import official_calendar

D = dt.date


def _nth_workday(start: dt.date, n: int) -> dt.date:
    cal, day = official_calendar(), start
    step = 1 if n > 0 else -1
    while n:
        day += dt.timedelta(days=step)
        if cal[day]:
            n -= step
    return day


def test_calendar_days_the_freedom_of_information_act():
    """政府資訊公開法第12條第1項: 政府機關應於受理申請提供政府資訊之日起十五日內，為准駁之決定.
    Calendar days: a request received on a Friday before the 2025 Lunar New Year is due 15 days later,
    holidays included."""
    assert due(D(2025, 1, 24), Period(15, PeriodUnit.DAYS)) == D(2025, 2, 8)
    assert Period(15, PeriodUnit.DAYS).text() == "15日"


@pytest.mark.django_db
def test_working_days_mainland_entry_follow_the_official_calendar():
    """臺灣地區公務員及特定身分人員進入大陸地區許可辦法: a retired official who handled classified matters declares
    「於預定進入大陸地區之日二個工作日前」, and 返臺後七個工作日內 reports (the ministries' 作業要點 repeat it).
    Counted against the DGPA calendar across the 2024 Lunar New Year and the 2025 revised calendar (9/29 off)."""
    for start in (D(2024, 2, 7), D(2024, 2, 15), D(2025, 9, 26), D(2025, 10, 23), D(2026, 4, 2)):
        assert due(start, Period(7, PeriodUnit.WORKDAYS)) == _nth_workday(start, 7)
        assert due(start, Period(2, PeriodUnit.WORKDAYS), before=True) == _nth_workday(start, -2)
    assert Period(7, PeriodUnit.WORKDAYS).text() == "7個工作日"


def test_clock_hours_cyber_security_incidents():
    """資通安全事件通報及應變辦法第4條: 公務機關知悉資通安全事件後，應於一小時內通報; 第6條: 第一級或第二級事件
    應於知悉後七十二小時內完成損害控制或復原. Clock hours run through nights and holidays."""
    known = timezone.make_aware(dt.datetime(2025, 1, 24, 16, 40))
    assert due(known, Period(1, PeriodUnit.HOURS)) == known + dt.timedelta(hours=1)
    assert due(known, Period(72, PeriodUnit.HOURS)) == timezone.make_aware(dt.datetime(2025, 1, 27, 16, 40))
    with pytest.raises(TypeError):
        due(known.date(), Period(1, PeriodUnit.HOURS))


def test_weeks_maternity_leave():
    """性別平等工作法第15條第1項: 女性受僱者分娩前後，應使其停止工作，給予產假八星期."""
    assert due(D(2025, 3, 3), Period(8, PeriodUnit.WEEKS)) == D(2025, 4, 28)


def test_months_asset_declaration_with_month_end_clamping():
    """公職人員財產申報法第3條第1項: 公職人員應於就（到）職三個月內申報財產. A period of months ends on the
    corresponding date; where the last month has none, on that month's last day (民法第121條第2項但書):
    11/30 + 3 months = 2/28, or 2/29 in a leap year."""
    assert due(D(2025, 11, 30), Period(3, PeriodUnit.MONTHS)) == D(2026, 2, 28)
    assert due(D(2023, 11, 30), Period(3, PeriodUnit.MONTHS)) == D(2024, 2, 29)
    assert due(D(2025, 1, 31), Period(1, PeriodUnit.MONTHS)) == D(2025, 2, 28)
    assert add_months(D(2025, 3, 31), -1) == D(2025, 2, 28)


def test_years_are_the_same_date_a_year_on_not_365_days():
    """國家機密保護法第26條: 涉及國家機密之人員於離職或退休後，出境應經核准，期間不超過三年. A year is the same
    date the next year; 2024/2/29 + 1 year is 2025/2/28, and 2023/3/1 + 1 year is 2024/3/1 (366 days)."""
    assert due(D(2024, 2, 29), Period(1, PeriodUnit.YEARS)) == D(2025, 2, 28)
    assert due(D(2023, 3, 1), Period(1, PeriodUnit.YEARS)) == D(2024, 3, 1)
    assert due(D(2025, 7, 1), Period(3, PeriodUnit.YEARS)) == D(2028, 7, 1)


def test_minutes_and_moments_keep_the_clock_time():
    """各機關對危害或可能危害機關安全維護事件通報注意事項: 重大事件「立即」通報 (an allowance in minutes); and
    footage kept 30 days (the recorder's cycle) is overwritten at the same clock time 30 days on."""
    at = timezone.make_aware(dt.datetime(2025, 10, 31, 8, 5))
    assert due(at, Period(30, PeriodUnit.MINUTES)) == at + dt.timedelta(minutes=30)
    assert timezone.localtime(moment_add(at, Period(30, PeriodUnit.DAYS))) == timezone.make_aware(
        dt.datetime(2025, 11, 30, 8, 5))


def test_a_period_round_trips_as_text_and_refuses_negative_amounts():
    assert Period.parse("6 months") == Period(6, PeriodUnit.MONTHS)
    assert Period(6, "months").serialize() == "6 months"
    with pytest.raises(ValueError):
        Period(-1, PeriodUnit.DAYS)
