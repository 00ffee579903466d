"""Reads: an agency's duties with their last and next dates, through the policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Q
from django.http import Http404

from anwei.core.periods import PeriodUnit, due
from anwei.core.workdays import Calendars
from anwei.duties.models import DutyDone, RecurringDuty
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person


@dataclass(frozen=True)
class DutyState:
    duty: RecurringDuty
    last_done: dt.date | None
    next_due: dt.date

    def overdue(self, today: dt.date) -> bool:
        return self.next_due < today

    def state(self, today: dt.date) -> str:
        """overdue; due (within a month of its date, or never done yet and not late); done (done within its
        period and not due for more than a month)."""
        if self.overdue(today):
            return "overdue"
        if self.last_done is None or self.next_due - today <= NOTICE:
            return "due"
        return "done"


NOTICE = dt.timedelta(days=30)  # a duty shows as coming due (and on the to-do list) a month before its date
STATE_LABELS = {"done": "如期辦理", "due": "待辦理", "overdue": "已逾期"}


def next_due(duty: RecurringDuty, last_done: dt.date | None, calendars: Calendars | None = None) -> dt.date:
    """One period after it was last done, the first time one period after the start (agency's calendar)."""
    return due(last_done or duty.starts_on, duty.period, duty.agency, calendars=calendars)


def states(duties: list[RecurringDuty]) -> list[DutyState]:
    """Each duty with its last and next dates: one query for the latest records, one for every agency's calendar
    when some duty counts working days — not one per duty."""
    latest = dict(DutyDone.objects.filter(duty__in=duties).values("duty").annotate(last=Max("done_on"))
                  .values_list("duty", "last"))
    counted = [(latest.get(d.pk) or d.starts_on, d.every) for d in duties if d.unit == PeriodUnit.WORKDAYS]
    calendars = Calendars(min(day for day, _ in counted),
                          max(day + dt.timedelta(days=n * 3 + 40) for day, n in counted)) if counted else None
    return [DutyState(d, latest.get(d.pk), next_due(d, latest.get(d.pk), calendars)) for d in duties]


def active_duties(*, agency_ids: list[int] | None, today: dt.date) -> list[RecurringDuty]:
    qs = RecurringDuty.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=today), starts_on__lte=today)
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids)
    return list(qs.select_related("agency").order_by("agency_id", "kind", "id"))


def duty_list(*, person: Person, agency: Agency) -> list[RecurringDuty]:
    if not policy.may(person, "duties.manage", agency):
        raise Http404("找不到此頁面")
    return list(RecurringDuty.objects.filter(agency=agency).select_related("agency").order_by("ends_on", "kind", "id"))


def duty_get(*, person: Person, pk: int) -> RecurringDuty:
    duty = RecurringDuty.objects.select_related("agency").filter(pk=pk).first()
    if duty is None or not policy.may(person, "duties.manage", duty.agency):
        raise Http404("找不到此定期工作")
    return duty


def done_list(duty: RecurringDuty) -> list[DutyDone]:
    return list(duty.done.select_related("recorded_by")[:20])
