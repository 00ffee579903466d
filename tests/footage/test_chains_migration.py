"""Approval chains now pass down the agency tree (a superior's chain is its subtree's default). A database made by the
previous version, where each agency used only its own chains (else the system default), migrates with every agency's
chain unchanged on every date and for every kind of request."""

import datetime as dt

import pytest

from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

DAYS = [dt.date(2019, 1, 1), dt.date(2020, 6, 1), dt.date(2023, 6, 1), dt.date(2024, 1, 1), dt.date(2024, 6, 1),
        dt.date(2025, 1, 1), dt.date(2025, 6, 1), dt.date(2027, 1, 1)]
KINDS = ["internal", "external", "judicial"]


def _old_rows(apps) -> dict:
    Chain = apps.get_model("footage", "ApprovalChain")
    Step = apps.get_model("footage", "ApprovalStep")
    city, bureau, sibling = agency_tree(apps, "舊版測試市政府", "舊版測試局", "舊版測試處")

    def chain(agency, start, steps, kind="", end=None):
        c = Chain.objects.create(agency=agency, name="舊流程", request_kind=kind, effective_from=start,
                                 effective_to=end)
        for i, (role, label) in enumerate(steps, start=1):
            Step.objects.create(chain=c, order=i, role=role, label=label)

    chain(city, dt.date(2019, 10, 2), [("ethics", "市府政風處"), ("agency_head", "市長")])
    chain(city, dt.date(2024, 1, 1), [("managing_head", "市府秘書處長")], kind="judicial", end=dt.date(2024, 12, 31))
    chain(bureau, dt.date(2020, 1, 1), [("unit_head", "科長"), ("agency_head", "局長")])
    chain(bureau, dt.date(2023, 1, 1), [("managing_head", "秘書室主任")], kind="external")
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def _old_lookup(agency_id, kind, on):
    """What the previous version gave: the agency's own chains only (written out here as it was)."""
    from anwei.footage.models import ApprovalChain
    from anwei.footage.selectors import DEFAULT_CHAIN

    found = [c for c in ApprovalChain.objects.filter(agency_id=agency_id, effective_from__lte=on)
             if (c.effective_to is None or c.effective_to >= on) and c.request_kind in (kind, "")
             and not c.name.startswith("沿用")]
    if not found:
        return list(DEFAULT_CHAIN)
    best = max(found, key=lambda c: (c.request_kind == kind, c.effective_from, -c.pk))
    return [(s.role, s.label) for s in best.steps.order_by("order")] or list(DEFAULT_CHAIN)


def test_each_agency_keeps_the_chain_it_had():
    from anwei.footage.selectors import DEFAULT_CHAIN, chain_steps_for
    from anwei.orgs.models import Agency

    pks = with_old("footage", "0003_retention_rules_tree", _old_rows)
    for name, pk in pks.items():
        agency = Agency.objects.get(pk=pk)
        for on in DAYS:
            for kind in KINDS:
                assert chain_steps_for(agency=agency, kind=kind, on=on) == _old_lookup(pk, kind, on), (name, on, kind)
    bureau, sibling = (Agency.objects.get(pk=pks[k]) for k in ("bureau", "sibling"))
    # Spelled out: the city's judicial chain of 2024 did not reach the bureau, nor the city's chain the sibling.
    assert chain_steps_for(agency=bureau, kind="judicial", on=dt.date(2024, 6, 1)) == [
        ("unit_head", "科長"), ("agency_head", "局長")]
    assert chain_steps_for(agency=bureau, kind="external", on=dt.date(2024, 6, 1)) == [("managing_head", "秘書室主任")]
    assert chain_steps_for(agency=sibling, kind="internal", on=dt.date(2024, 6, 1)) == DEFAULT_CHAIN
