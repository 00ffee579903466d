"""Reads: every one scoped to what the acting person may see. Requests are personal data, so the scope is
narrow: the applicant, the people of the request's chain, the managing unit and the ethics unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import access_log
from anwei.core.models import AuditEntry
from anwei.footage.models import (DEFAULT_RETENTION_DAYS, ApprovalChain, ApprovalStep, Device, FootageRequest,
                                  FootageSettings, RequestKind, RequestStep, RetentionRule, StepRole, WindowHold)
from anwei.core.periods import Period, PeriodUnit, due, moment_add
from anwei.core.rulebook import RuleBook
from anwei.lib.rocdate import format_with_weekday as roc_weekday
from anwei.lib.rocdate import roc_year
from anwei.orgs import policy, posts
from anwei.orgs.models import Agency, Person
from anwei.orgs.posts import Holder, Post
from anwei.orgs.selectors import person_primary_agency

# When an agency has no chain rows yet: seed 001's chain.
DEFAULT_CHAIN = [(StepRole.UNIT_HEAD, "單位主管"), (StepRole.ETHICS, "會辦政風室"), (StepRole.AGENCY_HEAD, "機關首長")]


# --- rules ---------------------------------------------------------------------------------------------

def settings_for(agency: Agency | None) -> FootageSettings | None:
    if agency is None:
        return None
    return FootageSettings.objects.select_related("agency", "managing_unit").filter(agency=agency).first()


CHAIN_BOOK = RuleBook(ApprovalChain, kind_field="request_kind", start_field="effective_from", nationwide=False)


def _chain_pick(agency: Agency, rows: list[ApprovalChain], kind: str, on: dt.date) -> ApprovalChain | None:
    """Among the line's chains started by `on` and not ended before it: a chain for this kind beats one for all
    kinds; within each, the latest start wins, on the same date the nearer agency's, then the newer row."""
    live = sorted((r for r in rows if r.effective_from <= on and (r.effective_to is None or r.effective_to >= on)),
                  key=lambda r: -r.pk)
    for wanted in (kind, ""):
        order = CHAIN_BOOK.ordered(agency, [r for r in live if r.request_kind == wanted], on)
        if order:
            return order[0]
    return None


def _chain_rows(agency: Agency, on: dt.date | None = None) -> list[ApprovalChain]:
    qs = CHAIN_BOOK.queryset(agency)
    if on is not None:
        qs = qs.filter(effective_from__lte=on)
    return list(qs.prefetch_related(Prefetch("steps", queryset=ApprovalStep.objects.order_by("order"))))


def chain_in_force(*, agency: Agency, kind: str, on: dt.date) -> ApprovalChain | None:
    """The chain a request of this kind filed on `on` follows: the agency's own or, where it has none, its
    superior office's (a superior's chain is the default of its subtree: anwei.core.rulebook); None: the
    system default (DEFAULT_CHAIN)."""
    return _chain_pick(agency, _chain_rows(agency, on), kind, on)


def chains_in_force(*, agency: Agency, on: dt.date) -> list[tuple[str, ApprovalChain | None]]:
    """(request kind label, chain in force or None for the system default) for every kind (one query)."""
    rows = _chain_rows(agency, on)
    return [(label, _chain_pick(agency, rows, kind, on)) for kind, label in RequestKind.choices]


def chain_steps_for(*, agency: Agency, kind: str, on: dt.date) -> list[tuple[str, str]]:
    """(role, label) of the chain in force on `on` for this kind (chain_in_force); a chain without steps, or
    none at all, gives the system default."""
    chain = chain_in_force(agency=agency, kind=kind, on=on)
    if chain is not None and chain.steps.all():
        return [(s.role, s.label) for s in chain.steps.all()]
    return list(DEFAULT_CHAIN)


BOOK = RuleBook(RetentionRule, kind_field="record", start_field="effective_from", nationwide=False)
RULE_KINDS = RetentionRule.Record.values


def retention_period(*, agency: Agency, record: str, on: dt.date) -> Period:
    """The retention of one kind of record by the rule in force on `on` along the agency's line (its own rows,
    its superiors' defaults: anwei.core.rulebook); calendar days unless the rule says."""
    rule = BOOK.in_force(agency, record, on)
    return rule.period if rule is not None else Period(DEFAULT_RETENTION_DAYS[record], PeriodUnit.DAYS)


