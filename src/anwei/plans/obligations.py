"""Obligations of plans dispatched by letter: each recipient (an agency's ethics officer, or a unit of
the sender's own agency) acknowledges the letter and reports results by the due date. Late results are
escalated to the unit head and the agency head (a unit), or to the sending superior ethics office
(a subordinate agency)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.lib import rocdate
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.plans.models import Assignment
from anwei.plans.selectors import assignment_inbox
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "專案計畫"
LIMIT = 50


FIELDS = {"pk": "pk", "letter_id": "letter_id", "agency_id": "agency_id", "unit_id": "unit_id", "due": "due",
          "received_at": "received_at", "reminded_at": "reminded_at", "unit_name": "unit__name",
          "sender_id": "letter__agency_id", "sender": "letter__agency__name", "plan": "letter__plan__title"}


def _obligation(a: dict, today: dt.date) -> Obligation:
    """One unreported assignment, from the FIELDS of its row (values(): the national pass reads ten thousand)."""
    notes = ["尚未簽收" if a["received_at"] is None else "已簽收，待報送執行成果"]
    if a["reminded_at"]:
        notes.append(f"發文機關已於{rocdate.format_short(timezone.localtime(a['reminded_at']).date())}催辦")
    agency, unit = a["agency_id"], a["unit_id"]
    if unit:
        notes.append(f"受文單位：{a['unit_name']}")
        owner = posts.unit_liaisons(agency, unit)
        escalation = (posts.unit_head(agency, unit), posts.agency_head(agency), None)
    else:  # a subordinate agency answers to the superior office that sent the letter
        owner = posts.ethics_officers(agency)
        escalation = (None, None, posts.superior_officers(a["sender_id"]) if a["sender_id"] != agency else None)
    matrix = link("plans:matrix", a["letter_id"])
    return Obligation(
        category=CATEGORY, title=f"{a['sender']}：{a['plan']}", url=link("plans:assignment_detail", a["pk"]),
        due=a["due"], overdue=today > a["due"], note="；".join(notes), key=f"plans.assignment:{a['pk']}",
        kind="plans.results", agency_id=agency, owner=owner, escalation=escalation,
        escalation_urls=("", matrix, matrix))


def _rows(qs):
    for row in qs.values(*FIELDS.values()):
        yield {name: row[column] for name, column in FIELDS.items()}


def plan_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    return [_obligation(a, today) for a in _rows(assignment_inbox(person=person).filter(reported_at__isnull=True)[:LIMIT])]


def plan_open(today: dt.date) -> list[Obligation]:
    """Unreported assignments of dispatched letters (partial index on due where reported_at is null)."""
    rows = (Assignment.objects.filter(reported_at__isnull=True, letter__dispatched_at__isnull=False)
            .order_by("due", "pk"))
    return [_obligation(a, today) for a in _rows(rows)]


PROVIDER = ObligationProvider("plans", plan_owed, plan_open,
                              kinds=(("plans.results", "專案計畫執行成果報送"),))
