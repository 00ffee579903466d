"""Tracking pages: the register, the liaison's page, progress reports, rounds, decisions, the head's view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from anwei.core import clock
from anwei.core.formpages import confirm_step, form_attempt, form_submit, message_attempt, posted_version
from anwei.core.pagecache import page_render
from anwei.orgs import policy
from anwei.orgs.selectors import person_primary_agency, unit_list
from anwei.tracking import services
from anwei.tracking.exports import register_xlsx as build_xlsx
from anwei.tracking.forms import (ALL_AGENCIES, DecideForm, ItemEditForm, ProgressReportForm, RegisterFilterForm,
                                  ReturnForm, ReviewRuleForm)
from anwei.tracking.sources import origin_kinds, source_link
from anwei.tracking.models import ProgressReport, TrackedItem, TrackingDecision
from anwei.tracking.selectors import (overview, progress_report_get, progress_round_get, register_agencies,
                                      register_years, report_may_review, review_rule_in_force, round_rows,
                                      round_unit_status, tracked_item_get, tracked_item_history, tracked_item_list,
                                      unit_reports)
from anwei.tracking.selectors import review_rules as review_rules_of

PAGE_SIZE = 25


def _register_scope(request) -> None:
    if policy.scope(request.user, "tracking.view").empty:
        raise Http404("沒有可檢視的列管事項")


def _register_agency(request, agencies) -> int | None:
    """The agency the register shows: the one asked for, else the person's own (else the first
    they see); None when someone who sees several agencies asks for all of them."""
    asked = request.GET.get("agency", "")
    if asked == ALL_AGENCIES and len(agencies) > 1:
        return None
    ids = [a.pk for a in agencies]
    if asked.isdigit() and int(asked) in ids:
        return int(asked)
    return request.user.agency_id if request.user.agency_id in ids else ids[0]


def _register_form(request):
    """The filter form and its filters. A superior office's register starts with its own agency:
    the whole subtree's history is one choice away (全部所屬機關), and the unit and meeting menus
    list only the chosen agency's (a subtree has thousands)."""
    agencies = register_agencies(person=request.user)
    if not agencies:
        raise Http404("沒有可檢視的列管事項")
    agency = _register_agency(request, agencies)
    data = request.GET.copy()
    if len(agencies) > 1:
        data["agency"] = str(agency or ALL_AGENCIES)  # pagination and export links keep the choice
    # The units by the chosen agency's literal id: a subquery here made PostgreSQL's server-side cursor,
    # which the select widget iterates, pick a plan that walks every unit (4 ms → 31 ms at 100× data).
    units = unit_list(person=request.user, agency=next(a for a in agencies if a.pk == agency)) if agency else None
    kinds = origin_kinds()
    origins = [(f"{k.key}:{pk}", label) for k in kinds for pk, label in k.choices(request.user, agency)] if agency else []
    form = RegisterFilterForm(data or None, agencies=agencies, agency=agency, units=units, origins=origins,
                              origin_label=kinds[0].filter_label if len(kinds) == 1 else "來源",
                              years=register_years(person=request.user, agency_id=agency))
    return form, form.filters()


@login_required
def register(request):
    _register_scope(request)

    def build() -> dict:
        form, filters = _register_form(request)
        page = Paginator(tracked_item_list(person=request.user, filters=filters), PAGE_SIZE).get_page(
            request.GET.get("page"))
        query = form.data.copy() if form.is_bound else request.GET.copy()
        query.pop("page", None)
        unsorted = query.copy()
        current = unsorted.pop("sort", ["origin"])[0]
        # Column headers sort; a second click on the same column reverses it.
        sort_links = {key: f"{unsorted.urlencode()}&sort={'-' + key if current == key else key}"
                      for key in ("origin", "due", "unit", "status")}
        return {"form": form, "page": page, "query": query.urlencode(), "sort_links": sort_links,
                "may_manage": _may_manage_any(request.user), "today": timezone.localdate()}

    return page_render(request, "tracking/register.html", build)


