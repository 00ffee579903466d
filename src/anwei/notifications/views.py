"""Thin views: the notification centre, the person's profile (mail, deputies, calendar feed), the feed
itself and the agency's reminder rules with a preview of the days they give."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import form_attempt, message_attempt
from anwei.notifications import calendar as ical
from anwei.notifications import rules, selectors, services
from anwei.notifications.forms import DeputyForm, ProfileForm, RuleForm
from anwei.notifications.models import DEFAULT_RULE
from anwei.notifications.rules import ALL_KINDS
from anwei.orgs.services import deputy_appoint, deputy_cancel
from anwei.portal.obligations import obligation_kinds
from anwei.portal.rulepages import RulePage, rules_page


# --- the notification centre -----------------------------------------------------------------------------

@login_required
def notification_list(request):
    page = Paginator(selectors.notification_list(person=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark the notice read and go to what it is about."""
    n = selectors.notification_get(person=request.user, pk=pk)
    services.notification_read(actor=request.user, notification=n)
    if not url_has_allowed_host_and_scheme(n.url, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(n.url)


@login_required
@require_POST
def notification_read_all(request):
    n = services.notifications_read_all(actor=request.user)
    messages.success(request, f"已將 {n} 則通知標示為已讀。" if n else "沒有未讀的通知。")
    return redirect("notifications:list")


# --- the profile -----------------------------------------------------------------------------------------

def _profile(request, *, profile_form=None, deputy_form=None, status=200):
    person = request.user
    token = selectors.calendar_token_of(person)
    feed = settings.SITE_URL + reverse("notifications:feed", args=[token.token]) if token else ""
    return render(request, "notifications/profile.html", {
        "profile_form": profile_form or ProfileForm(initial={"email": person.email,
                                                             "email_mode": selectors.preference_mode(person)}),
        "deputy_form": deputy_form or DeputyForm(people=selectors.colleagues(person=person)),
        "deputies": selectors.deputies_of(person=person),
        "acting_for": selectors.acting_for_list(person=person),
        "feed": feed, "today": clock.today(),
    }, status=status)


@login_required
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid() and form_attempt(form, lambda: services.profile_update(
                actor=request.user, email=form.cleaned_data["email"], mode=form.cleaned_data["email_mode"])).done:
            messages.success(request, "已儲存通知設定。")
            return redirect("notifications:profile")
        return _profile(request, profile_form=form)
    return _profile(request)


@login_required
@require_POST
def deputy_add(request):
    form = DeputyForm(request.POST, people=selectors.colleagues(person=request.user))
    if form.is_valid():
        d = form.cleaned_data
        attempt = form_attempt(form, lambda: deputy_appoint(
            actor=request.user, person=request.user, deputy=d["deputy"], starts_on=d["starts_on"], ends_on=d["ends_on"],
            reason=d["reason"]))
        if attempt.done:
            messages.success(request, f"已指定{d['deputy'].display_with_title()}為職務代理人。")
            return redirect("notifications:profile")
    return _profile(request, deputy_form=form)


@login_required
@require_POST
def deputy_end(request, pk: int):
    row = selectors.deputy_get(person=request.user, pk=pk)
    if message_attempt(request, lambda: deputy_cancel(actor=request.user, row=row)).done:
        messages.success(request, "已取消此職務代理。")
    return redirect("notifications:profile")


@login_required
@require_POST
def calendar_renew(request):
    services.calendar_token_renew(actor=request.user)
    messages.success(request, "已產生新的行事曆訂閱網址；舊網址（如有）已失效。")
    return redirect("notifications:profile")


@login_required
@require_POST
def calendar_revoke(request):
    if message_attempt(request, lambda: services.calendar_token_revoke(actor=request.user)).done:
        messages.success(request, "已停用行事曆訂閱網址。")
    return redirect("notifications:profile")


def feed(request, token: str):
    """The private feed: no login (calendar programs cannot), the token is the key; it shows what its
    owner's pages would (the same policy), and a revoked or unknown token answers 404."""
    person = selectors.feed_person(token)
    body = ical.ics(ical.person_events(person), f"安維：{person.display_with_title()}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


# --- the agency's rules ----------------------------------------------------------------------------------

def _kinds() -> list[str]:
    return [ALL_KINDS] + [k for k, _ in obligation_kinds()]


RULES_PAGE = RulePage(
    action="notifications.rules.manage", view_action="notifications.rules.view", template="notifications/rules.html",
    url="notifications:rules", form=RuleForm, book=rules.BOOK, kinds=_kinds(), example=None,
    initial={k: getattr(DEFAULT_RULE, k) for k in ("remind_before", "remind_on_due", *services.DAY_FIELDS)},
    describe=lambda row, agency, day: rules.example(row, agency, day),
    create=lambda actor, agency, form, today: services.reminder_rule_create(
        actor=actor, agency=agency, data=form.rule_input(), today=today),
    in_force=lambda agency, on: rules.rules_in_force(agency, on, _kinds()),
    success="已新增提醒與陳報規則，自生效日起適用。")


@login_required
def rules_edit(request):
    """The agency's reminder rules where the work is (portal.rulepages): in force on any date and what they
    mean for a deadline then, every row that applies (its superiors', its own), a new row with a preview. The
    agency head reads them; the ethics officer adds rows."""
    return rules_page(request, RULES_PAGE, period_header="提醒與陳報")
