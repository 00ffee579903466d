"""Thin views: parse input, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import confirm_step, form_attempt, message_attempt
from anwei.core.pagecache import page_render
from anwei.core.uploads import stored_file_response
from anwei.documents.exchange import ExchangeInvalid
from anwei.documents.http import document_response, zip_response
from anwei.documents.render import render_html_fragment
from anwei.lib import rocdate
from anwei.orgs import policy
from anwei.orgs.models import Agency
from anwei.orgs.selectors import agency_list
from anwei.plans import documents as docs
from anwei.plans import selectors, services
from anwei.plans.exports import matrix_xlsx
from anwei.plans.gates import dispatch_gates
from anwei.plans.forms import (ContactFormSet, DutyFormSet, GroupForm, LetterForm, PlanCreateForm, PlanEditForm,
                               ReferenceFormSet, ResultForm, TemplateEditForm, formset_rows)
from anwei.plans.models import Letter, Occasion
from anwei.plans.outline import HELP_TEXT
from anwei.plans.periodcounts import duty_marks, period_counts, result_drafter_for
from anwei.plans.periods import period_days, period_sentence

PAGE = 50
DOC_KINDS = {"plan": "plans.plan", "duties": "plans.duties"}


def _managed_agency(person) -> Agency:
    """The agency whose plans this person writes."""
    agency = agency_list(person=person, action="plans.manage").first()
    if agency is None:
        raise Http404("您沒有撰寫專案計畫的權限")
    return agency


# --- plans ---------------------------------------------------------------------------

@login_required
def plan_list(request):
    occasion = request.GET.get("occasion", "")
    plans = selectors.plan_list(person=request.user, occasion=occasion if occasion in Occasion.values else "")
    page = Paginator(plans, PAGE).get_page(request.GET.get("page"))
    can_write = policy.holds_anywhere(request.user, "plans.manage")
    return render(request, "plans/plan_list.html", {
        "page": page, "occasions": Occasion.choices, "occasion": occasion, "can_write": can_write,
        "query": f"occasion={occasion}" if occasion else "", "assignments": selectors.assignment_inbox(
            person=request.user).filter(reported_at__isnull=True)[:10]})


@login_required
def plan_create(request):
    agency = _managed_agency(request.user)
    form = PlanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        template = selectors.template_for(agency=agency, occasion=c["occasion"])
        attempt = form_attempt(form, lambda: services.plan_create(
            actor=request.user, agency=agency, template=template, year=c["year"], election_name=c["election_name"],
            period_start=c["period_start"], period_end=c["period_end"]))
        if attempt.done:
            plan = attempt.value
            messages.success(request, f"已依範本建立「{plan.title}」，請檢視並修改各章節內容。")
            return redirect("plans:plan_edit", pk=plan.pk)
    return render(request, "plans/plan_create.html", {"form": form, "agency": agency})


@login_required
def plan_detail(request, pk: int):
    plan = selectors.plan_get(person=request.user, pk=pk)
    letter = selectors.plan_letter(plan=plan)
    can_manage = policy.may(request.user, "plans.manage", plan)
    # The contacts list is personal data for the agency itself; the superior office reads the plan text.
    insider = policy.may(request.user, "plans.contacts.view", plan)
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "letter": letter, "can_manage": can_manage, "insider": insider,
        "preview": render_html_fragment(docs.plan_document(plan_id=plan.pk)),
        "duties": plan.duties.all(), "contacts": plan.contacts.all(),
        "summary": selectors.matrix_summary(letter=letter) if letter and letter.is_dispatched else None,
        "period_counts": period_counts(plan, selectors.plan_agency_ids(plan=plan, letter=letter)),
        "duty_marks": duty_marks(plan, selectors.plan_agency_ids(plan=plan, letter=letter)),
        "can_record": policy.holds_anywhere(request.user, "awareness.manage"),
        "previous": selectors.plan_previous(plan=plan), "next_year": plan.year + 1,
        "period": period_sentence(plan.period_start, plan.period_end),
        "gates": dispatch_gates(plan) if letter is None or not letter.is_dispatched else []})


def _plan_formsets(plan, data=None):
    if data is None:
        refs = [{"issuer": r.issuer, "date": r.date, "number": r.number, "kind": r.kind} for r in plan.references.all()]
        duties = list(plan.duties.values("party", "duties"))
        contacts = list(plan.contacts.values("name", "role", "office_phone", "mobile", "fax"))
        return (ReferenceFormSet(prefix="ref", initial=refs), DutyFormSet(prefix="duty", initial=duties),
                ContactFormSet(prefix="contact", initial=contacts))
    return ReferenceFormSet(data, prefix="ref"), DutyFormSet(data, prefix="duty"), ContactFormSet(data, prefix="contact")


@login_required
def plan_edit(request, pk: int):
    plan = selectors.plan_get(person=request.user, pk=pk, action="plans.manage")
    conflict = None
    if request.method == "POST":
        form = PlanEditForm(request.POST, sections=plan.sections)
        refs, duties, contacts = _plan_formsets(plan, request.POST)
        valid = all([form.is_valid(), refs.is_valid(), duties.is_valid(), contacts.is_valid()])
        if valid:
            c = form.cleaned_data
            attempt = form_attempt(form, lambda: services.plan_update(
                actor=request.user, plan=plan, expected_version=c["version"] or 0, title=c["title"],
                election_name=c["election_name"], period_start=c["period_start"], period_end=c["period_end"],
                sections=form.sections_result(), result_workdays=c["result_workdays"],
                children=services.PlanChildren(formset_rows(refs), formset_rows(duties), formset_rows(contacts))))
            if attempt.done:
                messages.success(request, "計畫已儲存。")
                return redirect("plans:plan_detail", pk=plan.pk)
            conflict = attempt.conflict
    else:
        form = PlanEditForm(initial={"version": plan.version, "title": plan.title,
                                     "election_name": plan.election_name, "period_start": plan.period_start,
                                     "period_end": plan.period_end, "result_workdays": plan.result_workdays},
                            sections=plan.sections)
        refs, duties, contacts = _plan_formsets(plan)
    return render(request, "plans/plan_edit.html", {
        "plan": plan, "form": form, "refs": refs, "duties": duties, "contacts": contacts, "conflict": conflict,
        "conflict_period": conflict and period_sentence(conflict.period_start, conflict.period_end),
        "period_text": period_sentence(plan.period_start, plan.period_end), "outline_help": HELP_TEXT},
        status=409 if conflict else 200)


@login_required
def period_preview(request):
    """The period sentence for the dates being typed (htmx), so the day count follows the dates."""
    try:
        start = rocdate.parse(request.GET.get("period_start", ""))
        end = rocdate.parse(request.GET.get("period_end", ""))
    except rocdate.RocDateError:
        return HttpResponse("")
    if end < start:
        return HttpResponse('<span class="tag-danger">工作期間迄日不能早於起日。</span>')
    return HttpResponse(escape(period_sentence(start, end)))


@login_required
@require_POST
def plan_copy(request, pk: int):
    source = selectors.plan_get(person=request.user, pk=pk, action="plans.manage")
    asked = confirm_step(request, question=f"將「{source.title}」複製為{source.year + 1}年度的計畫？", action="複製",
                         detail="會建立一份新的計畫草稿，期間移到明年同一節日；原計畫不變。")
    if asked is not None:
        return asked
    plan = services.plan_copy(actor=request.user, source=source, year=source.year + 1)
    messages.success(request, f"已複製為「{plan.title}」，期間已移至{period_sentence(plan.period_start, plan.period_end)}"
                              "依據之函文請重新填寫。")
    return redirect("plans:plan_edit", pk=plan.pk)


@login_required
@require_POST
def plan_delete(request, pk: int):
    plan = selectors.plan_get(person=request.user, pk=pk, action="plans.manage")
    asked = confirm_step(request, question=f"確定刪除「{plan.title}」（含函稿）？", action="刪除")
    if asked is not None:
        return asked
    if not message_attempt(request, lambda: services.plan_delete(actor=request.user, plan=plan)).done:
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(request, f"已刪除「{plan.title}」。")
    return redirect("plans:plan_list")


@login_required
def plan_download(request, pk: int, kind: str, fmt: str):
    plan = selectors.plan_get(person=request.user, pk=pk)
    if kind not in DOC_KINDS:
        raise Http404("沒有這種文件")
    name = plan.title if kind == "plan" else docs.duty_table_title(plan)
    return document_response(request, builder=DOC_KINDS[kind], kwargs={"plan_id": plan.pk}, fmt=fmt, filename=name)


# --- templates -------------------------------------------------------------------------

@login_required
def template_list(request):
    agency = _managed_agency(request.user)
    return render(request, "plans/template_list.html", {
        "agency": agency, "templates": selectors.template_list(person=request.user, agency=agency)})


@login_required
@require_POST
def template_adopt(request, pk: int):
    agency = _managed_agency(request.user)
    default = selectors.template_get(person=request.user, pk=pk)
    if not default.is_default:
        raise Http404("只能採用預設範本")
    own = services.template_adopt(actor=request.user, agency=agency, default=default)
    messages.success(request, f"已採用為本機關範本「{own.name}」，可以開始修改。")
    return redirect("plans:template_edit", pk=own.pk)


@login_required
def template_edit(request, pk: int):
    template = selectors.template_get(person=request.user, pk=pk)
    if template.is_default:
        raise Http404("預設範本請先採用為本機關範本再修改")
    conflict = None
    if request.method == "POST":
        form = TemplateEditForm(request.POST, sections=template.sections)
        if form.is_valid():
            c = form.cleaned_data
            attempt = form_attempt(form, lambda: services.template_update(
                actor=request.user, template=template, expected_version=c["version"] or 0, name=c["name"],
                title_pattern=c["title_pattern"], lead_days=c["lead_days"], result_workdays=c["result_workdays"],
                sections=form.sections_result(), lead_unit=c["lead_unit"] or None))
            if attempt.done:
                messages.success(request, "範本已儲存。")
                return redirect("plans:template_list")
            conflict = attempt.conflict
    else:
        form = TemplateEditForm(initial={"version": template.version, "name": template.name,
                                         "title_pattern": template.title_pattern, "lead_days": template.lead_days,
                                         "lead_unit": template.lead_unit, "result_workdays": template.result_workdays}, sections=template.sections)
    return render(request, "plans/template_edit.html", {"template": template, "form": form, "conflict": conflict,
                                                         "outline_help": HELP_TEXT,
                                                         "example": selectors.template_example(template)},
                  status=409 if conflict else 200)


# --- recipient groups ---------------------------------------------------------------------

@login_required
def group_list(request):
    agency = _managed_agency(request.user)
    page = Paginator(selectors.group_list(person=request.user, agency=agency), PAGE).get_page(request.GET.get("page"))
    return render(request, "plans/group_list.html", {"agency": agency, "page": page})


def _group_form_page(request, agency, group):
    choices = selectors.recipient_choices(agency=agency)
    conflict = None
    if request.method == "POST":
        form = GroupForm(request.POST, choices=choices)
        if form.is_valid():
            c = form.cleaned_data
            attempt = form_attempt(form, lambda: services.group_save(
                actor=request.user, agency=agency, group=group, expected_version=c["version"], name=c["name"],
                agency_kind=c["agency_kind"], agencies=list(c["agencies"]), units=list(c["units"])))
            if attempt.done:
                messages.success(request, "受文者群組已儲存。")
                return redirect("plans:group_list")
            conflict = attempt.conflict
    elif group:
        form = GroupForm(initial={"version": group.version, "name": group.name, "agency_kind": group.agency_kind,
                                  "agencies": list(group.agencies.all()), "units": list(group.units.all())},
                         choices=choices)
    else:
        form = GroupForm(choices=choices)
    return render(request, "plans/group_edit.html", {"form": form, "group": group, "conflict": conflict},
                  status=409 if conflict else 200)


@login_required
def group_create(request):
    return _group_form_page(request, _managed_agency(request.user), None)


@login_required
def group_edit(request, pk: int):
    group = selectors.group_get(person=request.user, pk=pk)
    return _group_form_page(request, group.agency, group)


# --- letters -------------------------------------------------------------------------------

def _letter_initial(letter: Letter) -> dict:
    initial = {f: getattr(letter, f) for f in ("due",)}
    initial["version"] = letter.version
    for r in letter.recipients.all():
        prefix = "main" if r.copy == r.Copy.MAIN else "cc"
        if r.group_id:
            initial.setdefault(f"{prefix}_groups", []).append(r.group_id)
        elif r.target_unit_id:
            initial.setdefault(f"{prefix}_units", []).append(r.target_unit_id)
        elif r.target_agency_id:
            initial.setdefault(f"{prefix}_agencies", []).append(r.target_agency_id)
    return initial


@login_required
def letter_edit(request, pk: int):
    plan = selectors.plan_get(person=request.user, pk=pk, action="plans.manage")
    letter = selectors.plan_letter(plan=plan)
    if letter and letter.is_dispatched:
        messages.info(request, "此函已發文，不能再修改。")
        return redirect("plans:matrix", pk=letter.pk)
    choices = selectors.recipient_choices(agency=plan.agency)
    conflict = None
    if request.method == "POST":
        form = LetterForm(request.POST, instance=Letter(plan=plan, agency=plan.agency), choices=choices)
        if form.is_valid():
            c = form.cleaned_data
            attempt = form_attempt(form, lambda: services.letter_save(
                actor=request.user, plan=plan, letter=letter, expected_version=c["version"],
                fields=form.text_fields(),
                main=services.RecipientChoice(list(c["main_groups"]), list(c["main_agencies"]), list(c["main_units"])),
                cc=services.RecipientChoice(list(c["cc_groups"]), list(c["cc_agencies"]), list(c["cc_units"]))))
            if attempt.done:
                messages.success(request, "函稿已儲存；確認無誤後請按「發文」。")
                return redirect("plans:letter_edit", pk=plan.pk)
            conflict = attempt.conflict
    elif letter:
        form = LetterForm(instance=letter, initial=_letter_initial(letter), choices=choices)
    else:
        form = LetterForm(initial=selectors.letter_defaults(plan=plan, actor=request.user), choices=choices)
    preview = render_html_fragment(docs.letter_document(letter_id=letter.pk)) if letter else ""
    return render(request, "plans/letter_edit.html", {
        "plan": plan, "letter": letter, "form": form, "conflict": conflict, "preview": preview,
        "gates": dispatch_gates(plan) if letter is None or not letter.is_dispatched else []},
        status=409 if conflict else 200)


@login_required
@require_POST
def letter_dispatch(request, pk: int):
    plan = selectors.plan_get(person=request.user, pk=pk, action="plans.manage")
    letter = selectors.plan_letter(plan=plan)
    if letter is None:
        messages.error(request, "請先撰寫並儲存函稿，再發文。")
        return redirect("plans:letter_edit", pk=plan.pk)
    asked = confirm_step(request, question=f"確定發文「{letter.subject[:40]}」？", action="發文",
                         detail="發文後取得發文字號並分派給每一個正本受文者，函稿不能再修改。")
    if asked is not None:
        return asked
    attempt = message_attempt(request, lambda: services.letter_dispatch(actor=request.user, letter=letter))
    if not attempt.done:
        return redirect("plans:letter_edit", pk=plan.pk)
    letter = attempt.value
    messages.success(request, f"已發文：{letter.number}，正本受文者 {letter.recipient_count} 個。")
    return redirect("plans:matrix", pk=letter.pk)


@login_required
def letter_download(request, pk: int, fmt: str):
    letter = selectors.letter_get(person=request.user, pk=pk)
    if fmt == "zip":  # 電子公文 exchange files: .di + .sw + attachments
        try:
            data = docs.letter_exchange_zip(letter_id=letter.pk)
        except ExchangeInvalid as exc:
            messages.error(request, str(exc))
            return redirect("plans:matrix" if letter.is_dispatched else "plans:letter_edit",
                            pk=letter.pk if letter.is_dispatched else letter.plan_id)
        return zip_response(data, filename=f"{letter.agency.name}函{letter.number}_電子公文交換檔")
    return document_response(request, builder="plans.letter", kwargs={"letter_id": letter.pk},
                             fmt=fmt, filename=f"{letter.agency.name}函{letter.number}")


MATRIX_STATUSES = [("", "全部"), ("unreceived", "未簽收"), ("unreported", "未報送成果"), ("late", "逾期未報")]


@login_required
def matrix(request, pk: int):
    letter = selectors.letter_get(person=request.user, pk=pk)
    if not letter.is_dispatched:
        raise Http404("此函尚未發文")
    status = request.GET.get("status", "")
    return page_render(request, "plans/matrix.html", lambda: {
        "letter": letter, "plan": letter.plan, "status": status, "statuses": MATRIX_STATUSES,
        "page": Paginator(selectors.matrix_rows(letter=letter, status=status), PAGE).get_page(request.GET.get("page")),
        "summary": selectors.matrix_summary(letter=letter), "today": clock.today(),
        "can_manage": policy.may(request.user, "plans.manage", letter), "query": f"status={status}" if status else ""})


@login_required
def matrix_export(request, pk: int):
    letter = selectors.letter_get(person=request.user, pk=pk)
    if not letter.is_dispatched:
        raise Http404("此函尚未發文")
    response = HttpResponse(matrix_xlsx(letter=letter),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"執行情形_{letter.number}.xlsx")
    return response


@login_required
@require_POST
def letter_remind(request, pk: int):
    letter = selectors.letter_get(person=request.user, pk=pk, action="plans.manage")
    n = services.letter_remind_late(actor=request.user, letter=letter)
    messages.success(request, f"已催辦 {n} 個逾期未報送的受文者。" if n else "目前沒有逾期未報送的受文者。")
    return redirect("plans:matrix", pk=letter.pk)


# --- assignments (the recipient's side) ----------------------------------------------------

@login_required
def assignment_list(request):
    page = Paginator(selectors.assignment_inbox(person=request.user), PAGE).get_page(request.GET.get("page"))
    return render(request, "plans/assignment_list.html", {"page": page, "today": clock.today()})


@login_required
def assignment_detail(request, pk: int):
    assignment, can_respond = selectors.assignment_get(person=request.user, pk=pk)
    conflict = None
    drafter = result_drafter_for(assignment) if can_respond and assignment.reported_at is None else None
    text = assignment.result_text
    if drafter is not None and request.GET.get("draft") == "1":
        text = drafter.draft(assignment)  # a draft in the form only: nothing is saved until 報送
    form = ResultForm(initial={"version": assignment.version, "result_text": text})
    if request.method == "POST":
        if not can_respond:
            raise Http404("找不到此分派")
        form = ResultForm(request.POST, request.FILES)
        if form.is_valid():
            c = form.cleaned_data
            attempt = form_attempt(form, lambda: services.assignment_report(
                actor=request.user, assignment=assignment, expected_version=c["version"] or 0,
                result_text=c["result_text"], uploads=[c["file"]] if c.get("file") else []))
            if attempt.done:
                messages.success(request, "執行成果已報送。")
                return redirect("plans:assignment_detail", pk=assignment.pk)
            conflict = attempt.conflict
    letter = assignment.letter
    return render(request, "plans/assignment_detail.html", {
        "self_assessment_url": _self_assessment_url(request.user, assignment) if can_respond else "",
        "a": assignment, "letter": letter, "plan": letter.plan, "can_respond": can_respond, "form": form,
        "conflict": conflict, "files": assignment.files.select_related("stored"), "today": clock.today(),
        "late": assignment.is_late(clock.today()),
        "period_counts": period_counts(letter.plan, [assignment.agency_id]),
        "duty_marks": duty_marks(letter.plan, [assignment.agency_id]),
        "can_record": can_respond and policy.holds_anywhere(request.user, "awareness.manage"),
        "drafter": drafter,
        "doc_kinds": [("letter", "函"), ("plan", "計畫"), ("duties", "分工表")], "doc_formats": ["pdf", "odt", "docx"],
        "period": f"{rocdate.format_short(letter.plan.period_start)}至{rocdate.format_short(letter.plan.period_end)}"
                  f"（{period_days(letter.plan.period_start, letter.plan.period_end)}日）"},
        status=409 if conflict else 200)


def _self_assessment_url(person, assignment) -> str:
    """Where the recipient agency starts the self-assessment this plan asks for (the assessments app
    hangs its rounds on the assignment); empty if that app or the right is not there."""
    if assignment.unit_id or not policy.may(person, "plans.assignment.respond", assignment):
        return ""
    try:
        return reverse("assessments:round_create") + f"?assignment={assignment.pk}"
    except NoReverseMatch:
        return ""


@login_required
@require_POST
def assignment_receive(request, pk: int):
    assignment, can_respond = selectors.assignment_get(person=request.user, pk=pk)
    if not can_respond:
        raise Http404("找不到此分派")
    services.assignment_receive(actor=request.user, assignment=assignment)
    messages.success(request, "已簽收。")
    return redirect("plans:assignment_detail", pk=assignment.pk)


@login_required
def assignment_file(request, pk: int, file_pk: int):
    assignment, _ = selectors.assignment_get(person=request.user, pk=pk)
    return stored_file_response(selectors.assignment_file_get(assignment=assignment, pk=file_pk).stored)


@login_required
def assignment_download(request, pk: int, kind: str, fmt: str):
    """The dispatched documents, as the recipient received them."""
    assignment, _ = selectors.assignment_get(person=request.user, pk=pk)
    letter = assignment.letter
    if kind == "letter":
        return document_response(request, builder="plans.letter",
                                 kwargs={"letter_id": letter.pk, "assignment_id": assignment.pk}, fmt=fmt,
                                 filename=f"{letter.agency.name}函{letter.number}")
    if kind not in DOC_KINDS:
        raise Http404("沒有這種文件")
    name = letter.plan.title if kind == "plan" else docs.duty_table_title(letter.plan)
    return document_response(request, builder=DOC_KINDS[kind], kwargs={"plan_id": letter.plan_id}, fmt=fmt,
                             filename=name)
