from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import form_attempt, form_submit
from anwei.core.periods import Period
from anwei.documents.http import document_response
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency
from anwei.portal.rulepages import RulePage, rules_page
from anwei.travel import selectors, services
from anwei.travel.forms import (PeriodForm, RuleForm, RetireeDeclarationForm, RetireeForm, RetireeReturnReportForm,
                                ReturnReportForm, ReviewForm, TripForm)
from anwei.travel.models import Region, RuleKind, Status, TravelApplication
from anwei.travel.selectors import NoRuleError

PAGE_SIZE = 30


def _today() -> dt.date:
    return timezone.localdate()


def _attempt(form, call, *, conflict_message: str = ""):
    """form_attempt, with this page's words for an edit conflict on top of the form."""
    attempt = form_attempt(form, call)
    if attempt.conflict is not None and conflict_message:
        form.add_error(None, conflict_message)
    return attempt


def _declarations(person, kind: str, agency=None) -> tuple[list[str], str | None]:
    agency = agency or person_primary_agency(person)
    if agency is None:
        return [], "您的帳號尚未設定服務機關，請洽系統管理者。"
    try:
        return selectors.rule_in_force(agency=agency, kind=kind, on=_today()).declaration_list(), None
    except NoRuleError as exc:
        return [], str(exc)


@login_required
def index(request):
    person = request.user
    # Reviewers open on what awaits their review; everyone else on their own applications.
    show = request.GET.get("show") or ("review" if policy.holds_anywhere(person, "travel.review_ethics")
                                       or policy.holds_anywhere(person, "travel.review_unit") else "mine")
    apps = selectors.application_list(person=person)
    if show == "mine":
        apps = apps.filter(traveller=person)
    elif show == "review":
        apps = selectors.review_queue(person=person).select_related("agency", "reviewing_agency", "unit",
                                                                    "return_report")
    status = request.GET.get("status", "")
    if status in Status.values:
        apps = apps.filter(status=status)
    page = Paginator(apps, PAGE_SIZE).get_page(request.GET.get("page"))
    ethics = list(selectors.ethics_agencies(person))
    stats_agency = selectors.statistics_agencies(person=person).first()
    agency = person_primary_agency(person)
    rules = selectors.rules_in_force(agency=agency, on=_today(), person=person) if agency else []
    return render(request, "travel/index.html", {
        "page": page, "show": show, "query": urlencode({"show": show, "status": status}), "ethics": ethics,
        "stats_agency": stats_agency, "status": status, "statuses": Status.choices,
        "today": _today(), "rules": rules,
        "may_edit_rules": agency is not None and policy.may(person, "travel.rules.manage", agency),
    })


@login_required
def application_create(request):
    person = request.user
    region = request.POST.get("region") or request.GET.get("region") or Region.MAINLAND
    if region not in Region.values:
        raise Http404("找不到此頁面")
    lead_kind = selectors.trip_rule_kinds(region, False)[0]
    declarations, problem = _declarations(person, lead_kind)
    form = TripForm(request.POST or None, declarations=declarations, region=region)
    if request.method == "POST" and form.is_valid() and not problem:
        attempt = _attempt(form, lambda: services.application_submit(
            actor=person, trip=form.trip(), today=_today()))
        if attempt.done:
            app = attempt.value
            messages.success(request, f"已送出赴陸申請，目前{app.get_status_display()}。")
            return redirect("travel:application_detail", pk=app.pk)
    lead = _rule_or_none(person_primary_agency(person), lead_kind)
    title = "提出赴陸申請" if region == Region.MAINLAND else f"赴{Region(region).label}通報"
    return render(request, "travel/application_form.html", {"form": form, "problem": problem, "lead": lead,
                                                            "title": title, "region": region})


@login_required
def application_detail(request, pk: int):
    app = selectors.application_get(person=request.user, pk=pk)
    services.application_view_record(actor=request.user, app=app)
    return _detail(request, app)


def _detail(request, app: TravelApplication, review_form: ReviewForm | None = None, conflict=None, status=200):
    person = request.user
    ethics_step = selectors.may_review_ethics(person, app)
    can_review = ethics_step or selectors.may_review_unit(person, app)
    if can_review and review_form is None:
        review_form = ReviewForm(initial={"version": app.version}, ethics_step=ethics_step)
    report = getattr(app, "return_report", None)
    can_report = report is None and app.is_open_for_report() and app.departure_on <= _today() and (
        (app.traveller_id == person.pk) or (app.is_retiree() and policy.may(person, "travel.retirees", app.agency)))
    return render(request, "travel/application_detail.html", {
        "app": app, "report": report, "review_form": review_form if can_review else None, "conflict": conflict,
        "can_edit": app.traveller_id == person.pk and app.status == Status.RETURNED,
        "can_report": can_report, "today": _today(),
        "overdue": report is None and app.report_overdue_on(_today()),
        "view_log": selectors.application_view_log(person=person, app=app),
    }, status=status)


