"""Reminder rules now pass down the agency tree (a superior's row is its subtree's default, and a row of one kind
anywhere along the line goes before the rows for all kinds). A database made by the previous version, where each
agency used only its own rows, migrates with every agency's rule unchanged."""

import datetime as dt

import pytest

from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

PROGRESS, REVIEW = "tracking.progress", "tracking.review"


def _old_rows(apps) -> dict:
    Rule = apps.get_model("notifications", "ReminderRule")
    city, bureau, sibling = agency_tree(apps, "舊版測試市政府", "舊版測試局", "舊版測試處")

    def row(agency, day, kind="", **days):
        Rule.objects.create(agency=agency, kind=kind, effective_from=day, **days)

    row(city, dt.date(2024, 1, 1), remind_before=5)  # the city's own, for all kinds
    row(city, dt.date(2024, 3, 1), kind=PROGRESS, remind_before=7)
    row(bureau, dt.date(2023, 6, 1), kind=REVIEW, remind_before=1)
    row(bureau, dt.date(2024, 5, 1), remind_before=3)  # the bureau's own for all kinds, after the city's PROGRESS
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def test_each_agency_keeps_the_rules_it_had():
    from anwei.notifications.models import ReminderRule
    from anwei.notifications.rules import rule_in_force
    from anwei.orgs.models import Agency

    pks = with_old("notifications", "0003_announced_stage", _old_rows)
    city, bureau, sibling = (Agency.objects.get(pk=pks[k]) for k in ("city", "bureau", "sibling"))

    def before(agency, kind, on):
        return rule_in_force(agency, kind, on).remind_before

    assert before(city, PROGRESS, dt.date(2024, 2, 1)) == 5
    assert before(city, PROGRESS, dt.date(2024, 4, 1)) == 7
    # The bureau used the defaults, then its own rule for all kinds; never the city's.
    assert before(bureau, PROGRESS, dt.date(2024, 2, 1)) == 2
    assert before(bureau, PROGRESS, dt.date(2024, 4, 1)) == 2
    assert before(bureau, PROGRESS, dt.date(2024, 6, 1)) == 3
    assert before(bureau, "plans.results", dt.date(2024, 2, 1)) == 2
    assert before(bureau, "plans.results", dt.date(2024, 6, 1)) == 3
    assert before(bureau, REVIEW, dt.date(2024, 6, 1)) == 1
    for on in (dt.date(2023, 12, 1), dt.date(2024, 2, 1), dt.date(2024, 4, 1), dt.date(2024, 6, 1)):
        assert before(sibling, PROGRESS, on) == before(sibling, REVIEW, on) == 2  # the defaults it used
    copy = rule_in_force(sibling, PROGRESS, dt.date(2024, 4, 1))
    assert (copy.agency_id, copy.escalate_agency_after, copy.note.startswith("沿用本機關原適用")) == (sibling.pk, 10, True)
    assert not ReminderRule.objects.filter(fixed=True).exists()
