"""The one permission policy: "may this person do this to this object?"

Every view asks `may()` (or goes through a selector that uses `scope()`); nothing
else decides access. Rules are data: each action names the roles that grant it in
the object's own agency, whether a superior ethics officer grants it across the
subtree, which roles grant it only for objects of their own unit, and whether the
object's owner (e.g. the traveller of a travel record) may do it.

Domain apps add their actions to RULES below, in their own section.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Q

from anwei.core import clock, dataversion
from anwei.orgs.models import Agency, Deputy, Membership, Person, Role

R = Role
ALL_ROLES = frozenset(Role.values)

# People's grants are kept in a cache of their own, keyed under the global data version.
GRANTS_CACHE = "grants"
# Also dropped after this long, as the page cache does: the safety net for rows changed outside
# the application (a restored backup), not the mechanism.
GRANTS_TIMEOUT = 600


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str] = frozenset()
    subtree: bool = False  # a superior ethics officer holds it in every agency below
    unit_roles: frozenset[str] = frozenset()  # roles that hold it only for their own unit's objects
    owner: bool = False  # the object's owner (obj.policy_owner_id()) holds it

    def __post_init__(self) -> None:
        unknown = (self.roles | self.unit_roles) - ALL_ROLES
        if unknown:
            raise ValueError(f"unknown roles {unknown}")


def rule(*roles: str, subtree: bool = False, unit: tuple[str, ...] = (), owner: bool = False) -> Rule:
    return Rule(roles=frozenset(roles) | frozenset(unit), subtree=subtree, unit_roles=frozenset(unit), owner=owner)


RULES: dict[str, Rule] = {
    # --- orgs / core ---
    "agency.view": rule(*ALL_ROLES, subtree=True),
    "agency.manage": rule(R.ETHICS_OFFICER),
    "agency.lead": rule(R.AGENCY_HEAD),  # the head of the agency (chairs its meeting, signs its letters)
    "audit.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    # --- meetings / tracking ---
    "meeting.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, R.UNIT_HEAD, R.UNIT_LIAISON, subtree=True),
    "meeting.manage": rule(R.ETHICS_OFFICER),
    "tracking.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "tracking.report": rule(R.ETHICS_OFFICER, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "tracking.manage": rule(R.ETHICS_OFFICER),
    # a unit head reviews the unit's 執行情形 before it reaches the ethics officer, where the agency's rule asks
    "tracking.review": rule(unit=(R.UNIT_HEAD,)),
    "tracking.overview": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    "tracking.chair": rule(R.AGENCY_HEAD),  # decides 繼續/解除列管 at the meeting (the head's inbox)
    # Importing past packets and minutes into the agency's meetings and tracked items (and the names of
    # units its documents use): the agency's own ethics officer only.
    "meetingimport.manage": rule(R.ETHICS_OFFICER),
    # --- documents ---
    # --- plans ---
    "plans.contacts.view": rule(*ALL_ROLES),  # the plan's contact list: people of the plan's own agency only
    # The sender's side: its ethics officer writes and dispatches; head and superior office read.
    "plans.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    "plans.manage": rule(R.ETHICS_OFFICER),
    # The recipient's side: an agency's ethics officer answers for the agency, a unit's liaison/head for the unit.
    "plans.assignment.respond": rule(R.ETHICS_OFFICER),
    "plans.assignment.respond_unit": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    # --- assessments (checklists, self-assessment rounds) ---
    "assessments.checklist.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, R.UNIT_LIAISON, R.UNIT_HEAD, subtree=True),
    "assessments.checklist.manage": rule(R.ETHICS_OFFICER),
    "assessments.round.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),  # completion, every 不符合
    "assessments.round.manage": rule(R.ETHICS_OFFICER),
    # A unit sees and fills only its own answers; a subordinate agency's form is its ethics officer's.
    "assessments.assessment.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True,
                                        unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "assessments.assessment.fill": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "assessments.assessment.fill_agency": rule(R.ETHICS_OFFICER),
    "assessments.assessment.confirm": rule(unit=(R.UNIT_HEAD,)),
    "assessments.assessment.confirm_agency": rule(R.AGENCY_HEAD),
    # --- inspections ---
    "inspections.inspection.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True,
                                        unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "inspections.inspection.manage": rule(R.ETHICS_OFFICER),
    "inspections.stats.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    # --- devicechecks (daily door-access / CCTV checks) ---
    "devicechecks.device.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True,
                                     unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "devicechecks.device.manage": rule(R.ETHICS_OFFICER),
    "devicechecks.device.check": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),  # the responsible unit
    # --- footage ---
    # Footage requests are personal data: no subtree grants. Unit-scoped roles act on the objects' managing
    # unit (FootageSettings / FootageRequest.policy_unit_ids); the applicant is the owner; the people of the
    # request's chain are added by the footage.step.* rules below (see footage.selectors).
    "footage.request.file": rule(R.ETHICS_OFFICER, R.UNIT_LIAISON, R.UNIT_HEAD, R.AGENCY_HEAD, R.STAFF),
    "footage.request.view": rule(R.ETHICS_OFFICER, unit=(R.UNIT_LIAISON, R.UNIT_HEAD), owner=True),
    "footage.request.manage": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),  # managing unit: record, destroy
    "footage.request.hold": rule(R.ETHICS_OFFICER, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "footage.register.view": rule(R.ETHICS_OFFICER, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "footage.device.view": rule(*ALL_ROLES),
    "footage.device.manage": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),  # the managing unit keeps the registry
    "footage.step.unit_head": rule(unit=(R.UNIT_HEAD,)),  # head of the requesting unit
    "footage.step.managing_head": rule(unit=(R.UNIT_HEAD,)),  # head of the managing unit
    "footage.step.ethics": rule(R.ETHICS_OFFICER),
    "footage.rules.manage": rule(R.ETHICS_OFFICER),  # retention and decision rules (a superior's: its subtree's)
    "footage.step.agency_head": rule(R.AGENCY_HEAD),
    # --- travel ---
    # Travel records are personal data: no subtree grant. The traveller is the owner (see
    # TravelApplication.policy_owner_id); the personnel unit's read is in travel.selectors.
    "travel.review_unit": rule(unit=(R.UNIT_HEAD,)),  # against the application (its agency and unit)
    "travel.review_ethics": rule(R.ETHICS_OFFICER),  # against the application's reviewing agency
    "accounts.review": rule(R.ETHICS_OFFICER),  # the agency's yearly review of its people and roles
    "travel.access_log": rule(R.ETHICS_OFFICER),  # who looked at an application (個資 利用之紀錄)
    "travel.rules.manage": rule(R.ETHICS_OFFICER),  # the agency's own travel rules (a superior's: its subtree's)
    "duties.manage": rule(R.ETHICS_OFFICER),  # recurring duties (定期工作) of the agency and their records
    # A superior office's duties for its whole subtree (its ethics officer; agencies below only record them done
    # and, where the office allows, set their own frequency under duties.manage).
    "duties.defaults.manage": rule(R.ETHICS_OFFICER),
    "travel.retirees": rule(R.ETHICS_OFFICER),  # the registry of classified retirees and their declarations
    "travel.statistics": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),  # counts only, no names
    # --- awareness (宣導) ---
    # Events and cases: the ethics officer records them; the head and the superior office read them.
    "awareness.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    "awareness.manage": rule(R.ETHICS_OFFICER),
    # --- work report (工作報告) ---
    # Counts per subordinate agency for a period (numbers only, no personal data): the superior office.
    "workreports.counts": rule(subtree=True),
    # Asking the agencies below for their report of a period (a plan's 函): the office's own ethics officer.
    "workreports.request": rule(R.ETHICS_OFFICER),
    # --- incidents (狀況通報) ---
    # Anyone with a role in the agency reports; the ethics unit handles (records notifications, reports up,
    # follows up, closes). Reading: the reporter (owner), the ethics unit, the agency head and the superior
    # ethics office (subtree; a category may withhold it: Incident.superior_sees); the reporter's unit head
    # too, except for a restricted (保密) category such as 洩密 — see incidents.selectors.
    "incidents.report": rule(*ALL_ROLES),
    "incidents.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True, owner=True),
    "incidents.view_unit": rule(unit=(R.UNIT_HEAD,)),
    "incidents.manage": rule(R.ETHICS_OFFICER),
    "incidents.rules.manage": rule(R.ETHICS_OFFICER),  # whom to notify, how soon (a superior's: its subtree's)
    "incidents.comment": rule(subtree=True),  # the superior ethics office comments or asks for more
    "incidents.statistics": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    # --- access (門禁管理) ---
    # Badges and visitors are personal data: no subtree grant. The managing unit (秘書室, AccessSettings) keeps
    # areas and badges; the front desk (access.models.Desk) registers visitors; the ethics unit and the head
    # read everything and the ethics unit reviews door events; a unit head reads the unit's badges and
    # confirms them once a year; anyone pre-registers their own guests and sees them (the host is the owner).
    "access.setup": rule(R.ETHICS_OFFICER),  # names the managing unit and the desk
    "access.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "access.manage": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "access.desk": rule(unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "access.badge.view_unit": rule(unit=(R.UNIT_HEAD,)),
    "access.review.confirm": rule(unit=(R.UNIT_HEAD,)),
    "access.events.review": rule(R.ETHICS_OFFICER, unit=(R.UNIT_LIAISON, R.UNIT_HEAD)),
    "access.visitor.host": rule(*ALL_ROLES, owner=True),
    # --- notifications ---
    # The reminder and escalation rules of an agency: its ethics officer edits them; the head reads them.
    "notifications.rules.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD),
    "notifications.rules.manage": rule(R.ETHICS_OFFICER),
    # --- submissions (核定・核備・備查) ---
    # The head approves (核定) the agency's special plan before its letter is issued, where the agency's rule asks.
    "submissions.approval.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),  # the superior reads it
    "submissions.approval.submit": rule(R.ETHICS_OFFICER),
    "submissions.approval.decide": rule(R.AGENCY_HEAD),
    # What goes up for the record: the ethics officer sends; the head reads; the superior office receives,
    # acknowledges (備查/核備) or returns it. The agency's own superior officer never acknowledges its own.
    "submissions.view": rule(R.ETHICS_OFFICER, R.AGENCY_HEAD, subtree=True),
    "submissions.send": rule(R.ETHICS_OFFICER),
    "submissions.acknowledge": rule(subtree=True),
    "submissions.rules.manage": rule(R.ETHICS_OFFICER),
    # --- dashboards ---
    # The head's dashboard of the agency (its ethics officer sees the same page); the superior office's
    # dashboard of its subordinate agencies (counts only, no personal data) is rollup.view's.
    "dashboards.agency": rule(R.AGENCY_HEAD, R.ETHICS_OFFICER),
    # --- rollup ---
    # Counts per subordinate agency, for the superior office only (not the agency's own officer).
    "rollup.view": rule(subtree=True),
}


@dataclass
class Grants:
    """What a person holds, loaded once per request, and the data version of what they can see
    (core.dataversion), read first: what the request reads after it is at least as new.

    While someone has named this person their deputy (orgs.models.Deputy), their memberships are here
    too, each marked with `acting_for` (the absent person): the deputy sees and does what they would,
    and services record it as 代理 (acting_for() below)."""

    memberships: list[Membership] = field(default_factory=list)
    version: str = ""
    counters: dict[str, int] = field(default_factory=dict)
    day: object = None  # the day they hold for (a deputy's grants change at midnight)

    def roles_in(self, agency_id: int) -> set[str]:
        return {m.role for m in self.memberships if m.agency_id == agency_id}


def _memberships(person: Person, day) -> list[Membership]:
    """The person's memberships, and those of the people they stand in for on `day` (one query)."""
    # The person and those they stand in for as one subquery (a UNION): an OR across the join to the deputies
    # read every membership and every person of the system.
    people = (Deputy.objects.filter(deputy=person, starts_on__lte=day, ends_on__gte=day, cancelled_at__isnull=True)
              .order_by().values("person_id").union(Person.objects.filter(pk=person.pk).order_by().values("pk")))
    own, borrowed = [], []
    for m in Membership.objects.filter(person_id__in=people).select_related("agency", "person").order_by("pk"):
        if m.person_id == person.pk:
            own.append(m)
        else:
            m = copy.copy(m)
            m.acting_for = m.person
            borrowed.append(m)
    return own + borrowed


