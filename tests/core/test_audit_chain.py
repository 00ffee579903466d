import pytest
from django.core.management import call_command
from django.db import transaction

from anwei.core.audit import audit_record, audit_verify
from anwei.core.models import AuditEntry
from anwei.orgs.services import agency_create, unit_create


@pytest.fixture
def chain(db):
    agency = agency_create(actor=None, name="稽核測試局")
    for name in ["一科", "二科", "三科"]:
        unit_create(actor=None, agency=agency, name=name)
    return agency


def test_services_write_who_what_before_after(chain):
    entry = AuditEntry.objects.filter(action="unit.create").last()
    assert entry.object_type == "orgs.unit"
    assert entry.after["name"] == "三科"
    assert entry.agency_id == chain.pk
    assert entry.actor_label == "系統"


def test_intact_chain_verifies(chain, capsys):
    assert audit_verify().ok
    call_command("verify_audit")
    assert "雜湊鏈無誤" in capsys.readouterr().out


def test_edit_in_the_database_is_detected_at_that_row(chain, capsys):
    victim = AuditEntry.objects.order_by("id")[1]
    AuditEntry.objects.filter(pk=victim.pk).update(after={"name": "竄改"})
    verdict = audit_verify()
    assert not verdict.ok and verdict.broken_id == victim.pk
    with pytest.raises(SystemExit) as exc:
        call_command("verify_audit")
    assert exc.value.code == 1
    assert f"#{victim.pk}" in capsys.readouterr().err


def test_deletion_in_the_middle_is_detected(chain):
    rows = list(AuditEntry.objects.order_by("id"))
    rows[1].delete()
    verdict = audit_verify()
    assert not verdict.ok and verdict.broken_id == rows[2].pk


def test_deletion_of_the_last_row_is_detected(chain):
    AuditEntry.objects.order_by("-id").first().delete()
    assert not audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_audit_outside_a_transaction_is_refused():
    agency = agency_create(actor=None, name="交易外測試局")
    with pytest.raises(RuntimeError):
        audit_record(actor=None, action="x", obj=agency)


def test_a_failed_change_leaves_no_audit_row(chain):
    count = AuditEntry.objects.count()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        unit_create(actor=None, agency=chain, name="四科")
        1 / 0
    assert AuditEntry.objects.count() == count
    assert audit_verify().ok
