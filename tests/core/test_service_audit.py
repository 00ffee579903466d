"""A service that changes data without an audit row is refused and rolled back (core.service)."""

import datetime as dt

import pytest

from anwei.core.audit import audit_record, snapshot
from anwei.core.models import AuditEntry, CalendarOverride
from anwei.core.service import AuditMissing, service

DAY = dt.date(2024, 7, 25)


@service
def _override_add_audited(*, reason: str) -> CalendarOverride:
    o = CalendarOverride.objects.create(date=DAY, is_workday=False, reason=reason)
    audit_record(actor=None, action="test.override_add", obj=o, after=snapshot(o))
    return o


@service
def _override_add_forgetful(*, reason: str) -> CalendarOverride:
    return CalendarOverride.objects.create(date=DAY, is_workday=False, reason=reason)


@service
def _override_bulk_forgetful() -> int:
    return CalendarOverride.objects.filter(date=DAY).update(reason="改過")


@service
def _outer_audited_inner_forgetful() -> None:
    o = CalendarOverride.objects.create(date=DAY + dt.timedelta(days=1), is_workday=False, reason="外層")
    audit_record(actor=None, action="test.outer", obj=o)
    _override_add_forgetful(reason="內層")


@service
def _nothing_to_do() -> None:
    CalendarOverride.objects.filter(date=DAY).exists()


pytestmark = pytest.mark.django_db


def test_an_audited_write_passes():
    _override_add_audited(reason="颱風")
    assert CalendarOverride.objects.filter(date=DAY).exists()
    assert AuditEntry.objects.filter(action="test.override_add").count() == 1


def test_a_write_without_audit_is_refused_and_rolled_back():
    with pytest.raises(AuditMissing, match="_override_add_forgetful"):
        _override_add_forgetful(reason="颱風")
    assert not CalendarOverride.objects.filter(date=DAY).exists()


def test_a_bulk_update_without_audit_is_refused():
    CalendarOverride.objects.create(date=DAY, is_workday=False, reason="原因")
    with pytest.raises(AuditMissing):
        _override_bulk_forgetful()
    assert CalendarOverride.objects.get(date=DAY).reason == "原因"


def test_an_inner_service_is_checked_on_its_own():
    with pytest.raises(AuditMissing, match="_override_add_forgetful"):
        _outer_audited_inner_forgetful()
    assert not CalendarOverride.objects.exists()  # the outer change goes too
    assert not AuditEntry.objects.filter(action="test.outer").exists()


def test_a_service_that_changes_nothing_needs_no_row():
    _nothing_to_do()
