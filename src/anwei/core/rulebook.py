"""One implementation of "rule rows along the agency tree" for every app whose rules are edited where the work
is (travel, footage retention, incidents, reminders): which rows can apply to an agency, which is in force on a
date (anwei.lib.ruletree), which superior row forbids the agency its own, and the checks every new row passes.

A RuleBook names the model's fields; core imports no app (an agency is anything with `pk` and a tree `path`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Model, Q

from anwei.lib import rocdate, ruletree
from anwei.lib.ruletree import Candidate


def ancestor_ids(agency) -> list[int]:
    """The agency and its superiors, from its tree path (no query), topmost first."""
    return [int(p) for p in agency.path.split(".") if p]


@dataclass(frozen=True)
class RuleInput:
    """What every new rule row carries (an app's input adds its own parts)."""

    kind: str
    amount: int
    unit: str
    starts_on: dt.date
    basis: str = ""
    fixed: bool = False


@dataclass(frozen=True)
class RuleBook:
    model: type[Model]
    # The field naming a row's kind, or several (incidents: category and party), a kind then being "a:b".
    kind_field: str | tuple[str, ...] = "kind"
    start_field: str = "starts_on"
    inherited: tuple[str, ...] = ()
    nationwide: bool = True  # rows without an agency are every agency's default

    def line(self, agency) -> Q:
        """The rows that can apply to an agency: nationwide defaults, its superiors' (for their subtree), its own."""
        q = Q(agency_id__in=ancestor_ids(agency))
        return q | Q(agency__isnull=True) if self.nationwide else q

    def start(self, row) -> dt.date:
        return getattr(row, self.start_field)

    def _kind_fields(self) -> tuple[str, ...]:
        return (self.kind_field,) if isinstance(self.kind_field, str) else self.kind_field

    def kind(self, row) -> str:
        return ":".join(str(getattr(row, f)) for f in self._kind_fields())

    def kind_filter(self, kind: str) -> dict[str, str]:
        return dict(zip(self._kind_fields(), kind.split(":")))

    def candidates(self, agency, rows) -> list[Candidate]:
        line = ancestor_ids(agency)
        return [Candidate(-1 if r.agency_id is None else line.index(r.agency_id), self.start(r),
                          bool(getattr(r, "fixed", False)), r) for r in rows]

    def ordered(self, agency, rows, on: dt.date) -> list:
        """The rows that count on `on`, strongest first."""
        return [c.row for c in ruletree.ordered(self.candidates(agency, rows), on)]

    def resolve(self, agency, rows, on: dt.date):
        """The row in force among `rows` (one kind), its empty optional parts from the rows behind it."""
        order = self.ordered(agency, rows, on)
        return ruletree.complete(order[0], order[1:], self.inherited) if order else None

    def queryset(self, agency, **filters):
        return self.model.objects.filter(self.line(agency), **filters).select_related("agency")

    def in_force(self, agency, kind: str, on: dt.date):
        return self.resolve(agency, self.queryset(agency, **self.kind_filter(kind),
                                                  **{f"{self.start_field}__lte": on}), on)

    def all_in_force(self, agency, on: dt.date, kinds) -> dict[str, object]:
        """Every kind's row in force on `on` (one query); kinds without one are left out."""
        rows = list(self.queryset(agency, **{f"{self.start_field}__lte": on}))
        found = {k: self.resolve(agency, [r for r in rows if self.kind(r) == k], on) for k in kinds}
        return {k: r for k, r in found.items() if r is not None}

    def completed(self, rule, on: dt.date):
        """A rule fixed at filing, with its empty optional parts from the rows behind it on the filing day."""
        if rule.agency_id is None:
            return rule
        rows = [r for r in self.queryset(rule.agency, **self.kind_filter(self.kind(rule)),
                                         **{f"{self.start_field}__lte": on}) if r.pk != rule.pk]
        return ruletree.complete(rule, self.ordered(rule.agency, rows, on), self.inherited)

    def rows(self, agency) -> list:
        """Every row that can apply to the agency (nationwide, its superiors', its own), newest first."""
        return list(self.queryset(agency).order_by(*self._kind_fields(), f"-{self.start_field}", "-id"))

    def locked_by(self, agency, kind: str, on: dt.date):
        """A superior's fixed row that forbids the agency its own row of `kind` from `on`."""
        rows = [r for r in self.queryset(agency, **self.kind_filter(kind), **{f"{self.start_field}__lte": on})
                if r.agency_id != agency.pk]
        found = ruletree.locked_by(self.candidates(agency, rows), len(ancestor_ids(agency)) - 1, on)
        return found.row if found else None

    def locked_kinds(self, agency, kinds) -> list:
        """Kinds a superior fixed now or from a later date: said before the officer types a row it would refuse
        (one query, however many kinds)."""
        rows = [r for r in self.queryset(agency) if r.agency_id != agency.pk]
        level = len(ancestor_ids(agency)) - 1
        found = (ruletree.locked_by(self.candidates(agency, [r for r in rows if self.kind(r) == k]), level,
                                    dt.date.max) for k in kinds)
        return [c.row for c in found if c is not None]

    def check_new(self, *, agency, kind: str, starts_on: dt.date, today: dt.date, kind_label: str,
                  amount: int | None = None, amount_max: int = 400) -> None:
        """What every new row of every app must satisfy; each refusal names its field of the shared form
        (kind, amount, starts_on: portal.rulepages) in Chinese."""
        if starts_on < today:
            raise ValidationError({"starts_on": "生效日不能早於今天：已發生的事依當日的規定處理，規定不溯及既往。"})
        if amount is not None and not 0 < amount <= amount_max:
            raise ValidationError({"amount": f"期間數值應為1至{amount_max}。"})
        locked = self.locked_by(agency, kind, starts_on)
        if locked is not None:
            raise ValidationError({"kind": self.locked_text(locked, kind_label)})

    def locked_text(self, row, kind_label: str) -> str:
        where = row.agency.name if row.agency_id else "全國"
        return f"上級機關（{where}）自{rocdate.format_short(self.start(row))}起訂定之「{kind_label}」不開放所屬機關另訂。"


class RuleRow:
    """What the shared rule-page templates (portal/_rules_*.html) read of a row, whatever its fields are named."""

    KIND_FIELD = "kind"
    START_FIELD = "starts_on"
    BASIS_FIELD = "basis"

    @property
    def kind_label(self) -> str:
        return getattr(self, f"get_{self.KIND_FIELD}_display")()

    @property
    def rule_starts_on(self) -> dt.date:
        return getattr(self, self.START_FIELD)

    @property
    def rule_basis(self) -> str:
        return getattr(self, self.BASIS_FIELD, "")

    @property
    def rule_period_text(self) -> str:
        """The period column: 「5個工作日」; a rule of several periods (reminders) says them all."""
        return self.period.text()

    def rule_summary(self) -> str:
        return ""
