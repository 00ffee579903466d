"""A database made by the previous version migrates forward with today's rules unchanged: every duration
keeps its meaning (working days stay working days, calendar days stay calendar days), calendar overrides
stay nationwide, and a footage request still awaiting its decision gets the hold filing now places."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from anwei.core.periods import Period, PeriodUnit

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

BEFORE = [("core", "0007_audit_chain_seal"), ("travel", "0002_travelapplication_report_filed_and_more"),
          ("footage", "0001_initial"), ("plans", "0003_assignment_plans_assignment_open"),
          ("incidents", "0003_comment_answered")]


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def _latest():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_rows(apps) -> dict:
    get = apps.get_model
    agency = get("orgs", "Agency").objects.create(name="舊版測試局", path="000901.")
    unit = get("orgs", "Unit").objects.create(agency=agency, name="秘書室")
    get("core", "CalendarOverride").objects.create(date=dt.date(2024, 7, 25), is_workday=False,
                                                   reason="凱米颱風停止上班")
    travel = get("travel", "TravelRule").objects.create(kind="application_lead", working_days=5,
                                                        starts_on=dt.date(2020, 1, 1), declarations="聲明一")
    fs = get("footage", "FootageSettings").objects.create(agency=agency, managing_unit=unit, decision_days=30)
    retention = get("footage", "RetentionRule").objects.create(agency=agency, record="footage", days=30,
                                                               effective_from=dt.date(2019, 10, 2))
    now = timezone.now()
    window = now - dt.timedelta(days=3)
    req = get("footage", "FootageRequest").objects.create(
        agency=agency, number_year=115, number_serial=1, managing_unit=unit, window_start=window,
        window_end=window + dt.timedelta(hours=1), submitted_at=now, due_on=timezone.localdate() + dt.timedelta(days=30),
        status="pending")
    decided = get("footage", "FootageRequest").objects.create(
        agency=agency, number_year=115, number_serial=2, managing_unit=unit, window_start=window,
        window_end=window + dt.timedelta(hours=1), submitted_at=now, status="refused")
    template = get("plans", "PlanTemplate").objects.create(occasion="lunar_new_year", name="春節範本",
                                                           title_pattern="{agency}春節計畫", lead_days=4)
    return {"agency": agency.pk, "travel": travel.pk, "fs": fs.pk, "retention": retention.pk, "req": req.pk,
            "decided": decided.pk, "template": template.pk, "window": window}


def test_rules_written_by_the_previous_version_mean_what_they_meant():
    from anwei.core.models import CalendarOverride
    from anwei.core.workdays import is_workday, workday_add
    from anwei.footage.models import FootageSettings, RetentionRule, WindowHold
    from anwei.orgs.models import Agency
    from anwei.plans.models import PlanTemplate
    from anwei.travel.deadlines import apply_by
    from anwei.travel.models import TravelRule

    _latest()  # from wherever earlier tests left the schema: forwards first, then only backwards
    _migrate(BEFORE)
    try:
        pks = _old_rows(MigrationExecutor(connection).loader.project_state(BEFORE).apps)
    finally:
        _latest()

    rule = TravelRule.objects.get(pk=pks["travel"])
    assert rule.period == Period(5, PeriodUnit.WORKDAYS)
    departure = dt.date(2024, 2, 15)
    assert apply_by(departure_on=departure, period=rule.period) == workday_add(departure, -5) == dt.date(2024, 2, 1)
    assert FootageSettings.objects.get(pk=pks["fs"]).decision_period == Period(30, PeriodUnit.DAYS)
    assert RetentionRule.objects.get(pk=pks["retention"]).period == Period(30, PeriodUnit.DAYS)
    assert PlanTemplate.objects.get(pk=pks["template"]).lead_period == Period(4, PeriodUnit.DAYS)
    override = CalendarOverride.objects.get(date=dt.date(2024, 7, 25))
    assert override.scope_path == "" and override.applies_to("000901.")
    agency = Agency.objects.get(pk=pks["agency"])
    assert not is_workday(dt.date(2024, 7, 25), agency.path)  # still closed for every agency

    hold = WindowHold.objects.get(request_id=pks["req"])
    assert hold.active and hold.overwrite_on == timezone.localtime(pks["window"]).date() + dt.timedelta(days=30)
    assert not WindowHold.objects.filter(request_id=pks["decided"]).exists()  # decided: nothing to hold
