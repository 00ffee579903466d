"""This year's self-assessments that the summaries keep for the superior's board (summary.assessed_states) count what
the board's list of self-assessments shows (subordinate_assessments), through every change that moves them: a
superior's round asking its agencies, a unit's round, a form confirmed by the services, a round's deadline changed in
the admin, the day the page is read; a row kept for another year is counted live until the daily job."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from anwei.assessments import selectors as sa_selectors
from anwei.assessments import services as sa_services
from anwei.assessments.models import AssessmentRound, ChecklistTemplate
from anwei.core.audit import audit_record, snapshot
from anwei.dashboards import selectors, summary
from anwei.dashboards.models import AgencySummary
from anwei.dashboards.tasks import dashboards_summary_run
from tests.assessments import factories as sa_factories

pytestmark = pytest.mark.django_db

# round_create refuses a deadline before the real date: the test's year is the next one, mid-year
YEAR = timezone.localdate().year + 1
TODAY = dt.date(YEAR, 6, 30)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _listed(w, agency_id: int, today: dt.date = TODAY) -> tuple[int, int, int]:
    """(sent, due, overdue) as the list behind the board's figures counts them."""
    lines = selectors.subordinate_assessments(office=w.city, year=today.year, agency_id=agency_id, today=today)
    return tuple(sum(line.state == s for line in lines) for s in ("done", "due", "overdue"))


def _kept(agency_id: int, today: dt.date = TODAY) -> tuple[int, int, int] | None:
    return summary.assessed_states(summary.read([agency_id]), today.year, today).get(agency_id)


def _answers(form) -> dict:
    return {r.item_id: ({"verdict": "conform"} if r.answer_kind == "verdict" else
                        {"number": 0} if r.answer_kind == "number" else {"text": "無"})
            for r in sa_selectors.assessment_rows(form)}


def _superior_round(w, deadline: dt.date) -> AssessmentRound:
    """The city's office asks the bureau (as a whole) to fill its checklist."""
    sa_services.checklist_defaults_install(actor=w.superior, agency=w.city)
    templates = list(ChecklistTemplate.objects.filter(agency=w.city).order_by("order")[:1])
    return sa_services.round_create(actor=w.superior, agency=w.city, title="全市自評", deadline=deadline,
                                    templates=templates, agencies=[w.bureau])


def test_kept_self_assessments_follow_every_change(world):
    pk = world.bureau.pk
    assert _listed(world, pk) == (0, 0, 0)
    # a round of the city's office: the bureau's row moves though the round is the city's
    _superior_round(world, dt.date(YEAR, 7, 31))
    assert _kept(pk) == _listed(world, pk) == (0, 1, 0)
    # the bureau's own round for two units, one of them filled, sent and confirmed through the services
    form = sa_factories.assessment(world)  # (its deadline is a week after the real date: next year's round is ours)
    AssessmentRound.objects.filter(pk=form.round_id).update(deadline=dt.date(YEAR, 8, 15))
    summary.refresh([pk])  # (the update above is the test's own: no service, no audit)
    sa_services.assessment_save(actor=world.liaison, assessment=form, expected_version=form.version,
                                values=_answers(form))
    form.refresh_from_db()
    sa_services.assessment_send(actor=world.liaison, assessment=form, expected_version=form.version)
    sa_services.assessment_confirm(actor=world.unithead, assessment=form, expected_version=form.version)
    assert _kept(pk) == _listed(world, pk) == (1, 2, 0)
    # read after the deadlines, the same row counts the unsent forms overdue
    later = dt.date(YEAR, 12, 1)
    assert _kept(pk, later) == _listed(world, pk, later) == (1, 0, 2)


def test_a_deadline_changed_in_the_admin_moves_the_count(world):
    pk = world.bureau.pk
    rnd = _superior_round(world, dt.date(YEAR, 7, 31))
    assert _kept(pk) == (0, 1, 0)
    before = snapshot(rnd)
    AssessmentRound.objects.filter(pk=rnd.pk).update(deadline=dt.date(YEAR, 6, 1))
    rnd.refresh_from_db()
    # the admin audits the round, whose agency is the city's: the bureau is found by its form
    audit_record(actor=world.superior, action="admin.change", obj=rnd, agency=world.city, before=before,
                 after=snapshot(rnd))
    assert _kept(pk) == _listed(world, pk) == (0, 0, 1)


def test_a_row_of_another_year_is_counted_live_until_the_daily_job(world):
    pk = world.bureau.pk
    _superior_round(world, dt.date(YEAR, 7, 31))
    AgencySummary.objects.filter(agency_id=pk).update(assessed={"year": YEAR - 1, "rounds": []})
    assert _kept(pk) is None  # not trusted: the board counts this agency live
    board = selectors.superior_board(person=world.superior, office=world.city, offices=[world.city], year=YEAR)
    [row] = [r for r in board.rows if r.agency.pk == pk]
    assert (row.assessments_done, row.assessments_due, row.assessments_overdue) == _listed(world, pk) == (0, 1, 0)
    assert dashboards_summary_run.call() >= 1
    assert _kept(pk) == (0, 1, 0) and dashboards_summary_run.call() == 0
