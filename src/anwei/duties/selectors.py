"""Reads: an agency's duties with their last and next dates, through the policy.

An agency owes its own duties (RecurringDuty) and the duties a superior ethics office set for its whole subtree
(SubtreeDuty): those are resolved along the agency's path, not copied per agency, so an agency added under the
office later owes them too. How often each is due for an agency is the SubtreeDutyFrequency row in force for it
(anwei.core.rulebook: the office's default, or the agency's own frequency where the office did not fix it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.http import Http404
from django.urls import reverse

from anwei.core.periods import Period, PeriodUnit, due
from anwei.core.rulebook import RuleBook, ancestor_ids
from anwei.core.workdays import Calendars
from anwei.duties.models import DutyDone, Kind, RecurringDuty, SubtreeDuty, SubtreeDutyDone, SubtreeDutyFrequency
from anwei.lib import ruletree
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person

# The frequency rows of one subtree duty along an agency's line; a "kind" is the duty's id.
BOOK = RuleBook(SubtreeDutyFrequency, kind_field="duty_id", nationwide=False)


@dataclass(frozen=True)
class AgencyDuty:
    """A duty an agency owes: its own row, or a superior office's default for its subtree with the frequency in
    force for this agency and the superior's fixed row that forbids it its own frequency (if any)."""

    agency: Agency
    own: RecurringDuty | None = None
    default: SubtreeDuty | None = None
    frequency: SubtreeDutyFrequency | None = None
    locked: SubtreeDutyFrequency | None = None

    @property
    def _row(self):
        return self.own if self.own is not None else self.default

    @property
    def agency_id(self) -> int:
        return self.agency.pk

    @property
    def kind(self) -> str:
        return self._row.kind

    def get_kind_display(self) -> str:
        return self._row.get_kind_display()

    @property
    def name(self) -> str:
        return self._row.name

    @property
    def basis(self) -> str:
        return self._row.basis

    @property
    def starts_on(self) -> dt.date:
        return self._row.starts_on

    @property
    def ends_on(self) -> dt.date | None:
        return self._row.ends_on

    @property
    def period(self) -> Period:
        return self.own.period if self.own is not None else self.frequency.period

    @property
    def by_superior(self) -> bool:
        """Set by an office above the agency (not by the agency itself for its subtree)."""
        return self.default is not None and self.default.agency_id != self.agency.pk

    @property
    def frequency_own(self) -> bool:
        """The frequency in force is the agency's own (an office's default it set for itself, or its override)."""
        return self.frequency is not None and self.frequency.agency_id == self.agency.pk

    @property
    def key(self) -> str:
        """Stable across days (the notification engine's obligation key starts with it)."""
        if self.own is not None:
            return f"duties:{self.own.pk}"
        return f"duties:default:{self.default.pk}:{self.agency.pk}"

    @property
    def order(self) -> tuple:
        return (self.kind, self.own is None, self._row.pk)

    @property
    def done_url(self) -> str:
        if self.own is not None:
            return reverse("duties:done", args=[self.own.pk])
        return reverse("duties:default_done", args=[self.default.pk])


@dataclass(frozen=True)
class DutyState:
    duty: AgencyDuty
    last_done: dt.date | None
    next_due: dt.date

    def overdue(self, today: dt.date) -> bool:
        return self.next_due < today

    def state(self, today: dt.date) -> str:
        """overdue; due (within a month of its date, or never done yet and not late); done (done within its
        period and not due for more than a month)."""
        if self.overdue(today):
            return "overdue"
        if self.last_done is None or self.next_due - today <= NOTICE:
            return "due"
        return "done"


NOTICE = dt.timedelta(days=30)  # a duty shows as coming due (and on the to-do list) a month before its date
STATE_LABELS = {"done": "如期辦理", "due": "待辦理", "overdue": "已逾期"}


def next_due(duty, last_done: dt.date | None, calendars: Calendars | None = None) -> dt.date:
    """One period after it was last done, the first time one period after the start (agency's calendar)."""
    return due(last_done or duty.starts_on, duty.period, duty.agency, calendars=calendars)


def _agency_duty(d) -> AgencyDuty:
    return d if isinstance(d, AgencyDuty) else AgencyDuty(d.agency, own=d)


