"""A recurring duty is owed by the agency's ethics officers from a month before it falls due, and escalated to
the agency head when late: the agency's own duties and those a superior office set for its subtree (each agency
of the subtree owes its own). A fixed number of queries however many agencies (duties.selectors)."""

from __future__ import annotations

import datetime as dt

from anwei.core import clock
from anwei.duties.models import Kind
from anwei.duties.selectors import NOTICE, active_duties, states
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "定期工作"


def _obligations(duties, today: dt.date) -> list[Obligation]:
    items = []
    for s in states(duties):
        if s.next_due - today > NOTICE:
            continue
        d = s.duty
        items.append(Obligation(
            category=CATEGORY, title=f"{d.agency.name}{d.name}（至少每{d.period.text()}一次）", url=link("duties:index"),
            due=s.next_due, overdue=s.overdue(today), key=f"{d.key}:{s.next_due.isoformat()}",
            kind=f"duties.{d.kind}", agency_id=d.agency_id, owner=posts.ethics_officers(d.agency_id),
            escalation=(None, posts.agency_head(d.agency_id), None), escalation_urls=("", link("home"), ""),
            note=f"上次辦理：{s.last_done.isoformat() if s.last_done else '尚無紀錄'}"))
    return items


def duties_owed(person: Person) -> list[Obligation]:
    agencies = [a.pk for a in policy.member_agencies(person) if policy.may(person, "duties.manage", a)]
    today = clock.today()
    return _obligations(active_duties(agency_ids=agencies, today=today), today) if agencies else []


def duties_open(today: dt.date) -> list[Obligation]:
    return _obligations(active_duties(agency_ids=None, today=today), today)


PROVIDER = ObligationProvider("duties", duties_owed, duties_open,
                              kinds=tuple((f"duties.{value}", label) for value, label in Kind.choices))