@login_required
def application_edit(request, pk: int):
    person = request.user
    app = selectors.application_get(person=person, pk=pk)
    if app.traveller_id != person.pk:
        raise Http404("找不到此赴陸申請")
    if app.status != Status.RETURNED:
        messages.error(request, "此申請目前不能修改。")
        return redirect("travel:application_detail", pk=app.pk)
    lead = selectors.rule_completed(app.lead_rule, on=app.filed_on)
    declarations = lead.declaration_list()
    form = TripForm(request.POST or None, declarations=declarations,
                    initial={**TripForm.initial_from(app),
                             "declarations": [str(i) for i, t in enumerate(declarations)
                                              if t in app.declarations_accepted]})
    conflict = None
    if request.method == "POST" and form.is_valid():
        attempt = _attempt(form, lambda: services.application_correct(
                actor=person, application=app, trip=form.trip(), expected_version=form.cleaned_data["version"] or 0,
                today=_today()),
            conflict_message="此申請已被修改（例如審核人已處理），您輸入的內容保留如下，請確認後再送出。")
        conflict = attempt.conflict
        if attempt.done:
            messages.success(request, "已補正並重新送出。")
            return redirect("travel:application_detail", pk=app.pk)
    return render(request, "travel/application_form.html", {
        "form": form, "app": app, "lead": lead, "conflict": conflict, "title": "補正赴陸申請"})


@login_required
@require_POST
def application_review(request, pk: int):
    person = request.user
    app = selectors.application_get(person=person, pk=pk)
    if not selectors.is_reviewer(person, app):
        raise Http404("找不到此赴陸申請")
    ethics_step = selectors.may_review_ethics(person, app)
    if not (ethics_step or selectors.may_review_unit(person, app)):
        messages.error(request, "此申請目前不在您的審核階段。")
        return redirect("travel:application_detail", pk=app.pk)
    form = ReviewForm(request.POST, ethics_step=ethics_step)
    if form.is_valid():
        attempt = _attempt(form, lambda: services.application_review(
                actor=person, application=app, decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"], handles_classified=form.classified(),
                expected_version=form.cleaned_data["version"]),
            conflict_message="此申請已被他人處理或申請人已修改，您的意見保留如下，請重新確認。")
        if attempt.done:
            messages.success(request, "已完成審核。")
            return redirect("travel:application_detail", pk=app.pk)
        if (conflict := attempt.conflict) is not None:
            return _detail(request, conflict, form, conflict=conflict, status=409)
    return _detail(request, app, form, status=400)


@login_required
def return_report(request, pk: int):
    person = request.user
    app = selectors.application_get(person=person, pk=pk)
    if app.is_retiree():
        if not policy.may(person, "travel.retirees", app.agency):
            raise Http404("找不到此赴陸申請")
        form_class = RetireeReturnReportForm
    elif app.traveller_id == person.pk:
        form_class = ReturnReportForm
    else:
        raise Http404("找不到此赴陸申請")
    if hasattr(app, "return_report") or not app.is_open_for_report():
        messages.error(request, "此次赴陸已填報返臺通報表。" if hasattr(app, "return_report")
                       else "此申請尚未核准，不能填報返臺通報表。")
        return redirect("travel:application_detail", pk=app.pk)
    form = form_class(request.POST or None, initial={
        "actual_departure_on": app.departure_on, "actual_return_on": app.return_on, "places": app.destinations})
    if request.method == "POST" and form.is_valid():
        attempt = _attempt(form, lambda: services.return_report_file(
            actor=person, application=app, report=form.report(), today=_today(),
            received_on=form.cleaned_data.get("received_on")))
        if attempt.done:
            messages.success(request, "已送出返臺通報表。")
            return redirect("travel:application_detail", pk=app.pk)
    return render(request, "travel/return_report_form.html", {"form": form, "app": app, "today": _today()})


@login_required
def application_document(request, pk: int, fmt: str):
    app = selectors.application_get(person=request.user, pk=pk)
    name = "涉密退離職人員赴陸申報表" if app.is_retiree() else "赴大陸地區申請表"
    services.application_view_record(actor=request.user, app=app, action="travel.view.document")
    return document_response(request, builder="travel.application",
                             kwargs={"application_id": app.pk}, fmt=fmt, filename=f"{name}_{app.traveller_name}")


@login_required
def return_report_document(request, pk: int, fmt: str):
    app = selectors.application_get(person=request.user, pk=pk)
    if not hasattr(app, "return_report"):
        raise Http404("尚未填報返臺通報表")
    services.application_view_record(actor=request.user, app=app, action="travel.view.report")
    return document_response(request, builder="travel.return_report",
                             kwargs={"application_id": app.pk}, fmt=fmt,
                             filename=f"赴陸人員返臺通報表_{app.traveller_name}")


@login_required
def overdue(request):
    person = request.user
    if selectors.ethics_agencies(person).count() == 0:
        raise Http404("找不到此頁")
    page = Paginator(selectors.overdue_list(person=person, today=_today()), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "travel/overdue.html", {"page": page, "today": _today()})