@login_required
def register_xlsx(request):
    form, filters = _register_form(request)
    data = build_xlsx(tracked_item_list(person=request.user, filters=filters))
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E5%88%97%E7%AE%A1%E4%BA%8B%E9%A0%85.xlsx"
    return response


@login_required
def register_document(request, fmt: str):
    from anwei.documents.http import document_response

    _, filters = _register_form(request)
    return document_response(request, builder="tracking.register",
                             kwargs={"person_id": request.user.pk, **filters.as_kwargs()}, fmt=fmt,
                             filename="列管事項一覽表")


def _may_manage_any(person) -> bool:
    return not policy.scope(person, "tracking.manage").empty


@login_required
def item_detail(request, pk: int):
    return _item_page(request, tracked_item_get(person=request.user, pk=pk))


def _item_page(request, item, decide_form=None, status=200):
    reports, decisions = tracked_item_history(item)
    may_manage = policy.may(request.user, "tracking.manage", item.agency)
    may_decide = may_manage and item.origin_id is None  # a meeting's items are decided at the meeting
    return render(request, "tracking/item_detail.html", {
        "item": item, "reports": reports, "decisions": decisions, "may_manage": may_manage,
        "origin": source_link(request.user, item.origin or item.source),
        "decide_form": decide_form or (DecideForm() if may_decide else None)}, status=status)


@login_required
@require_POST
def item_packet(request, pk: int):
    item = tracked_item_get(person=request.user, pk=pk)
    if not policy.may(request.user, "tracking.manage", item.agency):
        raise Http404("找不到此列管事項")
    if message_attempt(request, lambda: services.tracked_item_packet_set(
            actor=request.user, item=item, in_packet=request.POST.get("in_packet") == "1")).done:
        messages.success(request, "已列入下次會報資料。" if item.in_packet else "已自會報資料中移除。")
    return redirect("tracking:item_detail", pk=item.pk)


@login_required
def item_edit(request, pk: int):
    item = tracked_item_get(person=request.user, pk=pk)
    if not policy.may(request.user, "tracking.manage", item.agency):
        raise Http404("找不到此列管事項")
    conflict = None
    if request.method == "POST":
        form = ItemEditForm(request.POST, agency=item.agency)
        if form.is_valid():
            d = form.cleaned_data
            attempt = form_attempt(form, lambda: services.tracked_item_update(
                actor=request.user, item=item, expected_version=d["version"], text=d["text"],
                lead_unit=d["lead_unit"], all_units=d["all_units"], co_units=d["co_units"], due_date=d["due_date"]))
            if attempt.done:
                messages.success(request, "已儲存列管事項。")
                return redirect("tracking:item_detail", pk=item.pk)
            conflict = attempt.conflict
    else:
        form = ItemEditForm(initial={"version": item.version, "text": item.text, "lead_unit": item.lead_unit,
                                     "all_units": item.all_units, "co_units": list(item.co_units.all()),
                                     "due_date": item.due_date}, agency=item.agency)
    return render(request, "tracking/item_edit.html", {"item": item, "form": form, "conflict": conflict})


@login_required
def my_items(request):
    """The liaison's page: my unit's items awaiting progress this round, with the deadline."""
    from anwei.tracking.selectors import my_unit_ids

    if not my_unit_ids(request.user):
        raise Http404("您不是單位承辦人")

    def build() -> dict:
        rounds = {}
        for r in unit_reports(person=request.user):
            rounds.setdefault(r.round, []).append(r)
        return {"rounds": rounds.items(), "today": timezone.localdate(),
                "reviewable": policy.scope(request.user, "tracking.review").unit_ids}

    return page_render(request, "tracking/my_items.html", build)