def grants(person: Person) -> Grants:
    """Memoised on the person (one request), and kept across requests under the global data
    version: memberships, agency paths and people change only through audited writes, which move
    it (core.dataversion). The scopes the person sees are read in the same query as the global
    counter, from the last time (they change only with the memberships)."""
    cached = getattr(person, "_anwei_grants", None)
    if cached is not None and cached.day is not None and cached.day != clock.today():
        cached = None
    if cached is None:
        if not getattr(person, "is_authenticated", False) or not person.is_active:
            cached = Grants()
        else:
            store = caches[GRANTS_CACHE]
            seen = store.get(f"scopes:{person.pk}") or (dataversion.GLOBAL,)
            counters = dataversion.read(seen)
            today = clock.today()  # deputies act for a span of days
            key = f"grants:{person.pk}:{counters[dataversion.GLOBAL]}:{today.isoformat()}"
            entry = store.get(key)
            if entry is None:
                memberships = _memberships(person, today)
                paths = [m.agency.path for m in memberships]
                if person.agency_id and all(m.agency_id != person.agency_id for m in memberships):
                    paths.append(person.agency.path)  # pages that start from the person's own agency
                entry = (memberships, dataversion.reader_scopes(paths, person.pk))
                store.set(key, entry, GRANTS_TIMEOUT)
                store.set(f"scopes:{person.pk}", entry[1], GRANTS_TIMEOUT)
            memberships, scopes = entry
            if scopes != seen:  # first request, or the roles changed: read the new scopes
                counters = dataversion.read(scopes)
            cached = Grants(memberships, dataversion.label(counters), counters, today)
        person._anwei_grants = cached
    return cached


