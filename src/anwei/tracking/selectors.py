"""Reads of the tracking engine, always scoped to what the acting person may see.
Every list here makes a fixed number of queries whatever the number of items."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from anwei.core import clock
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.tracking.models import ProgressReport, ProgressRound, ReviewRule, TrackedItem, TrackingDecision
from anwei.tracking.sources import source_kind

Status = TrackedItem.Status
RStatus = ProgressReport.Status


def _item_scope_q(person: Person, action: str = "tracking.view") -> Q:
    s = policy.scope(person, action)
    q = policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None).q(agency="agency", unit=None)
    if s.unit_ids:
        co = TrackedItem.co_units.through.objects.filter(unit_id__in=s.unit_ids).values("trackeditem_id")
        q |= Q(lead_unit__in=s.unit_ids) | Q(pk__in=co)
        q |= Q(all_units=True, agency__in=Unit.objects.filter(pk__in=s.unit_ids).values("agency_id"))
    return q


def _latest_progress() -> Subquery:
    # The consolidated text (unit NULL) of the latest round first, else a unit's.
    latest = (ProgressReport.objects.filter(item=OuterRef("pk")).exclude(text="")
              .order_by("-round_id", F("unit_id").asc(nulls_first=True)))
    return Subquery(latest.values("text")[:1])


SORTS = {
    "origin": ["roc_year", "origin_date", "origin_label", "number"],
    "-origin": ["-roc_year", "-origin_date", "origin_label", "number"],
    "due": [F("due_date").asc(nulls_last=True), "roc_year", "number"],
    "-due": [F("due_date").desc(nulls_last=True), "roc_year", "number"],
    "unit": ["lead_unit__order", "roc_year", "number"],
    "-unit": ["-lead_unit__order", "roc_year", "number"],
    "status": ["status", "roc_year", "number"],
    "-status": ["-status", "roc_year", "number"],
}


@dataclass
class RegisterFilters:
    agency: int | None = None  # None: every agency the person may see
    unit: int | None = None
    status: str = ""
    origin: str = ""  # "<kind>:<pk>" of a registered origin (tracking.sources), e.g. "meeting:12"
    year: int | None = None
    overdue: bool = False
    q: str = ""
    sort: str = "origin"

    def as_kwargs(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", False)}


def tracked_item_list(*, person: Person, filters: RegisterFilters | None = None,
                      today: dt.date | None = None) -> QuerySet[TrackedItem]:
    """The tracking register: items the person may see, filtered and sorted."""
    f = filters or RegisterFilters()
    today = today or clock.today()  # the same "today" as every deadline (core.clock)
    qs = TrackedItem.objects.filter(_item_scope_q(person))
    if f.agency:
        qs = qs.filter(agency_id=f.agency)
    if f.unit:
        co = TrackedItem.co_units.through.objects.filter(unit_id=f.unit).values("trackeditem_id")
        # 各科室 items of the unit's agency, by a subquery: joining agency→units repeated every row once per unit
        own_agency = Unit.objects.filter(pk=f.unit).values("agency_id")
        qs = qs.filter(Q(lead_unit_id=f.unit) | Q(pk__in=co) | Q(all_units=True, agency_id__in=own_agency))
    if f.status == "open":
        qs = qs.exclude(status=Status.RELEASED)
    elif f.status:
        qs = qs.filter(status=f.status)
    if f.origin:
        qs = qs.filter(**_origin_filter(f.origin))
    if f.year:
        qs = qs.filter(roc_year=f.year)
    if f.overdue:
        qs = qs.exclude(status=Status.RELEASED).filter(due_date__lt=today)
    if f.q:
        qs = qs.filter(Q(text__icontains=f.q) | Q(origin_label__icontains=f.q))
    return (qs.select_related("agency", "lead_unit")
            .prefetch_related(Prefetch("co_units", queryset=Unit.objects.order_by("order", "id")))
            .annotate(latest_progress=_latest_progress())
            .order_by(*SORTS.get(f.sort, SORTS["origin"]), "pk"))


def register_agencies(*, person: Person) -> list[Agency]:
    """The agencies whose tracked items the person may see (a superior office: its whole subtree),
    in tree order."""
    s = policy.scope(person, "tracking.view")
    q = policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None).q(agency=None, unit=None)
    if s.unit_ids:
        q |= Q(pk__in=Unit.objects.filter(pk__in=s.unit_ids).values("agency_id"))
    return list(Agency.objects.filter(q).order_by("path"))


def register_years(*, person: Person, agency_id: int | None) -> list[int]:
    """ROC years from the newest to the oldest item the person may see (of one agency), one query."""
    qs = TrackedItem.objects.filter(_item_scope_q(person))
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    span = qs.aggregate(first=Min("roc_year"), last=Max("roc_year"))
    return list(range(span["last"], span["first"] - 1, -1)) if span["first"] else []


def tracked_item_ids_visible(*, person: Person, ids: list[int]) -> set[int]:
    """Which of these items the person may open (one query; for pages that list items of several units)."""
    if not ids:
        return set()
    return set(TrackedItem.objects.filter(_item_scope_q(person), pk__in=ids).values_list("pk", flat=True))


def tracked_item_get(*, person: Person, pk: int) -> TrackedItem:
    item = (TrackedItem.objects.filter(_item_scope_q(person), pk=pk)
            .select_related("agency", "lead_unit").first())
    if item is None:
        raise Http404("找不到此列管事項")
    return item


def tracked_item_history(item: TrackedItem) -> tuple[list[ProgressReport], list[TrackingDecision]]:
    reports = list(item.reports.exclude(status=RStatus.PENDING).select_related("round", "unit", "submitted_by")
                   .order_by("-round__opened_at", F("unit_id").asc(nulls_first=True)))
    decisions = list(item.decisions.select_related("round", "decided_by").order_by("-decided_at"))
    return reports, decisions


def progress_round_get(*, person: Person, pk: int, action: str = "tracking.view") -> ProgressRound:
    rnd = ProgressRound.objects.filter(pk=pk).select_related("agency").first()
    if rnd is None or not policy.may(person, action, rnd.agency):
        raise Http404("找不到此填報")
    return rnd


def progress_report_get(*, person: Person, pk: int, action: str) -> ProgressReport:
    report = (ProgressReport.objects.filter(pk=pk)
              .select_related("agency", "round", "item", "item__lead_unit", "unit").first())
    if report is None or not policy.may(person, action, report):
        raise Http404("找不到此執行情形")
    return report


def round_for(target) -> ProgressRound | None:
    """The round that collects progress for `target` (a meeting), if one was opened."""
    return ProgressRound.objects.filter(target_type=ContentType.objects.get_for_model(target),
                                        target_id=target.pk).first()


def _origin_filter(value: str) -> dict:
    """The register's origin filter ("meeting:12") as field lookups; an unknown value matches nothing."""
    key, _, pk = value.partition(":")
    kind = source_kind(key)
    if kind is None or not pk.isdigit():
        return {"pk__in": []}
    return {"origin_type": kind.content_type(), "origin_id": int(pk)}