def states(duties: list) -> list[DutyState]:
    """Each duty (AgencyDuty, or an agency's own RecurringDuty) with its last and next dates: one query for the
    latest records of own duties, one for those of the subtree duties among them (per agency), one for every
    agency's calendar when some duty counts working days — not one per duty or per agency."""
    items = [_agency_duty(d) for d in duties]
    latest = dict(DutyDone.objects.filter(duty__in=[d.own for d in items if d.own is not None])
                  .values("duty").annotate(last=Max("done_on")).values_list("duty", "last"))
    defaults = [d for d in items if d.default is not None]
    done_by_agency: dict[tuple[int, int], dt.date] = {}
    if defaults:
        wanted = {(d.default.pk, d.agency.pk) for d in defaults}
        rows = (SubtreeDutyDone.objects.filter(duty_id__in={pk for pk, _ in wanted}).values("duty", "agency")
                .annotate(last=Max("done_on")).values_list("duty", "agency", "last"))
        done_by_agency = {(duty, agency): last for duty, agency, last in rows if (duty, agency) in wanted}

    def last(d: AgencyDuty) -> dt.date | None:
        return latest.get(d.own.pk) if d.own is not None else done_by_agency.get((d.default.pk, d.agency.pk))

    lasts = [last(d) for d in items]
    counted = [(lst or d.starts_on, d.period.amount) for d, lst in zip(items, lasts)
               if d.period.unit == PeriodUnit.WORKDAYS]
    calendars = Calendars(min(day for day, _ in counted),
                          max(day + dt.timedelta(days=n * 3 + 40) for day, n in counted)) if counted else None
    return [DutyState(d, lst, next_due(d, lst, calendars)) for d, lst in zip(items, lasts)]


def _active(qs, today: dt.date):
    return qs.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=today), starts_on__lte=today)


def _resolved(agencies: list[Agency], duties: list[SubtreeDuty], today: dt.date) -> list[AgencyDuty]:
    """Each agency's share of the subtree duties set on its line, with the frequency in force for it (in memory:
    the duties come with their frequency rows)."""
    out = []
    for agency in agencies:
        line = ancestor_ids(agency)
        level = len(line) - 1
        for duty in duties:
            if duty.agency_id not in line:
                continue
            rows = [r for r in duty.frequencies.all() if r.agency_id in line]
            frequency = BOOK.resolve(agency, rows, today)
            if frequency is None:
                continue
            candidates = BOOK.candidates(agency, rows)
            lock = (ruletree.locked_by(candidates, level, today) or ruletree.locked_by(candidates, level, dt.date.max))
            out.append(AgencyDuty(agency, default=duty, frequency=frequency, locked=lock.row if lock else None))
    return out


def _with_frequencies(qs):
    return qs.select_related("agency").prefetch_related(
        Prefetch("frequencies", queryset=SubtreeDutyFrequency.objects.select_related("agency")))


def defaults_in_force(*, agency_ids: list[int] | None, today: dt.date, agencies: list[Agency] | None = None,
                      among=None) -> list[AgencyDuty]:
    """The subtree duties the agencies owe on `today` (all agencies when agency_ids is None): one query when no
    office set any, three otherwise (the duties, their frequency rows, the agencies) — however many agencies.
    `among`: the same agencies as a subquery, sent instead of hundreds of ids."""
    if agency_ids is not None and not agency_ids:
        return []
    chosen = agency_ids if among is None else among
    qs = _active(SubtreeDuty.objects.all(), today)
    if agency_ids is not None:
        qs = qs.filter(Exists(Agency.objects.filter(pk__in=chosen, path__startswith=OuterRef("agency__path"))))
    duties = list(_with_frequencies(qs).order_by("agency__path", "kind", "id"))
    if not duties:
        return []
    if agencies is None:
        if agency_ids is None:
            within = Q(pk__in=[])
            for path in {d.agency.path for d in duties}:
                within |= Q(path__startswith=path)
            agencies = list(Agency.objects.filter(within))
        else:
            agencies = list(Agency.objects.filter(pk__in=chosen))
    return _resolved(agencies, duties, today)


def active_duties(*, agency_ids: list[int] | None, today: dt.date, among=None) -> list[AgencyDuty]:
    """Every duty the agencies owe on `today` (all agencies when agency_ids is None): their own and their superiors'
    subtree duties. `among`: the same agencies as a subquery, sent instead of hundreds of ids."""
    if agency_ids is not None and not agency_ids:
        return []
    qs = _active(RecurringDuty.objects.all(), today)
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids if among is None else among)
    own = [AgencyDuty(d.agency, own=d) for d in qs.select_related("agency").order_by("agency_id", "kind", "id")]
    return sorted(own + defaults_in_force(agency_ids=agency_ids, today=today, among=among),
                  key=lambda d: (d.agency_id, d.order))


def duty_list(*, person: Person, agency: Agency) -> list[RecurringDuty]:
    if not policy.may(person, "duties.manage", agency):
        raise Http404("找不到此頁面")
    return list(RecurringDuty.objects.filter(agency=agency).select_related("agency").order_by("ends_on", "kind", "id"))