@login_required
def statistics(request, agency_id: int):
    agency = selectors.statistics_agency_get(person=request.user, pk=agency_id)
    today = _today()
    form = PeriodForm(request.GET or None, initial={"start": dt.date(today.year, 1, 1), "end": today})
    start, end, subtree = dt.date(today.year, 1, 1), today, False
    if request.GET and form.is_valid():
        start, end, subtree = form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data["subtree"]
    stats = selectors.travel_statistics(agency, start, end, include_subtree=subtree)
    return render(request, "travel/statistics.html", {
        "agency": agency, "form": form, "stats": stats, "start": start, "end": end,
        "sentence": selectors.work_report_period(start, end, today) + stats["sentence"],
        "agencies": selectors.statistics_agencies(person=request.user)[:200]})


def _retiree_agency(person):
    agency = selectors.ethics_agencies(person).first()
    if agency is None:
        raise Http404("找不到此頁")
    return agency


@login_required
def retiree_list(request):
    agency = _retiree_agency(request.user)
    page = Paginator(selectors.retiree_list(person=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "travel/retiree_list.html", {"page": page, "agency": agency, "today": _today()})


@login_required
def retiree_create(request):
    agency = _retiree_agency(request.user)
    form = RetireeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt = _attempt(form, lambda: services.retiree_create(
            actor=request.user, agency=agency, data=form.cleaned_data))
        if attempt.done:
            retiree = attempt.value
            messages.success(request, f"已登錄涉密退離職人員{retiree.full_name}。")
            return redirect("travel:retiree_detail", pk=retiree.pk)
    return render(request, "travel/retiree_form.html", {"form": form, "title": "登錄涉密退離職人員"})


@login_required
def retiree_detail(request, pk: int):
    retiree = selectors.retiree_get(person=request.user, pk=pk)
    form = RetireeForm(request.POST or None, initial={
        "full_name": retiree.full_name, "former_title": retiree.former_title, "former_unit": retiree.former_unit,
        "left_on": retiree.left_on, "control_ends_on": retiree.control_ends_on,
        "declaration_years": retiree.declaration_years, "contact": retiree.contact, "version": retiree.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        attempt = _attempt(form, lambda: services.retiree_update(
                actor=request.user, retiree=retiree, data=form.cleaned_data,
                expected_version=form.cleaned_data["version"] or 0),
            conflict_message="此筆資料已被其他人修改，您輸入的內容保留如下，請確認後再儲存。")
        conflict = attempt.conflict
        if attempt.done:
            messages.success(request, "已儲存。")
            return redirect("travel:retiree_detail", pk=retiree.pk)
    trips = retiree.trips.select_related("return_report").order_by("-departure_on")[:50]
    return render(request, "travel/retiree_detail.html", {"retiree": retiree, "form": form, "trips": trips,
                                                          "conflict": conflict, "today": _today()})


@login_required
def retiree_declare(request, pk: int):
    retiree = selectors.retiree_get(person=request.user, pk=pk)
    declarations, problem = _declarations(request.user, RuleKind.RETIREE_LEAD, agency=retiree.agency)
    form = RetireeDeclarationForm(request.POST or None, declarations=declarations, initial={"received_on": _today()})
    if request.method == "POST" and form.is_valid() and not problem:
        attempt = _attempt(form, lambda: services.retiree_declaration_record(
            actor=request.user, retiree=retiree, trip=form.trip(), received_on=form.cleaned_data["received_on"],
            today=_today()))
        if attempt.done:
            app = attempt.value
            messages.success(request, "已登錄入境前申報。")
            return redirect("travel:application_detail", pk=app.pk)
    return render(request, "travel/application_form.html", {
        "form": form, "problem": problem, "retiree": retiree, "title": f"登錄{retiree.full_name}赴陸申報",
        "lead": _rule_or_none(retiree.agency, RuleKind.RETIREE_LEAD)})


def _rule_or_none(agency, kind):
    if agency is None:
        return None
    try:
        return selectors.rule_in_force(agency=agency, kind=kind, on=_today())
    except NoRuleError:
        return None


RULES_PAGE = RulePage(
    action="travel.rules.manage", template="travel/rules.html", url="travel:rules", form=RuleForm,
    book=selectors.BOOK, kinds=RuleKind.values, initial={"unit": "workdays", "head_to_superior": True},
    example=lambda kind, period, agency, on: selectors.rule_example(kind=kind, period=period, agency=agency, on=on),
    create=lambda actor, agency, form, today: services.travel_rule_create(
        actor=actor, agency=agency, data=form.rule_input(), today=today),
    success="已新增赴陸規定，自生效日起適用。",
    in_force=lambda agency, on: selectors.rules_in_force(agency=agency, on=on))


@login_required
def rules(request):
    """The agency's travel rules where the work is (portal.rulepages: in force on any date, every row that
    applies, a new row from a start date with a preview)."""
    return rules_page(request, RULES_PAGE)
