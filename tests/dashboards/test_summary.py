"""The per-agency summaries the superior's dashboard reads stay equal to the live counts: each change moves them in
its own transaction, and `anwei dashboards_rebuild` makes the same rows from the records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from anwei.dashboards import summary
from anwei.dashboards.models import AgencySummary
from anwei.meetings.models import SecurityMeeting
from anwei.submissions.models import Submission
from anwei.tracking.models import TrackedItem
from anwei.tracking.services import tracked_item_create, tracked_item_decide, tracked_item_delete, tracked_item_update
from tests.submissions import factories as sf

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 6, 30)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _item(w, due):
    return tracked_item_create(actor=w.officer, agency=w.bureau, source_kind=TrackedItem.Source.OTHER, text="事項",
                               lead_unit=w.units["秘書室"], due_date=due, origin_label="測試", roc_year=112)


def _live(agency_id: int) -> tuple[int, dict, dict]:
    overdue = TrackedItem.objects.filter(agency_id=agency_id, status__in=summary.OPEN, due_date__lt=TODAY).count()
    meetings = {}
    for m in SecurityMeeting.objects.filter(agency_id=agency_id, date__lte=TODAY):
        meetings[m.date.year] = meetings.get(m.date.year, 0) + 1
    filings = {}
    for s in Submission.objects.filter(agency_id=agency_id):
        year = s.first_sent_at.astimezone().year
        filings[year] = filings.get(year, 0) + 1
    return overdue, meetings, filings


def _kept(agency_id: int) -> tuple[int, dict, dict]:
    rows = summary.read([agency_id])
    return (summary.overdue_items(rows, TODAY).get(agency_id, 0), *summary.years(rows, 2000, TODAY))


def test_changes_move_the_summary_and_a_rebuild_agrees(world):
    late, soon, other = _item(world, dt.date(2023, 5, 1)), _item(world, dt.date(2023, 9, 1)), _item(world, None)
    _item(world, dt.date(2023, 1, 2))
    sf.minutes_sent(world, dt.date(2023, 3, 10))
    sf.meeting_held(world, dt.date(2022, 11, 2))
    assert _kept(world.bureau.pk) == _live(world.bureau.pk) == (2, {2022: 1, 2023: 1}, {2023: 1})
    # a due date moved into the past, an item released, one deleted: each in its own service's transaction
    tracked_item_update(actor=world.officer, item=soon, expected_version=soon.version, text=soon.text,
                        lead_unit=soon.lead_unit, all_units=False, co_units=[], due_date=dt.date(2023, 6, 1))
    tracked_item_decide(actor=world.officer, item=late, decision="release", note="已改善")
    tracked_item_delete(actor=world.officer, item=other)
    assert _kept(world.bureau.pk) == _live(world.bureau.pk) == (2, {2022: 1, 2023: 1}, {2023: 1})
    kept = {r.agency_id: (r.open_due, r.meetings, r.filings) for r in AgencySummary.objects.all()}
    AgencySummary.objects.all().delete()
    call_command("dashboards_rebuild")
    assert {r.agency_id: (r.open_due, r.meetings, r.filings) for r in AgencySummary.objects.filter(
        agency_id__in=kept)} == kept
    assert _kept(world.bureau.pk) == _live(world.bureau.pk)
