"""Obligations of the tracking engine (a fixed number of queries each):

- a unit's progress reports awaited in an open round (its liaisons; escalated to the unit head and
  the agency head after the deadline);
- an open tracked item with a completion date (a deficiency's improvement due date): its lead unit;
- for the ethics officer, each open round's units not yet reported and release proposals (shown, not reminded);
- for the agency head, release proposals and overdue items awaiting the chair (shown, not reminded).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Min, Q

from anwei.core import clock
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link
from anwei.tracking.models import ProgressReport, ProgressRound, TrackedItem
from anwei.tracking.selectors import my_unit_ids

CATEGORY = "列管事項"
RS = ProgressReport.Status
OPEN = [TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED]  # as the partial index names them
LATE = Q(status=RS.PENDING) | Q(status=RS.RETURNED)
ITEM_LIMIT = 50  # the home page's rows of items due; the register lists them all


def _progress_rows(units: list[int] | None):
    qs = ProgressReport.objects.filter(LATE, round__closed_at__isnull=True, unit__isnull=False)
    if units is not None:
        qs = qs.filter(unit_id__in=units)
    return (qs.values("round_id", "round__title", "round__deadline", "round__agency_id", "unit_id", "unit__name")
            .annotate(n=Count("pk"), returned=Count("pk", filter=Q(status=RS.RETURNED)), reminded=Max("reminded_at"))
            .order_by("round__deadline", "round_id", "unit_id"))


def _progress(r: dict, today: dt.date) -> Obligation:
    agency, unit, deadline = r["round__agency_id"], r["unit_id"], r["round__deadline"]
    return Obligation(
        category=CATEGORY, title=f"{r['unit__name']}有{r['n']}項列管事項待填報執行情形（{r['round__title']}）",
        url=link("tracking:my_items"), due=deadline, overdue=deadline < today,
        note="；".join(filter(None, [f"{r['returned']}項退回補正" if r["returned"] else "",
                                    "政風室已催報" if r["reminded"] else ""])),
        key=f"tracking.progress:{r['round_id']}:{unit}", kind="tracking.progress", agency_id=agency,
        owner=posts.unit_liaisons(agency, unit),
        escalation=(posts.unit_head(agency, unit), posts.agency_head(agency), None),
        escalation_urls=("", link("tracking:round_detail", r["round_id"]), ""))


def _review_rows(units: list[int] | None):
    qs = ProgressReport.objects.filter(status=RS.AWAITING_HEAD, round__closed_at__isnull=True, unit__isnull=False)
    if units is not None:
        qs = qs.filter(unit_id__in=units)
    return (qs.values("round_id", "round__title", "round__deadline", "round__agency_id", "unit_id", "unit__name")
            .annotate(n=Count("pk"), since=Min("submitted_at")).order_by("round__deadline", "round_id", "unit_id"))


def _review(r: dict, today: dt.date) -> Obligation:
    """The unit head's review (where the agency's rule asks for it): due by the round's deadline."""
    agency, unit, deadline = r["round__agency_id"], r["unit_id"], r["round__deadline"]
    return Obligation(
        category=CATEGORY, title=f"{r['unit__name']}有{r['n']}項執行情形待主管核閱（{r['round__title']}）",
        url=link("tracking:my_items"), due=deadline, overdue=deadline < today, approval=True,
        since=r["since"].date() if r["since"] else None,
        key=f"tracking.review:{r['round_id']}:{unit}", kind="tracking.review", agency_id=agency,
        owner=posts.unit_head(agency, unit), escalation=(None, posts.agency_head(agency), None),
        escalation_urls=("", link("tracking:round_detail", r["round_id"]), ""))


def _rounds(qs):
    return qs.annotate(
        late_units=Count("reports__unit", distinct=True, filter=Q(
            reports__status__in=[RS.PENDING, RS.RETURNED, RS.AWAITING_HEAD], reports__unit__isnull=False)),
        proposals=Count("reports", filter=Q(reports__propose_release=True, reports__status=RS.SUBMITTED)))


def _round_items(rnd: ProgressRound, today: dt.date) -> list[Obligation]:
    url = link("tracking:round_detail", rnd.pk)
    out = []
    officers = posts.ethics_officers(rnd.agency_id)
    if rnd.late_units:
        out.append(Obligation(category=CATEGORY, title=f"{rnd.title}：{rnd.late_units}個單位尚未完成填報", url=url,
                              due=rnd.deadline, overdue=rnd.deadline < today, key=f"tracking.round:{rnd.pk}",
                              kind="tracking.round", agency_id=rnd.agency_id, owner=officers, remind=False))
    if rnd.proposals:
        out.append(Obligation(category=CATEGORY, title=f"{rnd.title}：{rnd.proposals}件建議解除列管待會議決定",
                              url=url, key=f"tracking.proposals:{rnd.pk}", kind="tracking.proposals",
                              agency_id=rnd.agency_id, owner=officers, remind=False))
    return out


