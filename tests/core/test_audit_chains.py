"""One hash chain per top-level agency: unrelated writes do not queue, and verify walks them all."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from anwei.core.audit import audit_record, audit_verify, chain_of
from anwei.core.models import AuditChain, AuditEntry, StoredFile
from anwei.orgs.services import agency_create, unit_create
from tests.concurrent import postgresql_only


@pytest.fixture
def two_counties(db):
    north = agency_create(actor=None, name="北縣政府")
    north_bureau = agency_create(actor=None, name="北縣水利局", parent=north)
    south = agency_create(actor=None, name="南縣政府")
    unit_create(actor=None, agency=north_bureau, name="秘書室")
    unit_create(actor=None, agency=south, name="秘書室")
    return north, north_bureau, south


def test_a_county_and_everything_below_it_share_one_chain(two_counties):
    north, north_bureau, south = two_counties
    assert chain_of(north) == chain_of(north_bureau) != chain_of(south)
    assert chain_of(None) == "global"
    rows = AuditEntry.objects.filter(agency=north_bureau)
    assert rows and {r.chain for r in rows} == {chain_of(north)}
    assert AuditChain.objects.get(chain=chain_of(north)).count == AuditEntry.objects.filter(
        chain=chain_of(north)).count()


def test_each_chain_links_only_its_own_rows(two_counties):
    north, _, south = two_counties
    for chain in (chain_of(north), chain_of(south)):
        rows = list(AuditEntry.objects.filter(chain=chain).order_by("id"))
        assert rows[0].prev_digest == "0" * 64
        assert all(b.prev_digest == a.digest for a, b in zip(rows, rows[1:]))
    assert audit_verify().ok


def test_tampering_in_one_chain_is_named_and_the_others_still_checked(two_counties):
    north, _, south = two_counties
    victim = AuditEntry.objects.filter(chain=chain_of(south)).order_by("id").last()
    AuditEntry.objects.filter(pk=victim.pk).update(object_label="竄改")
    verdict = audit_verify()
    assert not verdict.ok and verdict.broken_id == victim.pk and verdict.chain == chain_of(south)
    assert verdict.checked == AuditEntry.objects.count() - 1  # every other row was walked


def test_deleting_a_chains_last_row_is_detected(two_counties):
    north, _, _ = two_counties
    AuditEntry.objects.filter(chain=chain_of(north)).order_by("-id").first().delete()
    verdict = audit_verify()
    assert not verdict.ok and verdict.chain == chain_of(north)


def test_deleting_a_whole_chain_with_its_head_row_is_detected(two_counties):
    _, _, south = two_counties
    AuditChain.objects.filter(chain=chain_of(south)).delete()
    assert not audit_verify().ok


def test_moving_a_row_into_another_chain_is_detected(two_counties):
    north, _, south = two_counties
    row = AuditEntry.objects.filter(chain=chain_of(north)).order_by("id").first()
    AuditEntry.objects.filter(pk=row.pk).update(chain=chain_of(south))
    assert not audit_verify().ok


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_write_in_one_county_does_not_wait_for_a_write_in_another():
    postgresql_only()
    north = agency_create(actor=None, name="北縣政府")
    south = agency_create(actor=None, name="南縣政府")
    # Rows of a domain app (changes to the tree and people move the global data version, which
    # every reader's pages depend on, so those do queue — by design, not by the audit).
    files = {a.pk: StoredFile.objects.create(agency=a, name="a.txt", content_type="text/plain", size=1, sha256="0",
                                             relpath=f"x/{a.pk}") for a in (north, south)}
    holding, finished = threading.Event(), {}

    def slow_north():
        try:
            with transaction.atomic():
                audit_record(actor=None, action="test.slow", obj=files[north.pk])  # holds north's chain row
                holding.set()
                time.sleep(2)
            finished["north"] = time.monotonic()
        finally:
            connections.close_all()

    def quick_south():
        try:
            holding.wait(10)
            with transaction.atomic():
                audit_record(actor=None, action="test.quick", obj=files[south.pk])
            finished["south"] = time.monotonic()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=slow_north), threading.Thread(target=quick_south)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert finished["south"] < finished["north"] - 1  # south did not queue behind north's lock
    connection.close()
    assert audit_verify().ok
