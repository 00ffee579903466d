"""Thin views: parse, call one selector or service, render. Requests outside a person's sight are 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import confirm_step, form_attempt, form_submit, message_attempt
from anwei.core.uploads import stored_file_response
from anwei.documents.http import document_response
from anwei.footage import documents, exports, selectors, services
from anwei.footage.forms import (ChainForm, DecisionForm, DestroyForm, DeviceForm, HoldForm, RequestForm, RuleForm,
                                 SiteForm, ViewingForm)
from anwei.footage.models import FootageRequest, RequestAttachment, RequestKind, RetentionRule
from anwei.lib.rocdate import roc_year
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency
from anwei.portal.rulepages import RuleDateForm, RulePage, rules_page

DOC_FORMATS = ("odt", "pdf", "docx", "html")


def _query(request) -> str:
    """The current filters without the page number, for the pager's links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --- list and filing ------------------------------------------------------------------------------------

@login_required
def request_list(request):
    status = request.GET.get("status", "")
    status = status if status in FootageRequest.Status.values else ""
    kind = request.GET.get("kind", "")
    kind = kind if kind in RequestKind.values else ""
    waiting = request.GET.get("waiting") == "1"
    qs = selectors.request_list(person=request.user, status=status, kind=kind, year=_int(request.GET.get("year")),
                                waiting=waiting)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    fs = selectors.settings_for(person_primary_agency(request.user))
    return render(request, "footage/request_list.html", {
        "page": page, "query": _query(request), "status": status, "kind": kind, "waiting": waiting,
        "year": request.GET.get("year", ""),
        "statuses": FootageRequest.Status.choices, "kinds": RequestKind.choices, "today": clock.today(),
        "may_file": fs is not None and policy.may(request.user, "footage.request.file", fs.agency),
        "may_register": fs is not None and policy.may(request.user, "footage.register.view", fs),
    })


def _request_form(request, fs, *, data=None, files=None, initial=None, req=None, has_police_report=False):
    agency = fs.agency
    form = RequestForm(data, files, initial=initial or (RequestForm.initial_from(req) if req else None),
                       cameras_qs=selectors.device_list(person=request.user, agency=agency),
                       footage_earliest=lambda now: selectors.footage_earliest(agency=agency, now=now),
                       has_police_report=has_police_report,
                       may_take_outside=policy.may(request.user, "footage.request.manage", fs))
    if req is not None:
        form.fields["kind"].disabled = True  # the chain was chosen by kind when the request was filed
    return form


@login_required
def request_create(request):
    fs = selectors.settings_for(person_primary_agency(request.user))
    if fs is None:
        return render(request, "footage/not_configured.html")
    if not policy.may(request.user, "footage.request.file", fs.agency):
        raise Http404("找不到此頁面")
    if request.method == "POST":
        form = _request_form(request, fs, data=request.POST, files=request.FILES)
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.request_file(
                actor=request.user, fs=fs, unit=request.user.unit, data=form.request_data()))
            if attempt.done:
                req = attempt.value
                messages.success(request, f"已送出申請 {req.number_label}，等待「{req.steps.first().label}」核決。")
                return redirect("footage:request_detail", pk=req.pk)
    else:
        form = _request_form(request, fs, initial={
            "applicant_name": request.user.full_name, "phone": request.user.phone})
    return render(request, "footage/request_form.html", {"form": form, "fs": fs, "req": None})


@login_required
def request_edit(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not selectors.request_may_edit(request.user, req):
        raise PermissionDenied("只有退回補正的申請可以由申請人修改")
    fs = selectors.settings_for(req.agency)
    has_receipt = req.attachments.filter(kind=RequestAttachment.Kind.POLICE_REPORT).exists()
    conflict = None
    if request.method == "POST":
        form = _request_form(request, fs, data=request.POST, files=request.FILES, req=req,
                             has_police_report=has_receipt)
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.request_resubmit(
                actor=request.user, req=req, data=form.request_data(),
                expected_version=form.cleaned_data["version"] or 0))
            if attempt.done:
                messages.success(request, f"已修正並重新送出申請 {req.number_label}。")
                return redirect("footage:request_detail", pk=req.pk)
            if (conflict := attempt.conflict) is not None:
                form.add_error(None, "此申請已被其他人更動；您輸入的內容仍保留在下方，請確認後再送出。")
    else:
        form = _request_form(request, fs, req=req, has_police_report=has_receipt)
    return render(request, "footage/request_form.html", {
        "form": form, "fs": fs, "req": req, "conflict": conflict, "returns": _returns(req)})