@login_required
def report_edit(request, pk: int):
    report = progress_report_get(person=request.user, pk=pk, action="tracking.report")
    conflict = None
    if request.method == "POST":
        form = ProgressReportForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            attempt = form_attempt(form, lambda: services.progress_report_save(
                actor=request.user, report=report, expected_version=d["version"], text=d["text"],
                propose_release=d["propose_release"], release_reason=d["release_reason"]))
            if attempt.done:
                if attempt.value.status == ProgressReport.Status.AWAITING_HEAD:
                    messages.success(request, f"已將「{report.item}」的執行情形送單位主管核閱。")
                else:
                    messages.success(request, f"已送出「{report.item}」的執行情形。")
                if _is_unit_person(request.user, report):
                    return redirect("tracking:my_items")
                return redirect("tracking:round_detail", pk=report.round_id)
            conflict = attempt.conflict
    else:
        form = ProgressReportForm(initial={"version": report.version, "text": report.text,
                                           "propose_release": report.propose_release,
                                           "release_reason": report.release_reason})
    reports, decisions = tracked_item_history(report.item)
    return render(request, "tracking/report_edit.html", {
        "report": report, "item": report.item, "form": form, "conflict": conflict,
        "may_review": report_may_review(request.user, report),
        "history": [r for r in reports if r.pk != report.pk], "decisions": decisions})


@login_required
@require_POST
def report_review(request, pk: int):
    """The unit head's 核閱: pass the unit's report on to the ethics officer, or return it to the liaison."""
    report = progress_report_get(person=request.user, pk=pk, action="tracking.review")
    approve = request.POST.get("decision") == "approve"
    if message_attempt(request, lambda: services.progress_report_review(
            actor=request.user, report=report, expected_version=posted_version(request), approve=approve,
            comment=request.POST.get("comment", "")[:1000]),
            conflict="此執行情形在您開啟後已被修改，尚未核閱；請看過目前的內容後再決定。").done:
        messages.success(request, f"已核閱「{report.item}」的執行情形，送政風人員。" if approve
                         else f"已將「{report.item}」的執行情形退回承辦人。")
        return redirect("tracking:my_items")
    return redirect("tracking:report_edit", pk=report.pk)


@login_required
def review_rules(request):
    """The agency's rule: whether units' 執行情形 go through their unit head first (off unless a row says so)."""
    agency = person_primary_agency(request.user)
    if agency is None or not policy.may(request.user, "tracking.manage", agency):
        raise Http404("找不到此頁面")
    today = clock.today()
    form = ReviewRuleForm(request.POST or None, initial={"effective_from": today})
    rule, _ = form_submit(request, form, lambda c: services.review_rule_create(
        actor=request.user, agency=agency, effective_from=c["effective_from"],
        unit_head_review=c["unit_head_review"], note=c["note"]), "已新增執行情形核閱規則，自生效日起適用。")
    if rule:
        return redirect("tracking:review_rules")
    return render(request, "tracking/review_rules.html", {
        "agency": agency, "form": form, "in_force": review_rule_in_force(agency.pk, today),
        "history": review_rules_of(agency=agency)}, status=400 if request.method == "POST" else 200)


def _is_unit_person(person, report) -> bool:
    from anwei.tracking.selectors import my_unit_ids

    return report.unit_id in my_unit_ids(person)


@login_required
@require_POST
def report_return(request, pk: int):
    report = progress_report_get(person=request.user, pk=pk, action="tracking.manage")
    form = ReturnForm(request.POST)
    if form.is_valid():
        if message_attempt(request, lambda: services.progress_report_return(
                actor=request.user, report=report, comment=form.cleaned_data["comment"])).done:
            messages.success(request, f"已將{report.unit or '彙整'}的執行情形退回補正。")
    else:
        messages.error(request, "請填寫退回補正的意見。")
    return redirect(reverse("tracking:round_detail", kwargs={"pk": report.round_id})
                    + f"?open={report.item_id}#item-{report.item_id}")


