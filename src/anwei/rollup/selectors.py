"""The superior office's roll-up: each subordinate agency's open tracked items, overdue items,
open inspection deficiencies and unreported plan assignments, one page of agencies at a time.

Queries are a fixed number per page whatever the size of the subtree or of its history: the
agencies of the page are read first, then one grouped count per figure restricted to them,
through the (agency, status) and (agency, reported_at) indexes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.plans.models import Assignment
from anwei.tracking.models import TrackedItem

PAGE_SIZE = 25
OPEN = [TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED]
DEFICIENCY = TrackedItem.Source.INSPECTION_DEFICIENCY


@dataclass
class RollupRow:
    agency: Agency
    depth: int  # levels below the office
    open_items: int = 0
    overdue_items: int = 0
    open_deficiencies: int = 0
    unreported: int = 0  # plan assignments to the agency (or its units) not yet reported
    late: int = 0  # of which past due

    @property
    def attention(self) -> bool:
        return bool(self.overdue_items or self.late)


def superior_offices(*, person: Person) -> list[Agency]:
    """The agencies whose subtree this person oversees (no query beyond the person's grants)."""
    return policy.granting_agencies(person, "rollup.view")


def rollup_office(*, person: Person, office_id: int | None) -> tuple[Agency, list[Agency]]:
    offices = superior_offices(person=person)
    if not offices:
        raise Http404("您不是上級政風人員")
    if office_id is None:
        return offices[0], offices
    for office in offices:
        if office.pk == office_id:
            return office, offices
    raise Http404("找不到此機關")


def rollup_page(*, office: Agency, page: str | int | None, today: dt.date | None = None) -> Page:
    """One page of the office's subordinate agencies (tree order) with their figures. Five queries."""
    today = today or timezone.localdate()
    agencies = Agency.objects.filter(path__startswith=office.path).exclude(pk=office.pk).order_by("path")
    result = Paginator(agencies, PAGE_SIZE).get_page(page)
    base = office.path.count(".")
    rows = {a.pk: RollupRow(a, a.path.count(".") - base) for a in result.object_list}
    ids = list(rows)
    year_ago = today - dt.timedelta(days=365)
    for r in (TrackedItem.objects.filter(agency_id__in=ids, status__in=OPEN).values("agency_id")
              .annotate(n=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)),
                        deficiencies=Count("pk", filter=Q(source_kind=DEFICIENCY)))):
        row = rows[r["agency_id"]]
        row.open_items, row.overdue_items, row.open_deficiencies = r["n"], r["overdue"], r["deficiencies"]
    # Plans of the last twelve months (older unreported assignments are history, not work).
    for r in (Assignment.objects.filter(agency_id__in=ids, reported_at__isnull=True, due__gte=year_ago,
                                        letter__dispatched_at__isnull=False)
              .values("agency_id").annotate(n=Count("pk"), late=Count("pk", filter=Q(due__lt=today)))):
        row = rows[r["agency_id"]]
        row.unreported, row.late = r["n"], r["late"]
    result.object_list = list(rows.values())
    return result
