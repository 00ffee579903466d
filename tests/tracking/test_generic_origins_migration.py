"""A database from before tracking stopped knowing meetings keeps every item's meeting, ruling and source,
and every round's meeting, as generic references."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("tracking", "0002_tracked_item_in_packet"), ("meetings", "0003_agendaitem_ruling_version"),
          ("orgs", "0001_initial"), ("inspections", "0002_finding_dailycheck_version")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_meetings_rulings_and_sources_survive_as_generic_references():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE).loader.project_state(BEFORE).apps
    Agency, Meeting = old.get_model("orgs", "Agency"), old.get_model("meetings", "SecurityMeeting")
    Ruling, Item, Round = old.get_model("meetings", "Ruling"), old.get_model("tracking", "TrackedItem"), \
        old.get_model("tracking", "ProgressRound")
    agency = Agency.objects.create(name="遷移測試局", path="000001.")
    m1 = Meeting.objects.create(agency=agency, roc_year=108, sequence=1, date=dt.date(2019, 4, 24))
    m2 = Meeting.objects.create(agency=agency, roc_year=108, sequence=2, date=dt.date(2019, 10, 2))
    ruling = Ruling.objects.create(meeting=m1, text="請秘書室研擬門禁管制規定。", actionable=True)
    given = Item.objects.create(agency=agency, source_kind="directive", source_meeting=m1, source_ruling=ruling,
                                origin_label="108年第1次會議", roc_year=108, number=1, text=ruling.text)
    found = Item.objects.create(agency=agency, source_kind="deficiency", source_ref="inspections.finding:7",
                                origin_label="108年5月安全狀況檢查", roc_year=108, number=1, text="機房門未上鎖。")
    rnd = Round.objects.create(agency=agency, meeting=m2, title="108年第2次會議執行情形填報",
                               deadline=dt.date(2019, 9, 20))

    _migrate(latest)

    from anwei.meetings.models import Ruling as NewRuling
    from anwei.meetings.models import SecurityMeeting
    from anwei.tracking.models import ProgressRound, TrackedItem
    from anwei.tracking.selectors import round_for

    item = TrackedItem.objects.get(pk=given.pk)
    assert item.origin == SecurityMeeting.objects.get(pk=m1.pk) and item.origin_date == dt.date(2019, 4, 24)
    assert item.source == NewRuling.objects.get(pk=ruling.pk)
    assert list(NewRuling.objects.get(pk=ruling.pk).tracked_items.all()) == [item]
    assert list(SecurityMeeting.objects.get(pk=m1.pk).tracked_items.all()) == [item]
    deficiency = TrackedItem.objects.get(pk=found.pk)
    assert (deficiency.source_type.app_label, deficiency.source_type.model, deficiency.source_id) == (
        "inspections", "finding", 7)
    assert deficiency.origin_id is None and not deficiency.shows_in_packet()
    assert round_for(SecurityMeeting.objects.get(pk=m2.pk)) == ProgressRound.objects.get(pk=rnd.pk)
    assert ProgressRound.objects.get(pk=rnd.pk).target_date == dt.date(2019, 10, 2)
