"""Thin views: parse input, ask the policy through selectors, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.access import selectors, services
from anwei.access.doorlogs import door_log_upload
from anwei.access.exports import badges_xlsx, visitors_xlsx
from anwei.access.forms import (AreaForm, BadgeForm, BadgeGrantForm, BadgeReplaceForm, BadgeStatusForm, CheckInForm,
                                DeficiencyForm, DoorForm, ExplainForm, HoursForm, ImportForm, MappingForm,
                                PreregisterForm, RetentionForm, ReviewConfirmForm, SettingsForm, SetupForm, VisitorForm)
from anwei.access.hours import DayKind, day_kind
from anwei.access.models import BadgeStatus, Review
from anwei.core import clock
from anwei.core.formpages import form_attempt, form_page, message_attempt, posted_version
from anwei.core.workdays import Calendar
from anwei.documents.http import document_response
from anwei.lib import rocdate

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _settings(request, action: str = "access.view"):
    agency = selectors.home_agency(request.user)
    if agency is None:
        raise Http404("您的帳號尚未設定服務機關")
    return selectors.settings_get(person=request.user, agency=agency, action=action)


def _xlsx(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.xlsx")
    return response


def _may(request, settings) -> dict:
    p = request.user
    return {name: selectors.may(p, f"access.{name}", settings) for name in ("view", "manage", "desk", "setup")} | {
        "review_events": selectors.may(p, "access.events.review", settings)}


@login_required
def index(request):
    person = request.user
    agency = selectors.home_agency(person)
    settings = selectors.settings_for(agency)
    today = clock.today()
    may = _may(request, settings) if settings else {}
    context = {"agency": agency, "settings": settings, "may": may, "today": today,
               "kind": DayKind.LABELS[day_kind(today, Calendar(today, today))],
               "review_units": selectors.review_units(person=person)}
    if settings is None:
        if agency is not None and selectors.policy.may(person, "access.setup", agency):
            context["setup_form"] = SetupForm(request.POST or None, units=selectors.agency_units(agency))
            if request.method == "POST" and context["setup_form"].is_valid():
                c = context["setup_form"].cleaned_data
                attempt = form_attempt(context["setup_form"], lambda: services.access_setup(
                    actor=person, agency=agency, managing_unit=c["managing_unit"], desk_unit=c["desk_unit"]))
                if attempt.done:
                    messages.success(request, "已設定門禁管理單位。")
                    return redirect("access:index")
    elif may.get("view") or may.get("desk"):
        context["areas"] = selectors.area_list(agency=agency)
        context["inside"] = selectors.visitors_inside(agency_ids=[agency.pk])
    if may.get("view"):  # badges name their holders: not for the front desk, which only registers visitors
        context["overdue"] = selectors.badges_overdue(today=today, agency_ids=[agency.pk])
        context["moved"] = selectors.badges_holder_moved(agency_ids=[agency.pk])
        context["pending"] = selectors.events_to_review(agency=agency).count()
        context["year"] = rocdate.roc_year(today)
        context["meetings"] = selectors.meetings_to_propose_at(person=person, agency=agency)
        context["review_status"] = selectors.review_status(agency=agency, year=context["year"])
    context["my_visitors"] = selectors.visitor_list(person=person).filter(host=person, visit_on__gte=today)[:20]
    return render(request, "access/index.html", context, status=400 if request.method == "POST" else 200)


@login_required
def settings_edit(request):
    settings = _settings(request, "access.setup")
    units = selectors.agency_units(settings.agency)
    form = SettingsForm(request.POST or None, units=units, initial={
        "managing_unit": settings.managing_unit, "desk_unit": settings.desk_unit, "version": settings.version,
        "replacement_fee": settings.replacement_fee, "closing_time": settings.closing_time,
        "review_month": settings.review_month})
    retention = RetentionForm(request.POST or None, prefix="r") if "r-days" in request.POST else RetentionForm(prefix="r")
    conflict = None
    if request.method == "POST" and "r-days" in request.POST:
        form = SettingsForm(units=units, initial=form.initial)
        if retention.is_valid():
            c = retention.cleaned_data
            if form_attempt(retention, lambda: services.retention_rule_add(
                    actor=request.user, agency=settings.agency, starts_on=c["starts_on"], days=c["days"],
                    basis=c["basis"])).done:
                messages.success(request, "已新增保存期限規定。")
                return redirect("access:settings")
    elif request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.settings_update(
            actor=request.user, settings=settings, expected_version=c["version"], managing_unit=c["managing_unit"],
            desk_unit=c["desk_unit"], replacement_fee=c["replacement_fee"], closing_time=c["closing_time"],
            review_month=c["review_month"]))
        if attempt.done:
            messages.success(request, "已儲存。")
            return redirect("access:index")
        conflict = attempt.conflict
    response = form_page(request, "access/settings.html", {
        "form": form, "retention_form": retention, "settings": settings,
        "rules": selectors.retention_rules(settings.agency)}, conflict=conflict)
    if request.method == "POST" and response.status_code == 200:
        response.status_code = 400
    return response


# --- areas ---------------------------------------------------------------------------------------------

def _area_input(c) -> services.AreaInput:
    return services.AreaInput(name=c["name"], kind=c["kind"], level=c["level"], location=c["location"],
                              note=c["note"], is_active=c["is_active"])


@login_required
def area_create(request):
    settings = _settings(request, "access.manage")
    form = AreaForm(request.POST or None, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        attempt = form_attempt(form, lambda: services.area_create(actor=request.user, settings=settings,
                                                                  data=_area_input(form.cleaned_data)))
        if attempt.done:
            messages.success(request, "已新增區域，請設定開放時間及出入口。")
            return redirect("access:area_detail", pk=attempt.value.pk)
    return render(request, "access/area_form.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
def area_edit(request, pk: int):
    area = selectors.area_get(person=request.user, pk=pk, action="access.manage")
    form = AreaForm(request.POST or None, initial={"name": area.name, "kind": area.kind, "level": area.level,
                                                   "location": area.location, "note": area.note,
                                                   "is_active": area.is_active, "version": area.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        attempt = form_attempt(form, lambda: services.area_update(
            actor=request.user, area=area, expected_version=form.cleaned_data["version"],
            data=_area_input(form.cleaned_data)))
        if attempt.done:
            messages.success(request, "已儲存。")
            return redirect("access:area_detail", pk=area.pk)
        conflict = attempt.conflict
    return form_page(request, "access/area_form.html", {"form": form, "area": area}, conflict=conflict)


def _area_page(request, area, *, hours_form=None, door_form=None, status=200):
    settings = selectors.settings_for(area.agency)
    today = clock.today()
    return render(request, "access/area_detail.html", {
        "area": area, "hours": area.hours.order_by("-starts_on"), "doors": area.doors.all(),
        "in_force": selectors.hours_in_force(area, today), "may": _may(request, settings),
        "hours_form": hours_form or HoursForm(initial={"starts_on": today}), "door_form": door_form or DoorForm(),
    }, status=status)


@login_required
def area_detail(request, pk: int):
    return _area_page(request, selectors.area_get(person=request.user, pk=pk))


@login_required
@require_POST
def hours_add(request, pk: int):
    area = selectors.area_get(person=request.user, pk=pk, action="access.manage")
    form = HoursForm(request.POST)
    if form.is_valid():
        attempt = form_attempt(form, lambda: services.area_hours_add(actor=request.user, area=area,
                                                                     data=services.HoursInput(**form.cleaned_data)))
        if attempt.done:
            messages.success(request, "已新增開放時間規定。")
            return redirect("access:area_detail", pk=area.pk)
    return _area_page(request, area, hours_form=form, status=400)


@login_required
@require_POST
def door_add(request, pk: int):
    area = selectors.area_get(person=request.user, pk=pk, action="access.manage")
    form = DoorForm(request.POST)
    if form.is_valid():
        attempt = form_attempt(form, lambda: services.door_add(actor=request.user, area=area,
                                                               name=form.cleaned_data["door_name"],
                                                               code=form.cleaned_data["code"]))
        if attempt.done:
            messages.success(request, "已新增出入口。")
            return redirect("access:area_detail", pk=area.pk)
    return _area_page(request, area, door_form=form, status=400)


# --- badges --------------------------------------------------------------------------------------------

@login_required
def badges(request):
    person = request.user
    agency = selectors.home_agency(person)
    qs = selectors.badge_list(person=person).prefetch_related("areas")
    status = request.GET.get("status", "")
    if status in BadgeStatus.values:
        qs = qs.filter(status=status)
    settings = selectors.settings_for(agency)
    return render(request, "access/badges.html", {
        "page": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")), "status": status,
        "statuses": BadgeStatus.choices, "may": _may(request, settings) if settings else {}, "today": clock.today()})


@login_required
def badges_register(request):
    settings = _settings(request)
    qs = selectors.badge_list(person=request.user, agency=settings.agency).prefetch_related("areas")
    return _xlsx(badges_xlsx(qs), f"{settings.agency.name}門禁卡登記簿")


@login_required
def badge_create(request):
    settings = _settings(request, "access.manage")
    agency = settings.agency
    form = BadgeForm(request.POST or None, people=selectors.agency_people(agency), units=selectors.agency_units(agency),
                     areas=selectors.area_list(agency=agency).filter(is_active=True),
                     initial={"issued_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.badge_issue(actor=request.user, settings=settings, data=services.BadgeInput(
            number=c["number"], kind=c["kind"], issued_on=c["issued_on"], holder=c["holder"],
            holder_name=c["holder_name"], organisation=c["organisation"], unit=c["unit"], ends_on=c["ends_on"],
            areas=tuple(c["areas"]), note=c["note"])))
        if attempt.done:
            messages.success(request, f"已核發門禁卡 {attempt.value.number}。")
            return redirect("access:badge_detail", pk=attempt.value.pk)
    return render(request, "access/badge_form.html", {"form": form}, status=400 if request.method == "POST" else 200)


def _badge_page(request, badge, *, forms=None, status=200, conflict=None):
    settings = selectors.settings_for(badge.agency)
    may = _may(request, settings)
    forms = forms or {}
    today = clock.today()
    if may["manage"] and badge.is_outstanding:
        forms.setdefault("grant", BadgeGrantForm(units=selectors.agency_units(badge.agency),
                                                 areas=selectors.area_list(agency=badge.agency), prefix="g", initial={
            "unit": badge.unit, "ends_on": badge.ends_on, "areas": list(badge.areas.all()), "note": badge.note,
            "version": badge.version}))
        forms.setdefault("status", BadgeStatusForm(prefix="s", initial={"on": today, "version": badge.version}))
    if may["manage"] and badge.status in (BadgeStatus.ACTIVE, BadgeStatus.SUSPENDED, BadgeStatus.LOST):
        forms.setdefault("replace", BadgeReplaceForm(prefix="r", initial={"on": today, "version": badge.version}))
    return render(request, "access/badge_detail.html", {
        "badge": badge, "events": badge.events.all(), "areas": badge.areas.all(), "may": may, "forms": forms,
        "moved": selectors.moved_reason(badge), "overdue": badge.overdue_on(today), "settings": settings,
        "conflict": conflict}, status=409 if conflict is not None else status)


@login_required
def badge_detail(request, pk: int):
    return _badge_page(request, selectors.badge_get(person=request.user, pk=pk))


@login_required
@require_POST
def badge_grant(request, pk: int):
    badge = selectors.badge_manage_get(person=request.user, pk=pk)
    form = BadgeGrantForm(request.POST, prefix="g", units=selectors.agency_units(badge.agency),
                          areas=selectors.area_list(agency=badge.agency))
    return _badge_action(request, badge, "grant", form, lambda c: services.badge_update(
        actor=request.user, badge=badge, expected_version=c["version"], unit=c["unit"], ends_on=c["ends_on"],
        areas=c["areas"], note=c["note"]), lambda c, _: "已變更授權。")


@login_required
@require_POST
def badge_status(request, pk: int):
    badge = selectors.badge_manage_get(person=request.user, pk=pk)
    form = BadgeStatusForm(request.POST, prefix="s")
    return _badge_action(request, badge, "status", form, lambda c: services.badge_status_set(
        actor=request.user, badge=badge, expected_version=c["version"], action=c["action"], on=c["on"],
        note=c["note"]), lambda c, _: f"已辦理：{dict(form.fields['action'].choices)[c['action']]}。")


@login_required
@require_POST
def badge_replace(request, pk: int):
    badge = selectors.badge_manage_get(person=request.user, pk=pk)
    form = BadgeReplaceForm(request.POST, prefix="r")
    return _badge_action(request, badge, "replace", form, lambda c: services.badge_replace(
        actor=request.user, badge=badge, expected_version=c["version"], number=c["number"], on=c["on"],
        note=c["note"]), lambda c, new: f"已補發新卡 {new.number}（工本費{new.fee}元）。")


def _badge_action(request, badge, key: str, form, call, message):
    """One badge form's tail: run the service, then go to the badge it left (a replacement is a new badge), or show
    the page again with the form — with the newer record on a conflict, with 400 on bad input."""
    if form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: call(c))
        if attempt.done:
            messages.success(request, message(c, attempt.value))
            return redirect("access:badge_detail", pk=attempt.value.pk)
        if attempt.conflict is not None:
            return _badge_page(request, attempt.conflict, forms={key: form}, conflict=attempt.conflict)
    return _badge_page(request, badge, forms={key: form}, status=400)


# --- visitors ------------------------------------------------------------------------------------------

def _day(request):
    text = request.GET.get("day", "")
    if text:
        try:
            return rocdate.parse(text)
        except rocdate.RocDateError:
            pass
    return clock.today()


@login_required
def visitors(request):
    person = request.user
    agency = selectors.home_agency(person)
    settings = selectors.settings_for(agency)
    day = _day(request)
    qs = selectors.visitor_list(person=person).filter(visit_on=day)
    return render(request, "access/visitors.html", {
        "visitors": qs, "day": day, "may": _may(request, settings) if settings else {},
        "check_in": CheckInForm(initial={"id_type": "national_id"})})


@login_required
def visitors_register(request):
    settings = _settings(request)
    qs = selectors.visitor_list(person=request.user, agency=settings.agency)
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(visit_on__year=int(year) + 1911)
    return _xlsx(visitors_xlsx(qs), f"{settings.agency.name}訪客登記簿")


@login_required
def visitors_inside(request):
    settings = _settings(request, "access.desk")
    return render(request, "access/inside.html", {
        "settings": settings, "visitors": selectors.inside_after_closing(settings.agency_id, settings, clock.now()),
        "all_inside": selectors.visitors_inside(agency_ids=[settings.agency_id])})


@login_required
def visitor_create(request):
    settings = _settings(request, "access.desk")
    form = VisitorForm(request.POST or None, people=selectors.agency_people(settings.agency))
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.visitor_register(
            actor=request.user, settings=settings, data=services.VisitorInput(
                name=c["name"], organisation=c["organisation"], host=c["host"], host_label=c["host_label"],
                purpose=c["purpose"], pass_number=c["pass_number"], id_type=c["id_type"], id_last4=c["id_last4"])))
        if attempt.done:
            messages.success(request, f"已登記訪客 {attempt.value.name} 進入。")
            return redirect("access:visitors")
    return render(request, "access/visitor_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def visitor_preregister(request):
    person = request.user
    agency = selectors.home_agency(person)
    if agency is None or selectors.settings_for(agency) is None or person.agency_id != agency.pk:
        raise Http404("本機關尚未設定門禁管理")
    form = PreregisterForm(request.POST or None, initial={"visit_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.visitors_preregister(
            actor=person, agency=agency, visit_on=c["visit_on"], purpose=c["purpose"], guests=c["guests"],
            meeting=c["meeting"]))
        if attempt.done:
            messages.success(request, f"已預先登記{len(attempt.value)}位來賓，服務台將於來訪時核對。")
            return redirect("access:index")
    return render(request, "access/preregister.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def visitor_check_in(request, pk: int):
    visitor = selectors.visitor_get(person=request.user, pk=pk, action="desk")
    form = CheckInForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.visitor_check_in(
            actor=request.user, visitor=visitor, expected_version=c["version"], pass_number=c["pass_number"],
            id_type=c["id_type"], id_last4=c["id_last4"]))
        if attempt.done:
            messages.success(request, f"{visitor.name} 已進入。")
            return redirect(f"{_visitors_url()}?day={rocdate.format_slash(visitor.visit_on)}")
        if attempt.conflict is not None:
            messages.error(request, "此訪客紀錄已被其他人更新，請重新確認。")
    errors = "；".join(f"{form.fields[k].label if k in form.fields else ''}{'：' if k in form.fields else ''}{' '.join(v)}"
                      for k, v in form.errors.items())
    if errors:
        messages.error(request, f"{visitor.name} 未能登記進入：{errors}")
    return redirect(f"{_visitors_url()}?day={rocdate.format_slash(visitor.visit_on)}")


def _visitors_url() -> str:
    from django.urls import reverse

    return reverse("access:visitors")


@login_required
@require_POST
def visitor_check_out(request, pk: int):
    visitor = selectors.visitor_get(person=request.user, pk=pk, action="desk")
    attempt = message_attempt(request, lambda: services.visitor_check_out(
        actor=request.user, visitor=visitor, expected_version=posted_version(request)))
    if attempt.done:
        messages.success(request, f"{visitor.name} 已離開。")
    if request.POST.get("next") == "inside":
        return redirect("access:visitors_inside")
    return redirect(f"{_visitors_url()}?day={rocdate.format_slash(visitor.visit_on)}")


@login_required
@require_POST
def visitor_confirm(request, pk: int):
    visitor = selectors.visitor_get(person=request.user, pk=pk, action="host")
    if message_attempt(request, lambda: services.visitor_confirm(actor=request.user, visitor=visitor)).done:
        messages.success(request, f"已確認 {visitor.name} 的來訪。")
    return redirect("access:index")


# --- door events ---------------------------------------------------------------------------------------

def _events_page(request, settings, *, forms=None, status=200):
    forms = forms or {}
    mapping = selectors.mapping_for(settings.agency)
    forms.setdefault("mapping", MappingForm(prefix="m", initial={
        "time_column": mapping.time_column, "door_column": mapping.door_column, "badge_column": mapping.badge_column,
        "result_column": mapping.result_column, "granted_values": mapping.granted_values,
        "version": mapping.version}))
    forms.setdefault("import", ImportForm())
    review = request.GET.get("review", Review.PENDING)
    if review not in (Review.PENDING, Review.EXPLAINED, Review.DEFICIENCY):
        review = Review.PENDING
    page = Paginator(selectors.events_to_review(agency=settings.agency, review=review), PAGE_SIZE).get_page(
        request.GET.get("page"))
    logs = list(selectors.door_logs(settings.agency)[:10])
    return render(request, "access/events.html", {
        "running": any(log.status in ("queued", "running") for log in logs),
        "settings": settings, "forms": forms, "page": page, "review": review, "may": _may(request, settings), "logs": logs,
        "reviews": [(Review.PENDING, "待審查"), (Review.EXPLAINED, "已說明"), (Review.DEFICIENCY, "已列為缺失")],
        "explain_form": ExplainForm(), "deficiency_form": _deficiency_form(settings),
    }, status=status)


def _deficiency_form(settings) -> DeficiencyForm:
    """One form shown under every flagged row: its unit choices are read once, not once per row."""
    form = DeficiencyForm(units=selectors.agency_units(settings.agency), initial={"lead_unit": settings.managing_unit_id})
    form.fields["lead_unit"].choices = list(form.fields["lead_unit"].choices)
    return form


@login_required
def events(request):
    return _events_page(request, _settings(request, "access.events.review"))


@login_required
@require_POST
def mapping_save(request):
    settings = _settings(request, "access.events.review")
    form = MappingForm(request.POST, prefix="m")
    if form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.mapping_save(
            actor=request.user, agency=settings.agency, expected_version=c["version"] or 0,
            time_column=c["time_column"], door_column=c["door_column"], badge_column=c["badge_column"],
            result_column=c["result_column"], granted_values=c["granted_values"]))
        if attempt.done:
            messages.success(request, "已儲存欄位對應。")
            return redirect("access:events")
    return _events_page(request, settings, forms={"mapping": form}, status=400)


@login_required
@require_POST
def events_import(request):
    settings = _settings(request, "access.events.review")
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        attempt = form_attempt(form, lambda: door_log_upload(
            actor=request.user, settings=settings, upload=upload, filename=upload.name, digest=form.digest(),
            size=upload.size))
        if attempt.done:
            log = attempt.value
            if log.status == log.Status.QUEUED:
                messages.success(request, f"已收到 {log.filename}，正在背景匯入；本頁會顯示已處理的列數。")
            else:
                messages.success(request, f"已匯入 {log.filename}：{log.rows}列，新增{log.added}筆事件，{log.flagged}筆待審查"
                                          + ("；部分列無法讀取（見匯入紀錄）。" if log.bad_lines else "。"))
            return redirect("access:events")
    return _events_page(request, settings, forms={"import": form}, status=400)


@login_required
@require_POST
def event_explain(request, pk: int):
    event = selectors.event_get(person=request.user, pk=pk)
    form = ExplainForm(request.POST)
    if form.is_valid():
        if message_attempt(request, lambda: services.event_explain(
                actor=request.user, event=event, explanation=form.cleaned_data["explanation"])).done:
            messages.success(request, "已記錄說明。")
    else:
        messages.error(request, "請填寫說明（200字以內）。")
    return redirect("access:events")


@login_required
@require_POST
def event_deficiency(request, pk: int):
    event = selectors.event_get(person=request.user, pk=pk)
    form = DeficiencyForm(request.POST, units=selectors.agency_units(event.agency))
    if form.is_valid():
        c = form.cleaned_data
        attempt = message_attempt(request, lambda: services.event_deficiency(
            actor=request.user, event=event, text=c["text"], lead_unit=c["lead_unit"], due_date=c["due_date"]))
        if attempt.done:
            messages.success(request, f"已列為缺失並列管（項次{attempt.value.number}）。")
    else:
        messages.error(request, "；".join(f"{form.fields[k].label}：{' '.join(v)}" for k, v in form.errors.items()
                                          if k in form.fields))
    return redirect("access:events")


# --- yearly review and the plan ------------------------------------------------------------------------

@login_required
def review_unit(request, unit_pk: int):
    unit = selectors.review_unit_get(person=request.user, pk=unit_pk)
    year = rocdate.roc_year(clock.today())
    form = ReviewConfirmForm(request.POST or None)
    may_confirm = selectors.may_confirm(request.user, unit)
    if request.method == "POST":
        if not may_confirm:
            raise Http404("找不到此頁")
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.yearly_review_confirm(
                actor=request.user, unit=unit, year=year, note=form.cleaned_data["note"]))
            if attempt.done:
                messages.success(request, f"已確認{year}年度門禁權限。")
                return redirect("access:review_unit", unit_pk=unit.pk)
    return render(request, "access/review_unit.html", {
        "unit": unit, "year": year, "badges": selectors.unit_badges(agency=unit.agency, unit=unit),
        "done": selectors.reviews_of(agency=unit.agency, year=year).get(unit.pk), "form": form,
        "may_confirm": may_confirm}, status=400 if request.method == "POST" else 200)


@login_required
def plan(request, fmt: str):
    settings = _settings(request)
    return document_response(request, builder="access.plan", kwargs={"agency_id": settings.agency_id}, fmt=fmt,
                             filename=f"{settings.agency.name}門禁管理計畫")


@login_required
@require_POST
def plan_propose(request):
    settings = _settings(request)
    meeting_id = request.POST.get("meeting", "")
    if not meeting_id.isdigit():
        raise Http404("找不到此會議")
    meeting = selectors.meeting_for_proposal(person=request.user, agency=settings.agency, pk=int(meeting_id))
    attempt = message_attempt(request, lambda: services.plan_propose(actor=request.user, settings=settings,
                                                                     meeting=meeting))
    if attempt.done:
        messages.success(request, f"已將門禁管理計畫列為{meeting.label}會議提案第{attempt.value.number}案（附計畫草案）。")
    return redirect("access:index")
