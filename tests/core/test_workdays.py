import datetime as dt

import pytest
from django.core.management import call_command

from anwei.core import workdays
from anwei.core.models import CalendarOverride

D = dt.date


@pytest.mark.django_db
def test_lunar_new_year_2024_counts_the_make_up_saturday():
    # Closure 2/8–2/14; Saturday 2/17 is a make-up working day.
    assert workdays.is_workday(D(2024, 2, 17))
    assert workdays.workday_add(D(2024, 2, 7), 7) == D(2024, 2, 22)
    assert workdays.workday_add(D(2024, 2, 26), -5) == D(2024, 2, 19)


@pytest.mark.django_db
def test_typhoon_closure_override_moves_deadlines():
    before = workdays.workday_add(D(2024, 7, 22), 3)
    CalendarOverride.objects.create(date=D(2024, 7, 24), is_workday=False, reason="凱米颱風停止上班")
    assert not workdays.is_workday(D(2024, 7, 24))
    assert workdays.workday_add(D(2024, 7, 22), 3) == workdays.workday_add(before, 1)


@pytest.mark.django_db
def test_override_can_make_a_day_a_working_day():
    CalendarOverride.objects.create(date=D(2030, 6, 1), is_workday=True, reason="補行上班")
    assert workdays.is_workday(D(2030, 6, 1))
    assert workdays.workdays_between(D(2030, 6, 1), D(2030, 6, 2)) == 1


@pytest.mark.django_db
def test_between_is_inclusive_and_symmetric():
    assert workdays.workdays_between(D(2024, 2, 1), D(2024, 2, 29)) == 16
    assert workdays.workdays_between(D(2024, 2, 29), D(2024, 2, 1)) == -16
    assert workdays.workdays_between(D(2024, 2, 10), D(2024, 2, 10)) == 0


@pytest.mark.django_db
def test_cli_add_and_between(capsys):
    call_command("workdays", "add", "2024-02-07", "7")
    assert capsys.readouterr().out.strip() == "2024-02-22 中華民國113年2月22日（星期四）"
    call_command("workdays", "add", "2024-02-26", "-5")
    assert capsys.readouterr().out.startswith("2024-02-19")
    call_command("workdays", "between", "2024-02-01", "2024-02-29")
    assert capsys.readouterr().out.strip() == "16"
    call_command("workdays", "add", "113/2/7", "7")
    assert capsys.readouterr().out.startswith("2024-02-22")
