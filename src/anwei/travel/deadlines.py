"""The travel deadlines, counted in government working days (core.workdays)."""

from __future__ import annotations

import datetime as dt

from anwei.core.workdays import workday_add


def apply_by(*, departure_on: dt.date, lead_workdays: int) -> dt.date:
    """The last filing day: the lead_workdays-th working day before departure."""
    return workday_add(departure_on, -lead_workdays)


def report_due(*, return_on: dt.date, report_workdays: int) -> dt.date:
    """The return report's due date: the report_workdays-th working day after the return date."""
    return workday_add(return_on, report_workdays)
