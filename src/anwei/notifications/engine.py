"""The reminder pass and the daily digest: from every app's open obligations (portal.obligations) to
notices for people. Only reads here; services.py writes what this plans, in a short transaction.

The pass of day T covers the days after the last finished pass (at most a week back; the first pass
ever covers T only) up to T, so a day the scheduler missed is caught up, and a second pass on the same
day sends nothing new (the database refuses a second notice per obligation, person and day). On a day
off it sends nothing: no reminder arrives on a holiday; what fell due then is told on the next
working day. Query count: the providers' (fixed each) + rules (1, for every agency and its superiors along
the tree) + calendar (1) + agencies' paths (1) + posts (2) + preferences (1), whatever the number of obligations,
agencies or closed records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max

from anwei.core import clock
from anwei.core.workdays import Calendar, Calendars
from anwei.notifications.models import STAGE_STRENGTH, Notification, Preference, Run, Stage
from anwei.notifications.rules import RuleBook
from anwei.orgs import posts
from anwei.orgs.models import Agency, Person
from anwei.orgs.posts import Holder, Post
from anwei.portal.obligations import Obligation, obligations_open

CATCH_UP_DAYS = 7
ONE = dt.timedelta(days=1)


@dataclass
class Notice:
    """A notice planned for one person."""

    person_id: int
    obligation: Obligation
    stage: str
    level: int = 0
    acting_for_id: int | None = None

    @property
    def url(self) -> str:
        o = self.obligation
        return (o.escalation_urls[self.level - 1] if self.level else "") or o.url


@dataclass
class Plan:
    day: dt.date
    window_start: dt.date
    obligations: int = 0
    workday: bool = True  # no pass is recorded on a day off: the next working day's window covers it
    notices: list[Notice] = field(default_factory=list)
    modes: dict[int, str] = field(default_factory=dict)  # person → e-mail mode (absent: digest)
    emails: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)


def window_start(job: str, today: dt.date) -> dt.date:
    last = Run.objects.filter(job=job, finished_at__isnull=False, day__lt=today).aggregate(d=Max("day"))["d"]
    if last is None:
        return today
    return max(last + ONE, today - dt.timedelta(days=CATCH_UP_DAYS))


class _AgencyCalendars:
    """Each obligation counted in the calendar of its agency (a city's typhoon day moves only its agencies'
    reminders): two queries for the whole pass (the overrides of the span, the agencies' tree paths)."""

    def __init__(self, obligations: list[Obligation], today: dt.date) -> None:
        dues = [o.due for o in obligations if o.due is not None]
        start = min(dues + [today]) - dt.timedelta(days=30)
        end = max(dues + [today]) + dt.timedelta(days=40)
        self.all = Calendars(start, end)
        ids = {o.agency_id for o in obligations if o.agency_id is not None}
        self.paths = dict(Agency.objects.filter(pk__in=ids).values_list("pk", "path")) if ids else {}

    def nationwide(self) -> Calendar:
        return self.all.for_scope("")

    def of(self, o: Obligation) -> Calendar:
        return self.all.for_scope(self.paths.get(o.agency_id, ""))


def _calendar(obligations: list[Obligation], today: dt.date) -> _AgencyCalendars:
    return _AgencyCalendars(obligations, today)


def _overdue_days(cal: Calendar, due: dt.date, day: dt.date) -> int:
    """Working days after `due` up to `day` included (0 on or before the due date)."""
    return cal.between(due + ONE, day) if day > due else 0


def _stages(o: Obligation, rule, cal: Calendar, start: dt.date, today: dt.date) -> list[tuple[str, int]]:
    """The (stage, level) of this obligation whose day falls in [start, today]."""
    out: list[tuple[str, int]] = []
    if o.approval and o.since is not None and start <= o.since <= today:
        out.append((Stage.AWAITING, 0))
    if not o.remind or o.due is None:
        return out
    due = o.due
    if rule.remind_before and start <= cal.add(due, -rule.remind_before) <= today and today <= due:
        out.append((Stage.BEFORE, 0))
    if rule.remind_on_due and start <= due <= today and cal.is_workday(due):
        out.append((Stage.DUE, 0))
    now, before = _overdue_days(cal, due, today), _overdue_days(cal, due, start - ONE)
    if now > before:
        # Overdue reminders repeat until the last escalation; after that the item stays on the home page and
        # in the digest, but a years-old item does not send a notice every other day for ever.
        every, last = rule.overdue_every, max(rule.escalate_unit_after, rule.escalate_agency_after,
                                              rule.escalate_superior_after, 1)
        if any(k == 1 or (every and (k - 1) % every == 0) for k in range(before + 1, min(now, last) + 1)):
            out.append((Stage.OVERDUE, 0))
        for level, (post, after) in enumerate(zip(o.escalation, (rule.escalate_unit_after, rule.escalate_agency_after,
                                                                 rule.escalate_superior_after)), start=1):
            if post is not None and after and before < after <= now:
                out.append((Stage.ESCALATION, level))
    return out


def reminders_plan(today: dt.date | None = None, *, obligations: list[Obligation] | None = None) -> Plan:
    today = today or clock.today()
    start = window_start("reminders", today)
    plan = Plan(today, start)
    obligations = obligations_open(today) if obligations is None else obligations
    plan.obligations = len(obligations)
    cals = _calendar(obligations, today)
    if not cals.nationwide().is_workday(today):
        plan.workday = False
        return plan
    rules = RuleBook(today, cals.paths)
    wanted: list[tuple[Obligation, str, int, Post]] = []
    for o in obligations:
        if o.owner is None:
            continue
        cal = cals.of(o)
        if not cal.is_workday(today):
            continue  # its city declared a day off: told on its next working day
        for stage, level in _stages(o, rules.rule_for(o.agency_id, o.kind), cal, start, today):
            wanted.append((o, stage, level, o.owner if level == 0 else o.escalation[level - 1]))
    targets = {post for *_rest, post in wanted} | {p for o, *_r in wanted for p in o.escalation if p is not None}
    found = posts.resolve(targets, today)
    best: dict[tuple[int, str], Notice] = {}
    for o, stage, level, post in wanted:
        holders, level = _holders(o, level, found)
        for h in holders:
            n = Notice(h.person_id, o, stage, level, h.acting_for_id)
            k = (h.person_id, o.key)
            if k not in best or STAGE_STRENGTH[stage] > STAGE_STRENGTH[best[k].stage]:
                best[k] = n
    plan.notices = list(best.values())
    _people(plan, {n.person_id for n in plan.notices} | {n.acting_for_id for n in plan.notices if n.acting_for_id})
    return plan


def _holders(o: Obligation, level: int, found: dict[Post, list[Holder]]) -> tuple[list[Holder], int]:
    """Who gets a notice of `level` (0: the owner), with the vacancy rule: a post nobody holds passes it to
    the next level up its ladder (a unit with no liaison: its head; no head: the agency head), each with
    that level's page, so that the one told can open what they are told of."""
    ladder = [o.owner, *o.escalation]
    for lv in range(level, len(ladder)):
        post = ladder[lv]
        if post is not None and found.get(post):
            return found[post], lv
    return [], level


def _people(plan: Plan, ids: set[int]) -> None:
    ids.discard(None)
    for pk, email, full_name, title, username, active in (Person.objects.filter(pk__in=ids).values_list(
            "pk", "email", "full_name", "title", "username", "is_active")):
        plan.names[pk] = f"{title}{full_name}" if title else (full_name or username)
        if active and email:
            plan.emails[pk] = email
    plan.modes = dict(Preference.objects.filter(person_id__in=ids).values_list("person_id", "email_mode"))


def mail_at_once(stage: str, mode: str) -> bool:
    """Escalations reach a person at once unless they take the digest (they cannot be turned off);
    approvals awaited, at once if the person chose so."""
    if stage == Stage.ESCALATION:
        return mode in (Preference.Mode.IMMEDIATE, Preference.Mode.OFF)
    return stage == Stage.AWAITING and mode == Preference.Mode.IMMEDIATE


# --- the digest ------------------------------------------------------------------------------------------

@dataclass
class DigestEntry:
    obligation: Obligation
    label: str  # 已逾期 / 今日到期 / 期限將屆 / 待您核決 / 逾期陳報
    acting_for: str = ""
    url: str = ""


@dataclass
class Digest:
    person_id: int
    email: str
    name: str
    entries: list[DigestEntry] = field(default_factory=list)


def _digest_label(o: Obligation, rule, cal: Calendar, today: dt.date) -> str:
    """Why an obligation belongs in today's digest ("" when it does not)."""
    if o.due is not None:
        if o.due < today:
            return "已逾期"
        if o.due == today:
            return "今日到期"
        if cal.between(today + ONE, o.due) <= max(rule.remind_before, 1):
            return "期限將屆"
    if o.approval:
        return "待您核決"
    return ""


def digest_plan(today: dt.date | None = None, *, obligations: list[Obligation] | None = None) -> list[Digest]:
    """One digest per person with something due, overdue, awaiting them or escalated to them, and an
    address; none on a day off, none for who turned mail off (their escalations went at once)."""
    today = today or clock.today()
    obligations = obligations_open(today) if obligations is None else obligations
    cals = _calendar(obligations, today)
    if not cals.nationwide().is_workday(today):
        return []
    rules = RuleBook(today, cals.paths)
    by_person: dict[int, list[DigestEntry]] = defaultdict(list)
    wanted: list[tuple[Obligation, str]] = []
    for o in obligations:
        if o.owner is None:
            continue
        cal = cals.of(o)
        if not cal.is_workday(today):
            continue
        label = _digest_label(o, rules.rule_for(o.agency_id, o.kind), cal, today)
        if label:
            wanted.append((o, label))
    found = posts.resolve({o.owner for o, _ in wanted} | {p for o, _ in wanted for p in o.escalation if p}, today)
    acting: dict[int, set[int]] = defaultdict(set)
    for o, label in wanted:
        holders, level = _holders(o, 0, found)
        url = (o.escalation_urls[level - 1] if level else "") or o.url
        for h in holders:
            by_person[h.person_id].append(DigestEntry(o, label, str(h.acting_for_id or ""), url))
            if h.acting_for_id:
                acting[h.person_id].add(h.acting_for_id)
    start = window_start("digest", today)
    for n in (Notification.objects.filter(stage=Stage.ESCALATION, day__gte=start, day__lte=today)
              .order_by("id")):
        o = Obligation(n.category, n.title, n.url, due=n.due, overdue=True, note=n.note, key=n.key)
        by_person[n.person_id].append(DigestEntry(o, n.stage_label(), n.acting_for, n.url))
    plan = Plan(today, today)
    _people(plan, set(by_person) | {i for s in acting.values() for i in s})
    out = []
    for pk, entries in by_person.items():
        if pk not in plan.emails or plan.modes.get(pk) == Preference.Mode.OFF:
            continue
        seen, kept = set(), []
        for e in entries:
            if (e.obligation.key, e.label) in seen:
                continue
            seen.add((e.obligation.key, e.label))
            if e.acting_for.isdigit():
                e.acting_for = plan.names.get(int(e.acting_for), "")
            kept.append(e)
        order = {"逾期陳報": 0, "已逾期": 1, "今日到期": 2, "期限將屆": 3, "待您核決": 4}
        kept.sort(key=lambda e: (order.get(e.label.split("（")[0], 5), e.obligation.due or dt.date.max))
        out.append(Digest(pk, plan.emails[pk], plan.names.get(pk, ""), kept))
    return out
