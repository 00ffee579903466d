"""Thin views: parse input, call one service or selector, render. Objects outside a person's
scope are 404 (selectors); actions a person may not take on a visible object are 404 too."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.core.forms import ConflictError, form_rearm
from anwei.core.uploads import stored_file_response
from anwei.documents.http import document_response
from anwei.inspections import exports, selectors, services
from anwei.inspections.documents import report_title
from anwei.inspections.forms import (
    AssessmentForm, ChecklistForm, ChecklistItemForm, DailyCheckForm, DeviceSystemForm, EvidenceForm,
    FindingEditForm, FindingForm, InspectionCheckForm, InspectionForm, PeriodForm, RepairForm, RoundForm,
)
from anwei.inspections.models import Finding, Inspection, SelfAssessment
from anwei.inspections.stats import inspection_sentences, inspection_statistics
from anwei.lib import rocdate
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency

PAGE = 50


def _page(request, qs, size: int = PAGE):
    return Paginator(qs, size).get_page(request.GET.get("page"))


def _require(person, action: str, obj) -> None:
    if not policy.may(person, action, obj):
        raise Http404("找不到此頁面")


def _home_agency(request, action: str):
    """The agency a person creates things in; 404 if they may not."""
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, action, agency):
        raise Http404("找不到此頁面")
    return agency


def _posted_version(request) -> int:
    """The version a one-button form carried; none (a hand-made request) never matches a saved row."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() else -1