def _returns(req: FootageRequest):
    return [d for d in req.decisions.all() if d.action == "return"]


# --- one request ----------------------------------------------------------------------------------------

@login_required
def request_detail(request, pk: int, decision_form=None, hold_form=None, status=200):
    req = selectors.request_get(person=request.user, pk=pk)
    services.request_view_record(actor=request.user, req=req)
    person = request.user
    may_decide = selectors.request_may_decide(person, req)
    may_manage = selectors.request_may_manage(person, req)
    may_hold = policy.may(person, "footage.request.hold", req)
    oversee = may_manage or policy.may(person, "footage.register.view", req)
    current = selectors.request_current_step(req)
    closed_ok = req.status in (FootageRequest.Status.APPROVED, FootageRequest.Status.COMPLETED)
    steps = [(s, "current" if current and s.order == current.order else
              "done" if closed_ok or (current and s.order < current.order) else "") for s in req.steps.all()]
    ctx = {
        "req": req, "today": clock.today(), "steps": steps,
        "decisions": list(req.decisions.select_related("decided_by")),
        "attachments": list(req.attachments.select_related("stored")),
        "cameras": list(req.cameras.select_related("site")),
        "viewing": getattr(req, "viewing", None),
        "destruction": getattr(req, "destruction", None),
        "window_hold": selectors.window_hold_of(req),
        "current": current,
        "may_decide": may_decide, "may_manage": may_manage, "may_hold": may_hold,
        "may_edit": selectors.request_may_edit(person, req),
        "decision_form": decision_form or (DecisionForm(initial={"version": req.version}) if may_decide else None),
        "hold_form": hold_form or (HoldForm(initial={"version": req.version}) if may_hold else None),
        "view_log": selectors.request_view_log(req=req) if oversee else None, "may_list_holds": oversee,
        "copy_destroy_form": DestroyForm(initial={"method": "複製媒體以碎紙機（消磁）銷毀"}),
        "doc_formats": DOC_FORMATS,
    }
    return render(request, "footage/request_detail.html", ctx, status=status)