def _target(obj) -> tuple[Agency, set[int]]:
    if isinstance(obj, Agency):
        return obj, set()
    agency = obj.agency
    if hasattr(obj, "policy_unit_ids"):
        units = set(obj.policy_unit_ids())
    else:
        unit_id = getattr(obj, "unit_id", None)
        units = {unit_id} if unit_id else set()
    return agency, units


def _allowing(person: Person, r: Rule, obj):
    """The memberships that give `person` rule `r` on `obj`."""
    agency, unit_ids = _target(obj)
    for m in grants(person).memberships:
        if m.agency_id == agency.pk and m.role in r.roles:
            if m.role not in r.unit_roles or (m.unit_id is not None and m.unit_id in unit_ids):
                yield m
                continue
        if r.subtree and m.role == R.SUPERIOR_OFFICER and agency.path.startswith(m.agency.path):
            yield m


def may(person: Person, action: str, obj) -> bool:
    r = RULES[action]  # KeyError for an unknown action: a bug, not a denial
    if not getattr(person, "is_authenticated", False):
        return False
    if r.owner and hasattr(obj, "policy_owner_id") and obj.policy_owner_id() == person.pk:
        return True
    return next(_allowing(person, r, obj), None) is not None


def acting_for(person: Person, action: str, obj) -> Person | None:
    """The absent person whom `person` stands in for when doing `action` to `obj` (代理), or None when
    their own roles allow it (or nothing does)."""
    if not getattr(person, "is_authenticated", False):
        return None
    r = RULES[action]
    if r.owner and hasattr(obj, "policy_owner_id") and obj.policy_owner_id() == person.pk:
        return None
    principal = None
    for m in _allowing(person, r, obj):
        if getattr(m, "acting_for", None) is None:
            return None
        principal = principal or m.acting_for
    return principal


