"""Writes: each a @service with its audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.periods import PeriodUnit
from anwei.core.service import service
from anwei.duties.models import DutyDone, Kind, RecurringDuty
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person

UNITS = (PeriodUnit.WEEKS, PeriodUnit.MONTHS, PeriodUnit.YEARS, PeriodUnit.DAYS, PeriodUnit.WORKDAYS)


@dataclass(frozen=True)
class DutyInput:
    kind: str
    name: str
    every: int
    unit: str
    starts_on: dt.date
    basis: str = ""


def _may(actor: Person, agency: Agency) -> None:
    if not policy.may(actor, "duties.manage", agency):
        raise ValidationError("只有本機關的政風人員可以管理本機關的定期工作。")


@service
def duty_create(*, actor: Person, agency: Agency, data: DutyInput) -> RecurringDuty:
    _may(actor, agency)
    if data.kind not in Kind.values:
        raise ValidationError({"kind": "請選擇類別。"})
    if not data.name.strip():
        raise ValidationError({"name": "請填寫名稱。"})
    if data.unit not in UNITS:
        raise ValidationError({"unit": "請選擇週、月、年或日。"})
    if not 0 < data.every <= 400:
        raise ValidationError({"every": "期間應為1至400。"})
    duty = RecurringDuty.objects.create(agency=agency, kind=data.kind, name=data.name.strip(), every=data.every,
                                        unit=data.unit, starts_on=data.starts_on, basis=data.basis.strip(),
                                        created_by=actor)
    audit_record(actor=actor, action="duties.create", obj=duty, agency=agency, after=snapshot(duty))
    return duty


@service
def duty_done_record(*, actor: Person, duty: RecurringDuty, done_on: dt.date, note: str, today: dt.date) -> DutyDone:
    """Record that the duty was done; the next one falls due one period later."""
    _may(actor, duty.agency)
    if done_on > today:
        raise ValidationError({"done_on": "辦理日期不能晚於今天。"})
    if done_on < duty.starts_on:
        raise ValidationError({"done_on": "辦理日期不能早於起算日。"})
    done = DutyDone.objects.create(duty=duty, done_on=done_on, note=note.strip(), recorded_by=actor)
    audit_record(actor=actor, action="duties.done", obj=done, agency=duty.agency, after=snapshot(done))
    return done


@service
def duty_stop(*, actor: Person, duty: RecurringDuty, ends_on: dt.date, expected_version: int) -> RecurringDuty:
    """Stop a duty from a date (a changed rule: stop this row and add the new one)."""
    _may(actor, duty.agency)
    if ends_on < duty.starts_on:
        raise ValidationError({"ends_on": "停止日不能早於起算日。"})
    before = snapshot(duty)
    version_bump(duty, expected_version)
    duty.ends_on = ends_on
    duty.save()
    audit_record(actor=actor, action="duties.stop", obj=duty, agency=duty.agency, before=before, after=snapshot(duty))
    return duty
