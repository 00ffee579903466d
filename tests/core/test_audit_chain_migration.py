"""A database written with one audit chain keeps verifying after the move to one chain per county."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from anwei.core.audit import GENESIS, _digest, audit_record, audit_verify
from anwei.orgs.services import agency_create

BEFORE = [("core", "0005_data_version_scopes")]


@pytest.mark.django_db(transaction=True)
def test_the_single_chain_verifies_as_chain_legacy_and_new_rows_start_county_chains():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("core")
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Entry, Head = old.get_model("core", "AuditEntry"), old.get_model("core", "AuditHead")
    prev = GENESIS
    for n in range(3):  # written the way the single chain was
        fields = dict(at=dt.datetime(2026, 1, 1 + n, tzinfo=dt.timezone.utc), actor_id=None, actor_label="系統",
                      agency_id=None, action="legacy.change", object_type="core.calendaroverride",
                      object_id=str(n), object_label=f"舊紀錄{n}", before=None, after={"n": n})
        digest = _digest(prev, SimpleNamespace(chain="", **fields))
        Entry.objects.create(prev_digest=prev, digest=digest, **fields)
        prev = digest
    Head.objects.create(id=1, last_digest=prev, count=3)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)

    verdict = audit_verify()
    assert verdict.ok and verdict.checked == 3
    agency = agency_create(actor=None, name="遷移後機關")
    with transaction.atomic():
        audit_record(actor=None, action="after.change", obj=agency)
    verdict = audit_verify()
    assert verdict.ok and verdict.checked == 5
