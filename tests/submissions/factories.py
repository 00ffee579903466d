"""Approvals and filings built through the services, for tests and the permission table."""

from __future__ import annotations

import datetime as dt

from anwei.meetings.services import meeting_create
from anwei.plans import services as plan_services
from anwei.submissions import services
from anwei.submissions.models import Kind
from tests.plans import factories as pf


def approval_required(w, agency=None):
    return services.approval_rule_set(actor=w.officer, agency=agency or w.bureau, required=True,
                                      effective_from=dt.date(2020, 1, 1))


def plan_with_letter(w, *, year: int = 112):
    pf.pattern_for(w.bureau)
    plan = pf.plan_make(w, year=year)
    letter = pf.letter_make(w, plan, main=pf.choice(units=[w.units["秘書室"]]))
    return plan, letter


def submitted_plan(w):
    approval_required(w)
    plan, _ = plan_with_letter(w)
    services.approval_submit(actor=w.officer, plan=plan, note="請核定")
    return plan


def meeting_held(w, on: dt.date = dt.date(2023, 3, 10)):
    return meeting_create(actor=w.officer, agency=w.bureau, date=on)


def minutes_sent(w, on: dt.date = dt.date(2023, 3, 10)):
    m = meeting_held(w, on)
    return services.submission_send(actor=w.officer, agency=w.bureau, kind=Kind.MINUTES, meeting=m, note="如附件")


def dispatched(w, plan, letter, on=dt.date(2023, 1, 10)):
    return plan_services.letter_dispatch(actor=w.officer, letter=letter, on=on)