@dataclass(frozen=True)
class Scope:
    """Where an action is allowed, as query filters for selectors."""

    agency_ids: frozenset[int]
    subtree_paths: tuple[str, ...]
    unit_ids: frozenset[int]  # agencies where only some units are allowed are not in agency_ids
    person_id: int | None

    def q(self, agency: str | None = "agency", unit: str | None = "unit", owner: str | None = None) -> Q:
        """A filter for rows whose `agency` field (None: the Agency rows themselves) is in scope."""
        ids_field, path_field = (f"{agency}__in", f"{agency}__path__startswith") if agency else ("pk__in",
                                                                                                 "path__startswith")
        q = Q(pk__in=[])
        if self.agency_ids:
            q |= Q(**{ids_field: self.agency_ids})
        for path in self.subtree_paths:
            q |= Q(**{path_field: path})
        if unit and self.unit_ids:
            q |= Q(**{f"{unit}__in": self.unit_ids})
        if owner and self.person_id:
            q |= Q(**{owner: self.person_id})
        return q

    @property
    def empty(self) -> bool:
        return not (self.agency_ids or self.subtree_paths or self.unit_ids or self.person_id)


def granting_agencies(person: Person, action: str) -> list[Agency]:
    """The agencies where the person holds a role that grants `action` (a superior office's own
    agency for a subtree action), from the person's grants: no query."""
    r = RULES[action]
    found = {m.agency_id: m.agency for m in grants(person).memberships
             if m.role in r.roles or (r.subtree and m.role == R.SUPERIOR_OFFICER)}
    return sorted(found.values(), key=lambda a: a.path)


