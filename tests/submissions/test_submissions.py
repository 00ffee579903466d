"""Filings up to the superior office (核備・備查): deadlines by rule, one inbox, acknowledged or returned,
counted as received, late or missing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from anwei.portal.obligations import obligation_providers
from anwei.submissions import selectors, services
from anwei.submissions.models import Kind, Submission
from tests.submissions import factories as f


@override_settings(ANWEI_TODAY="2023-03-13")
def test_minutes_go_up_and_the_superior_acknowledges(world):
    s = f.minutes_sent(world)
    assert s.office_id == world.city.pk and s.status == Submission.Status.SENT and not s.is_late
    assert list(selectors.inbox(person=world.superior)) == [s]
    assert not list(selectors.inbox(person=world.officer))
    with pytest.raises(ValidationError):  # sent once; again only after a return
        services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=s.meeting)
    with pytest.raises(ValidationError):
        services.submission_decide(actor=world.head, submission=s, expected_version=s.version, acknowledge=True)
    s = services.submission_decide(actor=world.superior, submission=s, expected_version=s.version, acknowledge=False,
                                   comment="請補附簽到簿")
    assert s.status == Submission.Status.RETURNED
    s = services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=s.meeting)
    s = services.submission_decide(actor=world.superior, submission=s, expected_version=s.version, acknowledge=True)
    assert s.status == Submission.Status.ACKNOWLEDGED


def test_received_late_missing_and_pending_follow_the_rule(world, settings):
    settings.ANWEI_TODAY = "2023-03-01"
    services.report_rule_set(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, workdays=3,
                             effective_from=dt.date(2023, 1, 1))
    m1 = f.meeting_held(world, dt.date(2023, 2, 1))
    m2 = f.meeting_held(world, dt.date(2023, 2, 20))
    m3 = f.meeting_held(world, dt.date(2023, 2, 27))
    m4 = f.meeting_held(world, dt.date(2023, 2, 28))
    services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=m3)
    settings.ANWEI_TODAY = "2023-03-02"
    # m1 never sent (due 2/4, a make-up working Saturday): missing; m3 sent in time; m4 not yet due (3/3).
    rows = {e.meeting_id: e for e in selectors.expectations([world.bureau.pk], year=2023)[world.bureau.pk]}
    assert rows[m1.pk].due == dt.date(2023, 2, 4)
    assert rows[m1.pk].state == "missing"
    assert rows[m3.pk].state == "received"
    assert rows[m4.pk].state == "pending"
    assert rows[m2.pk].state == "missing"
    services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=m2)
    rows = {e.meeting_id: e for e in selectors.expectations([world.bureau.pk], year=2023)[world.bureau.pk]}
    assert rows[m2.pk].state == "late"


@override_settings(ANWEI_TODAY="2023-03-13")
def test_a_meeting_not_yet_held_and_another_agencys_meeting_are_refused(world):
    m = f.meeting_held(world, dt.date(2023, 4, 1))
    with pytest.raises(ValidationError, match="尚未召開"):
        services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=m)
    with pytest.raises(ValidationError):
        services.submission_send(actor=world.other_officer, agency=world.bureau, kind=Kind.MINUTES, meeting=m)


def test_plan_filing_and_results(world, settings):
    settings.ANWEI_TODAY = "2023-01-10"
    plan, letter = f.plan_with_letter(world)
    f.dispatched(world, plan, letter)
    s = services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.PLAN_FILING, plan=plan)
    assert s.ack_verb == "核備"
    with pytest.raises(ValidationError, match="工作期間結束後"):
        services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.PLAN_RESULTS, plan=plan)
    settings.ANWEI_TODAY = "2023-03-01"
    rows = selectors.expectations([world.bureau.pk], year=2023)[world.bureau.pk]
    assert {(e.kind, e.state) for e in rows} == {(Kind.PLAN_FILING, "received"), (Kind.PLAN_RESULTS, "missing")}


@override_settings(ANWEI_TODAY="2023-03-31")
def test_obligations_for_officer_head_and_superior(world):
    f.approval_required(world)
    f.submitted_plan(world)
    f.minutes_sent(world)
    f.meeting_held(world, dt.date(2023, 3, 15))  # owed, due in 10 working days
    provider = next(p for p in obligation_providers() if p.name == "submissions")
    head = provider.owed_by(world.head)
    assert [o.kind for o in head] == ["submissions.approve"]
    assert [o.kind for o in provider.owed_by(world.superior)] == ["submissions.review"]
    officer = provider.owed_by(world.officer)
    assert [o.kind for o in officer] == ["submissions.send"]
    everything = list(provider.open(dt.date(2023, 3, 31)))
    assert {o.kind for o in everything} == {"submissions.approve", "submissions.review", "submissions.send"}


@override_settings(ANWEI_TODAY="2023-03-13")
def test_pages(world, as_):
    s = f.minutes_sent(world)
    c = as_(world.superior)
    page = c.get("/submissions/inbox/?status=sent").content.decode()
    assert s.title in page
    r = c.post(f"/submissions/{s.pk}/", {"do": "acknowledge", "decide-version": s.version})
    assert r.status_code == 302
    assert Submission.objects.get(pk=s.pk).status == Submission.Status.ACKNOWLEDGED
    c = as_(world.officer)
    m = f.meeting_held(world, dt.date(2023, 3, 1))
    page = c.get(f"/submissions/agencies/{world.bureau.pk}/").content.decode()
    assert 'data-state="pending"' in page and 'data-state="missing"' not in page
    r = c.post(f"/submissions/agencies/{world.bureau.pk}/send/", {"kind": Kind.MINUTES, "target": m.pk, "note": ""})
    assert r.status_code == 302 and Submission.objects.filter(meeting=m).exists()


@override_settings(ANWEI_TODAY="2023-03-13")
def test_rules_page(world, as_):
    c = as_(world.officer)
    r = c.post("/submissions/rules/", {"do": "approval", "a-required": "on", "a-effective_from": "112/3/1"})
    assert r.status_code == 302
    assert selectors.approval_required(agency_id=world.bureau.pk)
    r = c.post("/submissions/rules/", {"do": "report", "r-kind": Kind.MINUTES, "r-workdays": "0", "r-per_year": "2",
                                       "r-effective_from": "112/3/1"})
    assert r.status_code == 400 and "1 至 60" in r.content.decode()


@override_settings(ANWEI_TODAY="2023-03-13")
def test_a_filing_goes_to_the_nearest_superior_office_only(world):
    """A station under the bureau files its minutes. While only the city is a superior ethics office, the city
    receives them; once the bureau has a superior officer of its own, the bureau does and the city two levels up
    neither receives nor acknowledges them."""
    from anwei.meetings.services import meeting_create
    from anwei.orgs.models import Role
    from anwei.orgs.services import agency_create, membership_grant, person_create

    station = agency_create(actor=None, name="海濱市政府測試局附屬工作站", parent=world.bureau)
    chief = person_create(actor=None, username="station_officer", password="x", full_name="站政風", agency=station)
    membership_grant(actor=None, person=chief, agency=station, role=Role.ETHICS_OFFICER)
    meeting = meeting_create(actor=chief, agency=station, date=dt.date(2023, 3, 10))
    s = services.submission_send(actor=chief, agency=station, kind=Kind.MINUTES, meeting=meeting)
    assert list(selectors.inbox(person=world.superior)) == [s] and selectors.may_acknowledge(world.superior, s)

    bureau_office = person_create(actor=None, username="bureau_superior", password="x", full_name="局督導",
                                  agency=world.bureau)
    membership_grant(actor=None, person=bureau_office, agency=world.bureau, role=Role.SUPERIOR_OFFICER)
    assert list(selectors.inbox(person=bureau_office)) == [s]
    assert s not in selectors.inbox(person=world.superior)
    assert not selectors.may_acknowledge(world.superior, s)
    with pytest.raises(ValidationError):
        services.submission_decide(actor=world.superior, submission=s, expected_version=s.version, acknowledge=True)
    s = services.submission_decide(actor=bureau_office, submission=s, expected_version=s.version, acknowledge=True)
    assert s.status == Submission.Status.ACKNOWLEDGED
    # The bureau's own filing still goes to the city.
    own = f.minutes_sent(world)
    assert own in selectors.inbox(person=world.superior) and own not in selectors.inbox(person=bureau_office)


def test_a_citys_typhoon_day_moves_its_agencies_filing_deadlines_only(world, settings):
    from anwei.core.models import CalendarOverride
    from anwei.meetings.services import meeting_create

    settings.ANWEI_TODAY = "2023-03-20"
    county_meeting = meeting_create(actor=world.other_officer, agency=world.county, date=dt.date(2023, 3, 10))
    bureau_meeting = f.meeting_held(world, dt.date(2023, 3, 10))
    before = selectors.expectations([world.bureau.pk, world.county.pk], year=2023)
    CalendarOverride.objects.create(date=dt.date(2023, 3, 13), is_workday=False, reason="颱風停止上班",
                                    scope_path=world.city.path, subtree=True)
    after = selectors.expectations([world.bureau.pk, world.county.pk], year=2023)
    [b0], [b1] = before[world.bureau.pk], after[world.bureau.pk]
    [c0], [c1] = before[world.county.pk], after[world.county.pk]
    assert b0.meeting_id == bureau_meeting.pk and b1.due > b0.due  # the city's day off: a day later
    assert c0.meeting_id == county_meeting.pk and c1.due == c0.due  # another county's: unchanged
    s = services.submission_send(actor=world.officer, agency=world.bureau, kind=Kind.MINUTES, meeting=bureau_meeting)
    assert s.due == b1.due  # the filing states the same deadline as the board
