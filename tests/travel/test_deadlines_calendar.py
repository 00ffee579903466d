"""Deadlines on the real calendar, checked against the official DGPA calendar 2017–2026."""

import bisect
import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.travel import deadlines, services
from tests.calendar_oracle import official_workdays
from tests.travel.conftest import approve, trip_input

WORKDAYS = official_workdays()


def nth_after(day: dt.date, n: int) -> dt.date:
    return WORKDAYS[bisect.bisect_right(WORKDAYS, day) + n - 1]


def nth_before(day: dt.date, n: int) -> dt.date:
    return WORKDAYS[bisect.bisect_left(WORKDAYS, day) - n]


def test_the_calendar_file_is_there():
    assert WORKDAYS[0].year == 2017 and WORKDAYS[-1].year == 2026


def test_return_just_before_the_2024_lunar_new_year_counts_the_makeup_saturday(world, make_trip):
    app = make_trip(world.staff, departure_on=dt.date(2024, 2, 1), return_on=dt.date(2024, 2, 7),
                    today=dt.date(2024, 1, 22))
    approve(app, world.officer)
    assert app.report_due == dt.date(2024, 2, 22)
    assert dt.date(2024, 2, 17) in WORKDAYS  # the make-up Saturday is one of the seven


# Every 4th day of 2017-01-01 … 2026-12-10 as a return date, so each year has about 90 samples,
# including days in every holiday closure (the stride walks through all weekdays).
SAMPLES = [dt.date(2017, 1, 1) + dt.timedelta(days=i) for i in range(0, 3630, 4)]


@pytest.mark.django_db
def test_return_report_due_matches_the_official_calendar_every_year():
    wrong = [(d, deadlines.report_due(return_on=d, report_workdays=7), nth_after(d, 7)) for d in SAMPLES
             if deadlines.report_due(return_on=d, report_workdays=7) != nth_after(d, 7)]
    assert not wrong, wrong[:10]
    assert {d.year for d in SAMPLES} == set(range(2017, 2027))


@pytest.mark.django_db
def test_application_lead_time_matches_the_official_calendar_every_year():
    wrong = [d for d in SAMPLES[10:] if deadlines.apply_by(departure_on=d, lead_workdays=5) != nth_before(d, 5)]
    assert not wrong, wrong[:10]


@pytest.mark.django_db
def test_retiree_deadlines_match_the_official_calendar():
    for d in SAMPLES[10::7]:
        assert deadlines.apply_by(departure_on=d, lead_workdays=2) == nth_before(d, 2)
        assert deadlines.report_due(return_on=d, report_workdays=7) == nth_after(d, 7)


# Approved through the whole service path, a few holiday-adjacent returns per year.
HOLIDAY_CASES = [
    dt.date(2017, 1, 26), dt.date(2018, 2, 14), dt.date(2019, 2, 1), dt.date(2020, 1, 22), dt.date(2021, 2, 9),
    dt.date(2022, 1, 28), dt.date(2023, 1, 19), dt.date(2024, 2, 7), dt.date(2025, 1, 24), dt.date(2026, 2, 13),
    dt.date(2019, 10, 9), dt.date(2023, 9, 28), dt.date(2025, 10, 3), dt.date(2026, 4, 2),
]


@pytest.mark.parametrize("return_on", HOLIDAY_CASES, ids=str)
def test_approved_application_shows_the_official_due_date(world, make_trip, return_on):
    departure = return_on - dt.timedelta(days=3)
    app = make_trip(world.staff, departure_on=departure, return_on=return_on, today=departure - dt.timedelta(days=20))
    assert app.report_due is None  # not shown before approval
    approve(app, world.officer)
    assert app.report_due == nth_after(return_on, 7)


def test_application_lead_time_rejects_a_late_filing_without_urgency(world, rules):
    # Departure Tue 2024-02-20: the 5th working day before it is Thu 2024-02-07 (closure Feb 8–14, make-up Feb 17).
    departure = dt.date(2024, 2, 20)
    assert deadlines.apply_by(departure_on=departure, lead_workdays=5) == nth_before(departure, 5) == dt.date(2024, 2, 7)
    trip = trip_input(rules["application_lead"], departure_on=departure, return_on=dt.date(2024, 2, 23))
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=world.staff, trip=trip, today=dt.date(2024, 2, 8))
    assert "departure_on" in exc.value.error_dict and "5個工作日前" in str(exc.value)
    on_time = services.application_submit(actor=world.staff, trip=trip, today=dt.date(2024, 2, 7))
    assert not on_time.late_filing


def test_urgent_late_filing_needs_a_reason_and_is_flagged(world, rules):
    rule = rules["application_lead"]
    late = dict(departure_on=dt.date(2024, 3, 8), return_on=dt.date(2024, 3, 10))
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=world.staff, today=dt.date(2024, 3, 6),
                                    trip=trip_input(rule, urgent=True, **late))
    assert "urgent_reason" in exc.value.error_dict
    app = services.application_submit(actor=world.staff, today=dt.date(2024, 3, 6),
                                      trip=trip_input(rule, urgent=True, urgent_reason="家父病危", **late))
    assert app.late_filing and app.urgent