def role_labels(person: Person) -> list[str]:
    """The names of the roles a person holds, for the page header."""
    return sorted({m.get_role_display() for m in grants(person).memberships})


# The roles an agency may require a second factor of (Agency.require_second_factor).
SECOND_FACTOR_ROLES = frozenset({R.ETHICS_OFFICER, R.AGENCY_HEAD})


def second_factor_required(person: Person) -> bool:
    """Whether an agency where the person is (in their own right) an ethics officer or the head requires
    them to sign in with a second factor. One query, asked once at sign-in (it leaves the grants cold)."""
    return Membership.objects.filter(person=person, role__in=SECOND_FACTOR_ROLES,
                                     agency__require_second_factor=True).exists()


def member_agencies(person: Person, *, own_only: bool = False) -> list[Agency]:
    """The agencies where the person holds a role (with own_only, not those where they only stand in
    for someone), in the order of their memberships; no query beyond the grants."""
    seen: dict[int, Agency] = {}
    for m in grants(person).memberships:
        if not (own_only and getattr(m, "acting_for", None) is not None):
            seen.setdefault(m.agency_id, m.agency)
    return list(seen.values())


def data_counter(person: Person, scope: str) -> int:
    """The data-version counter of one of the person's scopes as read with their grants (0: never moved)."""
    return grants(person).counters.get(scope, 0)


def holds_anywhere(person: Person, action: str) -> bool:
    """True if the person may do `action` somewhere (to show a menu entry or a 新增 button)."""
    return not scope(person, action).empty


def scope(person: Person, action: str) -> Scope:
    r = RULES[action]
    if not getattr(person, "is_authenticated", False):
        return Scope(frozenset(), (), frozenset(), None)
    agency_ids: set[int] = set()
    unit_ids: set[int] = set()
    paths: list[str] = []
    for m in grants(person).memberships:
        if m.role in r.roles:
            if m.role in r.unit_roles:
                if m.unit_id:
                    unit_ids.add(m.unit_id)
            else:
                agency_ids.add(m.agency_id)
        if r.subtree and m.role == R.SUPERIOR_OFFICER:
            paths.append(m.agency.path)
    return Scope(frozenset(agency_ids), tuple(paths), frozenset(unit_ids), person.pk if r.owner else None)
