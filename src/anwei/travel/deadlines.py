"""The travel deadlines, counted by each rule's period (working days unless the rule says otherwise) in
the calendar of the traveller's agency (core.periods.due)."""

from __future__ import annotations

import datetime as dt

from anwei.core.periods import Period, PeriodUnit, due


def apply_by(*, departure_on: dt.date, lead_workdays: int | None = None, period: Period | None = None,
             agency=None) -> dt.date:
    """The last filing day: the lead period before departure."""
    return due(departure_on, period or Period(lead_workdays, PeriodUnit.WORKDAYS), agency, before=True)


def report_due(*, return_on: dt.date, report_workdays: int | None = None, period: Period | None = None,
               agency=None) -> dt.date:
    """The return report's due date: the report period after the return date."""
    return due(return_on, period or Period(report_workdays, PeriodUnit.WORKDAYS), agency)
