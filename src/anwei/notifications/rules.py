"""Which reminder rule applies, and the days it gives for a deadline (the engine and the rule page's
preview use the same arithmetic, in government working days: anwei.core.workdays).

The rows pass down the agency tree like every other rule of the system (anwei.core.rulebook): for an obligation's
kind, the rows of that kind along the agency's line (its superior ethics offices' for their subtree, its own) —
the latest start date wins, on the same date the nearer agency, and a superior's `fixed` row leaves its agencies
no row of their own; without any, the rows for all kinds (kind "") along the line the same way; without those,
the nationwide defaults (models.DEFAULT_RULE). A superior's fixed row for all kinds also leaves its agencies no
row of any one kind.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from anwei.core.rulebook import RuleBook as Book
from anwei.core.rulebook import ancestor_ids
from anwei.core.workdays import Calendar
from anwei.lib import rocdate, ruletree
from anwei.notifications.models import DEFAULT_RULE, ReminderRule

LEVELS = ((1, "單位主管"), (2, "機關首長"), (3, "上級政風機構"))
ALL_KINDS = ""

BOOK = Book(ReminderRule, start_field="effective_from", nationwide=False)


def resolve(agency, rows, kind: str, on: dt.date) -> ReminderRule:
    """The rule in force on `on` for an obligation of `kind` of the agency, among `rows` (any kind, of the
    agency's line)."""
    general = BOOK.candidates(agency, [r for r in rows if r.kind == ALL_KINDS])
    specific = BOOK.candidates(agency, [r for r in rows if r.kind == kind]) if kind else []
    lock = ruletree.locked_by(general, len(ancestor_ids(agency)), on)  # a superior fixed "all kinds"
    if lock is not None:
        specific = [c for c in specific if c.level <= lock.level]
    for group in (specific, general):
        order = ruletree.ordered(group, on)
        if order:
            return order[0].row
    return DEFAULT_RULE


class RuleBook:
    """Every agency's rules in force on a day, loaded with one query for all of them: the rows of their lines
    (the agencies and their superiors, from the tree paths the caller already has)."""

    def __init__(self, on: dt.date, paths: dict[int, str]) -> None:
        self.on = on
        self._agencies = {pk: SimpleNamespace(pk=pk, path=path or f"{pk}.") for pk, path in paths.items()}
        lines = {i for a in self._agencies.values() for i in ancestor_ids(a)}
        rows = ReminderRule.objects.filter(effective_from__lte=on)
        if len(lines) <= 500:
            rows = rows.filter(agency_id__in=lines)
        self._rows: dict[int, list[ReminderRule]] = by_agency(rows) if lines else {}
        self._found: dict[tuple[int | None, str], ReminderRule] = {}

    def rule_for(self, agency_id: int | None, kind: str) -> ReminderRule:
        if agency_id is None or agency_id not in self._agencies:
            return DEFAULT_RULE
        key = (agency_id, kind)
        if key not in self._found:
            agency = self._agencies[agency_id]
            rows = [r for i in ancestor_ids(agency) for r in self._rows.get(i, ())]
            self._found[key] = resolve(agency, rows, kind, self.on)
        return self._found[key]


def rule_in_force(agency, kind: str, on: dt.date) -> ReminderRule:
    return RuleBook(on, {agency.pk: agency.path}).rule_for(agency.pk, kind)


def rules_in_force(agency, on: dt.date, kinds) -> list[ReminderRule]:
    """What the rule page lists for a day (one query): the rule for all kinds (a row or the defaults), then each
    kind that has a row of its own kind in force."""
    book = RuleBook(on, {agency.pk: agency.path})
    out = [book.rule_for(agency.pk, ALL_KINDS)]
    for kind in kinds:
        rule = book.rule_for(agency.pk, kind)
        if kind and rule.kind == kind:
            out.append(rule)
    return out


@dataclass(frozen=True)
class Step:
    day: dt.date
    what: str  # 提醒 / 逾期提醒 / 陳報單位主管 …
    stage: str
    level: int = 0


def schedule(rule: ReminderRule, due: dt.date, cal: Calendar, *, until: dt.date,
             escalate_to: tuple[bool, bool, bool] = (True, True, True)) -> list[Step]:
    """Every reminder and escalation the rule gives for a deadline, up to `until`, on working days only."""
    from anwei.notifications.models import Stage

    steps = []
    if rule.remind_before:
        steps.append(Step(cal.add(due, -rule.remind_before), f"期限前{rule.remind_before}個工作日提醒", Stage.BEFORE))
    if rule.remind_on_due and cal.is_workday(due):
        steps.append(Step(due, "期限當日提醒", Stage.DUE))
    k, last = 1, cal.between(due + dt.timedelta(days=1), until) if until > due else 0
    repeat_until = max(rule.escalate_unit_after, rule.escalate_agency_after, rule.escalate_superior_after, 1)
    while k <= min(last, repeat_until):
        steps.append(Step(cal.add(due, k), f"逾期第{k}個工作日提醒", Stage.OVERDUE))
        if not rule.overdue_every:
            break
        k += rule.overdue_every
    thresholds = (rule.escalate_unit_after, rule.escalate_agency_after, rule.escalate_superior_after)
    for (level, label), after, wanted in zip(LEVELS, thresholds, escalate_to):
        if after and wanted and after <= last:
            steps.append(Step(cal.add(due, after), f"逾期{after}個工作日陳報{label}", Stage.ESCALATION, level))
    return sorted((s for s in steps if s.day <= until), key=lambda s: (s.day, s.level))


def example(rule: ReminderRule, agency, due: dt.date) -> str:
    """What the rule means for a deadline, in the agency's own calendar (a city's typhoon day moves only its
    agencies' days), as the reminder pass counts them: 「期限為113年2月21日(星期三)的事項：2月16日(五)期限前3個
    工作日提醒、2月21日(三)期限當日提醒；逾期於2月22日(四)、2月26日(一)再提醒；2月23日(五)陳報單位主管、…」."""
    from anwei.notifications.models import Stage

    cal = Calendar(due - dt.timedelta(days=60), due + dt.timedelta(days=150), agency.path)
    until = cal.add(due, max(rule.escalate_agency_after, rule.escalate_unit_after, rule.escalate_superior_after, 1))
    steps = schedule(rule, due, cal, until=until)

    def day(d: dt.date) -> str:
        year = f"{rocdate.roc_year(d)}年" if d.year != due.year else ""
        return f"{year}{d.month}月{d.day}日({rocdate.weekday_zh(d)[-1]})"

    said = ["、".join(f"{day(s.day)}{s.what}" for s in steps if s.stage in (Stage.BEFORE, Stage.DUE))]
    overdue = [day(s.day) for s in steps if s.stage == Stage.OVERDUE]
    said.append(f"逾期於{'、'.join(overdue)}再提醒" if overdue else "")
    said.append("、".join(f"{day(s.day)}陳報{LEVELS[s.level - 1][1]}" for s in steps if s.stage == Stage.ESCALATION))
    text = "；".join(p for p in said if p) or "不提醒也不陳報"
    return f"期限為{rocdate.format_with_weekday(due)}的事項：{text}。"


def by_agency(rules) -> dict[int, list[ReminderRule]]:
    out: dict[int, list[ReminderRule]] = defaultdict(list)
    for r in rules:
        out[r.agency_id].append(r)
    return out