def agency_defaults(*, person: Person, agency: Agency, today: dt.date) -> list[AgencyDuty]:
    """The subtree duties the agency owes today (set by an office above it, or by itself for its subtree)."""
    if not policy.may(person, "duties.manage", agency):
        raise Http404("找不到此頁面")
    return defaults_in_force(agency_ids=[agency.pk], today=today, agencies=[agency])


def duty_get(*, person: Person, pk: int) -> RecurringDuty:
    duty = RecurringDuty.objects.select_related("agency").filter(pk=pk).first()
    if duty is None or not policy.may(person, "duties.manage", duty.agency):
        raise Http404("找不到此定期工作")
    return duty


def done_list(duty: RecurringDuty) -> list[DutyDone]:
    return list(duty.done.select_related("recorded_by")[:20])


# --- a superior office's duties for its subtree ---------------------------------------------------------------

def has_subordinates(agency: Agency) -> bool:
    return Agency.objects.filter(parent=agency).exists()


def may_set_defaults(person: Person, agency: Agency) -> bool:
    """The office's ethics officer, where the office has agencies below it (or already set duties for them)."""
    return policy.may(person, "duties.defaults.manage", agency) and (
        has_subordinates(agency) or SubtreeDuty.objects.filter(agency=agency).exists())


def default_list(*, person: Person, agency: Agency) -> list[SubtreeDuty]:
    """The duties the office set for its subtree, each with every frequency row (its own and those of agencies
    below that set their own)."""
    if not may_set_defaults(person, agency):
        raise Http404("找不到此頁面")
    return list(_with_frequencies(SubtreeDuty.objects.filter(agency=agency)).order_by("ends_on", "kind", "id"))


def default_get(*, person: Person, agency: Agency, pk: int) -> SubtreeDuty:
    """A subtree duty that applies to the agency (set by it or by an office above it), for its ethics officer."""
    duty = _with_frequencies(SubtreeDuty.objects.filter(pk=pk)).first()
    if duty is None or not agency.path.startswith(duty.agency.path) or not policy.may(person, "duties.manage", agency):
        raise Http404("找不到此定期工作")
    return duty


def default_owned(*, person: Person, agency: Agency, pk: int) -> SubtreeDuty:
    """A subtree duty the agency itself set, for the office's ethics officer (to stop it)."""
    duty = default_get(person=person, agency=agency, pk=pk)
    if duty.agency_id != agency.pk or not policy.may(person, "duties.defaults.manage", agency):
        raise Http404("找不到此定期工作")
    return duty


@dataclass(frozen=True)
class DefaultView:
    """One subtree duty as one agency sees it: the frequency rows on its line (newest first), the one in force,
    the superior's fixed row that forbids it its own, and (for the office that set it) the agencies below that
    set their own frequency."""

    duty: SubtreeDuty
    agency: Agency
    rows: list[SubtreeDutyFrequency]
    in_force: SubtreeDutyFrequency | None
    locked: SubtreeDutyFrequency | None
    overrides: list[SubtreeDutyFrequency]

    @property
    def owner(self) -> bool:
        return self.duty.agency_id == self.agency.pk


def default_view(duty: SubtreeDuty, agency: Agency, today: dt.date) -> DefaultView:
    line = ancestor_ids(agency)
    rows = sorted((r for r in duty.frequencies.all() if r.agency_id in line),
                  key=lambda r: (r.starts_on, line.index(r.agency_id), r.pk), reverse=True)
    [resolved] = _resolved([agency], [duty], today) or [None]
    below = [r for r in duty.frequencies.all() if r.agency_id not in line] if duty.agency_id == agency.pk else []
    owner = duty.agency_id == agency.pk
    locked = resolved.locked if resolved else None if owner else BOOK.locked_by(agency, str(duty.pk), dt.date.max)
    return DefaultView(duty, agency, rows, resolved.frequency if resolved else None, locked,
                       sorted(below, key=lambda r: (r.agency.path, r.starts_on)))


def default_done_list(duty: SubtreeDuty, agency: Agency) -> list[SubtreeDutyDone]:
    return list(SubtreeDutyDone.objects.filter(duty=duty, agency=agency).select_related("recorded_by")[:20])


def duplicates(duties: list[AgencyDuty]) -> list[tuple[AgencyDuty, AgencyDuty]]:
    """The agency's own duties of the same kind as one a superior set for it (other than 其他): probably the same
    work twice, which the agency's officer may stop."""
    mine = [d for d in duties if d.own is not None and d.kind != Kind.OTHER]
    return [(o, d) for d in duties if d.by_superior for o in mine if o.kind == d.kind]
