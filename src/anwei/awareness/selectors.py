"""Reads of awareness events and cases, always through the policy (anwei.orgs.policy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404

from anwei.awareness.models import DEFAULT_DUTY_WORDS, Case, DutyWords, Event, Topic
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.plans.models import SpecialPlan
from anwei.plans.outline import plan_lines


def topics_for(*, agency: Agency) -> QuerySet[Topic]:
    """The common list and the agency's own additions."""
    return Topic.objects.filter(Q(agency=None) | Q(agency=agency)).order_by("order", "id")


def units_for(*, agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency).order_by("order", "id")


def subordinates_for(*, agency: Agency) -> QuerySet[Agency]:
    return Agency.objects.filter(path__startswith=agency.path).exclude(pk=agency.pk).order_by("path")


def agencies_for(*, person: Person, action: str = "awareness.view") -> QuerySet[Agency]:
    s = policy.scope(person, action)
    return Agency.objects.filter(s.q(agency=None, unit=None)).order_by("path")


def event_list(*, person: Person, agency: Agency | None = None, start: dt.date | None = None,
               end: dt.date | None = None) -> QuerySet[Event]:
    qs = Event.objects.filter(policy.scope(person, "awareness.view").q(agency="agency", unit=None))
    if agency is not None:
        qs = qs.filter(agency=agency)
    if start is not None:
        qs = qs.filter(start_date__gte=start)
    if end is not None:
        qs = qs.filter(start_date__lte=end)
    return qs.select_related("agency", "topic").order_by("-start_date", "-id")


def event_get(*, person: Person, pk: int, action: str = "awareness.view") -> Event:
    event = Event.objects.select_related("agency", "topic").filter(pk=pk).first()
    if event is None or not policy.may(person, action, event):
        raise Http404("找不到此宣導活動")
    return event


def _ancestor_paths(agencies) -> set[str]:
    """The paths of every agency above the given ones ("000001.000007." → "000001.")."""
    out = set()
    for a in agencies:
        parts = a.path.split(".")[:-1]
        for n in range(1, len(parts)):
            out.add(".".join(parts[:n]) + ".")
    return out


def case_list(*, person: Person) -> QuerySet[Case]:
    """The library: the cases of the agencies this person reads, and those their superior offices published."""
    s = policy.scope(person, "awareness.view")
    above = _ancestor_paths(policy.granting_agencies(person, "awareness.view"))
    return (Case.objects.filter(s.q(agency="agency", unit=None) | Q(published=True, agency__path__in=above))
            .select_related("agency", "topic").order_by("-source_date", "-id"))


def case_get(*, person: Person, pk: int) -> Case:
    case = case_list(person=person).filter(pk=pk).first()
    if case is None:
        raise Http404("找不到此案例")
    return case


def cases_usable(*, agency: Agency) -> QuerySet[Case]:
    """Cases an agency may reuse (the caller has checked the person manages it): its own and those
    published by the offices above it."""
    above = _ancestor_paths([agency])
    return (Case.objects.filter(Q(agency=agency) | Q(published=True, agency__path__in=above))
            .select_related("agency").order_by("-source_date", "-id"))


def events_in_period(*, agency: Agency, start: dt.date, end: dt.date) -> list[Event]:
    """The agency's events whose first day is in the period, oldest first (for the work report)."""
    return list(Event.objects.filter(agency=agency, start_date__range=(start, end)).select_related("topic")
                .order_by("start_date", "id"))


def origins_for(*, agency: Agency):
    """What an event may come from: the agency's tracked items still open (a meeting ruling, an inspection's
    deficiency …), newest first."""
    from anwei.tracking.models import TrackedItem

    return (TrackedItem.objects.filter(agency=agency).exclude(status=TrackedItem.Status.RELEASED)
            .order_by("-roc_year", "-id"))


# Plans whose period ended longer ago than this are no longer offered when recording an event.
DUTY_WINDOW = dt.timedelta(days=90)


def duty_words_rows(*, agency_id: int | None) -> tuple[DutyWords | None, DutyWords | None]:
    """The agency's own row of duty words and the nationwide default's (either may be missing), in one query."""
    rows = {r.agency_id: r for r in DutyWords.objects.filter(Q(agency_id=agency_id) | Q(agency__isnull=True))}
    return rows.get(agency_id) if agency_id else None, rows.get(None)


def duty_words_for(*, agency_id: int | None) -> tuple[str, ...]:
    """The words that make a plan's line an awareness duty for an agency (「加強宣導保密規定」「請適時提醒員工…」):
    its own row, else (missing or empty) the nationwide default."""
    for row in duty_words_rows(agency_id=agency_id):
        if row is not None and row.word_list():
            return tuple(row.word_list())
    return DEFAULT_DUTY_WORDS


def is_awareness_duty(text: str, words=DEFAULT_DUTY_WORDS) -> bool:
    return any(word in text for word in words)


@dataclass(frozen=True)
class PlanDuty:
    plan: SpecialPlan
    path: str
    text: str

    @property
    def value(self) -> str:
        return f"{self.plan.pk}|{self.path}"

    @property
    def label(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:40] + "…"
        return f"{self.plan.title} {self.path}{text}"


def plan_duties(plan: SpecialPlan, words: tuple[str, ...] | None = None) -> list[PlanDuty]:
    """The plan's awareness duties by `words` (by default the words of the plan's own agency)."""
    words = duty_words_for(agency_id=plan.agency_id) if words is None else words
    return [PlanDuty(plan, line.path, line.text) for line in plan_lines(plan.sections)
            if is_awareness_duty(line.text, words)]


def plan_duties_for(*, agency: Agency, on: dt.date) -> list[PlanDuty]:
    """The awareness duties of the plans an agency carries out around `on`: its own plans and those
    dispatched to it, newest first."""
    plans = (SpecialPlan.objects.filter(Q(agency=agency) | Q(letter__assignments__agency=agency,
                                                              letter__dispatched_at__isnull=False))
             .filter(period_end__gte=on - DUTY_WINDOW, period_start__lte=on + DUTY_WINDOW)
             .distinct().order_by("-period_start", "-id")[:10])
    words = duty_words_for(agency_id=agency.pk)  # the recording agency's words, for its own and dispatched plans
    return [duty for plan in plans for duty in plan_duties(plan, words)]


def plan_duty_find(*, agency: Agency, value: str, on: dt.date) -> PlanDuty | None:
    return next((d for d in plan_duties_for(agency=agency, on=on) if d.value == value), None)


def plan_events(*, plan: SpecialPlan, agency_ids: list[int]) -> list[Event]:
    """Events recorded for the plan's duties by these agencies, oldest first."""
    return list(Event.objects.filter(origin_type=ContentType.objects.get_for_model(SpecialPlan), origin_id=plan.pk,
                                     agency_id__in=agency_ids).select_related("agency").order_by("start_date", "id"))
