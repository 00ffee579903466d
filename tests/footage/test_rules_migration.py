"""Footage rules now pass down the agency tree (a superior's row is its subtree's default). A database made by the
previous version, where each agency used only its own rows, migrates with every agency's rule unchanged."""

import datetime as dt

import pytest

from anwei.core.periods import Period
from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction


def _old_rows(apps) -> dict:
    Rule = apps.get_model("footage", "RetentionRule")
    city, bureau, sibling = agency_tree(apps, "舊版測試市政府", "舊版測試局", "舊版測試處")
    Rule.objects.create(agency=city, record="footage", days=90, effective_from=dt.date(2024, 1, 1))
    Rule.objects.create(agency=bureau, record="footage", days=30, effective_from=dt.date(2019, 10, 2))
    Rule.objects.create(agency=bureau, record="footage", days=60, effective_from=dt.date(2025, 1, 1))
    Rule.objects.create(agency=bureau, record="copy", days=2, unit="years", effective_from=dt.date(2020, 1, 1))
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def test_each_agency_keeps_the_rules_it_had():
    from anwei.footage.models import RetentionRule
    from anwei.footage.selectors import retention_period
    from anwei.orgs.models import Agency

    pks = with_old("footage", "0002_rule_period_units_window_hold", _old_rows)
    city, bureau, sibling = (Agency.objects.get(pk=pks[k]) for k in ("city", "bureau", "sibling"))

    def period(agency, on, record="footage"):
        return retention_period(agency=agency, record=record, on=on)

    assert period(city, dt.date(2024, 6, 1)) == Period(90, "days")
    assert period(bureau, dt.date(2023, 6, 1)) == Period(30, "days")
    assert period(bureau, dt.date(2024, 6, 1)) == Period(30, "days")  # the city's 90 days did not reach it before
    assert period(bureau, dt.date(2025, 6, 1)) == Period(60, "days")
    assert period(bureau, dt.date(2024, 6, 1), "copy") == Period(2, "years")
    assert period(sibling, dt.date(2024, 6, 1)) == Period(30, "days")  # the default it used
    assert period(sibling, dt.date(2023, 6, 1)) == Period(30, "days")
    assert not RetentionRule.objects.filter(fixed=True).exists()
