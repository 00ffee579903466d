from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from anwei.accounts import second_factor, selectors, services
from anwei.accounts.forms import PasswordChangeForm, ReviewForm, SecondFactorForm
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


REVIEW_PAGE = 100


@login_required
def review(request):
    agency = selectors.review_agency(person=request.user)
    people = selectors.review_people(agency=agency)
    page = Paginator(people, REVIEW_PAGE).get_page(request.GET.get("page"))  # a large agency has thousands
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form_attempt(form, lambda: services.account_review_record(
                actor=request.user, agency=agency, people=page.paginator.count,
                note=form.cleaned_data["note"])).done:
            messages.success(request, f"已記錄{agency.name}本年度的帳號與角色檢視。")
            return redirect("accounts:review")
    last = selectors.review_last(agency_ids=[agency.pk]).get(agency.pk)
    return render(request, "accounts/review.html", {
        "agency": agency, "people": page.object_list, "page": page, "form": form, "last": last,
        "idle_days": settings.ACCOUNT_IDLE_DAYS})


@login_required
def second_factor_verify(request):
    """After the password: the code of the person's authenticator (or a recovery code)."""
    if second_factor.second_factor_needed(request) != "verify":
        return redirect("home")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.device_verify(request.user, form.cleaned_data["token"])
        services.second_factor_record(person=request.user, ok=device is not None,
                                      recovery=isinstance(device, StaticDevice))
        if device is not None:
            otp_login(request, device)
            return redirect("home")
        form.add_error("token", "驗證碼不正確或已過期，請輸入驗證器上目前顯示的數字。")
    return render(request, "accounts/second_factor_verify.html", {"form": form})


@login_required
def second_factor_setup(request):
    """Set up an authenticator: scan the QR code (or type the key), prove it with a code, keep the
    recovery codes. Open to anyone; required of those second_factor_needed() sends here."""
    key = second_factor.pending_key(request)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.pending_code_ok(key, form.cleaned_data["token"]):
            codes = services.second_factor_enable(actor=request.user, key_hex=key)
            del request.session[second_factor.PENDING_KEY]
            otp_login(request, request.user.totpdevice_set.get())
            return render(request, "accounts/second_factor_codes.html", {"codes": codes})
        form.add_error("token", "驗證碼不正確，請確認已掃描此 QR code，並輸入驗證器上目前顯示的數字。")
    qr, secret = second_factor.provisioning(request.user, key)
    return render(request, "accounts/second_factor_setup.html", {
        "form": form, "qr": qr, "secret": secret, "required": second_factor.second_factor_needed(request) == "setup"})
