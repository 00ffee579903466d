"""Obligations of incidents: each required party still owed a notification is the ethics unit's to-do,
due on the day of its deadline (hours and minutes are kept in the note and in `overdue`, which turns at
the exact moment). Overdue parties escalate through the notification engine to the agency head and,
where the category lets the superior ethics office see the incident, to the superior office above."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.incidents import selectors
from anwei.core.workdays import Calendars
from anwei.incidents.models import Comment, RequiredParty
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "狀況通報"


def _obligation(p: RequiredParty, now: dt.datetime) -> Obligation:
    incident = p.incident
    due = timezone.localtime(p.due_at)
    overdue = now > p.due_at
    parent_id = incident.agency.parent_id if incident.superior_sees else None
    return Obligation(
        CATEGORY, f"通報{p.get_party_display()}：{incident.public_title()}"[:120],
        link("incidents:detail", incident.pk),
        due=due.date(), overdue=overdue,
        note=("已逾通報時限" if overdue else "通報時限") + f" {due:%H:%M}（{p.period_text()}）",
        key=f"incidents.notify:{p.pk}", kind="incidents.notify", agency_id=incident.agency_id,
        owner=posts.ethics_officers(incident.agency_id),
        escalation=(None, posts.agency_head(incident.agency_id),
                    posts.superior_officers(parent_id) if parent_id else None))


def _mores(comments) -> list[Obligation]:
    """The superior office asked for more: a 續報 is owed, due the next working day in the calendar of the
    incident's agency (a city's typhoon day moves it for that city's agencies only). One query reads every
    agency's calendar, however many requests are open."""
    comments = list(comments)
    if not comments:
        return []
    asked = {c.pk: timezone.localtime(c.created_at).date() for c in comments}
    calendars = Calendars(min(asked.values()), max(asked.values()) + dt.timedelta(days=40))
    return [_more(c, calendars.for_scope(c.incident.agency.path).add(asked[c.pk], 1)) for c in comments]


def _more(c: Comment, due: dt.date) -> Obligation:
    return Obligation(CATEGORY, f"上級請補充續報：{c.incident.public_title()}"[:120],
                      link("incidents:detail", c.incident_id), due=due,
                      note="" if c.incident.restricted else c.text[:60], key=f"incidents.more:{c.pk}", kind="incidents.more",
                      agency_id=c.incident.agency_id, owner=posts.ethics_officers(c.incident.agency_id),
                      escalation=(None, posts.agency_head(c.incident.agency_id), None))


def incidents_owed(person: Person) -> list[Obligation]:
    agencies = policy.scope(person, "incidents.manage").agency_ids
    if not agencies:
        return []
    now = clock.now()
    return ([_obligation(p, now) for p in selectors.owed_parties(agency_ids=agencies)
             .select_related("incident__agency")[:100]]
            + _mores(selectors.requests_open(agency_ids=agencies).select_related("incident__agency")[:50]))


def incidents_open(today: dt.date) -> list[Obligation]:
    """Parties still owed by open incidents, and requests for more not yet answered (partial indexes:
    never the history)."""
    now = clock.now()
    return ([_obligation(p, now) for p in selectors.owed_parties().select_related("incident__agency")]
            + _mores(selectors.requests_open().select_related("incident__agency")))


PROVIDER = ObligationProvider("incidents", incidents_owed, incidents_open,
                              kinds=(("incidents.notify", "狀況通報應通報對象"), ("incidents.more", "上級請補充續報")))