@login_required
def round_detail(request, pk: int):
    """The officer's view of a round: who has not reported, reports to return, decisions."""
    rnd = progress_round_get(person=request.user, pk=pk, action="tracking.overview")
    rows = round_rows(rnd)
    return render(request, "tracking/round_detail.html", {
        "round": rnd, "rows": rows, "unit_status": round_unit_status(rows), "target": source_link(request.user, rnd.target),
        "open_item": int(request.GET["open"]) if request.GET.get("open", "").isdigit() else None,
        "may_manage": policy.may(request.user, "tracking.manage", rnd.agency)})


@login_required
@require_POST
def round_remind(request, pk: int):
    rnd = progress_round_get(person=request.user, pk=pk, action="tracking.manage")
    n = services.progress_round_remind(actor=request.user, rnd=rnd)
    messages.success(request, f"已催報{n}個單位（於其首頁待辦事項顯示）。" if n else "所有單位皆已填報。")
    return redirect("tracking:round_detail", pk=rnd.pk)


@login_required
@require_POST
def decide(request, pk: int, item_pk: int):
    rnd = progress_round_get(person=request.user, pk=pk, action="tracking.manage")
    item = rnd.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404("此事項不在這一輪列管範圍內")
    form = DecideForm(request.POST)
    decision, error = None, ""
    if (form.is_valid() and form.cleaned_data["decision"] == TrackingDecision.Decision.RELEASE
            and item.status != TrackedItem.Status.RELEASED):
        asked = confirm_step(request, question=f"確定{item}解除列管？", action="解除列管",
                             detail="解除後此事項不再出現在以後的會議資料與填報中；如需恢復，須再改為繼續列管。")
        if asked is not None:
            return asked
    if form.is_valid():
        decision = services.tracking_decide(actor=request.user, rnd=rnd, item=item,
                                            decision=form.cleaned_data["decision"], note=form.cleaned_data["note"])
    else:
        error = "請選擇繼續列管或解除列管。"
    if request.htmx:  # the table cell swaps in place during the meeting
        return render(request, "tracking/_decide_form.html", {
            "round": rnd, "item": item, "decision": decision or item.decisions.filter(round=rnd).first(),
            "saved": decision is not None, "error": error, "next": request.POST.get("next", ""),
            "with_note": "note" in request.POST})
    if decision:
        messages.success(request, f"{item}：{decision.get_decision_display()}。")
    else:
        messages.error(request, f"{item}：{error}")
    nxt = request.POST.get("next", "")
    if nxt.startswith("/") and not nxt.startswith("//"):
        return redirect(nxt + f"#item-{item.pk}")
    return redirect(reverse("tracking:round_detail", kwargs={"pk": rnd.pk}) + f"?open={item.pk}#item-{item.pk}")


@login_required
@require_POST
def item_decide(request, pk: int):
    """繼續/解除列管 on the item's own page (items of other sources than a meeting: a deficiency …)."""
    item = tracked_item_get(person=request.user, pk=pk)
    if not policy.may(request.user, "tracking.manage", item.agency):
        raise Http404("找不到此列管事項")
    form = DecideForm(request.POST)
    if form.is_valid() and form.cleaned_data["decision"] == TrackingDecision.Decision.RELEASE:
        asked = confirm_step(request, question=f"確定{item}解除列管？", action="解除列管",
                             detail=f"理由：{form.cleaned_data['note'] or '（未填）'}")
        if asked is not None:
            return asked
    if form.is_valid() and form_attempt(form, lambda: services.tracked_item_decide(
            actor=request.user, item=item, decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"])).done:
        messages.success(request, f"{item}：{TrackingDecision.Decision(form.cleaned_data['decision']).label}。")
        return redirect("tracking:item_detail", pk=item.pk)
    return _item_page(request, item, decide_form=form, status=400)


@login_required
def head_overview(request):
    if policy.scope(request.user, "tracking.overview").empty:
        raise Http404("沒有可檢視的列管事項")
    return render(request, "tracking/overview.html", {"ov": overview(person=request.user)})
