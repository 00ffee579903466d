"""Footage rules now pass down the agency tree (a superior's row is its subtree's default). A database made by the
previous version, where each agency used only its own rows, migrates with every agency's rule unchanged."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from anwei.core.periods import Period

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

def _before() -> list[tuple[str, str]]:
    """Every app at its latest migration, footage before its rules joined the tree."""
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [n for n in leaves if n[0] != "footage"] + [("footage", "0002_rule_period_units_window_hold")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def _latest():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_rows(apps) -> dict:
    Agency = apps.get_model("orgs", "Agency")
    Rule = apps.get_model("footage", "RetentionRule")

    def agency(name, parent=None):
        a = Agency.objects.create(name=name)
        a.path = f"{parent.path if parent else ''}{a.pk:06d}."
        a.save()
        return a

    city = agency("舊版測試市政府")
    bureau, sibling = agency("舊版測試局", city), agency("舊版測試處", city)
    Rule.objects.create(agency=city, record="footage", days=90, effective_from=dt.date(2024, 1, 1))
    Rule.objects.create(agency=bureau, record="footage", days=30, effective_from=dt.date(2019, 10, 2))
    Rule.objects.create(agency=bureau, record="footage", days=60, effective_from=dt.date(2025, 1, 1))
    Rule.objects.create(agency=bureau, record="copy", days=2, unit="years", effective_from=dt.date(2020, 1, 1))
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def test_each_agency_keeps_the_rules_it_had():
    from anwei.footage.models import RetentionRule
    from anwei.footage.selectors import retention_period
    from anwei.orgs.models import Agency

    _latest()  # from wherever earlier tests left the schema: forwards first, then only backwards
    before = _before()
    _migrate(before)
    try:
        pks = _old_rows(MigrationExecutor(connection).loader.project_state(before).apps)
    finally:
        _latest()
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
