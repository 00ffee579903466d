"""The yearly review of each agency's people and roles: owed by its ethics officers from a month before
it is due, escalated to the agency head when late. Two queries (agencies, latest reviews)."""

from __future__ import annotations

import datetime as dt

from anwei.accounts.selectors import review_due, review_last
from anwei.core import clock
from anwei.orgs import policy, posts
from anwei.orgs.models import Agency, Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "帳號管理"
NOTICE = dt.timedelta(days=30)  # shown from a month before it is due


def _obligations(agencies: list[Agency], today: dt.date) -> list[Obligation]:
    latest = review_last(agency_ids=[a.pk for a in agencies])
    items = []
    for agency in agencies:
        due = review_due(latest.get(agency.pk), today)
        if due - today > NOTICE:
            continue
        items.append(Obligation(
            category=CATEGORY, title=f"{agency.name}人員帳號與角色年度檢視", url=link("accounts:review"),
            due=due, overdue=due < today, key=f"accounts.review:{agency.pk}:{due.isoformat()}",
            kind="accounts.review", agency_id=agency.pk, owner=posts.ethics_officers(agency.pk),
            escalation=(None, posts.agency_head(agency.pk), None),
            escalation_urls=("", link("home"), "")))
    return items


def accounts_owed(person: Person) -> list[Obligation]:
    agencies = [a for a in policy.member_agencies(person) if policy.may(person, "accounts.review", a)]
    return _obligations(agencies, clock.today()) if agencies else []


def accounts_open(today: dt.date) -> list[Obligation]:
    return _obligations(list(Agency.objects.filter(memberships__isnull=False).distinct().order_by("pk")), today)


PROVIDER = ObligationProvider("accounts", accounts_owed, accounts_open, kinds=(("accounts.review", "帳號與角色年度檢視"),))
