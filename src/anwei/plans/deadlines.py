"""The result deadline of a special plan (執行成果報送期限): `result_workdays` government working days after the
plan's period ends, counted in the calendar of the agency that owes the results. A city's typhoon day
(停止上班) moves the deadline of that city's agencies only; for a letter's recipients every agency's calendar
is read from one query, however many they are."""

from __future__ import annotations

import datetime as dt

from anwei.core import workdays
from anwei.core.periods import Period, PeriodUnit, due
from anwei.orgs.models import Agency


def result_due(plan, agency=None) -> dt.date:
    """The plan's result deadline for one agency (the plan's own agency when none is given)."""
    return due(plan.period_end, Period(plan.result_workdays, PeriodUnit.WORKDAYS), agency or plan.agency)


def result_dues(plan, agency_ids) -> dict[int, dt.date]:
    """The plan's result deadline for each agency: two queries (the agencies' paths, the overrides of the span)."""
    paths = dict(Agency.objects.filter(pk__in=list(agency_ids)).values_list("pk", "path"))
    if not paths:
        return {}
    start, n = plan.period_end, plan.result_workdays
    calendars = workdays.Calendars(start, start + dt.timedelta(days=n * 3 + 40))  # as workday_add's first window
    return {pk: calendars.for_scope(path).add(start, n) for pk, path in paths.items()}


def letter_dues(letter, agency_ids) -> dict[int, dt.date]:
    """Each recipient agency's result deadline under a letter. The date the letter states (`letter.due`) is the
    sender's count; while it is that count (or empty), every recipient counts in its own calendar. A date the
    officer typed in differs from it and binds every recipient alike."""
    computed = letter.due is None or letter.due == result_due(letter.plan, letter.agency)
    if not computed:
        return {pk: letter.due for pk in agency_ids}
    return result_dues(letter.plan, agency_ids)
