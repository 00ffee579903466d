"""Thin views: parse input, call one service or selector, render. Objects outside a person's
scope are 404 (selectors); actions a person may not take on a visible object are 404 too."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.assessments.selectors import assessment_todo, checklist_items, round_list
from anwei.core.formpages import form_attempt, form_page, form_submit, message_attempt, posted_version
from anwei.core.uploads import stored_file_response
from anwei.devicechecks.selectors import device_systems_to_check
from anwei.documents.http import document_response
from anwei.inspections import exports, selectors, services
from anwei.inspections.documents import report_title
from anwei.inspections.forms import (
    EvidenceForm, FindingEditForm, FindingForm, InspectionCheckForm, InspectionForm, PeriodForm,
)
from anwei.inspections.models import Finding, Inspection
from anwei.inspections.stats import inspection_sentences, inspection_statistics
from anwei.orgs import policy
from anwei.tracking.selectors import my_unit_ids
from anwei.orgs.selectors import person_primary_agency

PAGE = 50


def _page(request, qs, size: int = PAGE):
    return Paginator(qs, size).get_page(request.GET.get("page"))


def _home_agency(request, action: str):
    """The agency a person creates things in; 404 if they may not."""
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, action, agency):
        raise Http404("找不到此頁面")
    return agency


# --- hub: the section's overview of self-assessments, inspections and device checks -----------------

@login_required
def index(request):
    person = request.user
    return render(request, "inspections/index.html", {
        "todo": assessment_todo(person=person)[:20],
        "rounds": round_list(person=person)[:10],
        "inspections": selectors.inspection_list(person=person)[:10],
        "deficiencies": selectors.deficiency_list(person=person, state="open")[:10],
        "systems": device_systems_to_check(person=person),
        "can_manage": policy.scope(person, "inspections.inspection.manage").agency_ids,
        "can_stats": not policy.scope(person, "inspections.stats.view").empty,
        "can_devices": not policy.scope(person, "devicechecks.device.view").empty,
        "can_checklists": not policy.scope(person, "assessments.checklist.view").empty,
        "today": timezone.localdate(),
    })


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
    inspection, _ = form_submit(request, form, lambda c: services.inspection_create(
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
    saved, conflict = form_submit(request, form, lambda c: services.inspection_update(
        actor=request.user, inspection=inspection, expected_version=c["version"] or 0, **_inspection_values(c)),
        "已儲存。")
    if saved:
        return redirect("inspections:inspection_detail", pk=inspection.pk)
    return form_page(request, "inspections/inspection_form.html", {"form": form, "inspection": inspection},
                      conflict)


def _inspection_context(request, inspection, finding_form=None):
    findings = selectors.inspection_findings(inspection=inspection)
    groups = [(label, [f for f in findings if f.kind == kind]) for kind, label in Finding.Kind.choices]
    can_manage = policy.may(request.user, "inspections.inspection.manage", inspection)
    if finding_form is None and can_manage:
        finding_form = FindingForm(agency=inspection.agency)
    items = []
    if inspection.template_id:
        items = checklist_items(template=inspection.template)
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
    rows = selectors.inspection_check_rows(inspection, unit)
    form = InspectionCheckForm(request.POST or None, rows=rows,
                               initial={"version": inspection.version,
                                        "due_date": timezone.localdate() + dt.timedelta(days=14)})
    saved, conflict = form_submit(request, form, lambda c: {"new": services.inspection_checks_save(
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
        attempt = form_attempt(form, lambda: services.finding_add(
            actor=request.user, inspection=inspection, kind=c["kind"], text=c["text"], unit=c["unit"],
            item_text=c["item_text"], due_date=c["due_date"], uploads=c["files"], caption=c["caption"]))
        if attempt.done:
            finding = attempt.value
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
    saved, conflict = form_submit(request, form, lambda c: services.finding_update(
        actor=request.user, finding=finding, expected_version=c["version"] or 0, text=c["text"],
        item_text=c["item_text"], unit=c["unit"], due_date=c["due_date"]), "已修正檢查發現。")
    if saved:
        return redirect("inspections:inspection_detail", pk=finding.inspection_id)
    return form_page(request, "inspections/finding_form.html", {"form": form, "finding": finding}, conflict)


@login_required
@require_POST
def finding_delete(request, pk: int):
    finding = selectors.finding_get(person=request.user, pk=pk)
    if message_attempt(request, lambda: services.finding_delete(actor=request.user, finding=finding,
                                                                expected_version=posted_version(request)),
                       conflict="此筆檢查發現已被其他人修改，尚未刪除；請確認下方最新內容後，再決定是否刪除。").done:
        messages.success(request, "已刪除檢查發現。")
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
    return document_response(request, builder="inspections.report",
                             kwargs={"inspection_id": inspection.pk}, fmt=fmt,
                             filename=report_title(inspection))


@login_required
def deficiency_list(request):
    state = request.GET.get("state", "open")
    if state not in ("open", "closed", "all"):
        state = "open"
    return render(request, "inspections/deficiency_list.html", {
        "page": _page(request, selectors.deficiency_list(person=request.user, state=state)),
        "state": state, "query": f"state={state}", "today": timezone.localdate(),
        "reports_units": bool(my_unit_ids(request.user))})


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def deficiency_xlsx(request):
    return _xlsx_response(exports.deficiency_xlsx(selectors.deficiency_list(person=request.user, state="all")),
                          "檢查缺失列管")


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
