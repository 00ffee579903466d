"""One page flow for editing an agency's rules where the work is (travel, footage, incidents, reminders):
which rule is in force on any date and what it means then, every row that applies (nationwide, the superior's,
the agency's own), the kinds a superior fixed, and a new row from a start date with a preview of the date it
gives before saving. Each app supplies its RulePage; the templates include portal/_rules_*.html.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from anwei.core import clock
from anwei.core.formpages import form_submit
from anwei.core.forms import RocDateField
from anwei.core.periods import Period
from anwei.core.rulebook import RuleBook
from anwei.lib.periods import LABELS
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency


class RuleDateForm(forms.Form):
    on = RocDateField(label="查詢日期", required=False)


class RuleFormMixin:
    """The fields every new rule row has: a kind, a period (amount and unit) and a start date; the app's form
    adds its own and says which units a kind may count in."""

    def period(self) -> Period:
        c = self.cleaned_data
        return Period(c["amount"], c["unit"])


def amount_field(label: str = "期間數值", maximum: int = 400) -> forms.IntegerField:
    message = f"期間數值應為1至{maximum}。"
    return forms.IntegerField(label=label, min_value=1, max_value=maximum, error_messages={
        "required": "請填寫期間數值。", "min_value": message, "max_value": message, "invalid": "請填寫整數。"})


def unit_choice_field(units, initial: str, label: str = "計算單位") -> forms.ChoiceField:
    """The unit half of a period, limited to the units that make sense for the app's rules."""
    return forms.ChoiceField(label=label, choices=[(u.value, LABELS[u]) for u in units], initial=initial,
                             error_messages={"required": "請選擇計算單位。", "invalid_choice": "請選擇計算單位。"})


def basis_field(max_length: int = 300) -> forms.CharField:
    return forms.CharField(label="依據", required=False, max_length=max_length,
                           error_messages={"max_length": f"依據請在{max_length}字以內。"},
                           help_text="例如：本府監視錄影系統管理要點第三點（113年修正）")


def start_field(help_text: str) -> RocDateField:
    return RocDateField(label="生效日", help_text=help_text)


fixed_field_help = "上級政風機構訂定時勾選：所屬機關自生效日起一律適用，不得另訂"


@dataclass(frozen=True)
class RulePage:
    action: str  # the policy action that lets a person edit the agency's rules of this app
    template: str
    url: str  # where a saved row returns to
    form: type[forms.Form]
    book: RuleBook
    kinds: list[str]
    # (kind, period, agency, day) -> 「115年12月3日送出的申請，應於…以前決定」
    example: Callable[[str, Period, Any, dt.date], str]
    # (actor, agency, form, today) -> the saved row (one service call)
    create: Callable[[Any, Any, forms.Form, dt.date], Any]
    success: str
    initial: dict = field(default_factory=dict)
    # (agency, day) -> the rows in force, when the app's own choice differs from one per kind (travel's conditions)
    in_force: Callable[[Any, dt.date], Any] | None = None
    # Who may read the page without editing (reminders: the agency head too); empty: only who edits.
    view_action: str = ""
    # (row, agency, day) -> the example, for rules of several periods (reminders): the preview is of the form's
    # unsaved row (form.preview_row()) on its example day (form.example_day(day), e.g. a due date the officer typed).
    describe: Callable[[Any, Any, dt.date], str] | None = None

    def explain(self, row, agency, on: dt.date) -> str:
        if self.describe is not None:
            return self.describe(row, agency, on)
        return self.example(self.book.kind(row), row.period, agency, on)

    def preview(self, form, agency, day: dt.date) -> str:
        if self.describe is not None:
            return self.describe(form.preview_row(), agency, form.example_day(day))
        return self.example(form.cleaned_data["kind"], form.period(), agency, day)


def rules_page(request, page: RulePage, **extra) -> HttpResponse:
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, page.view_action or page.action, agency):
        raise Http404("找不到此頁面")
    may_edit = policy.may(request.user, page.action, agency)
    if request.method == "POST" and not may_edit:
        raise Http404("找不到此頁面")
    today = clock.today()
    date_form = RuleDateForm(request.GET or None)
    on = (date_form.cleaned_data.get("on") if date_form.is_valid() else None) or today
    form = page.form(request.POST or None, initial={"starts_on": today, **page.initial})
    preview = None
    if request.method == "POST" and "preview" in request.POST:
        if form.is_valid():
            preview = page.preview(form, agency, max(form.cleaned_data["starts_on"], today))
    else:
        saved, _ = form_submit(request, form, lambda c: page.create(request.user, agency, form, today), page.success)
        if saved:
            return redirect(page.url)
    in_force = (page.in_force(agency, on) if page.in_force else page.book.all_in_force(agency, on, page.kinds).values())
    return render(request, page.template, {
        "agency": agency, "form": form if may_edit else None, "date_form": date_form, "on": on, "today": today,
        "preview": preview, "in_force": [(r, page.explain(r, agency, on)) for r in in_force],
        "rows": page.book.rows(agency), "locked": page.book.locked_kinds(agency, page.kinds), **extra,
    }, status=400 if request.method == "POST" and not form.is_valid() else 200)