def _errors_to_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def _submit(request, form, save, success: str):
    """On a valid POST call `save(cleaned_data)` (one service). Returns (result, conflict): result is what
    the service returned (None if nothing was saved); a service's field errors go next to the fields and
    a stale version returns the other person's saved row, so the form is shown again with what was typed."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    try:
        result = save(form.cleaned_data)
    except ConflictError as exc:
        form_rearm(form, exc.current.version)
        return None, exc.current
    except ValidationError as exc:
        _errors_to_form(form, exc)
        return None, None
    messages.success(request, success if isinstance(success, str) else success(result))
    return (True if result is None else result), None


def _shown(value) -> str:
    if value is None or value == "":
        return "（未填）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return rocdate.format_short(value)
    return str(value)


def _saved_values(form, current) -> list[tuple[str, str]]:
    """What the other person saved, field by field as this form labels them (for the conflict notice)."""
    out = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.many_to_many:
            value = "、".join(str(o) for o in getattr(current, name).all())
        elif model_field.choices:
            value = getattr(current, f"get_{name}_display")()
        else:
            value = getattr(current, name)
        out.append((field.label or model_field.verbose_name, _shown(value)))
    return out


def _form_page(request, template: str, context: dict, conflict=None):
    """Render a form page. After a stale save the answer is 409: the form keeps what was typed (re-armed
    with the current version, see _submit) and the notice lists what the other person saved."""
    values = _saved_values(context["form"], conflict) if conflict is not None else []
    return render(request, template, {**context, "conflict": conflict, "conflict_values": values},
                  status=409 if conflict is not None else 200)


# --- hub -------------------------------------------------------------------------------------------------

@login_required
def index(request):
    person = request.user
    return render(request, "inspections/index.html", {
        "todo": selectors.assessment_todo(person=person)[:20],
        "rounds": selectors.round_list(person=person)[:10],
        "inspections": selectors.inspection_list(person=person)[:10],
        "deficiencies": selectors.deficiency_list(person=person, state="open")[:10],
        "systems": selectors.device_systems_to_check(person=person),
        "can_manage": policy.scope(person, "inspections.inspection.manage").agency_ids,
        "can_stats": not policy.scope(person, "inspections.stats.view").empty,
        "can_devices": not policy.scope(person, "inspections.device.view").empty,
        "can_checklists": not policy.scope(person, "inspections.checklist.view").empty,
        "today": timezone.localdate(),
    })


# --- checklists ------------------------------------------------------------------------------------------

@login_required
def checklist_list(request):
    agency = person_primary_agency(request.user)
    can_manage = agency is not None and policy.may(request.user, "inspections.checklist.manage", agency)
    return render(request, "inspections/checklist_list.html", {
        "page": _page(request, selectors.checklist_list(person=request.user)), "can_manage": can_manage})


@login_required
def checklist_create(request):
    agency = _home_agency(request, "inspections.checklist.manage")
    form = ChecklistForm(request.POST or None)
    template, _ = _submit(request, form, lambda c: services.checklist_create(
        actor=request.user, agency=agency, name=c["name"], kind=c["kind"], description=c["description"]),
        lambda t: f"已新增檢查表「{t.name}」，請加入檢查項目。")
    if template:
        return redirect("inspections:checklist_detail", pk=template.pk)
    return render(request, "inspections/checklist_form.html", {"form": form})


@login_required
@require_POST
def checklist_install_defaults(request):
    agency = _home_agency(request, "inspections.checklist.manage")
    made = services.checklist_defaults_install(actor=request.user, agency=agency)
    messages.success(request, f"已建立 {len(made)} 份預設檢查表。" if made else "預設檢查表都已建立。")
    return redirect("inspections:checklist_list")


@login_required
def checklist_detail(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk)
    return render(request, "inspections/checklist_detail.html", {
        "template": template, "items": selectors.checklist_items(template=template),
        "can_manage": policy.may(request.user, "inspections.checklist.manage", template),
        "item_form": ChecklistItemForm()})


@login_required
def checklist_edit(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk, action="inspections.checklist.manage")
    initial = {"name": template.name, "kind": template.kind, "description": template.description,
               "is_active": template.is_active, "version": template.version}
    form = ChecklistForm(request.POST or None, initial=initial)
    saved, conflict = _submit(request, form, lambda c: services.checklist_update(
        actor=request.user, template=template, expected_version=c["version"] or 0, name=c["name"], kind=c["kind"],
        description=c["description"], is_active=c["is_active"]), "已儲存。")
    if saved:
        return redirect("inspections:checklist_detail", pk=template.pk)
    return _form_page(request, "inspections/checklist_form.html", {"form": form, "template": template}, conflict)


@login_required
@require_POST
def checklist_item_add(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk, action="inspections.checklist.manage")
    form = ChecklistItemForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        services.checklist_item_add(actor=request.user, template=template, section=c["section"], text=c["text"],
                                    answer_kind=c["answer_kind"], corrective_required=c["corrective_required"],
                                    order=c["order"])
        messages.success(request, "已新增檢查項目。")
        return redirect("inspections:checklist_detail", pk=template.pk)
    return render(request, "inspections/checklist_detail.html", {
        "template": template, "items": selectors.checklist_items(template=template), "can_manage": True,
        "item_form": form})


@login_required
def checklist_item_edit(request, pk: int):
    item = selectors.checklist_item_get(person=request.user, pk=pk)
    form = ChecklistItemForm(request.POST) if request.method == "POST" else ChecklistItemForm.for_item(item)
    saved, conflict = _submit(request, form, lambda c: services.checklist_item_revise(
        actor=request.user, item=item, expected_version=c["version"] or 0, section=c["section"], text=c["text"],
        answer_kind=c["answer_kind"], corrective_required=c["corrective_required"],
        order=item.order if c["order"] is None else c["order"]),
        "已修訂檢查項目（已填寫的自評表保留原題目）。")
    if saved:
        return redirect("inspections:checklist_detail", pk=item.template_id)
    return _form_page(request, "inspections/checklist_item_form.html", {"form": form, "item": item}, conflict)


@login_required
@require_POST
def checklist_item_retire(request, pk: int):
    item = selectors.checklist_item_get(person=request.user, pk=pk)
    try:
        services.checklist_item_retire(actor=request.user, item=item)
        messages.success(request, "已停用此檢查項目。")
    except ConflictError as exc:
        messages.error(request, f"此檢查項目在您開啟後已修訂為第{exc.current.version}版，尚未停用；"
                                "請看過目前的內容後再決定。")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("inspections:checklist_detail", pk=item.template_id)


# --- rounds ----------------------------------------------------------------------------------------------

@login_required
def round_list(request):
    agency = person_primary_agency(request.user)
    return render(request, "inspections/round_list.html", {
        "page": _page(request, selectors.round_list(person=request.user)),
        "mine": _page(request, selectors.assessment_list(person=request.user)),
        "can_manage": agency is not None and policy.may(request.user, "inspections.round.manage", agency)})


@login_required
def round_create(request):
    agency = _home_agency(request, "inspections.round.manage")
    assignments = selectors.plan_assignments_for(agency=agency)
    initial = {}
    if (request.GET.get("assignment") or "").isdigit():
        initial["plan_assignment"] = assignments.filter(pk=int(request.GET["assignment"])).first()
        if initial["plan_assignment"]:
            initial["deadline"] = initial["plan_assignment"].due
    form = RoundForm(request.POST or None, agency=agency, templates=selectors.checklists_for(agency=agency),
                     assignments=assignments, initial=initial)
    rnd, _ = _submit(request, form, lambda c: services.round_create(
        actor=request.user, agency=agency, title=c["title"], deadline=c["deadline"], instructions=c["instructions"],
        templates=c["templates"], units=c["units"], agencies=c["agencies"], plan_assignment=c["plan_assignment"]),
        lambda r: f"已發起自評「{r.title}」，共 {r.assessments.count()} 份待填。")
    if rnd:
        return redirect("inspections:round_detail", pk=rnd.pk)
    return render(request, "inspections/round_form.html", {"form": form})


@login_required
def round_detail(request, pk: int):
    """Completion status: who has submitted, who has not, how many 不符合 each."""
    rnd = selectors.round_get(person=request.user, pk=pk)
    status = request.GET.get("status", "")
    if status not in SelfAssessment.Status.values:
        status = ""
    return render(request, "inspections/round_detail.html", {
        "round": rnd, "templates": rnd.templates.all(), "summary": selectors.round_summary(rnd=rnd),
        "page": _page(request, selectors.round_completion(rnd=rnd, status=status)), "status": status,
        "statuses": SelfAssessment.Status.choices, "query": f"status={status}" if status else "",
        "today": timezone.localdate(),
        "can_manage": policy.may(request.user, "inspections.round.manage", rnd)})


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def round_xlsx(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk)
    return _xlsx_response(exports.completion_xlsx(selectors.round_completion(rnd=rnd)), f"{rnd.title}完成情形")


@login_required
def deficiency_xlsx(request):
    return _xlsx_response(exports.deficiency_xlsx(selectors.deficiency_list(person=request.user, state="all")),
                          "檢查缺失列管")


@login_required
def round_nonconformities(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk)
    return render(request, "inspections/round_nonconformities.html", {
        "round": rnd, "page": _page(request, selectors.round_nonconformities(rnd=rnd))})


@login_required
@require_POST
def round_remind(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk, action="inspections.round.manage")
    n = services.round_remind(actor=request.user, rnd=rnd)
    messages.success(request, f"已催報 {n} 份未送出的自評表（於各單位首頁待辦事項顯示）。" if n else "所有自評表皆已送出。")
    return redirect("inspections:round_detail", pk=rnd.pk)


@login_required
@require_POST
def round_close(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk, action="inspections.round.manage")
    services.round_close(actor=request.user, rnd=rnd)
    messages.success(request, "已結束此梯次，未送出的自評表不能再填寫。")
    return redirect("inspections:round_detail", pk=rnd.pk)


# --- assessments -----------------------------------------------------------------------------------------

def _assessment_context(request, assessment, form, conflict=None):
    return {"a": assessment, "form": form, "conflict": conflict,
            "rows": form.bound_rows(),
            "problems": services.assessment_problems(assessment) if assessment.answers.exists() else {},
            "can_fill": assessment.is_editable() and policy.may(request.user, assessment.fill_action(), assessment),
            "can_confirm": (assessment.status != SelfAssessment.Status.SUBMITTED and not assessment.round.closed
                            and policy.may(request.user, assessment.confirm_action(), assessment)),
            "can_see_round": policy.may(request.user, "inspections.round.view", assessment.round)}


@login_required
def assessment_detail(request, pk: int):
    assessment = selectors.assessment_get(person=request.user, pk=pk)
    rows = services.assessment_rows(assessment)
    if request.method == "POST":
        if not (assessment.is_editable() and policy.may(request.user, assessment.fill_action(), assessment)):
            raise Http404("找不到此頁面")
        form = AssessmentForm(request.POST, rows=rows)
        if form.is_valid():
            try:
                services.assessment_save(actor=request.user, assessment=assessment,
                                         expected_version=form.cleaned_data["version"] or 0, values=form.values())
            except ConflictError as exc:
                # The rows were read for this request, so they show what the other person saved.
                form_rearm(form, exc.current.version)
                return render(request, "inspections/assessment_detail.html",
                              _assessment_context(request, assessment, form, conflict=exc.current), status=409)
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, "已儲存自評表。")
                return redirect("inspections:assessment_detail", pk=assessment.pk)
        return render(request, "inspections/assessment_detail.html", _assessment_context(request, assessment, form))
    form = AssessmentForm(rows=rows, initial={"version": assessment.version})
    return render(request, "inspections/assessment_detail.html", _assessment_context(request, assessment, form))


def _assessment_step(request, pk: int, step: str):
    assessment = selectors.assessment_get(person=request.user, pk=pk)
    action = assessment.fill_action() if step == "send" else assessment.confirm_action()
    _require(request.user, action, assessment)
    version = _posted_version(request)
    try:
        if step == "send":
            services.assessment_send(actor=request.user, assessment=assessment, expected_version=version)
            messages.success(request, "已送單位主管確認。")
        elif step == "confirm":
            services.assessment_confirm(actor=request.user, assessment=assessment, expected_version=version,
                                        note=request.POST.get("note", ""))
            messages.success(request, "已確認並送出自評表。")
        else:
            services.assessment_return(actor=request.user, assessment=assessment, expected_version=version,
                                       note=request.POST.get("note", ""))
            messages.success(request, "已退回承辦人修正。")
    except ConflictError:
        messages.error(request, "此自評表在您開啟後已被其他人修改或送出，尚未執行；請看過下方目前的內容後再操作。")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("inspections:assessment_detail", pk=assessment.pk)


@login_required
@require_POST
def assessment_send(request, pk: int):
    return _assessment_step(request, pk, "send")


@login_required
@require_POST
def assessment_confirm(request, pk: int):
    return _assessment_step(request, pk, "confirm")


@login_required
@require_POST
def assessment_return(request, pk: int):
    return _assessment_step(request, pk, "return")


# --- inspections -----------------------------------------------------------------------------------------

@login_required
def inspection_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Inspection.Kind.values:
        kind = ""
    agency = person_primary_agency(request.user)
    return render(request, "inspections/inspection_list.html", {
        "page": _page(request, selectors.inspection_list(person=request.user, kind=kind)),
        "kinds": Inspection.Kind.choices, "kind": kind, "query": f"kind={kind}" if kind else "",
        "can_manage": agency is not None and policy.may(request.user, "inspections.inspection.manage", agency)})


def _inspection_values(c) -> dict:
    return {k: c[k] for k in ["title", "kind", "mode", "date", "inspectors", "units", "template", "scope_note"]}


@login_required
def inspection_create(request):
    agency = _home_agency(request, "inspections.inspection.manage")
    form = InspectionForm(request.POST or None, agency=agency)
    inspection, _ = _submit(request, form, lambda c: services.inspection_create(
        actor=request.user, agency=agency, **_inspection_values(c)), "已建立檢查紀錄，請登錄檢查發現。")
    if inspection:
        return redirect("inspections:inspection_detail", pk=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form})


@login_required
def inspection_edit(request, pk: int):
    inspection = selectors.inspection_get(person=request.user, pk=pk, action="inspections.inspection.manage")
    initial = {"title": inspection.title, "kind": inspection.kind, "mode": inspection.mode, "date": inspection.date,
               "inspectors": inspection.inspectors, "units": list(inspection.units.all()),
               "template": inspection.template, "scope_note": inspection.scope_note, "version": inspection.version}
    form = InspectionForm(request.POST or None, agency=inspection.agency, initial=initial)
    saved, conflict = _submit(request, form, lambda c: services.inspection_update(
        actor=request.user, inspection=inspection, expected_version=c["version"] or 0, **_inspection_values(c)),
        "已儲存。")
    if saved:
        return redirect("inspections:inspection_detail", pk=inspection.pk)
    return _form_page(request, "inspections/inspection_form.html", {"form": form, "inspection": inspection},
                      conflict)


def _inspection_context(request, inspection, finding_form=None):
    findings = selectors.inspection_findings(inspection=inspection)
    groups = [(label, [f for f in findings if f.kind == kind]) for kind, label in Finding.Kind.choices]
    can_manage = policy.may(request.user, "inspections.inspection.manage", inspection)
    if finding_form is None and can_manage:
        finding_form = FindingForm(agency=inspection.agency)
    items = []
    if inspection.template_id:
        items = selectors.checklist_items(template=inspection.template)
    return {"inspection": inspection, "groups": groups, "can_manage": can_manage, "form": finding_form,
            "checklist_items": items}


@login_required
def inspection_detail(request, pk: int):
    inspection = selectors.inspection_get(person=request.user, pk=pk)
    return render(request, "inspections/inspection_detail.html", _inspection_context(request, inspection))


def _checks_saved_message(result: dict) -> str:
    n = result["new"]
    return f"已儲存檢查結果，{n} 項不符合已列為缺失並列管。" if n else "已儲存檢查結果。"


@login_required
def inspection_checklist(request, pk: int):
    """Go through the inspection's checklist for one inspected unit; a 不符合 becomes a deficiency."""
    inspection = selectors.inspection_get(person=request.user, pk=pk, action="inspections.inspection.manage")
    if inspection.template_id is None:
        messages.error(request, "此檢查未指定檢查表，請先編輯檢查並選擇檢查表。")
        return redirect("inspections:inspection_detail", pk=inspection.pk)
    units = list(inspection.units.all())
    unit_id = request.GET.get("unit", "")
    unit = next((u for u in units if str(u.pk) == unit_id), units[0] if units else None)
    rows = services.inspection_check_rows(inspection, unit)
    form = InspectionCheckForm(request.POST or None, rows=rows,
                               initial={"version": inspection.version,
                                        "due_date": timezone.localdate() + dt.timedelta(days=14)})
    saved, conflict = _submit(request, form, lambda c: {"new": services.inspection_checks_save(
        actor=request.user, inspection=inspection, expected_version=c["version"] or 0, unit=unit,
        values=form.values(), due_date=c["due_date"])},
        _checks_saved_message)
    if saved:
        return redirect(reverse("inspections:inspection_checklist", args=[inspection.pk])
                        + (f"?unit={unit.pk}" if unit else ""))
    # After a conflict the rows (read for this request) hold what the other person saved; the page shows it.
    return render(request, "inspections/inspection_checklist.html", {
        "inspection": inspection, "units": units, "unit": unit, "form": form, "rows": form.bound_rows(),
        "conflict": conflict}, status=409 if conflict else 200)