def _head_rows(agencies: set[int] | None, today: dt.date):
    qs = TrackedItem.objects.filter(status__in=OPEN)
    if agencies is not None:
        qs = qs.filter(agency__in=agencies)
    return (qs.values("agency_id").annotate(
        proposed=Count("pk", filter=Q(status=TrackedItem.Status.RELEASE_PROPOSED)),
        overdue=Count("pk", filter=Q(due_date__lt=today)), first_due=Min("due_date", filter=Q(due_date__lt=today)))
        .order_by("agency_id"))


def _head_items(r: dict) -> list[Obligation]:
    url = link("tracking:overview")
    head = posts.agency_head(r["agency_id"])
    out = []
    if r["proposed"]:
        out.append(Obligation(category=CATEGORY, title=f"{r['proposed']}項列管事項建議解除列管，待主席決定", url=url,
                              key=f"tracking.chair:{r['agency_id']}", kind="tracking.chair",
                              agency_id=r["agency_id"], owner=head, remind=False))
    if r["overdue"]:
        out.append(Obligation(category=CATEGORY, title=f"{r['overdue']}項列管事項已逾完成期限", url=url,
                              due=r["first_due"], overdue=True, key=f"tracking.overdue:{r['agency_id']}",
                              kind="tracking.overdue", agency_id=r["agency_id"], owner=head, remind=False))
    return out


def _item(r: dict, today: dt.date) -> Obligation:
    text = r["text"] if len(r["text"]) <= 30 else r["text"][:30] + "…"
    agency, unit, due = r["agency_id"], r["lead_unit_id"], r["due_date"]
    return Obligation(category=CATEGORY, title=f"{r['origin_label']}第{r['number']}項：{text}",
                      url=link("tracking:item_detail", r["pk"]), due=due, overdue=due < today, note="完成（改善）期限",
                      key=f"tracking.item:{r['pk']}", kind="tracking.item", agency_id=agency,
                      owner=posts.unit_liaisons(agency, unit),
                      escalation=(posts.unit_head(agency, unit), posts.agency_head(agency), None))


def _items_due():
    """Open items with a completion date and one lead unit (partial index on due_date of open items), as
    dicts: the national pass reads tens of thousands."""
    return (TrackedItem.objects.filter(due_date__isnull=False, lead_unit__isnull=False, status__in=OPEN)
            .values("pk", "agency_id", "lead_unit_id", "due_date", "text", "origin_label", "number")
            .order_by("due_date", "pk"))


def tracking_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    items: list[Obligation] = []
    units = my_unit_ids(person)
    if units:
        items += [_progress(r, today) for r in _progress_rows(units)]
        items += [_item(i, today) for i in _items_due().filter(lead_unit__in=units)[:ITEM_LIMIT]]
    reviewed = sorted(policy.scope(person, "tracking.review").unit_ids)
    if reviewed:
        items += [_review(r, today) for r in _review_rows(reviewed)]
    managed = policy.scope(person, "tracking.manage").agency_ids
    if managed:
        for rnd in _rounds(ProgressRound.objects.filter(agency__in=managed, closed_at__isnull=True)):
            items += _round_items(rnd, today)
    chaired = posts.agencies_held(person, posts.agency_head)
    if chaired:
        for r in _head_rows(chaired, today):
            items += _head_items(r)
    return items


def tracking_open(today: dt.date) -> list[Obligation]:
    out = [_progress(r, today) for r in _progress_rows(None)]
    out += [_review(r, today) for r in _review_rows(None)]
    for rnd in _rounds(ProgressRound.objects.filter(closed_at__isnull=True)):
        out += _round_items(rnd, today)
    for r in _head_rows(None, today):
        out += _head_items(r)
    out += [_item(i, today) for i in _items_due()]
    return out


PROVIDER = ObligationProvider("tracking", tracking_owed, tracking_open,
                              kinds=(("tracking.progress", "列管事項執行情形填報"), ("tracking.review", "執行情形主管核閱"), ("tracking.item", "列管事項完成（改善）期限")))
