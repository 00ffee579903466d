from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import confirm_step, form_attempt, form_page, form_submit
from anwei.core.uploads import stored_file_response
from anwei.documents.http import document_response
from anwei.incidents import selectors, services
from anwei.incidents.exports import register_xlsx
from anwei.incidents.forms import (CategoryRuleForm, ChainRuleForm, CloseForm, CommentForm, EditForm, EntryForm, FollowUpForm, IncidentForm, NotificationForm,
                                   PeriodForm, ReopenForm)
from anwei.incidents.models import Category, Status
from anwei.incidents.selectors import NoRuleError
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency, unit_list
from anwei.portal.rulepages import RuleDateForm, RulePage, rules_page

PAGE_SIZE = 30
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _levels(agency) -> list[str]:
    if agency is None:
        return []
    try:
        return selectors.category_rule_in_force(agency=agency, category=Category.INFOSEC,
                                                on=clock.today()).level_list()
    except NoRuleError:
        return []


def _rules_table(agency) -> list:
    if agency is None:
        return []
    rules = selectors.category_rules_in_force(agency=agency, on=clock.today())
    chains = selectors.chains_in_force(agency=agency, on=clock.today())
    return [(label, rules.get(value), chains.get(value, [])) for value, label in Category.choices]


@login_required
def index(request):
    person = request.user
    category, status = request.GET.get("category", ""), request.GET.get("status", "")
    roc, agency_id = request.GET.get("year", ""), request.GET.get("agency", "")
    year = int(roc) + 1911 if roc.isdigit() and 80 <= int(roc) <= 200 else None
    incidents = selectors.incident_filtered(person=person, category=category, status=status, year=year,
                                            agency_id=int(agency_id) if agency_id.isdigit() else None)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    agency = selectors.report_agency(person)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "incidents/index.html", {
        "page": page, "category": category, "status": status, "categories": Category.choices,
        "roc_year": year - 1911 if year else "", "agency_id": agency_id if agency_id.isdigit() else "",
        "query": query.urlencode(),
        "statuses": Status.choices, "managed": selectors.managed_agencies(person),
        "stats_agency": selectors.statistics_agencies(person=person).first(), "year": clock.today().year,
        "chains": _rules_table(agency),
    })


@login_required
def create(request):
    person = request.user
    agency = selectors.report_agency(person)
    if agency is None:
        raise Http404("您的帳號尚未設定服務機關")
    now = timezone.localtime(clock.now())
    form = IncidentForm(request.POST or None, request.FILES or None, levels=_levels(agency), initial={
        "occurred_on": now.date(), "occurred_time": now.time().replace(second=0, microsecond=0),
        "discovered_on": now.date(), "discovered_time": now.time().replace(second=0, microsecond=0)})
    if request.method == "POST" and form.is_valid():
        attempt = form_attempt(form, lambda: services.incident_report(
            actor=person, agency=agency, data=form.incident(), uploads=form.cleaned_data["files"]))
        if attempt.done:
            messages.success(request, f"已送出狀況通報（編號 {attempt.value.number}），政風人員已收到通知。")
            return redirect("incidents:detail", pk=attempt.value.pk)
    return render(request, "incidents/form.html", {"form": form, "agency": agency,
                                                   "places": selectors.place_suggestions(agency)},
                  status=400 if request.method == "POST" else 200)


