"""Someone with write access to the database cannot rewrite the audit history unseen: the chain ends
are sealed with a key kept outside the database, and written out to an anchor file that verify_audit
checks against — a rewritten chain, or one cut back to an earlier end, is reported."""

import json

import pytest
from django.core.management import call_command
from django.db import transaction

from anwei.core.audit import _digest, audit_anchor_write, audit_record, audit_verify, chain_of, chain_seal
from anwei.core.models import AuditChain, AuditEntry
from anwei.orgs.services import agency_create, unit_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    agency = agency_create(actor=None, name="封印測試局")
    for name in ("一科", "二科", "三科"):
        unit_create(actor=None, agency=agency, name=name)
    return agency


def _rechain(chain: str, *, seal_with_key: bool = False) -> None:
    """What an intruder with the code (and perhaps the key) would do after editing a row."""
    prev = "0" * 64
    rows = list(AuditEntry.objects.filter(chain=chain).order_by("id"))
    for row in rows:
        row.prev_digest = prev
        row.digest = _digest(prev, row)
        row.save(update_fields=["prev_digest", "digest"])
        prev = row.digest
    head = AuditChain.objects.get(chain=chain)
    head.last_digest, head.count = prev, len(rows)
    if seal_with_key:
        head.seal = chain_seal(chain, head.count, head.last_digest)
    head.save()


def test_a_rewritten_and_recomputed_chain_fails_its_seal(agency):
    chain = chain_of(agency)
    victim = AuditEntry.objects.filter(chain=chain).order_by("id")[1]
    AuditEntry.objects.filter(pk=victim.pk).update(after={"name": "竄改"})
    _rechain(chain)
    verdict = audit_verify()
    assert not verdict.ok and "封印" in verdict.reason and verdict.chain == chain


def test_the_seal_needs_the_key(agency, settings):
    assert audit_verify().ok
    settings.AUDIT_KEY = "another-key-than-the-one-that-sealed-it"
    assert not audit_verify().ok


def test_anchors_are_appended_only_for_chains_that_moved(agency, settings):
    assert audit_anchor_write() >= 1
    lines = settings.AUDIT_ANCHOR_FILE.read_text(encoding="utf-8").splitlines()
    assert audit_anchor_write() == 0  # nothing moved: nothing written
    unit_create(actor=None, agency=agency, name="四科")
    assert audit_anchor_write() == 1
    after = settings.AUDIT_ANCHOR_FILE.read_text(encoding="utf-8").splitlines()
    assert after[:len(lines)] == lines  # appended, never rewritten
    last = json.loads(after[-1])
    head = AuditChain.objects.get(chain=chain_of(agency))
    assert (last["chain"], last["count"], last["digest"]) == (head.chain, head.count, head.last_digest)


def test_a_chain_cut_back_to_an_earlier_sealed_end_is_found_by_the_anchor(agency):
    chain = chain_of(agency)
    earlier = AuditChain.objects.get(chain=chain)
    saved = (earlier.count, earlier.last_digest, earlier.seal)
    with transaction.atomic():
        audit_record(actor=None, action="unit.note", obj=agency, agency=agency)
    audit_anchor_write()
    # The intruder deletes the newest row and restores the end as it was sealed before it.
    AuditEntry.objects.filter(chain=chain).order_by("-id").first().delete()
    AuditChain.objects.filter(chain=chain).update(count=saved[0], last_digest=saved[1], seal=saved[2])
    verdict = audit_verify()
    assert not verdict.ok and "外部錨點" in verdict.reason


def test_a_rewrite_even_with_the_key_is_found_by_the_anchor(agency, capsys):
    chain = chain_of(agency)
    audit_anchor_write()
    victim = AuditEntry.objects.filter(chain=chain).order_by("id")[1]
    AuditEntry.objects.filter(pk=victim.pk).update(after={"name": "竄改"})
    _rechain(chain, seal_with_key=True)
    verdict = audit_verify()
    # every digest was recomputed: the first anchored row at or after the edit is where it shows
    assert not verdict.ok and verdict.broken_id >= victim.pk and "外部錨點" in verdict.reason
    with pytest.raises(SystemExit):
        call_command("verify_audit")
    assert "外部錨點" in capsys.readouterr().err
