"""Obligations of 核定・核備・備查: the head's decision on a plan submitted for approval, the officer's
plan returned by the head, the superior office's review of each filing received, and every filing an
agency owes (by its deadline) or has had returned."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link
from anwei.submissions import selectors
from anwei.submissions.models import PlanApproval, Submission

CATEGORY = "核定與陳報"
LIMIT = 50


def _approval(a: PlanApproval, today: dt.date) -> Obligation:
    due = a.plan.period_start
    if a.status == PlanApproval.Status.SUBMITTED:
        return Obligation(CATEGORY, f"核定專案計畫：{a.plan.title}", link("submissions:approval", a.plan_id),
                          due=due, overdue=today > due, note="政風人員已送核定", key=f"submissions.approve:{a.pk}:{a.version}",
                          kind="submissions.approve", agency_id=a.agency_id, owner=posts.agency_head(a.agency_id),
                          approval=True, since=timezone.localtime(a.submitted_at).date())
    return Obligation(CATEGORY, f"首長退回專案計畫：{a.plan.title}", link("submissions:approval", a.plan_id),
                      due=due, overdue=today > due, note=a.comment[:100], key=f"submissions.returned_plan:{a.pk}:{a.version}",
                      kind="submissions.approve", agency_id=a.agency_id, owner=posts.ethics_officers(a.agency_id),
                      escalation=(None, posts.agency_head(a.agency_id), None))


def _received(s: Submission) -> Obligation:
    return Obligation(CATEGORY, f"{s.agency.name}陳報：{s.title}", link("submissions:detail", s.pk),
                      note=f"待{s.ack_verb}", key=f"submissions.review:{s.pk}:{s.version}", kind="submissions.review",
                      agency_id=s.office_id, owner=posts.superior_officers(s.office_id), remind=False,
                      since=timezone.localtime(s.sent_at).date())


def _owed(e: selectors.Expected, parent_id: int, today: dt.date) -> Obligation:
    s = e.submission
    note = f"上級退回：{s.comment[:80]}" if s is not None else f"{selectors.STATE_LABELS[e.state]}"
    outgoing = link("submissions:outgoing", e.agency_id)
    return Obligation(CATEGORY, f"陳報上級：{e.title}", outgoing, due=e.due, overdue=today > e.due, note=note,
                      key=f"submissions.send:{e.kind}:{e.meeting_id or e.plan_id}", kind="submissions.send",
                      agency_id=e.agency_id, owner=posts.ethics_officers(e.agency_id),
                      escalation=(None, posts.agency_head(e.agency_id), posts.superior_officers(parent_id)),
                      escalation_urls=("", outgoing, outgoing))


def _needs_sending(e: selectors.Expected) -> bool:
    return e.submission is None or e.submission.status == Submission.Status.RETURNED


def owed(person: Person) -> list[Obligation]:
    today = clock.today()
    out = [_approval(a, today) for a in selectors.approvals_awaiting(person=person)[:LIMIT]]
    out += [_approval(a, today) for a in selectors.approvals_returned(person=person)[:LIMIT]]
    out += [_received(s) for s in selectors.inbox(person=person, status=Submission.Status.SENT)[:LIMIT]]
    agency = selectors.reporting_agency(person)
    if agency is not None:
        rows = selectors.expectations([agency.pk], year=today.year, today=today)[agency.pk]
        out += [_owed(e, agency.parent_id, today) for e in rows if _needs_sending(e)][:LIMIT]
    return out


def open_(today: dt.date):
    for a in (PlanApproval.objects.filter(status__in=[PlanApproval.Status.SUBMITTED, PlanApproval.Status.RETURNED])
              .select_related("plan")):
        yield _approval(a, today)
    for s in Submission.objects.filter(status=Submission.Status.SENT).select_related("agency"):
        yield _received(s)
    parents = selectors.reporting_parents()
    for rows in selectors.expectations(list(parents), year=today.year, today=today).values():
        for e in rows:
            if _needs_sending(e):
                yield _owed(e, parents[e.agency_id], today)


PROVIDER = ObligationProvider("submissions", owed, open_,
                              kinds=(("submissions.approve", "專案計畫核定"), ("submissions.send", "陳報上級（核備／備查）"),
                                     ("submissions.review", "所屬機關陳報待核閱")))
