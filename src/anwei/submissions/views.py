"""核定與陳報: the head's approval of a plan, the agency's filings to its superior, the superior's inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import form_attempt
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency
from anwei.submissions import selectors, services
from anwei.submissions.forms import (ApprovalRuleForm, ApprovalSubmitForm, DecideForm, InboxFilterForm,
                                     ReportRuleForm, SendForm)
from anwei.submissions.models import Kind, PlanApproval, Submission

PAGE_SIZE = 30


@login_required
def index(request):
    """Where each person starts: the head's plans to approve, the officer's filings, the superior's inbox."""
    person = request.user
    agency = selectors.reporting_agency(person)
    if agency is not None:
        return redirect("submissions:outgoing", agency_pk=agency.pk)
    if policy.holds_anywhere(person, "submissions.acknowledge"):
        return redirect("submissions:inbox")
    if policy.holds_anywhere(person, "submissions.approval.decide"):
        return render(request, "submissions/approvals.html",
                      {"awaiting": selectors.approvals_awaiting(person=person)})
    raise Http404("沒有需要核定或陳報的事項")


@login_required
def approval(request, plan_pk: int):
    person = request.user
    plan, current = selectors.plan_for_approval(person=person, pk=plan_pk)
    may_submit = policy.may(person, "submissions.approval.submit", plan)
    may_decide = policy.may(person, "submissions.approval.decide", plan)
    submit_form = ApprovalSubmitForm(prefix="submit")
    decide_form = DecideForm(prefix="decide", initial={"version": current.version if current else 0})
    status = 200
    if request.method == "POST":
        if request.POST.get("do") == "submit" and may_submit:
            submit_form = ApprovalSubmitForm(request.POST, prefix="submit")
            if submit_form.is_valid():
                attempt = form_attempt(submit_form, lambda: services.approval_submit(
                    actor=person, plan=plan, note=submit_form.cleaned_data["note"]))
                if attempt.done:
                    messages.success(request, "已送首長核定。")
                    return redirect("submissions:approval", plan_pk=plan.pk)
        elif request.POST.get("do") in ("approve", "return") and may_decide and current is not None:
            decide_form = DecideForm(request.POST, prefix="decide")
            if decide_form.is_valid():
                approve = request.POST["do"] == "approve"
                attempt = form_attempt(decide_form, lambda: services.approval_decide(
                    actor=person, approval=current, expected_version=decide_form.cleaned_data["version"] or 0,
                    approve=approve, comment=decide_form.cleaned_data["comment"]))
                if attempt.done:
                    messages.success(request, "已核定，政風人員可以發文。" if approve else "已退回並附意見。")
                    return redirect("submissions:approval", plan_pk=plan.pk)
        else:
            raise Http404("無此動作")
        status = 400
    return render(request, "submissions/approval.html", {
        "plan": plan, "approval": current, "required": selectors.approval_required(agency_id=plan.agency_id),
        "may_submit": may_submit and (current is None or current.status == PlanApproval.Status.RETURNED),
        "may_decide": may_decide and current is not None and current.status == PlanApproval.Status.SUBMITTED,
        "submit_form": submit_form, "decide_form": decide_form}, status=status)


def _year(request) -> int:
    raw = request.GET.get("year", "")
    return int(raw) + 1911 if raw.isdigit() and 80 <= int(raw) <= 200 else clock.today().year


@login_required
def outgoing(request, agency_pk: int):
    """What the agency owes its superior this year and where each stands; its officer sends from here.
    The agency's head and the superior office read it (no personal data: titles and dates only)."""
    person = request.user
    agency = selectors.agency_for(person=person, pk=agency_pk)
    year = _year(request)
    rows = selectors.outgoing(person=person, agency=agency, year=year)
    state = request.GET.get("state", "")
    if state in selectors.STATE_LABELS:
        rows = [e for e in rows if e.state == state]
    return render(request, "submissions/outgoing.html", {
        "agency": agency, "rows": rows, "year": year - 1911,
        "approvals": selectors.approvals_of(person=person, agency=agency), "state": state, "states": selectors.STATE_LABELS,
        "may_send": policy.may(person, "submissions.send", agency) and agency.parent_id is not None,
        "may_rules": policy.may(person, "submissions.rules.manage", agency)})


