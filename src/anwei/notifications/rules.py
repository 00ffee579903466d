"""Which reminder rule applies, and the days it gives for a deadline (the engine and the rule page's
preview use the same arithmetic, in government working days: anwei.core.workdays)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from anwei.core.workdays import Calendar
from anwei.notifications.models import DEFAULT_RULE, ReminderRule

LEVELS = ((1, "單位主管"), (2, "機關首長"), (3, "上級政風機構"))


class RuleBook:
    """Every agency's rules in force on a day, loaded with one query."""

    def __init__(self, on: dt.date, agency_ids=None) -> None:
        rows = ReminderRule.objects.filter(effective_from__lte=on)
        if agency_ids is not None and len(agency_ids) <= 500:
            rows = rows.filter(agency_id__in=agency_ids)
        self._best: dict[tuple[int, str], ReminderRule] = {}
        for r in rows.order_by("effective_from", "id"):  # later rows win
            self._best[(r.agency_id, r.kind)] = r

    def rule_for(self, agency_id: int | None, kind: str) -> ReminderRule:
        return self._best.get((agency_id, kind)) or self._best.get((agency_id, "")) or DEFAULT_RULE


def rule_in_force(agency_id: int, kind: str, on: dt.date) -> ReminderRule:
    return RuleBook(on, [agency_id]).rule_for(agency_id, kind)


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


def by_agency(rules) -> dict[int, list[ReminderRule]]:
    out: dict[int, list[ReminderRule]] = defaultdict(list)
    for r in rules:
        out[r.agency_id].append(r)
    return out
