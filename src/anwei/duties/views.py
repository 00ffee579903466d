"""The agency's recurring duties: each with its last and next date, done or overdue; add one; record it done;
stop one. A superior office's duties for its whole subtree: set, change their frequency from a date (and fix it),
stop; an agency below sees who set each and sets its own frequency where the office allows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import form_submit, message_attempt, posted_version
from anwei.duties import selectors, services
from anwei.duties.forms import DefaultForm, DoneForm, DutyForm, FrequencyForm, StopForm
from anwei.lib import rocdate
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency


def _agency(request):
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "duties.manage", agency):
        raise Http404("找不到此頁面")
    return agency


@login_required
def index(request):
    agency = _agency(request)
    today = clock.today()
    form = DutyForm(request.POST or None, initial={"starts_on": today, "unit": "months"})
    created, _ = form_submit(request, form, lambda c: services.duty_create(
        actor=request.user, agency=agency, data=form.duty_input()), "已新增定期工作。")
    if created:
        return redirect("duties:index")
    duties = selectors.duty_list(person=request.user, agency=agency)
    current = [d for d in duties if d.ends_on is None or d.ends_on > today]
    inherited = selectors.agency_defaults(person=request.user, agency=agency, today=today)
    states = sorted(selectors.states(current + inherited), key=lambda s: s.duty.order)
    return render(request, "duties/index.html", {
        "agency": agency, "form": form, "today": today, "states": states,
        "done_form": DoneForm(initial={"done_on": today}), "stop_form": StopForm(initial={"ends_on": today}),
        "duplicates": selectors.duplicates([s.duty for s in states]),
        "may_set_defaults": selectors.may_set_defaults(request.user, agency),
        "stopped": [d for d in duties if d not in current],
    }, status=400 if request.method == "POST" else 200)


def _done(request, call, name: str) -> None:
    form = DoneForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        if message_attempt(request, lambda: call(c["done_on"], c["note"])).done:
            messages.success(request, f"已登錄「{name}」辦理完成。")
    else:
        messages.error(request, "請填寫正確的辦理日期。")


@login_required
@require_POST
def done(request, pk: int):
    duty = selectors.duty_get(person=request.user, pk=pk)
    _done(request, lambda done_on, note: services.duty_done_record(
        actor=request.user, duty=duty, done_on=done_on, note=note, today=clock.today()), duty.name)
    return redirect("duties:index")


def _stop(request, call, name: str) -> None:
    form = StopForm(request.POST)
    if form.is_valid():
        ends_on = form.cleaned_data["ends_on"]
        if message_attempt(request, lambda: call(ends_on, posted_version(request))).done:
            messages.success(request, f"「{name}」自{rocdate.format_short(ends_on)}起停止。")
    else:
        messages.error(request, "請填寫正確的停止日。")


@login_required
@require_POST
def stop(request, pk: int):
    duty = selectors.duty_get(person=request.user, pk=pk)
    _stop(request, lambda ends_on, version: services.duty_stop(
        actor=request.user, duty=duty, ends_on=ends_on, expected_version=version), duty.name)
    return redirect("duties:index")


@login_required
def defaults(request):
    """The duties the office set for its whole subtree, and a new one."""
    agency = _agency(request)
    duties = selectors.default_list(person=request.user, agency=agency)
    today = clock.today()
    form = DefaultForm(request.POST or None, initial={"starts_on": today, "unit": "months"})
    created, _ = form_submit(request, form, lambda c: services.default_create(
        actor=request.user, agency=agency, data=form.default_input()),
        "已訂定所屬機關共同適用的定期工作，本機關及各所屬機關自起算日起適用。")
    if created:
        return redirect("duties:defaults")
    return render(request, "duties/defaults.html", {
        "agency": agency, "form": form, "today": today,
        "views": [selectors.default_view(d, agency, today) for d in duties],
    }, status=400 if request.method == "POST" else 200)


@login_required
def default(request, pk: int):
    """One subtree duty as the agency sees it; from a date, its own frequency (the office: the default)."""
    agency = _agency(request)
    duty = selectors.default_get(person=request.user, agency=agency, pk=pk)
    today = clock.today()
    view = selectors.default_view(duty, agency, today)
    current = view.in_force
    form = FrequencyForm(request.POST or None, owner=view.owner, initial={
        "starts_on": today, "every": current.every if current else None, "unit": current.unit if current else "months",
        "fixed": bool(current and current.fixed and view.owner)})
    saved, _ = form_submit(request, form, lambda c: services.default_frequency_set(
        actor=request.user, agency=agency, duty=duty, every=c["every"], unit=c["unit"], starts_on=c["starts_on"],
        today=today, fixed=c.get("fixed", False)), "已訂定頻率，自生效日起適用。")
    if saved:
        return redirect("duties:default", pk=pk)
    return render(request, "duties/default.html", {
        "agency": agency, "view": view, "form": form, "today": today,
        "show_form": view.owner or view.locked is None or form.is_bound,
        "done_form": DoneForm(initial={"done_on": today}), "done": selectors.default_done_list(duty, agency),
        "stop_form": StopForm(initial={"ends_on": today, "version": duty.version}),
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def default_done(request, pk: int):
    agency = _agency(request)
    duty = selectors.default_get(person=request.user, agency=agency, pk=pk)
    _done(request, lambda done_on, note: services.default_done_record(
        actor=request.user, agency=agency, duty=duty, done_on=done_on, note=note, today=clock.today()), duty.name)
    return redirect("duties:index")


@login_required
@require_POST
def default_stop(request, pk: int):
    agency = _agency(request)
    duty = selectors.default_owned(person=request.user, agency=agency, pk=pk)
    _stop(request, lambda ends_on, version: services.default_stop(
        actor=request.user, duty=duty, ends_on=ends_on, expected_version=version), duty.name)
    return redirect("duties:defaults")
