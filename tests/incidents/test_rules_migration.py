"""Notification chains now pass down the agency tree (a superior's row is its subtree's default). A database made by
the previous version, where each agency used its own rows and the nationwide ones, migrates with every agency's
chain unchanged."""

import datetime as dt

import pytest

from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction


def _old_rows(apps) -> dict:
    Rule = apps.get_model("incidents", "ChainRule")
    city, bureau, sibling = agency_tree(apps, "舊版測試市政府", "舊版測試局", "舊版測試處")
    rule = dict(category="security", party="superior_ethics")
    Rule.objects.create(agency=None, period_kind="hours", amount=24, starts_on=dt.date(2019, 1, 1), **rule)
    Rule.objects.create(agency=city, period_kind="immediate", amount=30, starts_on=dt.date(2024, 1, 1), **rule)
    Rule.objects.create(agency=bureau, period_kind="hours", amount=2, starts_on=dt.date(2023, 1, 1), **rule)
    Rule.objects.create(agency=city, category="security", party="investigation", period_kind="hours", amount=24,
                        starts_on=dt.date(2024, 1, 1))
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def test_each_agency_keeps_the_chain_it_had():
    from anwei.incidents.selectors import chain_in_force
    from anwei.orgs.models import Agency

    pks = with_old("incidents", "0004_calendar_days_period", _old_rows)
    city, bureau, sibling = (Agency.objects.get(pk=pks[k]) for k in ("city", "bureau", "sibling"))

    def chain(agency):
        # The parties the old rows name (the nationwide defaults name others, unchanged by this migration).
        return {r.party: r.period_text() for r in chain_in_force(agency=agency, category="security",
                                                                  on=dt.date(2024, 6, 1))
                if r.party in ("superior_ethics", "investigation")}

    assert chain(city) == {"superior_ethics": "立即（30分鐘內）", "investigation": "24小時內（鐘點計算）"}
    assert chain(bureau) == {"superior_ethics": "2小時內（鐘點計算）"}  # the city's rows did not reach it before
    assert chain(sibling) == {"superior_ethics": "24小時內（鐘點計算）"}
