"""Reads for the composed work report and the superior office's counts (through the policy)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.http import Http404

from anwei.lib.merge3 import Change, Clash, changes, merge3
from anwei.meetings.models import Report, SecurityMeeting
from anwei.meetings.selectors import meeting_previous
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.portal import workreport as registry
from anwei.workreports.models import Composition, ReportRequest

CASES_TITLE = "案例宣導"
PAGE_SIZE = 50


def default_period(meeting: SecurityMeeting) -> tuple[dt.date, dt.date]:
    """Since the previous meeting (the day after it) to this meeting's day; the first meeting: from 1 January."""
    previous = meeting_previous(meeting)
    start = previous.date + dt.timedelta(days=1) if previous else dt.date(meeting.date.year, 1, 1)
    return min(start, meeting.date), meeting.date


def compose_text(agency: Agency, start: dt.date, end: dt.date, cases: Sequence = ()) -> str:
    """The work report for the period: every provider's section, then the chosen cases in full."""
    extra = []
    if cases:
        extra.append(registry.Section(CASES_TITLE, [registry.Line(f"{c.title}：", body=c.full_text()) for c in cases]))
    return registry.render_text(registry.sections(agency, start, end, extra=extra))


def composition_for(meeting: SecurityMeeting) -> Composition | None:
    return (Composition.objects.filter(report__meeting=meeting).select_related("report")
            .prefetch_related("cases").first())


def work_report_for(meeting: SecurityMeeting) -> Report | None:
    return meeting.reports.filter(kind=Report.Kind.WORK).order_by("order", "id").first()


@dataclass
class Preview:
    new: str  # what the records say now
    changes: list[Change] = field(default_factory=list)  # since the text last applied
    merged: str = ""  # the officer's text with those changes carried in
    clashes: list[Clash] = field(default_factory=list)  # where the officer edited the same lines

    @property
    def unchanged(self) -> bool:
        return not self.changes


def recompose_preview(composition: Composition, start: dt.date, end: dt.date, cases: Sequence) -> Preview:
    new = compose_text(composition.agency, start, end, cases)
    merged, clashes = merge3(composition.composed, composition.report.body, new)
    return Preview(new=new, changes=changes(composition.composed, new), merged=merged, clashes=clashes)


# --- the superior office's counts per subordinate agency ------------------------------------------------

def counts_offices(*, person: Person) -> list[Agency]:
    return [a for a in policy.granting_agencies(person, "workreports.counts")
            if any(a.path.startswith(p) for p in policy.scope(person, "workreports.counts").subtree_paths)]


def counts_office(*, person: Person, office_id: int | None) -> tuple[Agency, list[Agency]]:
    offices = counts_offices(person=person)
    if not offices:
        raise Http404("您不是上級政風人員")
    for office in offices:
        if office_id is None or office.pk == office_id:
            return office, offices
    raise Http404("找不到此機關")


def counts_agencies(office: Agency):
    return Agency.objects.filter(path__startswith=office.path).exclude(pk=office.pk).order_by("path")


def counts_page(*, office: Agency, start: dt.date, end: dt.date, page=None) -> tuple[Page, dict[int, list[int]]]:
    """One page of subordinate agencies and their numbers: a fixed number of queries per page."""
    result = Paginator(counts_agencies(office), PAGE_SIZE).get_page(page)
    ids = [a.pk for a in result.object_list]
    return result, registry.count_rows(ids, start, end)


def counts_all(*, office: Agency, start: dt.date, end: dt.date) -> tuple[list[Agency], dict[int, list[int]]]:
    """Every subordinate agency (for the XLSX), in pages of a thousand."""
    agencies = list(counts_agencies(office))
    rows: dict[int, list[int]] = {}
    for n in range(0, len(agencies), 1000):
        rows |= registry.count_rows([a.pk for a in agencies[n:n + 1000]], start, end)
    return agencies, rows


# --- requests to the agencies below ----------------------------------------------------------------

def report_request_for(*, plan_id: int) -> ReportRequest | None:
    return ReportRequest.objects.filter(plan_id=plan_id).first()


def report_requests(*, office: Agency, limit: int = 10) -> list[ReportRequest]:
    """The office's latest requests, with their letters (to follow what came back)."""
    return list(ReportRequest.objects.filter(office=office).select_related("plan__letter")[:limit])