@login_required
@require_POST
def request_decide(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not selectors.request_may_decide(request.user, req):
        raise PermissionDenied("此申請目前不在您的核決關卡")
    form = DecisionForm(request.POST, has_consent=req.attachments.filter(
        kind=RequestAttachment.Kind.CONSENT).exists())
    if form.is_valid():
        d = form.cleaned_data
        attempt = form_attempt(form, lambda: services.request_decide(
            actor=request.user, req=req, expected_version=d["version"], action=d["action"],
            conditions=d["conditions"], refusal_ground=d["refusal_ground"], reason=d["reason"]))
        if attempt.done:
            messages.success(request, "已記錄您的決定。")
            return redirect("footage:request_detail", pk=req.pk)
        if attempt.conflict is not None:
            form.add_error(None, "此申請已被其他人處理，請重新整理後再決定；您輸入的內容仍保留。")
    return request_detail(request, pk, decision_form=form)


@login_required
def request_viewing(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not selectors.request_may_manage(request.user, req):
        raise PermissionDenied("只有管理單位可以登錄調閱紀錄")
    if req.status != FootageRequest.Status.APPROVED or req.is_destroyed:
        messages.warning(request, "此申請目前不能登錄調閱紀錄（尚未核准或已登錄）。")
        return redirect("footage:request_detail", pk=req.pk)
    people = selectors.managing_unit_people(req=req)
    if request.method == "POST":
        form = ViewingForm(request.POST, people_qs=people, req=req)
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.viewing_record(
                actor=request.user, req=req, data=form.viewing_data(), expected_version=form.cleaned_data["version"]))
            if attempt.done:
                messages.success(request, "已登錄調閱（複製）紀錄。")
                return redirect("footage:request_detail", pk=req.pk)
            if attempt.conflict is not None:
                form.add_error(None, "此申請已被其他人更動；您輸入的內容仍保留，請確認後再送出。")
    else:
        form = ViewingForm(people_qs=people, req=req, initial={
            "version": req.version, "viewer_name": req.applicant_name, "accompanied_by": request.user.pk,
            "performed_at": timezone.now()})
    return render(request, "footage/viewing_form.html", {"form": form, "req": req})


@login_required
@require_POST
def request_hold(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not policy.may(request.user, "footage.request.hold", req):
        raise PermissionDenied("只有管理單位或政風單位可以設定保全")
    form = HoldForm(request.POST)
    if form.is_valid():
        attempt = form_attempt(form, lambda: services.request_hold(
            actor=request.user, req=req, expected_version=form.cleaned_data["version"],
            hold=form.cleaned_data["hold"], reason=form.cleaned_data["reason"]))
        if attempt.conflict is not None:
            form.add_error(None, "此申請已被其他人更動，請重新整理後再試。")
        if attempt.done:
            messages.success(request, "已設定保全，停止計算銷毀期限。" if form.cleaned_data["hold"]
                             else "已解除保全，恢復計算銷毀期限。")
            return redirect("footage:request_detail", pk=req.pk)
    return request_detail(request, pk, hold_form=form)


@login_required
@require_POST
def copy_destroy(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not selectors.request_may_manage(request.user, req):
        raise PermissionDenied("只有管理單位可以銷毀複製資料")
    form = DestroyForm(request.POST)
    if form.is_valid():
        asked = confirm_step(request, question=f"確定銷毀 {req.number_label} 的複製資料？", action="銷毀",
                             detail=f"銷毀方式：{form.cleaned_data['method']}。銷毀後無法復原，並登錄於專簿。")
        if asked is not None:
            return asked
        if message_attempt(request, lambda: services.copy_destroy(
                actor=request.user, req=req, expected_version=_int(request.POST.get("version"), 0),
                method=form.cleaned_data["method"])).done:
            messages.success(request, "已登錄複製資料銷毀。")
    else:
        messages.error(request, "請寫明銷毀方式。")
    return redirect("footage:request_detail", pk=req.pk)


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    attachment = req.attachments.select_related("stored").filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404("找不到此附件")
    services.request_view_record(actor=request.user, req=req, action="footage.view.attachment")
    return stored_file_response(attachment.stored)


@login_required
def request_document(request, pk: int, fmt: str):
    req = selectors.request_get(person=request.user, pk=pk)
    services.request_view_record(actor=request.user, req=req, action="footage.view.document")
    return document_response(request, builder="footage.request_form", kwargs={"request_id": req.pk},
                             fmt=fmt, filename=f"監視器攝錄資料調閱申請表{req.number_label}")


# --- register and retention (managing unit, ethics unit) -----------------------------------------------

def _year(request) -> int:
    return _int(request.GET.get("year"), roc_year(clock.today()))


@login_required
def register(request):
    fs = selectors.managed_settings(person=request.user)
    year = _year(request)
    page = Paginator(selectors.register_rows(agency_id=fs.agency_id, year=year), 50).get_page(
        request.GET.get("page"))
    return render(request, "footage/register.html", {
        "fs": fs, "year": year, "years": selectors.register_years(fs=fs), "page": page, "query": _query(request),
        "header": documents.REGISTER_HEADER, "lines": [(r, documents.register_cells(r)) for r in page],
        "doc_formats": DOC_FORMATS})


@login_required
def register_document(request, year: int, fmt: str):
    fs = selectors.managed_settings(person=request.user)
    return document_response(request, builder="footage.register",
                             kwargs={"agency_id": fs.agency_id, "year": year}, fmt=fmt,
                             filename=f"監視錄影調閱登記簿{year}年")


@login_required
def register_xlsx(request, year: int):
    fs = selectors.managed_settings(person=request.user)
    data = exports.register_xlsx(agency=fs.agency, year=year)
    response = HttpResponse(data,
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"監視錄影調閱登記簿{year}年.xlsx")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def retention(request):
    fs = selectors.managed_settings(person=request.user)
    today = clock.today()
    due = Paginator(selectors.retention_due(fs=fs, today=today), 50).get_page(request.GET.get("page"))
    year = roc_year(today)
    return render(request, "footage/retention.html", {
        "fs": fs, "due": due, "held": selectors.retention_held(fs=fs)[:100], "today": today, "year": year,
        "may_destroy": policy.may(request.user, "footage.request.manage", fs),
        "destroyed": selectors.destruction_rows(agency_id=fs.agency_id, year=year)
        .order_by("-destruction__destroyed_at")[:20],
        "destroy_form": DestroyForm(), "doc_formats": DOC_FORMATS,
    })


@login_required
def holds(request):
    """Active window holds: what the managing unit must keep from overwriting until each decision."""
    fs, active = selectors.holds_active(person=request.user)
    today = clock.today()
    page = Paginator(active, 50).get_page(request.GET.get("page"))
    return render(request, "footage/holds.html", {
        "fs": fs, "page": page, "today": today, "rows": [(h, (h.overwrite_on - today).days) for h in page],
        "released": selectors.holds_released(fs=fs),
    })


@login_required
@require_POST
def request_destroy(request, pk: int):
    req = selectors.request_get(person=request.user, pk=pk)
    if not selectors.request_may_manage(request.user, req):
        raise PermissionDenied("只有管理單位可以銷毀")
    form = DestroyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "請寫明銷毀方式。")
        return redirect("footage:retention")
    asked = confirm_step(request, question=f"確定銷毀 {req.number_label} 的個人資料？", action="銷毀",
                         detail="申請表、附件與調閱紀錄中的個人資料將刪除，專簿只保留去識別化紀錄；無法復原。")
    if asked is not None:
        return asked
    if message_attempt(request, lambda: services.request_destroy(actor=request.user, req=req,
                                                                 method=form.cleaned_data["method"])).done:
        messages.success(request, f"已銷毀 {req.number_label} 的個人資料，登記簿保留去識別化紀錄。")
    return redirect("footage:retention")


@login_required
def destruction_document(request, year: int, fmt: str):
    fs = selectors.managed_settings(person=request.user)
    return document_response(request, builder="footage.destruction_list",
                             kwargs={"agency_id": fs.agency_id, "year": year}, fmt=fmt,
                             filename=f"監視錄影調閱資料銷毀清冊{year}年")


@login_required
def device_list(request):
    agency = person_primary_agency(request.user)
    if agency is None:
        raise Http404("找不到機關")
    devices = selectors.device_list(person=request.user, agency=agency, kind=None, active_only=False)
    page = Paginator(devices, 100).get_page(request.GET.get("page"))
    fs = selectors.settings_for(agency)
    may_manage = fs is not None and policy.may(request.user, "footage.device.manage", fs)
    return render(request, "footage/device_list.html", {
        "page": page, "agency": agency, "may_manage": may_manage,
        "site_form": SiteForm(agency=agency) if may_manage else None})


@login_required
@require_POST
def site_create(request):
    fs = selectors.managed_settings(person=request.user, action="footage.device.manage")
    form = SiteForm(request.POST, agency=fs.agency)
    if form.is_valid():
        services.site_create(actor=request.user, agency=fs.agency, name=form.cleaned_data["name"],
                             address=form.cleaned_data["address"])
        messages.success(request, f"已新增場所「{form.cleaned_data['name']}」。")
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("footage:device_list")


@login_required
def device_create(request):
    fs = selectors.managed_settings(person=request.user, action="footage.device.manage")
    form = DeviceForm(request.POST or None, agency=fs.agency)
    if request.method == "POST" and form.is_valid():
        v = form.values()
        device = services.device_create(actor=request.user, site=v["site"], kind=v["kind"], code=v["code"],
                                        location=v["location"], order=v["order"])
        if not v["active"]:
            services.device_update(actor=request.user, device=device, expected_version=device.version, active=False)
        messages.success(request, f"已新增設備「{device}」。")
        return redirect("footage:device_list")
    return render(request, "footage/device_form.html", {"form": form, "device": None})


@login_required
def device_edit(request, pk: int):
    fs = selectors.managed_settings(person=request.user, action="footage.device.manage")
    device = selectors.device_get(agency=fs.agency, pk=pk)
    conflict = None
    if request.method == "POST":
        form = DeviceForm(request.POST, agency=fs.agency)
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.device_update(
                actor=request.user, device=device, expected_version=form.cleaned_data["version"] or 0,
                **form.values()))
            if attempt.done:
                messages.success(request, f"已更新設備「{device}」。")
                return redirect("footage:device_list")
            if (conflict := attempt.conflict) is not None:
                form.add_error(None, "此設備已被其他人修改；您輸入的內容仍保留，請確認後再儲存。")
    else:
        form = DeviceForm(agency=fs.agency, initial={
            "site": device.site_id, "kind": device.kind, "code": device.code, "location": device.location,
            "active": device.active, "order": device.order, "version": device.version})
    return render(request, "footage/device_form.html", {"form": form, "device": device, "conflict": conflict})


@login_required
def rules(request):
    """The rules in force (managing unit, deadline, chains, retention); the ethics officer edits the dated ones."""
    fs = selectors.managed_settings(person=request.user)
    today = clock.today()
    return render(request, "footage/rules.html", {
        "fs": fs, "chains": selectors.chain_list(agency=fs.agency), "today": today,
        "decision_period": selectors.decision_period(fs=fs, on=today),
        "retention_rules": selectors.retention_rule_list(agency=fs.agency),
        "may_edit": policy.may(request.user, "footage.rules.manage", fs.agency)})


RULES_PAGE = RulePage(
    action="footage.rules.manage", template="footage/rule_edit.html", url="footage:rule_edit", form=RuleForm,
    book=selectors.BOOK, kinds=selectors.RULE_KINDS, initial={"unit": "days"},
    example=lambda kind, period, agency, on: selectors.rule_example(kind=kind, period=period, agency=agency, on=on),
    create=lambda actor, agency, form, today: services.footage_rule_create(
        actor=actor, agency=agency, data=form.rule_input(), today=today),
    success="已新增監視錄影規則，自生效日起適用。")


@login_required
def rule_edit(request):
    """The agency's retention and decision rules where the work is (portal.rulepages)."""
    return rules_page(request, RULES_PAGE)


@login_required
def chains(request):
    """The approval chains of the agency where the work is: which chain each kind of request follows on any date,
    every chain that applies (its own, its superiors' defaults), and a new chain from a start date."""
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "footage.rules.manage", agency):
        raise Http404("找不到此頁面")
    today = clock.today()
    date_form = RuleDateForm(request.GET or None)
    on = (date_form.cleaned_data.get("on") if date_form.is_valid() else None) or today
    current = selectors.chain_steps_for(agency=agency, kind=RequestKind.INTERNAL, on=today)
    initial = {"starts_on": today} | {f"step_{i}_{part}": value for i, step in enumerate(current, start=1)
                                      for part, value in zip(("role", "label"), step)}
    form = ChainForm(request.POST or None, initial=initial)
    saved, _ = form_submit(request, form, lambda c: services.footage_chain_create(
        actor=request.user, agency=agency, data=form.chain_input(), today=today),
        "已新增核決流程，自生效日起送出的申請適用；已送出的申請仍依原流程。")
    if saved:
        return redirect("footage:chains")
    return render(request, "footage/chains.html", {
        "agency": agency, "form": form, "date_form": date_form, "on": on, "today": today,
        "in_force": selectors.chains_in_force(agency=agency, on=on), "default_chain": selectors.DEFAULT_CHAIN,
        "chains": selectors.chain_list(agency=agency),
    }, status=400 if request.method == "POST" and not form.is_valid() else 200)