@login_required
@require_POST
def finding_add(request, pk: int):
    inspection = selectors.inspection_get(person=request.user, pk=pk, action="inspections.inspection.manage")
    form = FindingForm(request.POST, request.FILES, agency=inspection.agency)
    if form.is_valid():
        c = form.cleaned_data
        try:
            finding = services.finding_add(actor=request.user, inspection=inspection, kind=c["kind"], text=c["text"],
                                           unit=c["unit"], item_text=c["item_text"], due_date=c["due_date"],
                                           uploads=c["files"], caption=c["caption"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            if finding.kind == Finding.Kind.DEFICIENCY:
                messages.success(request, f"已登錄缺失，並列管交由{finding.unit.name}改善。")
            else:
                messages.success(request, "已登錄檢查發現。")
            return redirect("inspections:inspection_detail", pk=inspection.pk)
    return render(request, "inspections/inspection_detail.html",
                  _inspection_context(request, inspection, finding_form=form), status=200)


@login_required
def finding_edit(request, pk: int):
    finding = selectors.finding_get(person=request.user, pk=pk)
    initial = {"unit": finding.unit, "item_text": finding.item_text, "text": finding.text,
               "due_date": finding.due_date, "version": finding.version}
    form = FindingEditForm(request.POST or None, agency=finding.inspection.agency, initial=initial)
    saved, conflict = _submit(request, form, lambda c: services.finding_update(
        actor=request.user, finding=finding, expected_version=c["version"] or 0, text=c["text"],
        item_text=c["item_text"], unit=c["unit"], due_date=c["due_date"]), "已修正檢查發現。")
    if saved:
        return redirect("inspections:inspection_detail", pk=finding.inspection_id)
    return _form_page(request, "inspections/finding_form.html", {"form": form, "finding": finding}, conflict)


@login_required
@require_POST
def finding_delete(request, pk: int):
    finding = selectors.finding_get(person=request.user, pk=pk)
    try:
        services.finding_delete(actor=request.user, finding=finding, expected_version=_posted_version(request))
        messages.success(request, "已刪除檢查發現。")
    except ConflictError:
        messages.error(request, "此筆檢查發現已被其他人修改，尚未刪除；請確認下方最新內容後，再決定是否刪除。")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("inspections:inspection_detail", pk=finding.inspection_id)


@login_required
def evidence_add(request, pk: int):
    finding = selectors.finding_get(person=request.user, pk=pk)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        for upload in form.cleaned_data["files"]:
            services.evidence_add(actor=request.user, finding=finding, upload=upload,
                                  caption=form.cleaned_data["caption"])
        messages.success(request, "已加入佐證資料。")
        return redirect("inspections:inspection_detail", pk=finding.inspection_id)
    return render(request, "inspections/evidence_form.html", {"form": form, "finding": finding})


@login_required
def evidence_download(request, pk: int):
    evidence = selectors.evidence_get(person=request.user, pk=pk)
    inline = evidence.stored.content_type.startswith("image/") or evidence.stored.content_type == "application/pdf"
    return stored_file_response(evidence.stored, inline=inline)


@login_required
@require_POST
def inspection_reported(request, pk: int):
    inspection = selectors.inspection_get(person=request.user, pk=pk, action="inspections.inspection.manage")
    services.inspection_report_mark(actor=request.user, inspection=inspection)
    messages.success(request, "已註記檢查結果簽報首長。")
    return redirect("inspections:inspection_detail", pk=inspection.pk)


@login_required
def inspection_document(request, pk: int, fmt: str):
    inspection = selectors.inspection_get(person=request.user, pk=pk)
    return document_response(request, builder="anwei.inspections.documents.inspection_report",
                             kwargs={"inspection_id": inspection.pk}, fmt=fmt,
                             filename=report_title(inspection))


@login_required
def deficiency_list(request):
    state = request.GET.get("state", "open")
    if state not in ("open", "closed", "all"):
        state = "open"
    return render(request, "inspections/deficiency_list.html", {
        "page": _page(request, selectors.deficiency_list(person=request.user, state=state)),
        "state": state, "query": f"state={state}", "today": timezone.localdate()})


# --- devices ---------------------------------------------------------------------------------------------

@login_required
def device_list(request):
    agency = person_primary_agency(request.user)
    page = _page(request, selectors.device_system_list(person=request.user))
    counts = selectors.site_device_counts(page.object_list)
    for system in page.object_list:
        system.device_count = counts.get(system.pk)
    return render(request, "inspections/device_list.html", {
        "page": page,
        "repairs": selectors.repair_list(person=request.user, open_only=True)[:20],
        "can_check": selectors.device_systems_to_check(person=request.user).exists(),
        "can_manage": agency is not None and policy.may(request.user, "inspections.device.manage", agency),
        "today": timezone.localdate()})


def _device_values(c) -> dict:
    return {k: c[k] for k in ["name", "kind", "unit", "site", "location", "vendor", "in_service_from"]}


@login_required
def device_create(request):
    agency = _home_agency(request, "inspections.device.manage")
    form = DeviceSystemForm(request.POST or None, agency=agency, sites=selectors.sites_for(agency=agency),
                            initial={"in_service_from": timezone.localdate()})
    saved, _ = _submit(request, form, lambda c: services.device_system_create(
        actor=request.user, agency=agency, **_device_values(c)), "已新增檢查設備。")
    if saved:
        return redirect("inspections:device_list")
    return render(request, "inspections/device_form.html", {"form": form})


@login_required
def device_edit(request, pk: int):
    system = selectors.device_system_get(person=request.user, pk=pk, action="inspections.device.manage")
    initial = {k: getattr(system, k) for k in ["name", "kind", "unit", "site", "location", "vendor",
                                               "in_service_from", "is_active", "version"]}
    form = DeviceSystemForm(request.POST or None, agency=system.agency, sites=selectors.sites_for(agency=system.agency),
                            initial=initial)
    saved, conflict = _submit(request, form, lambda c: services.device_system_update(
        actor=request.user, system=system, expected_version=c["version"] or 0, is_active=c["is_active"],
        **_device_values(c)), "已儲存。")
    if saved:
        return redirect("inspections:device_list")
    return _form_page(request, "inspections/device_form.html", {"form": form, "system": system}, conflict)


@login_required
def device_check(request):
    """The responsible unit records a day's √/× for every system it checks."""
    systems = list(selectors.device_systems_to_check(person=request.user))
    if not systems:
        raise Http404("您沒有負責檢查的設備")
    try:
        day = rocdate.parse(request.GET["date"]) if request.GET.get("date") else timezone.localdate()
    except rocdate.RocDateError:
        day = timezone.localdate()
    opened = selectors.day_checks(systems=systems, date=day)
    existing = {c.system_id: c for c in opened.checks}
    form = DailyCheckForm(request.POST or None, systems=systems, existing=existing,
                          initial={"date": day, "version": opened.version})
    # The version the form carries is the opened day's; typing another date means the person has seen
    # nothing recorded for that one.
    saved, conflict = _submit(request, form, lambda c: services.daily_checks_record(
        actor=request.user, date=c["date"], expected_version=(c["version"] or 0) if c["date"] == day else 0,
        entries=form.entries()),
        lambda _: f"已登錄 {rocdate.format_short(form.cleaned_data['date'])} 的檢查結果。")
    if saved:
        return redirect("inspections:device_list")
    if conflict:
        day = conflict.date  # saving again posts for the day whose checks were shown
    start = max(min(s.in_service_from for s in systems), timezone.localdate() - dt.timedelta(days=30))
    missed = selectors.missed_days(systems=systems, start=start,
                                   end=timezone.localdate() - dt.timedelta(days=1))
    missed_dates = sorted({d for days in missed.values() for d in days})
    return render(request, "inspections/device_check.html", {"form": form, "rows": form.bound_rows(), "day": day,
                                                             "missed": missed_dates, "conflict": conflict},
                  status=409 if conflict else 200)


def _month_args(request):
    today = timezone.localdate()
    try:
        year, month = int(request.GET.get("year", today.year)), int(request.GET.get("month", today.month))
        if year < 1912:  # typed as a ROC year
            year += 1911
        dt.date(year, month, 1)
    except ValueError:
        year, month = today.year, today.month
    return year, month


def _month_scope(request):
    systems = selectors.device_system_list(person=request.user)
    agency_id = request.GET.get("agency")
    agency = None
    if agency_id and agency_id.isdigit():
        agency = selectors.agencies_for(person=request.user, action="inspections.device.view").filter(
            pk=int(agency_id)).first()
    if agency is None:
        first = systems.first()
        if first is None:
            raise Http404("沒有可檢視的設備")
        agency = first.agency
    systems = systems.filter(agency=agency, is_active=True)
    unit_id = request.GET.get("unit")
    if unit_id and unit_id.isdigit():
        systems = systems.filter(unit_id=int(unit_id))
    else:
        unit_id = None
    if not systems.exists():
        raise Http404("沒有可檢視的設備")
    return agency, (int(unit_id) if unit_id else None), list(systems)


@login_required
def device_month(request):
    agency, unit_id, systems = _month_scope(request)
    year, month = _month_args(request)
    sheet = selectors.month_sheet(systems=systems, year=year, month=month)
    prev = sheet["first"] - dt.timedelta(days=1)
    nxt = sheet["last"] + dt.timedelta(days=1)
    base = f"agency={agency.pk}" + (f"&unit={unit_id}" if unit_id else "")
    return render(request, "inspections/device_month.html", {
        "agency": agency, "systems": systems, "sheet": sheet, "year": year, "month": month, "roc_year": year - 1911,
        "base": base, "prev": prev, "next": nxt, "unit_id": unit_id, "today": timezone.localdate(),
        "units": selectors.device_month_units(person=request.user, agency=agency)})


@login_required
def device_month_document(request, fmt: str):
    agency, unit_id, _systems = _month_scope(request)
    year, month = _month_args(request)
    return document_response(request, builder="anwei.inspections.documents.device_month",
                             kwargs={"agency_id": agency.pk, "unit_id": unit_id, "year": year, "month": month},
                             fmt=fmt, filename=f"門禁及監視系統每日檢查表{year - 1911}年{month}月")


@login_required
def repair_list(request):
    open_only = request.GET.get("open") == "1"
    return render(request, "inspections/repair_list.html", {
        "page": _page(request, selectors.repair_list(person=request.user, open_only=open_only)),
        "open_only": open_only, "query": "open=1" if open_only else ""})


@login_required
def repair_edit(request, pk: int):
    repair = selectors.repair_get(person=request.user, pk=pk)
    if not (policy.may(request.user, "inspections.device.check", repair)
            or policy.may(request.user, "inspections.device.manage", repair)):
        raise Http404("找不到此頁面")
    initial = {k: getattr(repair, k) for k in ["reported_on", "vendor", "repaired_on", "note", "version"]}
    form = RepairForm(request.POST or None, initial=initial)
    saved, conflict = _submit(request, form, lambda c: services.repair_update(
        actor=request.user, repair=repair, expected_version=c["version"] or 0, reported_on=c["reported_on"],
        vendor=c["vendor"], repaired_on=c["repaired_on"], note=c["note"]), "已儲存維修紀錄。")
    if saved:
        return redirect("inspections:repair_list")
    return _form_page(request, "inspections/repair_form.html", {"form": form, "repair": repair}, conflict)


# --- statistics ------------------------------------------------------------------------------------------

@login_required
def stats(request):
    agencies = selectors.agencies_for(person=request.user, action="inspections.stats.view")
    if not agencies.exists():
        raise Http404("找不到此頁面")
    today = timezone.localdate()
    data = request.GET if "start" in request.GET else None
    home = person_primary_agency(request.user)
    default_agency = home if home and agencies.filter(pk=home.pk).exists() else agencies.first()
    form = PeriodForm(data, agencies=agencies, initial={"start": dt.date(today.year, 1, 1), "end": today,
                                                        "agency": default_agency})
    result, agency = None, default_agency
    if form.is_bound and form.is_valid():
        c = form.cleaned_data
        agency = c["agency"] or default_agency
        result = inspection_statistics(agency, c["start"], c["end"])
    elif not form.is_bound:
        result = inspection_statistics(agency, dt.date(today.year, 1, 1), today)
    return render(request, "inspections/stats.html", {
        "form": form, "stats": result, "sentences": inspection_sentences(result) if result else [],
        "agency": agency, "work_reports": selectors.work_reports_for(person=request.user, agency=agency)})


@login_required
@require_POST
def stats_insert(request):
    """Append the period's sentences to a meeting's work report (秘書單位工作報告)."""
    agencies = selectors.agencies_for(person=request.user, action="inspections.stats.view")
    form = PeriodForm(request.POST, agencies=agencies)
    if not form.is_valid() or not form.cleaned_data["agency"]:
        if form.has_error("agency") or not agencies.exists():
            raise Http404("找不到此機關")
        messages.error(request, "統計期間不正確，請重新選擇。")
        return redirect("inspections:stats")
    c = form.cleaned_data
    pk = request.POST.get("report", "")
    reports = selectors.work_reports_for(person=request.user, agency=c["agency"])
    report = next((r for r in reports if str(r.pk) == pk), None)
    if report is None:
        raise Http404("找不到此工作報告")
    services.work_report_insert(actor=request.user, report=report,
                                stats=inspection_statistics(c["agency"], c["start"], c["end"]))
    messages.success(request, f"已將統計文字加入「{report.meeting}」的{report.title}。")
    return redirect("meetings:detail", pk=report.meeting_id)

