"""Hours are judged against the government calendar: a make-up working Saturday by working-day hours,
a typhoon day off (an administrator's override) as a day off; the rule in force on the day applies."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.access import services
from anwei.access.hours import DayKind, HoursBook, day_kind
from anwei.core.models import CalendarOverride
from anwei.core.workdays import Calendar
from tests.access.factories import MAKEUP_SATURDAY, area, csv_import, door

TUESDAY = dt.date(2024, 3, 5)


def test_kinds_of_day_follow_the_calendar(db):
    cal = Calendar(dt.date(2024, 2, 1), dt.date(2024, 3, 31))
    assert day_kind(MAKEUP_SATURDAY, cal) == DayKind.MAKEUP
    assert day_kind(dt.date(2024, 2, 24), cal) == DayKind.DAYOFF  # an ordinary Saturday
    assert day_kind(dt.date(2024, 2, 8), cal) == DayKind.DAYOFF  # the Lunar New Year holidays
    assert day_kind(TUESDAY, cal) == DayKind.WORKDAY
    CalendarOverride.objects.create(date=TUESDAY, is_workday=False, reason="颱風停止上班")
    assert day_kind(TUESDAY, Calendar(TUESDAY, TUESDAY)) == DayKind.DAYOFF


def test_make_up_saturday_at_19_is_after_hours_and_typhoon_day_is_a_day_off(world):
    a = area(world)  # working days 08:00–18:00, closed on days off
    CalendarOverride.objects.create(date=TUESDAY, is_workday=False, reason="颱風停止上班")
    book = HoursBook(list(a.hours.all()), dt.date(2024, 2, 1), dt.date(2024, 3, 31))
    assert not book.inside_hours(a.pk, dt.datetime.combine(MAKEUP_SATURDAY, dt.time(19)))
    assert book.inside_hours(a.pk, dt.datetime.combine(MAKEUP_SATURDAY, dt.time(10)))
    assert not book.inside_hours(a.pk, dt.datetime.combine(TUESDAY, dt.time(10)))  # typhoon: closed
    assert book.inside_hours(a.pk, dt.datetime.combine(dt.date(2024, 3, 6), dt.time(10)))


def test_the_rule_in_force_on_the_day_applies(world, settings):
    settings.ANWEI_TODAY = "2024-03-01"
    a = area(world)
    services.area_hours_add(actor=world.liaison, area=a, data=services.HoursInput(
        starts_on=dt.date(2024, 3, 6), workday_open=dt.time(8), workday_close=dt.time(20)))
    book = HoursBook(list(a.hours.all()), dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert not book.inside_hours(a.pk, dt.datetime(2024, 3, 5, 19))  # the old rule: closes at 18:00
    assert book.inside_hours(a.pk, dt.datetime(2024, 3, 6, 19))  # the new one: 20:00


def test_bad_hours_are_refused_next_to_their_fields(world, settings):
    settings.ANWEI_TODAY = "2024-03-01"
    a = area(world)
    with pytest.raises(ValidationError) as exc:
        services.area_hours_add(actor=world.liaison, area=a, data=services.HoursInput(
            starts_on=dt.date(2024, 2, 1), workday_open=dt.time(18), workday_close=dt.time(8),
            dayoff_open=dt.time(9)))
    errors = exc.value.message_dict
    assert "晚於開放時間" in errors["workday_close"][0]
    assert "都填或都不填" in errors["dayoff_close"][0]
    assert "不得早於今天" in errors["starts_on"][0]


def test_after_hours_import_uses_the_make_up_day(world):
    door(world)
    log = csv_import(world, "時間,門號,卡號,結果\n"
                               f"{MAKEUP_SATURDAY:%Y/%m/%d} 19:00:00,D31,X1,通過\n"
                               f"{MAKEUP_SATURDAY:%Y/%m/%d} 10:00:00,D31,X2,通過\n")
    flags = {e.badge_number: e.flags for e in log.events.all()}
    assert "after_hours" in flags["X1"] and "after_hours" not in flags["X2"]