@login_required
@require_POST
def send(request, agency_pk: int):
    person = request.user
    agency = selectors.agency_for(person=person, pk=agency_pk, action="submissions.send")
    form = SendForm(request.POST)
    if not form.is_valid():
        messages.error(request, "陳報資料不完整。")
        return redirect("submissions:outgoing", agency_pk=agency.pk)
    kind, target = form.cleaned_data["kind"], form.cleaned_data["target"]
    meeting, plan = selectors.event_of(agency=agency, kind=kind, pk=target)
    attempt = form_attempt(form, lambda: services.submission_send(
        actor=person, agency=agency, kind=kind, meeting=meeting, plan=plan, note=form.cleaned_data["note"]))
    if attempt.done:
        messages.success(request, f"已陳報上級：{attempt.value.title}")
    else:
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("submissions:outgoing", agency_pk=agency.pk)


@login_required
def inbox(request):
    person = request.user
    if not policy.holds_anywhere(person, "submissions.acknowledge"):
        raise Http404("您不是上級政風人員")
    form = InboxFilterForm(request.GET or None)
    status = kind = ""
    if form.is_bound and form.is_valid():
        status, kind = form.cleaned_data["status"], form.cleaned_data["kind"]
    agency_id = int(request.GET["agency"]) if request.GET.get("agency", "").isdigit() else None
    rows = selectors.inbox(person=person, status=status, agency_id=agency_id, kind=kind)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "submissions/inbox.html", {
        "form": form, "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode()})


@login_required
def detail(request, pk: int):
    person = request.user
    s = selectors.submission_get(person=person, pk=pk)
    may_decide = selectors.may_acknowledge(person, s) and s.status == Submission.Status.SENT
    form = DecideForm(prefix="decide", initial={"version": s.version})
    status = 200
    if request.method == "POST":
        if not may_decide or request.POST.get("do") not in ("acknowledge", "return"):
            raise Http404("無此動作")
        form = DecideForm(request.POST, prefix="decide")
        if form.is_valid():
            ack = request.POST["do"] == "acknowledge"
            attempt = form_attempt(form, lambda: services.submission_decide(
                actor=person, submission=s, expected_version=form.cleaned_data["version"] or 0, acknowledge=ack,
                comment=form.cleaned_data["comment"]))
            if attempt.done:
                messages.success(request, f"已{s.ack_verb}。" if ack else "已退回並附意見。")
                return redirect("submissions:detail", pk=s.pk)
        status = 400
    return render(request, "submissions/detail.html", {"s": s, "may_decide": may_decide, "form": form},
                  status=status)


@login_required
def rules(request):
    """The agency's rules: whether plans need the head's 核定, and the filing deadlines."""
    person = request.user
    agency = selectors.reporting_agency(person) or person_primary_agency(person)
    if agency is None or not policy.may(person, "submissions.rules.manage", agency):
        raise Http404("找不到此機關")
    today = clock.today()
    a_form = ApprovalRuleForm(prefix="a", initial={"effective_from": today})
    r_form = ReportRuleForm(prefix="r", initial={"effective_from": today})
    status = 200
    if request.method == "POST":
        if request.POST.get("do") == "approval":
            a_form = ApprovalRuleForm(request.POST, prefix="a")
            if a_form.is_valid() and form_attempt(a_form, lambda: services.approval_rule_set(
                    actor=person, agency=agency, **a_form.cleaned_data)).done:
                messages.success(request, "已儲存核定規則。")
                return redirect("submissions:rules")
        else:
            r_form = ReportRuleForm(request.POST, prefix="r")
            if r_form.is_valid() and form_attempt(r_form, lambda: services.report_rule_set(
                    actor=person, agency=agency, **r_form.cleaned_data)).done:
                messages.success(request, "已儲存陳報規則。")
                return redirect("submissions:rules")
        status = 400
    return render(request, "submissions/rules.html", {
        "agency": agency, "a_form": a_form, "r_form": r_form,
        "required": selectors.approval_required(agency_id=agency.pk),
        "in_force": selectors.report_rules_in_force(agency_id=agency.pk), "kinds": Kind},
        status=status)