def decision_period(*, fs: FootageSettings, on: dt.date) -> Period:
    """How soon a request filed on `on` is decided: the decision rule in force, else the agency's setting."""
    rule = BOOK.in_force(fs.agency, RetentionRule.Record.DECISION, on)
    return rule.period if rule is not None else fs.decision_period


def rule_example(*, kind: str, period: Period, agency: Agency, on: dt.date) -> str:
    """What a footage rule means on a given day, in the agency's calendar (the preview and the in-force table)."""
    day, until = roc_weekday(on), roc_weekday(due(on, period, agency))
    return {
        RetentionRule.Record.FOOTAGE: f"{day}錄得的影像，至少保存至{until}",
        RetentionRule.Record.COPY: f"{day}複製的影音資料，至遲應於{until}以前銷毀",
        RetentionRule.Record.REQUEST: f"{day}結案的申請表及登記簿，至少保存至{until}",
        RetentionRule.Record.DECISION: f"{day}送出的申請，應於{until}以前作成決定",
    }[kind]


def footage_overwrite_at(*, agency: Agency, recorded_at: dt.datetime, on: dt.date) -> dt.datetime:
    """When the recorder overwrites footage recorded at `recorded_at`, by the retention rule in force on `on`."""
    period = retention_period(agency=agency, record=RetentionRule.Record.FOOTAGE, on=on)
    return moment_add(recorded_at, period, agency)


def footage_earliest(*, agency: Agency, now: dt.datetime) -> tuple[dt.datetime, Period]:
    """The oldest moment whose footage still exists now, and the retention period that says so."""
    period = retention_period(agency=agency, record=RetentionRule.Record.FOOTAGE, on=now.date())
    return moment_add(now, period, agency, before=True), period


def window_hold_of(req: FootageRequest) -> WindowHold | None:
    """The hold placed on the request's window at filing (the caller has already opened the request)."""
    return WindowHold.objects.filter(request=req).first()


def holds_active(*, person: Person) -> tuple[FootageSettings, QuerySet[WindowHold]]:
    """Windows the managing unit must keep from overwriting now (filed requests awaiting their decision),
    soonest overwrite first: the person's agency's holds, for its managing unit and ethics officer (else 404).
    A fixed number of queries per page (the request and the requested cameras come along)."""
    fs = managed_settings(person=person)
    return fs, (WindowHold.objects.filter(request__agency=fs.agency, released_at__isnull=True)
                .select_related("request", "request__unit").prefetch_related("request__cameras")
                .order_by("overwrite_on", "request_id"))


def holds_released(*, fs: FootageSettings, limit: int = 20) -> list[WindowHold]:
    """The agency's most recently released holds (the decision was made). Callers opened `fs` by managed_settings."""
    return list(WindowHold.objects.filter(request__agency=fs.agency, released_at__isnull=False)
                .select_related("request").order_by("-released_at", "-id")[:limit])


def chain_list(*, agency: Agency) -> list[ApprovalChain]:
    """Every chain that can apply to the agency (its own and its superiors' defaults for their subtree), newest
    first, with its steps. Callers check the permission first."""
    return sorted(_chain_rows(agency), key=lambda c: (c.effective_from, c.pk), reverse=True)


def retention_rule_list(*, agency: Agency) -> list[RetentionRule]:
    """Every rule row that applies to the agency: its own and its superiors' defaults, newest first."""
    return BOOK.rows(agency)


def device_list(*, person: Person, agency: Agency, kind: str | None = Device.Kind.CAMERA,
                active_only: bool = True) -> QuerySet[Device]:
    if not policy.may(person, "footage.device.view", agency):
        return Device.objects.none()
    qs = Device.objects.filter(site__agency=agency).select_related("site")
    if kind:
        qs = qs.filter(kind=kind)
    if active_only:
        qs = qs.filter(active=True, site__active=True)
    return qs.order_by("site__order", "site_id", "order", "id")


def device_get(*, agency: Agency, pk: int) -> Device:
    """One of the agency's devices (the caller has checked the person may manage the agency's)."""
    device = Device.objects.select_related("site").filter(pk=pk, site__agency=agency).first()
    if device is None:
        raise Http404("找不到此設備")
    return device