def open_round(agency) -> ProgressRound | None:
    return ProgressRound.objects.filter(agency=agency, closed_at__isnull=True).order_by("-opened_at").first()


# --- the liaison's page -----------------------------------------------------------------------

def my_unit_ids(person: Person) -> list[int]:
    """The units whose progress this person reports: as their liaison or head (or the deputy of one)."""
    return sorted(policy.scope(person, "tracking.report").unit_ids)


def unit_reports(*, person: Person) -> list[ProgressReport]:
    """My units' progress reports in every open round, awaiting first (the liaison's page)."""
    reports = (ProgressReport.objects.filter(unit_id__in=my_unit_ids(person), round__closed_at__isnull=True)
               .select_related("round", "unit", "item", "item__lead_unit", "agency")
               .prefetch_related(Prefetch("item__co_units", queryset=Unit.objects.order_by("order", "id")))
               .order_by("round__deadline", "round_id", "item__roc_year", "item__origin_label", "item__number"))
    order = {RStatus.RETURNED: 0, RStatus.PENDING: 1, RStatus.AWAITING_HEAD: 2, RStatus.SUBMITTED: 3}
    return sorted(reports, key=lambda r: order[r.status])


# --- the officer's round page ------------------------------------------------------------------

@dataclass
class RoundRow:
    item: TrackedItem
    reports: list[ProgressReport] = field(default_factory=list)  # by unit, consolidated (unit None) first
    decision: TrackingDecision | None = None

    @property
    def consolidated(self) -> ProgressReport | None:
        return next((r for r in self.reports if r.unit_id is None), None)

    @property
    def unit_reports(self) -> list[ProgressReport]:
        return [r for r in self.reports if r.unit_id is not None]

    def progress_text(self) -> str:
        """What the packet prints in 執行情形: the consolidated text, else the units' own."""
        c = self.consolidated
        if c and c.text:
            return c.text
        done = [r for r in self.unit_reports if r.text and r.status == RStatus.SUBMITTED]  # not before the head's review
        if len({r.text for r in done}) == 1:
            return done[0].text
        return "\n".join(f"{r.unit.name}：{r.text}" for r in done)

    @property
    def release_proposed(self) -> bool:
        return any(r.propose_release and r.status == RStatus.SUBMITTED for r in self.reports)


