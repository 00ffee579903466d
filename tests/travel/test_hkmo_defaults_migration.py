"""Migration 0004 sets the Hong Kong and Macau defaults to the published rule (行政院及所屬各機關（構）人員赴香港或澳門
注意事項 第3點、第4點, 行政院114年9月10日院臺法字第1141019811號函修正: 出境日3日前; 會見或聯繫特定身分人員出境日1週前;
臨時會見返回臺灣後1週內) on a database made by the previous version: only the nationwide rows still equal to the
placeholders change; an administrator's edited row and an agency's own row keep what they say."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from anwei.core.periods import Period, PeriodUnit
from anwei.travel import defaults

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

BEFORE = [("travel", "0003_rule_periods_conditions_hkmo")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def _latest():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_rows(apps) -> dict:
    Rule = apps.get_model("travel", "TravelRule")
    Rule.objects.filter(kind__startswith="hkmo_").delete()
    agency = apps.get_model("orgs", "Agency").objects.create(name="舊版測試局", path="000902.")
    ids = {}
    for kind, amount, approval, declarations, note in defaults.HKMO_PLACEHOLDERS:
        ids[kind] = Rule.objects.create(kind=kind, working_days=amount, unit="workdays", starts_on=defaults.DEFAULT_START,
                                        approval=approval, declarations="\n".join(declarations), note=note,
                                        basis=defaults.HKMO_PLACEHOLDER_BASIS).pk
    edited = Rule.objects.get(pk=ids["hkmo_meeting"])
    edited.working_days = 10  # an administrator set the agency tree's own number: not a placeholder any more
    edited.save()
    _kind, amount, approval, declarations, note = defaults.HKMO_PLACEHOLDERS[0]
    ids["own"] = Rule.objects.create(kind="hkmo_notice", agency=agency, working_days=amount, unit="workdays",
                                     starts_on=defaults.DEFAULT_START, note=note).pk
    return ids


def test_placeholder_rows_become_the_published_rule_and_edited_rows_stay():
    from anwei.travel.models import TravelRule

    _latest()
    _migrate(BEFORE)
    try:
        ids = _old_rows(MigrationExecutor(connection).loader.project_state(BEFORE).apps)
    finally:
        _latest()

    notice = TravelRule.objects.get(pk=ids["hkmo_notice"])
    assert notice.period == Period(3, PeriodUnit.DAYS) and "出境日3日前" in notice.note
    assert "1141019811" in notice.basis and "動態登錄系統" in notice.declarations
    unplanned = TravelRule.objects.get(pk=ids["hkmo_unplanned"])
    assert unplanned.period == Period(1, PeriodUnit.WEEKS) and "返回臺灣後1週內" in unplanned.note
    assert TravelRule.objects.get(pk=ids["hkmo_meeting"]).period == Period(10, PeriodUnit.WORKDAYS)
    assert TravelRule.objects.get(pk=ids["own"]).period == Period(1, PeriodUnit.WORKDAYS)


def test_a_new_database_seeds_the_published_rule(db):
    from anwei.travel import services
    from anwei.travel.models import TravelRule

    TravelRule.objects.all().delete()
    services.travel_rules_seed_defaults()
    rows = {r.kind: r for r in TravelRule.objects.filter(kind__startswith="hkmo_")}
    assert {k: r.period for k, r in rows.items()} == {
        "hkmo_notice": Period(3, PeriodUnit.DAYS), "hkmo_meeting": Period(1, PeriodUnit.WEEKS),
        "hkmo_unplanned": Period(1, PeriodUnit.WEEKS)}
    assert TravelRule.objects.get(kind="application_lead").period == Period(5, PeriodUnit.WORKDAYS)
