from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from anwei.accounts import selectors, services
from anwei.accounts.forms import PasswordChangeForm, ReviewForm
from anwei.core.formpages import form_attempt


@login_required
def password_change(request):
    reason = selectors.password_change_reason(request.user)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if form_attempt(form, lambda: services.password_change(
                actor=request.user, person=request.user, old_password=d["old_password"],
                new_password=d["new_password1"])).done:
            update_session_auth_hash(request, request.user)  # stays signed in on this browser
            messages.success(request, "已變更密碼。")
            return redirect("home")
    return render(request, "accounts/password_change.html", {"form": form, "reason": reason})


@login_required
def review(request):
    agency = selectors.review_agency(person=request.user)
    people = list(selectors.review_people(agency=agency))
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form_attempt(form, lambda: services.account_review_record(
                actor=request.user, agency=agency, people=len(people), note=form.cleaned_data["note"])).done:
            messages.success(request, f"已記錄{agency.name}本年度的帳號與角色檢視。")
            return redirect("accounts:review")
    last = selectors.review_last(agency_ids=[agency.pk]).get(agency.pk)
    return render(request, "accounts/review.html", {
        "agency": agency, "people": people, "form": form, "last": last,
        "idle_days": settings.ACCOUNT_IDLE_DAYS})