def round_rows(rnd: ProgressRound | None) -> list[RoundRow]:
    """Every item of a round with its reports and decision, in packet order. Four queries."""
    if rnd is None:
        return []
    items = (rnd.items.select_related("lead_unit", "agency")
             .prefetch_related(Prefetch("co_units", queryset=Unit.objects.order_by("order", "id"))))
    rows = {i.pk: RoundRow(i) for i in items}
    for r in (ProgressReport.objects.filter(round=rnd).select_related("unit", "submitted_by")
              .order_by(F("unit__order").asc(nulls_first=True), "unit_id")):
        if r.item_id in rows:
            rows[r.item_id].reports.append(r)
    for d in TrackingDecision.objects.filter(round=rnd).select_related("decided_by"):
        if d.item_id in rows:
            rows[d.item_id].decision = d
    return sorted(rows.values(), key=lambda row: row_order(row.item))


_MEETING_LABEL = re.compile(r"^(\d+)年第(\d+)次會議$")


def row_order(item: TrackedItem) -> tuple:
    # The most recent meeting first (上次會議), then older meetings, then other sources. A meeting not in
    # 安維 (its items imported from a packet) has no date: its label 「108年第2次會議」 orders it, latest first.
    dated = item.origin_id is not None and item.origin_date is not None
    if dated:
        return (False, (-item.origin_date.toordinal(),), item.origin_label, item.number)
    m = _MEETING_LABEL.match(item.origin_label)
    return (True, (0, -int(m.group(1)), -int(m.group(2))) if m else (1,), item.origin_label, item.number)


@dataclass
class UnitStatus:
    unit: Unit
    pending: int = 0
    returned: int = 0
    submitted: int = 0
    reminded: bool = False
    awaiting_head: int = 0  # written, with the unit head for review: not yet with the ethics officer

    @property
    def done(self) -> bool:
        return self.pending == 0 and self.returned == 0 and self.awaiting_head == 0


def round_unit_status(rows: list[RoundRow]) -> list[UnitStatus]:
    """Who has reported and who has not, per unit (from round_rows, no extra query)."""
    by_unit: dict[int, UnitStatus] = {}
    for row in rows:
        for r in row.unit_reports:
            s = by_unit.setdefault(r.unit_id, UnitStatus(r.unit))
            if r.status == RStatus.PENDING:
                s.pending += 1
            elif r.status == RStatus.RETURNED:
                s.returned += 1
            elif r.status == RStatus.AWAITING_HEAD:
                s.awaiting_head += 1
            else:
                s.submitted += 1
            s.reminded = s.reminded or r.reminded_at is not None
    return sorted(by_unit.values(), key=lambda s: (s.done, s.unit.order, s.unit.pk))


# --- the agency head's view ---------------------------------------------------------------------

@dataclass
class Overview:
    by_unit: list[tuple[str, int, int]]  # unit label, open items, overdue
    overdue: list[TrackedItem]
    release_proposed: list[TrackedItem]
    undecided: list[TrackedItem]  # in the current round, no decision yet


def overview(*, person: Person, today: dt.date | None = None) -> Overview:
    today = today or timezone.localdate()
    items = list(tracked_item_list(person=person, filters=RegisterFilters(status="open"), today=today)
                 .prefetch_related(Prefetch("decisions", queryset=TrackingDecision.objects.select_related("round")),
                                   Prefetch("rounds", queryset=ProgressRound.objects.filter(closed_at__isnull=True))))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i in items:
        names = ["各科室"] if i.all_units else [i.lead_unit.name if i.lead_unit_id else "（未指定）"]
        names += [u.name for u in i.co_units.all()]
        for name in names:
            counts[name][0] += 1
            counts[name][1] += i.is_overdue(today)
    undecided = []
    for i in items:
        open_rounds = {r.pk for r in i.rounds.all()}
        decided = {d.round_id for d in i.decisions.all()}
        if open_rounds - decided:
            undecided.append(i)
    return Overview(
        by_unit=sorted(((k, v[0], v[1]) for k, v in counts.items()), key=lambda t: -t[1]),
        overdue=[i for i in items if i.is_overdue(today)],
        release_proposed=[i for i in items if i.status == Status.RELEASE_PROPOSED],
        undecided=undecided,
    )


# --- the unit head's review (a rule per agency) ------------------------------------------------------

def review_rule_in_force(agency_id: int, on: dt.date) -> ReviewRule | None:
    """The agency's rule on `on`: the row with the latest effective date not after it (None: no review)."""
    return (ReviewRule.objects.filter(agency_id=agency_id, effective_from__lte=on)
            .order_by("-effective_from", "-id").first())


def unit_head_review_on(agency_id: int, on: dt.date) -> bool:
    rule = review_rule_in_force(agency_id, on)
    return rule is not None and rule.unit_head_review


def review_rules(*, agency) -> list[ReviewRule]:
    return list(ReviewRule.objects.filter(agency=agency).select_related("created_by"))


def report_may_review(person: Person, report: ProgressReport) -> bool:
    """The unit's head (or their deputy) reviews a report that awaits it."""
    return report.status == RStatus.AWAITING_HEAD and policy.may(person, "tracking.review", report)