@login_required
def edit(request, pk: int):
    incident = selectors.incident_manage_get(person=request.user, pk=pk)
    levels = incident.category_rule.level_list() if incident.category_rule.needs_level else []
    form = EditForm(request.POST or None, levels=levels, initial={
        **{name: getattr(incident, name) for name in services.EDIT_FIELDS}, "version": incident.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.incident_update(
            actor=request.user, incident=incident, expected_version=c["version"], title=c["title"],
            description=c["description"], place=c["place"], involved=c["involved"], actions=c["actions"],
            level=c.get("level") or ""))
        if attempt.done:
            messages.success(request, "已儲存。")
            return redirect("incidents:detail", pk=incident.pk)
        conflict = attempt.conflict
    return form_page(request, "incidents/edit.html", {"form": form, "incident": incident}, conflict=conflict)


def _detail(request, incident, *, forms=None, status=200):
    person = request.user
    manage = selectors.may_manage(person, incident)
    forms = forms or {}
    now = clock.now()
    today = timezone.localtime(now)
    if manage:
        units = unit_list(person=person, agency=incident.agency)
        forms.setdefault("notification", NotificationForm(initial={"notified_on": today.date(),
                                                                   "notified_time": today.strftime("%H:%M")}))
        forms.setdefault("entry", EntryForm())
        forms.setdefault("follow_up", FollowUpForm(units=units))
        forms.setdefault("close", CloseForm(initial={"version": incident.version}))
        forms.setdefault("reopen", ReopenForm(initial={"version": incident.version}))
    if selectors.may_comment(person, incident):
        forms.setdefault("comment", CommentForm())
    follow_ups = list(incident.follow_ups.select_related("tracked_item__lead_unit", "tracked_item__agency")
                      .prefetch_related("tracked_item__co_units"))
    for f in follow_ups:
        f.may_open = policy.may(person, "tracking.view", f.tracked_item)
    return render(request, "incidents/detail.html", {
        "incident": incident, "manage": manage, "forms": forms, "clocks": selectors.clocks(incident, now),
        "may_audit": policy.may(person, "audit.view", incident.agency),
        "notifications": incident.notifications.all(), "entries": incident.entries.all(),
        "comments": incident.comments.all(), "attachments": incident.attachments.select_related("stored"),
        "follow_ups": follow_ups,
        "may_attach": manage or incident.reporter_id == person.pk,
    }, status=status)


@login_required
def detail(request, pk: int):
    return _detail(request, selectors.incident_get(person=request.user, pk=pk))


def _post(request, pk: int, name: str, make_form, call, success: str):
    """One officer's form on the detail page: done → back to the page; refused → the page, the form
    keeping what was typed with each reason next to its field."""
    incident = selectors.incident_manage_get(person=request.user, pk=pk)
    form = make_form(incident)
    if form.is_valid():
        attempt = form_attempt(form, lambda: call(incident, form))
        if attempt.done:
            messages.success(request, success)
            return redirect("incidents:detail", pk=incident.pk)
        if attempt.conflict is not None:
            form.add_error(None, "此狀況通報已被其他人更新，請看過目前內容後再送出。")
            return _detail(request, attempt.conflict, forms={name: form}, status=409)
    return _detail(request, incident, forms={name: form}, status=400)


@login_required
@require_POST
def notification_add(request, pk: int):
    return _post(request, pk, "notification", lambda i: NotificationForm(request.POST),
                 lambda i, f: services.notification_record(
                     actor=request.user, incident=i, party=f.cleaned_data["party"],
                     recipient=f.cleaned_data["recipient"], method=f.cleaned_data["method"],
                     notified_at=f.notified_at(), note=f.cleaned_data["note"]), "已記錄通報。")


@login_required
@require_POST
def entry_add(request, pk: int):
    return _post(request, pk, "entry", lambda i: EntryForm(request.POST),
                 lambda i, f: services.entry_add(actor=request.user, incident=i, stage=f.cleaned_data["stage"],
                                                 text=f.cleaned_data["text"]), "已填報。")


@login_required
@require_POST
def follow_up_add(request, pk: int):
    return _post(request, pk, "follow_up",
                 lambda i: FollowUpForm(request.POST, units=unit_list(person=request.user, agency=i.agency)),
                 lambda i, f: services.follow_up_add(actor=request.user, incident=i, text=f.cleaned_data["text"],
                                                     lead_unit=f.cleaned_data["lead_unit"],
                                                     due_date=f.cleaned_data["due_date"]),
                 "已列管後續改善事項。")


@login_required
@require_POST
def close(request, pk: int):
    incident = selectors.incident_manage_get(person=request.user, pk=pk)
    ask = confirm_step(request, question=f"確定結案「{incident.title}」？",
                       detail="結案後不再提醒應通報對象；如有新情況可重新開啟（留有紀錄）。", action="確定結案")
    if ask is not None:
        return ask
    return _post(request, pk, "close", lambda i: CloseForm(request.POST),
                 lambda i, f: services.incident_close(actor=request.user, incident=i,
                                                      conclusion=f.cleaned_data["conclusion"],
                                                      expected_version=f.cleaned_data["version"]), "已結案。")


@login_required
@require_POST
def reopen(request, pk: int):
    return _post(request, pk, "reopen", lambda i: ReopenForm(request.POST),
                 lambda i, f: services.incident_reopen(actor=request.user, incident=i,
                                                       reason=f.cleaned_data["reason"],
                                                       expected_version=f.cleaned_data["version"]), "已重新開啟。")


@login_required
@require_POST
def comment_add(request, pk: int):
    incident = selectors.incident_get(person=request.user, pk=pk)
    if not selectors.may_comment(request.user, incident):
        raise Http404("找不到此狀況通報")
    form = CommentForm(request.POST)
    if form.is_valid():
        attempt = form_attempt(form, lambda: services.comment_add(
            actor=request.user, incident=incident, text=form.cleaned_data["text"],
            asks_more=form.cleaned_data["asks_more"]))
        if attempt.done:
            messages.success(request, "已送出意見。")
            return redirect("incidents:detail", pk=incident.pk)
    return _detail(request, incident, forms={"comment": form}, status=400)


@login_required
@require_POST
def attachment_add(request, pk: int):
    incident = selectors.incident_get(person=request.user, pk=pk)
    if not (selectors.may_manage(request.user, incident) or incident.reporter_id == request.user.pk):
        raise Http404("找不到此狀況通報")
    from anwei.core.uploads import MultipleUploadField
    from django import forms

    form = type("AttachForm", (forms.Form,), {"files": MultipleUploadField(label="附件", required=True)})(
        request.POST, request.FILES)
    if form.is_valid():
        for upload in form.cleaned_data["files"]:
            services.attachment_add(actor=request.user, incident=incident, upload=upload)
        messages.success(request, "已加入附件。")
    else:
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("incidents:detail", pk=incident.pk)


@login_required
def attachment(request, pk: int, attachment_pk: int):
    incident = selectors.incident_get(person=request.user, pk=pk)
    att = selectors.attachment_get(person=request.user, incident=incident, pk=attachment_pk)
    inline = att.stored.content_type.startswith("image/") or att.stored.content_type == "application/pdf"
    return stored_file_response(att.stored, inline=inline)


@login_required
def document(request, pk: int, fmt: str):
    incident = selectors.incident_get(person=request.user, pk=pk)
    return document_response(request, builder="incidents.report", kwargs={"incident_id": incident.pk}, fmt=fmt,
                             filename=f"狀況通報單_{incident.number}")


def _register_agency(request):
    agencies = selectors.managed_agencies(request.user)
    if not agencies:
        raise Http404("找不到此頁")
    try:
        year = int(request.GET.get("year") or clock.today().year)
    except ValueError:
        year = clock.today().year
    return agencies[0], max(1912, min(year, 2200))


@login_required
def register(request, fmt: str):
    agency, year = _register_agency(request)
    name = f"{agency.name}{year - 1911}年狀況通報登記簿"
    if fmt == "xlsx":
        rows = selectors.register_rows(agency=agency, year=year)
        response = HttpResponse(register_xlsx(rows, title=name), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.xlsx")
        return response
    return document_response(request, builder="incidents.register", kwargs={"agency_id": agency.pk, "year": year},
                             fmt=fmt, filename=name)


@login_required
def statistics(request, agency_id: int):
    agency = selectors.statistics_agency_get(person=request.user, pk=agency_id)
    today = clock.today()
    start, end, subtree = dt.date(today.year, 1, 1), today, False
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if request.GET and form.is_valid():
        start, end, subtree = form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data["subtree"]
    stats = selectors.incident_statistics(agency, start, end, include_subtree=subtree)
    return render(request, "incidents/statistics.html", {
        "agency": agency, "form": form, "stats": stats, "sentences": selectors.work_report_sentences(stats),
        "by_agency": selectors.statistics_by_agency(agency, start, end) if subtree else [],
        "work_reports": selectors.work_reports_for(person=request.user, agency=agency),
        "agencies": selectors.statistics_agencies(person=request.user)[:200]})


@login_required
@require_POST
def statistics_insert(request, agency_id: int):
    """Append the period's sentences to one of the agency's meeting work reports."""
    agency = selectors.statistics_agency_get(person=request.user, pk=agency_id)
    reports = selectors.work_reports_for(person=request.user, agency=agency)
    report = next((r for r in reports if str(r.pk) == request.POST.get("report", "")), None)
    if report is None:
        raise Http404("找不到此工作報告")
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, "統計期間不正確，請重新選擇。")
        return redirect("incidents:statistics", agency_id=agency.pk)
    c = form.cleaned_data
    stats = selectors.incident_statistics(agency, c["start"], c["end"], include_subtree=c["subtree"])
    services.work_report_insert(actor=request.user, report=report, stats=stats)
    messages.success(request, f"已將狀況通報統計加入「{report.meeting}」的{report.title}。")
    return redirect("meetings:detail", pk=report.meeting_id)


RULES_PAGE = RulePage(
    action="incidents.rules.manage", template="incidents/rules.html", url="incidents:rules", form=ChainRuleForm,
    book=selectors.CHAIN_BOOK, kinds=selectors.CHAIN_KINDS, initial={"unit": "hours", "required": True},
    example=lambda kind, period, agency, on: selectors.chain_rule_example(kind=kind, period=period, agency=agency,
                                                                          on=on),
    create=lambda actor, agency, form, today: services.chain_rule_create(
        actor=actor, agency=agency, data=form.rule_input(), today=today),
    success="已新增狀況通報規定，自生效日起發現的狀況適用。")


def _category_form(request, agency, today, data=None) -> CategoryRuleForm:
    """The category form, prefilled from the row in force today for ?category= (a new row starts as a copy)."""
    category = request.GET.get("category", "")
    category = category if category in Category.values else Category.SECURITY
    initial = {"category": category, "starts_on": today}
    try:
        rule = selectors.category_rule_in_force(agency=agency, category=category, on=today)
    except NoRuleError:
        rule = None
    if rule is not None:
        initial |= {name: getattr(rule, name) for name in ("restricted", "superior_sees", "needs_level", "levels",
                                                           "examples", "basis")}
    return CategoryRuleForm(data, initial=initial)


def _category_context(request, agency, form) -> dict:
    date_form = RuleDateForm(request.GET or None)
    on = (date_form.cleaned_data.get("on") if date_form.is_valid() else None) or clock.today()
    in_force = selectors.category_rules_in_force(agency=agency, on=on)
    return {"category_form": form, "category_on": on, "category_date_form": date_form,
            "category_in_force": [(value, label, in_force.get(value)) for value, label in Category.choices],
            "category_rows": selectors.category_rule_list(agency=agency),
            "category_locked": selectors.CATEGORY_BOOK.locked_kinds(agency, Category.values)}


def _rules_agency(request):
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "incidents.rules.manage", agency):
        raise Http404("找不到此頁面")
    return agency


@login_required
def rules(request):
    """Whom the agency's incidents are reported to and how soon (portal.rulepages), and how each category is handled,
    edited where the work is."""
    agency = _rules_agency(request)
    form = _category_form(request, agency, clock.today())  # never bound here: a post to this page is the chain form's
    return rules_page(request, RULES_PAGE, **_category_context(request, agency, form))


@login_required
def category_rules(request):
    """How each category's incidents are handled (保密, the superior office's reading, levels) on any date, and a new
    row of the agency's from a start date; the form is also on the rules page and posts here."""
    agency = _rules_agency(request)
    today = clock.today()
    form = _category_form(request, agency, today, request.POST or None)
    saved, _ = form_submit(request, form, lambda c: services.category_rule_create(
        actor=request.user, agency=agency, data=form.rule_input(), today=today),
        "已新增狀況通報類別規定，自生效日起發現的狀況適用。")
    if saved:
        return redirect("incidents:category_rules")
    return render(request, "incidents/category_rules.html", {"agency": agency, "today": today,
                                                             **_category_context(request, agency, form)},
                  status=400 if request.method == "POST" and not form.is_valid() else 200)
