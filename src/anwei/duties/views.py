"""The agency's recurring duties: each with its last and next date, done or overdue; add one; record it done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import form_submit, message_attempt
from anwei.duties import selectors, services
from anwei.duties.forms import DoneForm, DutyForm
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency


@login_required
def index(request):
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "duties.manage", agency):
        raise Http404("找不到此頁面")
    today = clock.today()
    form = DutyForm(request.POST or None, initial={"starts_on": today, "unit": "months"})
    created, _ = form_submit(request, form, lambda c: services.duty_create(
        actor=request.user, agency=agency, data=form.duty_input()), "已新增定期工作。")
    if created:
        return redirect("duties:index")
    duties = selectors.duty_list(person=request.user, agency=agency)
    current = [d for d in duties if d.ends_on is None or d.ends_on > today]
    return render(request, "duties/index.html", {
        "agency": agency, "form": form, "today": today, "states": selectors.states(current),
        "done_form": DoneForm(initial={"done_on": today}),
        "stopped": [d for d in duties if d not in current],
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def done(request, pk: int):
    duty = selectors.duty_get(person=request.user, pk=pk)
    form = DoneForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        if message_attempt(request, lambda: services.duty_done_record(
                actor=request.user, duty=duty, done_on=c["done_on"], note=c["note"], today=clock.today())).done:
            messages.success(request, f"已登錄「{duty.name}」辦理完成。")
    else:
        messages.error(request, "請填寫正確的辦理日期。")
    return redirect("duties:index")
