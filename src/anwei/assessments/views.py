"""Thin views: parse input, call one service or selector, render. Objects outside a person's
scope are 404 (selectors); actions a person may not take on a visible object are 404 too."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.assessments import exports, selectors, services
from anwei.assessments.forms import AnswerTrackForm, AssessmentForm, ChecklistForm, ChecklistItemForm, RoundForm
from anwei.assessments.models import SelfAssessment
from anwei.core.formpages import confirm_step, form_attempt, form_page, form_submit, message_attempt, posted_version
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency, unit_list
from anwei.tracking.selectors import tracked_item_ids_visible

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


# --- checklists ------------------------------------------------------------------------------------------

@login_required
def checklist_list(request):
    agency = person_primary_agency(request.user)
    can_manage = agency is not None and policy.may(request.user, "assessments.checklist.manage", agency)
    return render(request, "assessments/checklist_list.html", {
        "page": _page(request, selectors.checklist_list(person=request.user)), "can_manage": can_manage})


@login_required
def checklist_create(request):
    agency = _home_agency(request, "assessments.checklist.manage")
    form = ChecklistForm(request.POST or None)
    template, _ = form_submit(request, form, lambda c: services.checklist_create(
        actor=request.user, agency=agency, name=c["name"], kind=c["kind"], description=c["description"]),
        lambda t: f"已新增檢查表「{t.name}」，請加入檢查項目。")
    if template:
        return redirect("assessments:checklist_detail", pk=template.pk)
    return render(request, "assessments/checklist_form.html", {"form": form})


@login_required
@require_POST
def checklist_install_defaults(request):
    agency = _home_agency(request, "assessments.checklist.manage")
    made = services.checklist_defaults_install(actor=request.user, agency=agency)
    messages.success(request, f"已建立 {len(made)} 份預設檢查表。" if made else "預設檢查表都已建立。")
    return redirect("assessments:checklist_list")


@login_required
def checklist_detail(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk)
    return render(request, "assessments/checklist_detail.html", {
        "template": template, "items": selectors.checklist_items(template=template),
        "can_manage": policy.may(request.user, "assessments.checklist.manage", template),
        "item_form": ChecklistItemForm()})


@login_required
def checklist_edit(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk, action="assessments.checklist.manage")
    initial = {"name": template.name, "kind": template.kind, "description": template.description,
               "is_active": template.is_active, "version": template.version}
    form = ChecklistForm(request.POST or None, initial=initial)
    saved, conflict = form_submit(request, form, lambda c: services.checklist_update(
        actor=request.user, template=template, expected_version=c["version"] or 0, name=c["name"], kind=c["kind"],
        description=c["description"], is_active=c["is_active"]), "已儲存。")
    if saved:
        return redirect("assessments:checklist_detail", pk=template.pk)
    return form_page(request, "assessments/checklist_form.html", {"form": form, "template": template}, conflict)


@login_required
@require_POST
def checklist_item_add(request, pk: int):
    template = selectors.checklist_get(person=request.user, pk=pk, action="assessments.checklist.manage")
    form = ChecklistItemForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        services.checklist_item_add(actor=request.user, template=template, section=c["section"], text=c["text"],
                                    answer_kind=c["answer_kind"], corrective_required=c["corrective_required"],
                                    order=c["order"])
        messages.success(request, "已新增檢查項目。")
        return redirect("assessments:checklist_detail", pk=template.pk)
    return render(request, "assessments/checklist_detail.html", {
        "template": template, "items": selectors.checklist_items(template=template), "can_manage": True,
        "item_form": form})


@login_required
def checklist_item_edit(request, pk: int):
    item = selectors.checklist_item_get(person=request.user, pk=pk)
    form = ChecklistItemForm(request.POST) if request.method == "POST" else ChecklistItemForm.for_item(item)
    saved, conflict = form_submit(request, form, lambda c: services.checklist_item_revise(
        actor=request.user, item=item, expected_version=c["version"] or 0, section=c["section"], text=c["text"],
        answer_kind=c["answer_kind"], corrective_required=c["corrective_required"],
        order=item.order if c["order"] is None else c["order"]),
        "已修訂檢查項目（已填寫的自評表保留原題目）。")
    if saved:
        return redirect("assessments:checklist_detail", pk=item.template_id)
    return form_page(request, "assessments/checklist_item_form.html", {"form": form, "item": item}, conflict)


@login_required
@require_POST
def checklist_item_retire(request, pk: int):
    item = selectors.checklist_item_get(person=request.user, pk=pk)
    if message_attempt(request, lambda: services.checklist_item_retire(actor=request.user, item=item),
                       conflict=lambda current: f"此檢查項目在您開啟後已修訂為第{current.version}版，尚未停用；"
                                                "請看過目前的內容後再決定。").done:
        messages.success(request, "已停用此檢查項目。")
    return redirect("assessments:checklist_detail", pk=item.template_id)


# --- rounds ----------------------------------------------------------------------------------------------

@login_required
def round_list(request):
    agency = person_primary_agency(request.user)
    return render(request, "assessments/round_list.html", {
        "page": _page(request, selectors.round_list(person=request.user)),
        "mine": _page(request, selectors.assessment_list(person=request.user)),
        "can_manage": agency is not None and policy.may(request.user, "assessments.round.manage", agency)})


@login_required
def round_create(request):
    agency = _home_agency(request, "assessments.round.manage")
    assignments = selectors.plan_assignments_for(agency=agency)
    initial = {}
    if (request.GET.get("assignment") or "").isdigit():
        initial["plan_assignment"] = assignments.filter(pk=int(request.GET["assignment"])).first()
        if initial["plan_assignment"]:
            initial["deadline"] = initial["plan_assignment"].due
    form = RoundForm(request.POST or None, agency=agency, templates=selectors.checklists_for(agency=agency),
                     assignments=assignments, initial=initial)
    rnd, _ = form_submit(request, form, lambda c: services.round_create(
        actor=request.user, agency=agency, title=c["title"], deadline=c["deadline"], instructions=c["instructions"],
        templates=c["templates"], units=c["units"], agencies=c["agencies"], plan_assignment=c["plan_assignment"]),
        lambda r: f"已發起自評「{r.title}」，共 {r.assessments.count()} 份待填。")
    if rnd:
        return redirect("assessments:round_detail", pk=rnd.pk)
    return render(request, "assessments/round_form.html", {"form": form})


@login_required
def round_detail(request, pk: int):
    """Completion status: who has submitted, who has not, how many 不符合 each."""
    rnd = selectors.round_get(person=request.user, pk=pk)
    status = request.GET.get("status", "")
    if status not in SelfAssessment.Status.values:
        status = ""
    return render(request, "assessments/round_detail.html", {
        "round": rnd, "templates": rnd.templates.all(), "summary": selectors.round_summary(rnd=rnd),
        "page": _page(request, selectors.round_completion(rnd=rnd, status=status)), "status": status,
        "statuses": SelfAssessment.Status.choices, "query": f"status={status}" if status else "",
        "today": timezone.localdate(),
        "can_manage": policy.may(request.user, "assessments.round.manage", rnd)})


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
def round_nonconformities(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk)
    page = _page(request, selectors.round_nonconformities(rnd=rnd))
    return render(request, "assessments/round_nonconformities.html", {
        "round": rnd, "page": page, "trackable": selectors.answers_trackable(request.user, page),
        "tracked_visible": _tracked_visible(request, page)})


def _tracked_visible(request, answers) -> set[int]:
    """The tracked items of these answers that the person may open (the others are named, not linked)."""
    return tracked_item_ids_visible(person=request.user, ids=[a.tracked_item_id for a in answers if a.tracked_item_id])


@login_required
def answer_track(request, pk: int):
    """A submitted form's 不符合 answer becomes a tracked deficiency (自評缺失)."""
    answer = selectors.answer_get(person=request.user, pk=pk)
    a = answer.assessment
    corrective = f"（改善措施：{answer.corrective_action}）" if answer.corrective_action else ""
    form = AnswerTrackForm(request.POST or None, units=unit_list(person=request.user, agency=a.agency), initial={
        "text": f"自評「{answer.item_text}」不符合{corrective}", "lead_unit": a.unit})
    item, _ = form_submit(request, form, lambda c: services.answer_track(
        actor=request.user, answer=answer, text=c["text"], lead_unit=c["lead_unit"], due_date=c["due_date"]),
        lambda i: f"已列管為{i}，由{i.units_label()}填報改善情形。")
    if item:
        return redirect("tracking:item_detail", pk=item.pk)
    return render(request, "assessments/answer_track.html", {"answer": answer, "a": a, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def round_remind(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk, action="assessments.round.manage")
    n = services.round_remind(actor=request.user, rnd=rnd)
    messages.success(request, f"已催報 {n} 份未送出的自評表（於各單位首頁待辦事項顯示）。" if n else "所有自評表皆已送出。")
    return redirect("assessments:round_detail", pk=rnd.pk)


@login_required
@require_POST
def round_close(request, pk: int):
    rnd = selectors.round_get(person=request.user, pk=pk, action="assessments.round.manage")
    asked = confirm_step(request, question=f"確定結束「{rnd.title}」？", action="結束梯次",
                         detail="結束後尚未送出的自評表不能再填寫或送出。")
    if asked is not None:
        return asked
    services.round_close(actor=request.user, rnd=rnd)
    messages.success(request, "已結束此梯次，未送出的自評表不能再填寫。")
    return redirect("assessments:round_detail", pk=rnd.pk)


# --- assessments -----------------------------------------------------------------------------------------

def _assessment_context(request, assessment, form, conflict=None):
    return {"a": assessment, "form": form, "conflict": conflict,
            "rows": form.bound_rows(), "trackable": selectors.answers_trackable(request.user, form.rows),
            "tracked_visible": _tracked_visible(request, form.rows),
            "problems": selectors.assessment_problems(assessment) if assessment.answers.exists() else {},
            "can_fill": assessment.is_editable() and policy.may(request.user, assessment.fill_action(), assessment),
            "can_confirm": (assessment.status != SelfAssessment.Status.SUBMITTED and not assessment.round.closed
                            and selectors.assessment_may_confirm(request.user, assessment)),
            "can_see_round": policy.may(request.user, "assessments.round.view", assessment.round)}


@login_required
def assessment_detail(request, pk: int):
    assessment = selectors.assessment_get(person=request.user, pk=pk)
    rows = selectors.assessment_rows(assessment)
    if request.method == "POST":
        if not (assessment.is_editable() and policy.may(request.user, assessment.fill_action(), assessment)):
            raise Http404("找不到此頁面")
        form = AssessmentForm(request.POST, rows=rows)
        if form.is_valid():
            attempt = form_attempt(form, lambda: services.assessment_save(
                actor=request.user, assessment=assessment, expected_version=form.cleaned_data["version"] or 0,
                values=form.values()))
            if attempt.done:
                messages.success(request, "已儲存自評表。")
                return redirect("assessments:assessment_detail", pk=assessment.pk)
            if attempt.conflict is not None:  # the rows were read for this request: they show the other's answers
                return render(request, "assessments/assessment_detail.html",
                              _assessment_context(request, assessment, form, conflict=attempt.conflict), status=409)
        return render(request, "assessments/assessment_detail.html", _assessment_context(request, assessment, form))
    form = AssessmentForm(rows=rows, initial={"version": assessment.version})
    return render(request, "assessments/assessment_detail.html", _assessment_context(request, assessment, form))


def _assessment_step(request, pk: int, step: str):
    assessment = selectors.assessment_get(person=request.user, pk=pk)
    if step == "send":
        _require(request.user, assessment.fill_action(), assessment)
    elif not selectors.assessment_may_confirm(request.user, assessment):
        raise Http404("找不到此頁面")
    version, note = posted_version(request), request.POST.get("note", "")
    calls = {
        "send": (lambda: services.assessment_send(actor=request.user, assessment=assessment,
                                                  expected_version=version), "已送單位主管確認。"),
        "confirm": (lambda: services.assessment_confirm(actor=request.user, assessment=assessment,
                                                        expected_version=version, note=note), "已確認並送出自評表。"),
        "return": (lambda: services.assessment_return(actor=request.user, assessment=assessment,
                                                      expected_version=version, note=note), "已退回承辦人修正。"),
    }
    call, done = calls[step]
    if message_attempt(request, call, conflict="此自評表在您開啟後已被其他人修改或送出，尚未執行；"
                                                "請看過下方目前的內容後再操作。").done:
        messages.success(request, done)
    return redirect("assessments:assessment_detail", pk=assessment.pk)


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
