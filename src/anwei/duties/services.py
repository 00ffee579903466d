"""Writes: each a @service with its audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.periods import PeriodUnit
from anwei.core.service import service
from anwei.duties import selectors
from anwei.duties.models import DutyDone, Kind, RecurringDuty, SubtreeDuty, SubtreeDutyDone, SubtreeDutyFrequency
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


@dataclass(frozen=True)
class DefaultInput(DutyInput):
    """A duty for the office's whole subtree; `fixed`: agencies below may not set their own frequency."""

    fixed: bool = False


def _may(actor: Person, agency: Agency) -> None:
    if not policy.may(actor, "duties.manage", agency):
        raise ValidationError("只有本機關的政風人員可以管理本機關的定期工作。")


def _check_frequency(every: int, unit: str) -> None:
    if unit not in UNITS:
        raise ValidationError({"unit": "請選擇週、月、年或日。"})
    if not 0 < every <= 400:
        raise ValidationError({"every": "期間應為1至400。"})


def _check(data: DutyInput) -> None:
    if data.kind not in Kind.values:
        raise ValidationError({"kind": "請選擇類別。"})
    if not data.name.strip():
        raise ValidationError({"name": "請填寫名稱。"})
    _check_frequency(data.every, data.unit)


@service
def duty_create(*, actor: Person, agency: Agency, data: DutyInput) -> RecurringDuty:
    _may(actor, agency)
    _check(data)
    duty = RecurringDuty.objects.create(agency=agency, kind=data.kind, name=data.name.strip(), every=data.every,
                                        unit=data.unit, starts_on=data.starts_on, basis=data.basis.strip(),
                                        created_by=actor)
    audit_record(actor=actor, action="duties.create", obj=duty, agency=agency, after=snapshot(duty))
    return duty


def _check_done(done_on: dt.date, starts_on: dt.date, today: dt.date) -> None:
    if done_on > today:
        raise ValidationError({"done_on": "辦理日期不能晚於今天。"})
    if done_on < starts_on:
        raise ValidationError({"done_on": "辦理日期不能早於起算日。"})


@service
def duty_done_record(*, actor: Person, duty: RecurringDuty, done_on: dt.date, note: str, today: dt.date) -> DutyDone:
    """Record that the duty was done; the next one falls due one period later."""
    _may(actor, duty.agency)
    _check_done(done_on, duty.starts_on, today)
    done = DutyDone.objects.create(duty=duty, done_on=done_on, note=note.strip(), recorded_by=actor)
    audit_record(actor=actor, action="duties.done", obj=done, agency=duty.agency, after=snapshot(done))
    return done


def _stop(actor: Person, duty, ends_on: dt.date, expected_version: int, action: str):
    if ends_on < duty.starts_on:
        raise ValidationError({"ends_on": "停止日不能早於起算日。"})
    before = snapshot(duty)
    version_bump(duty, expected_version)
    duty.ends_on = ends_on
    duty.save()
    audit_record(actor=actor, action=action, obj=duty, agency=duty.agency, before=before, after=snapshot(duty))
    return duty


@service
def duty_stop(*, actor: Person, duty: RecurringDuty, ends_on: dt.date, expected_version: int) -> RecurringDuty:
    """Stop a duty from a date (a changed rule: stop this row and add the new one)."""
    _may(actor, duty.agency)
    return _stop(actor, duty, ends_on, expected_version, "duties.stop")


# --- a superior office's duties for its subtree ---------------------------------------------------------------

def _may_set_defaults(actor: Person, agency: Agency) -> None:
    if not policy.may(actor, "duties.defaults.manage", agency):
        raise ValidationError("只有上級政風機構的政風人員可以訂定所屬機關共同適用的定期工作。")


@service
def default_create(*, actor: Person, agency: Agency, data: DefaultInput) -> SubtreeDuty:
    """The office's ethics officer sets a duty for its whole subtree (its own agency and every agency below it,
    also those added later); its first frequency row starts on the duty's start date."""
    _may_set_defaults(actor, agency)
    _check(data)
    if not selectors.has_subordinates(agency):
        raise ValidationError("本機關沒有所屬機關；本機關自己的定期工作請在「定期工作」頁新增。")
    duty = SubtreeDuty.objects.create(agency=agency, kind=data.kind, name=data.name.strip(), starts_on=data.starts_on,
                                      basis=data.basis.strip(), created_by=actor)
    frequency = SubtreeDutyFrequency.objects.create(duty=duty, agency=agency, every=data.every, unit=data.unit,
                                                    starts_on=data.starts_on, fixed=data.fixed, created_by=actor)
    audit_record(actor=actor, action="duties.default.create", obj=duty, agency=agency,
                 after={**snapshot(duty), "frequency": snapshot(frequency)})
    return duty


@service
def default_frequency_set(*, actor: Person, agency: Agency, duty: SubtreeDuty, every: int, unit: str,
                          starts_on: dt.date, today: dt.date, fixed: bool = False) -> SubtreeDutyFrequency:
    """From a date, how often the agency (and the agencies below it) must do a subtree duty: the office that set
    the duty changes its default (and may fix it); an agency below sets its own where the office did not fix it.
    Not before today: what was done counts under the frequency of its day."""
    owner = agency.pk == duty.agency_id
    if owner:
        _may_set_defaults(actor, agency)
    else:
        _may(actor, agency)
    if not agency.path.startswith(duty.agency.path):
        raise ValidationError("此定期工作不適用本機關。")
    _check_frequency(every, unit)
    if starts_on < max(today, duty.starts_on):
        raise ValidationError({"starts_on": "生效日不能早於今天或起算日：已辦理的依當時的頻率計算，頻率不溯及既往。"})
    if duty.ends_on is not None and starts_on >= duty.ends_on:
        raise ValidationError({"starts_on": "此定期工作自停止日起已停止，生效日應早於停止日。"})
    if fixed and not owner:
        raise ValidationError({"fixed": "只有訂定此定期工作的上級機關可以設定所屬機關不得另訂。"})
    locked = selectors.BOOK.locked_by(agency, str(duty.pk), starts_on)
    if locked is not None:
        raise ValidationError({"every": selectors.BOOK.locked_text(locked, duty.name) + "本機關只能登錄辦理情形。"})
    row = SubtreeDutyFrequency.objects.create(duty=duty, agency=agency, every=every, unit=unit, starts_on=starts_on,
                                              fixed=fixed, created_by=actor)
    audit_record(actor=actor, action="duties.default.frequency", obj=row, agency=agency, after=snapshot(row))
    return row


@service
def default_stop(*, actor: Person, duty: SubtreeDuty, ends_on: dt.date, expected_version: int) -> SubtreeDuty:
    """Stop a subtree duty from a date, for every agency of the subtree (their records stay)."""
    _may_set_defaults(actor, duty.agency)
    return _stop(actor, duty, ends_on, expected_version, "duties.default.stop")


@service
def default_done_record(*, actor: Person, agency: Agency, duty: SubtreeDuty, done_on: dt.date, note: str,
                        today: dt.date) -> SubtreeDutyDone:
    """Record that the agency did a subtree duty; its next one falls due one period later (its own records only:
    another agency's do not count for it)."""
    _may(actor, agency)
    if not agency.path.startswith(duty.agency.path):
        raise ValidationError("此定期工作不適用本機關。")
    _check_done(done_on, duty.starts_on, today)
    done = SubtreeDutyDone.objects.create(duty=duty, agency=agency, done_on=done_on, note=note.strip(),
                                          recorded_by=actor)
    audit_record(actor=actor, action="duties.default.done", obj=done, agency=agency, after=snapshot(done))
    return done