# --- who sees a request --------------------------------------------------------------------------------

def _step_exists(role: str) -> Exists:
    return Exists(RequestStep.objects.filter(request=OuterRef("pk"), role=role))


def _chain_q(person: Person) -> Q:
    """Requests whose chain contains a step this person holds."""
    q = Q(pk__in=[])
    s = policy.scope(person, "footage.step.unit_head")
    if s.unit_ids:
        q |= Q(unit__in=s.unit_ids) & _step_exists(StepRole.UNIT_HEAD)
    s = policy.scope(person, "footage.step.managing_head")
    if s.unit_ids:
        q |= Q(managing_unit__in=s.unit_ids) & _step_exists(StepRole.MANAGING_HEAD)
    for role in (StepRole.ETHICS, StepRole.AGENCY_HEAD):
        s = policy.scope(person, f"footage.step.{role}")
        if s.agency_ids:
            q |= Q(agency__in=s.agency_ids) & _step_exists(role)
    return q


def _visible_q(person: Person) -> Q:
    s = policy.scope(person, "footage.request.view")
    return s.q(agency="agency", unit="managing_unit", owner="filed_by") | _chain_q(person)


def request_list(*, person: Person, status: str = "", year: int | None = None, kind: str = "",
                 waiting: bool = False) -> QuerySet[FootageRequest]:
    qs = FootageRequest.objects.filter(_visible_q(person))
    if waiting:
        qs = qs.filter(pk__in=[req.pk for req in requests_awaiting(person)])
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(number_year=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.select_related("unit", "agency").order_by("-number_year", "-number_serial")


def request_get(*, person: Person, pk: int) -> FootageRequest:
    req = (FootageRequest.objects.select_related("agency", "unit", "managing_unit", "filed_by")
           .prefetch_related("steps").filter(pk=pk).first())
    if req is None or not request_may_view(person, req):
        raise Http404("找不到此申請")
    return req


def request_may_view(person: Person, req: FootageRequest) -> bool:
    if policy.may(person, "footage.request.view", req):
        return True
    return any(request_step_holder(person, step) for step in _steps(req))


def _steps(req: FootageRequest) -> list[RequestStep]:
    steps = list(req.steps.all())
    for step in steps:
        step.request = req  # the policy reads step.agency and the request's units without a query
    return steps


def request_step_holder(person: Person, step: RequestStep) -> bool:
    """Holds the step's post (in their own right or as the deputy of its absent holder)."""
    return policy.may(person, f"footage.step.{step.role}", step)


def request_current_step(req: FootageRequest) -> RequestStep | None:
    if req.status != FootageRequest.Status.PENDING or req.current_step is None:
        return None
    return next((s for s in _steps(req) if s.order == req.current_step), None)


# --- who decides a step: the post's holder, their deputy, or under the vacancy rule someone else ------

def step_post(req: FootageRequest, role: str) -> Post | None:
    """The orgs post that decides a step of this request (None: a unit head step with no unit)."""
    if role == StepRole.UNIT_HEAD:
        return posts.unit_head(req.agency_id, req.unit_id) if req.unit_id else None
    if role == StepRole.MANAGING_HEAD:
        return posts.unit_head(req.agency_id, req.managing_unit_id)
    if role == StepRole.ETHICS:
        return posts.ethics_officers(req.agency_id)
    return posts.agency_head(req.agency_id)


@dataclass(frozen=True)
class StepDecider:
    """Who decides the current step: the effective post and its holders on the day, and the vacancy
    that sent it there ("綜合企劃科單位主管出缺") when the step's own post has nobody."""

    post: Post
    holders: tuple[Holder, ...]
    vacancy: str = ""


def _unit_name(req: FootageRequest, role: str) -> str:
    unit = req.unit if role == StepRole.UNIT_HEAD else req.managing_unit if role == StepRole.MANAGING_HEAD else None
    return unit.name if unit is not None else ""


def step_deciders(reqs: list[FootageRequest], on: dt.date | None = None) -> dict[int, StepDecider]:
    """The decider of each pending request's current step (two queries for any number of requests).

    The vacancy rule: a step whose post nobody holds goes to the holder of the next step of the chain
    that has one, else to the agency's ethics officers."""
    on = on or clock.today()
    chains: dict[int, list[tuple[RequestStep, Post]]] = {}
    wanted: set[Post] = set()
    for req in reqs:
        if req.status != FootageRequest.Status.PENDING or req.current_step is None:
            continue
        chain = [(s, step_post(req, s.role)) for s in _steps(req) if s.order >= req.current_step]
        chain = [(s, p) for s, p in chain if p is not None]
        if chain:
            chains[req.pk] = chain
            wanted.update(p for _s, p in chain)
            wanted.add(posts.fallback(chain[0][1]))
    found = posts.resolve(wanted, on)
    out: dict[int, StepDecider] = {}
    by_pk = {req.pk: req for req in reqs}
    for pk, chain in chains.items():
        step, post = chain[0]
        if found[post]:
            out[pk] = StepDecider(post, tuple(found[post]))
            continue
        vacancy = f"{post.title(_unit_name(by_pk[pk], step.role))}出缺"
        nxt = next(((p, found[p]) for _s, p in chain[1:] if found[p]), None)
        if nxt is None:
            fb = posts.fallback(post)
            nxt = (fb, found[fb])
        out[pk] = StepDecider(nxt[0], tuple(nxt[1]), vacancy)
    return out


def request_decider(req: FootageRequest) -> StepDecider | None:
    return step_deciders([req]).get(req.pk)


def request_may_decide(person: Person, req: FootageRequest) -> bool:
    step = request_current_step(req)
    if step is None:
        return False
    if request_step_holder(person, step):
        return True
    decider = request_decider(req)
    return decider is not None and any(h.person_id == person.pk for h in decider.holders)


def request_decider_label(person: Person, req: FootageRequest) -> str:
    """How the record names the decider: with 代理 (the absent holder), or the vacancy it went round."""
    step = request_current_step(req)
    if step is not None and request_step_holder(person, step):
        return posts.record_label(person, acting_for=policy.acting_for(person, f"footage.step.{step.role}", step))
    decider = request_decider(req) if step is not None else None
    return posts.record_label(person, vacancy=decider.vacancy if decider else "", verb="核決")


def _decides_anything(person: Person) -> bool:
    return any(not policy.scope(person, f"footage.step.{role}").empty for role in StepRole.values)


def requests_awaiting(person: Person) -> list[FootageRequest]:
    """Pending requests whose current step this person decides now (fixed number of queries)."""
    if not _decides_anything(person):
        return []
    agencies = {a.pk for a in policy.member_agencies(person)}
    reqs = list(FootageRequest.objects.filter(status=FootageRequest.Status.PENDING, agency_id__in=agencies)
                .select_related("agency", "unit", "managing_unit").prefetch_related("steps").order_by("due_on", "id")[:200])
    deciders = step_deciders(reqs)
    out = []
    for req in reqs:
        step = request_current_step(req)
        decider = deciders.get(req.pk)
        if step is not None and (request_step_holder(person, step) or (
                decider is not None and any(h.person_id == person.pk for h in decider.holders))):
            req.decider = decider
            out.append(req)
    return out


def vacancies_seen_by(person: Person) -> list[tuple[FootageRequest, StepDecider]]:
    """For an agency's ethics officers: pending requests whose current step's post is vacant."""
    agencies = policy.scope(person, "footage.step.ethics").agency_ids
    if not agencies:
        return []
    reqs = list(FootageRequest.objects.filter(status=FootageRequest.Status.PENDING, agency_id__in=agencies)
                .select_related("agency", "unit", "managing_unit").prefetch_related("steps").order_by("id")[:200])
    deciders = step_deciders(reqs)
    return [(req, deciders[req.pk]) for req in reqs if req.pk in deciders and deciders[req.pk].vacancy]


def request_may_manage(person: Person, req: FootageRequest) -> bool:
    return policy.may(person, "footage.request.manage", req)


def request_may_edit(person: Person, req: FootageRequest) -> bool:
    """Returned requests go back to whoever filed them."""
    return (req.status == FootageRequest.Status.RETURNED and not req.is_destroyed
            and req.filed_by_id == person.pk)


VIEW_ACTIONS = {"footage.view": "檢視申請", "footage.view.document": "下載申請表", "footage.view.attachment": "下載附件"}


def request_view_log(*, req: FootageRequest, limit: int = 50) -> list[AuditEntry]:
    """Who looked at the request, when and at what (each entry gets .what)."""
    return access_log(req, VIEW_ACTIONS, limit=limit)


def managing_unit_people(*, req: FootageRequest) -> QuerySet[Person]:
    """Who may accompany a viewing: the people of the request's managing unit."""
    unit_id = req.managing_unit_id
    return (Person.objects.filter(Q(unit_id=unit_id) | Q(memberships__unit_id=unit_id), is_active=True)
            .distinct().order_by("full_name"))


# --- the managing unit's views -------------------------------------------------------------------------

def managed_settings(*, person: Person, action: str = "footage.register.view") -> FootageSettings:
    """The settings of the person's agency, if the person may act on the register there; else 404."""
    fs = settings_for(person_primary_agency(person))
    if fs is None or not policy.may(person, action, fs):
        raise Http404("找不到此頁面")
    return fs


def register_rows(*, agency_id: int, year: int) -> QuerySet[FootageRequest]:
    """專簿: every request of the year with its outcome. Callers check footage.register.view first."""
    return (FootageRequest.objects.filter(agency_id=agency_id, number_year=year)
            .select_related("unit", "viewing", "viewing__accompanied_by", "destruction")
            .prefetch_related("cameras").order_by("number_serial"))


def register_years(*, fs: FootageSettings) -> list[int]:
    years = set(FootageRequest.objects.filter(agency=fs.agency).values_list("number_year", flat=True).distinct())
    years.add(roc_year(timezone.localdate()))
    return sorted(years, reverse=True)


def retention_due(*, fs: FootageSettings | None = None, today: dt.date | None = None) -> QuerySet[FootageRequest]:
    """Requests whose destruction date has come and that no legal hold protects."""
    today = today or timezone.localdate()
    qs = FootageRequest.objects.filter(retention_due_on__lte=today, legal_hold=False, destroyed_at__isnull=True)
    if fs is not None:
        qs = qs.filter(agency=fs.agency)
    return qs.select_related("agency", "unit").order_by("retention_due_on", "id")


def retention_held(*, fs: FootageSettings) -> QuerySet[FootageRequest]:
    return (FootageRequest.objects.filter(agency=fs.agency, legal_hold=True, destroyed_at__isnull=True)
            .select_related("unit").order_by("number_year", "number_serial"))


def destruction_rows(*, agency_id: int, year: int) -> QuerySet[FootageRequest]:
    """Requests destroyed in the given ROC year. Callers check footage.register.view first."""
    return (FootageRequest.objects.filter(agency_id=agency_id, destruction__destroyed_at__year=year + 1911)
            .select_related("destruction", "viewing", "unit").order_by("destruction__destroyed_at", "id"))


# --- home page ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InboxRows:
    waiting: list[FootageRequest]
    returned: list[FootageRequest]
    to_record: list[FootageRequest]
    due_count: int
    managed_units: frozenset[int] = frozenset()


def inbox_rows(person: Person, *, limit: int = 20) -> InboxRows:
    waiting = requests_awaiting(person)[:limit]
    returned = list(FootageRequest.objects.filter(status=FootageRequest.Status.RETURNED, filed_by=person)
                    .order_by("id")[:limit])
    managed = policy.scope(person, "footage.request.manage")
    to_record: list[FootageRequest] = []
    due_count = 0
    if managed.unit_ids:
        to_record = list(FootageRequest.objects.filter(status=FootageRequest.Status.APPROVED, destroyed_at__isnull=True,
                                                       managing_unit__in=managed.unit_ids).order_by("id")[:limit])
        due_count = FootageRequest.objects.filter(
            managing_unit__in=managed.unit_ids, retention_due_on__lte=clock.today(), legal_hold=False,
            destroyed_at__isnull=True).count()
    return InboxRows(waiting, returned, to_record, due_count, frozenset(managed.unit_ids))


def kind_needs_manager(kind: str) -> bool:
    """External and judicial requests are received and registered by the managing unit (seed 001 九)."""
    return kind in (RequestKind.EXTERNAL, RequestKind.JUDICIAL)
