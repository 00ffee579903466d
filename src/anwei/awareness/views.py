"""Thin views: parse input, call one service or selector, render. Objects outside a person's scope are 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from anwei.awareness import selectors, services
from anwei.awareness.forms import CaseForm, DutyWordsForm, EventForm, TopicForm
from anwei.awareness.models import DEFAULT_DUTY_WORDS
from anwei.core import clock
from anwei.core.formpages import confirm_step, form_page, form_submit, message_attempt
from anwei.core.forms import PeriodForm, RocDateField
from anwei.core.uploads import stored_file_response
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency

PAGE = 50


class PeriodFilter(PeriodForm):
    start = RocDateField(label="期間起日", required=False)
    end = RocDateField(label="期間迄日", required=False)


def _manage_agency(request):
    """The agency a person records events in; 404 if they may not."""
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "awareness.manage", agency):
        raise Http404("找不到此頁面")
    return agency


def _event_form(request, agency, **kwargs):
    return EventForm(request.POST or None, request.FILES or None, topics=selectors.topics_for(agency=agency),
                     units=selectors.units_for(agency=agency), agencies=selectors.subordinates_for(agency=agency),
                     cases=selectors.cases_usable(agency=agency), **kwargs)


def _origin(c) -> dict:
    return {k: c[k] for k in ("origin", "plan_duty") if c.get(k)}


def _event_values(c) -> dict:
    keys = ["title", "topic", "form", "start_date", "end_date", "audience_note", "audience_count", "speaker", "summary"]
    values = {k: c[k] for k in keys}
    values["audience_units"] = list(c["audience_units"])
    values["audience_agencies"] = list(c.get("audience_agencies") or [])
    values["cases"] = list(c.get("cases") or [])
    values["files"] = [c["file"]] if c.get("file") else []
    return values


@login_required
def event_list(request):
    if not policy.holds_anywhere(request.user, "awareness.view"):
        raise Http404("找不到此頁面")
    period = PeriodFilter(request.GET or None)
    start = end = None
    if period.is_bound and period.is_valid():
        start, end = period.cleaned_data["start"], period.cleaned_data["end"]
    qs = selectors.event_list(person=request.user, start=start, end=end)
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    agency = person_primary_agency(request.user)
    can_manage = agency is not None and policy.may(request.user, "awareness.manage", agency)
    query = "&".join(f"{k}={request.GET[k]}" for k in ("start", "end") if request.GET.get(k))
    return render(request, "awareness/event_list.html", {
        "page": page, "period": period, "can_manage": can_manage, "query": query,
        "topics": selectors.topics_for(agency=agency) if can_manage else [],
        "topic_form": TopicForm() if can_manage else None})


@login_required
def event_create(request):
    agency = _manage_agency(request)
    # Reached from a plan's 「記錄辦理情形」: that line is chosen already.
    form = _event_form(request, agency, origins=selectors.origins_for(agency=agency),
                       plan_duties=selectors.plan_duties_for(agency=agency, on=clock.today()),
                       initial={"plan_duty": request.GET.get("duty", "")})
    saved, _ = form_submit(request, form, lambda c: services.event_create(
        actor=request.user, agency=agency, **_event_values(c), **_origin(c)), "已新增宣導活動。")
    if saved:
        return redirect("awareness:event_list")
    return render(request, "awareness/event_form.html", {"form": form})


@login_required
def event_edit(request, pk: int):
    event = selectors.event_get(person=request.user, pk=pk)
    editable = policy.may(request.user, "awareness.manage", event)
    if request.method == "POST" and not editable:
        raise Http404("找不到此頁面")
    initial = {k: getattr(event, k) for k in ["title", "topic", "form", "start_date", "end_date", "audience_note",
                                               "audience_count", "speaker", "summary", "version"]}
    initial |= {"audience_units": list(event.audience_units.all()),
                "audience_agencies": list(event.audience_agencies.all()), "cases": list(event.cases.all())}
    form = _event_form(request, event.agency, initial=initial)
    saved, conflict = form_submit(request, form, lambda c: services.event_update(
        actor=request.user, event=event, expected_version=c["version"] or 0, **_event_values(c)), "已儲存。")
    if saved:
        return redirect("awareness:event_list")
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    return form_page(request, "awareness/event_form.html", {
        "form": form, "event": event, "editable": editable, "materials": event.materials.all(),
        "cases": event.cases.all()}, conflict)


@login_required
@require_POST
def event_delete(request, pk: int):
    event = selectors.event_get(person=request.user, pk=pk, action="awareness.manage")
    asked = confirm_step(request, question=f"確定刪除宣導活動「{event.title}」？", detail="刪除後無法復原。",
                         action="刪除")
    if asked:
        return asked
    if message_attempt(request, lambda: services.event_delete(actor=request.user, event=event)).done:
        messages.success(request, "已刪除宣導活動。")
    return redirect("awareness:event_list")


@login_required
def event_file(request, pk: int, file_id: int):
    event = selectors.event_get(person=request.user, pk=pk)
    stored = event.materials.filter(pk=file_id).first()
    if stored is None:
        raise Http404("找不到此檔案")
    return stored_file_response(stored)


@login_required
@require_POST
def topic_add(request):
    agency = _manage_agency(request)
    form = TopicForm(request.POST)
    if form.is_valid():
        if message_attempt(request, lambda: services.topic_add(actor=request.user, agency=agency,
                                                             name=form.cleaned_data["name"])).done:
            messages.success(request, f"已新增主題「{form.cleaned_data['name'].strip()}」。")
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("awareness:event_list")


# --- the case library -------------------------------------------------------------------------------

@login_required
def case_list(request):
    if not policy.holds_anywhere(request.user, "awareness.view"):
        raise Http404("找不到此頁面")
    agency = person_primary_agency(request.user)
    return render(request, "awareness/case_list.html", {
        "page": Paginator(selectors.case_list(person=request.user), PAGE).get_page(request.GET.get("page")),
        "can_manage": agency is not None and policy.may(request.user, "awareness.manage", agency)})


@login_required
def case_create(request):
    agency = _manage_agency(request)
    form = CaseForm(request.POST or None, topics=selectors.topics_for(agency=agency))
    saved, _ = form_submit(request, form, lambda c: services.case_create(
        actor=request.user, agency=agency, **{k: v for k, v in c.items() if k != "version"}), "已新增案例。")
    if saved:
        return redirect("awareness:case_detail", pk=saved.pk)
    return render(request, "awareness/case_form.html", {"form": form})


@login_required
def case_detail(request, pk: int):
    """Read the case; its own agency's ethics officer edits it here."""
    case = selectors.case_get(person=request.user, pk=pk)
    editable = policy.may(request.user, "awareness.manage", case)
    if request.method == "POST" and not editable:
        raise Http404("找不到此頁面")
    form = None
    conflict = None
    if editable:
        initial = {k: getattr(case, k) for k in services.CASE_FIELDS + ["version"]}
        form = CaseForm(request.POST or None, topics=selectors.topics_for(agency=case.agency), initial=initial)
        saved, conflict = form_submit(request, form, lambda c: services.case_update(
            actor=request.user, case=case, expected_version=c["version"] or 0,
            **{k: v for k, v in c.items() if k != "version"}), "已儲存。")
        if saved:
            return redirect("awareness:case_detail", pk=case.pk)
    context = {"case": case, "form": form, "editable": editable}
    if form is None:
        return render(request, "awareness/case_detail.html", context)
    return form_page(request, "awareness/case_detail.html", context, conflict)


# --- the agency's awareness duty words ---------------------------------------------------------------

@login_required
def duty_words(request):
    """The words that mark a plan's line as an awareness duty: the agency's own, or the nationwide default."""
    agency = _manage_agency(request)
    own, default = selectors.duty_words_rows(agency_id=agency.pk)
    form = DutyWordsForm(request.POST or None, initial={"version": own.version if own else 0,
                                                          "words": own.words if own else ""})
    saved, conflict = form_submit(request, form, lambda c: services.duty_words_set(
        actor=request.user, agency=agency, words=c["words"], expected_version=c["version"] or 0),
        "已儲存宣導工作關鍵字。")
    if saved:
        return redirect("awareness:duty_words")
    return form_page(request, "awareness/duty_words.html", {
        "agency": agency, "form": form, "own": own, "in_force": selectors.duty_words_for(agency_id=agency.pk),
        "default": default.word_list() if default and default.word_list() else list(DEFAULT_DUTY_WORDS)}, conflict)
