"""The composed work report of a meeting, and the superior office's counts per subordinate agency."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.utils.http import content_disposition_header

from anwei.awareness.selectors import cases_usable
from anwei.core import clock
from anwei.core.formpages import form_attempt
from anwei.core.workdays import workday_add
from anwei.core.forms import form_rearm
from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate
from anwei.orgs import policy
from anwei.meetings.selectors import meeting_get
from anwei.portal.workreport import count_columns, period_label
from anwei.workreports import selectors, services
from anwei.workreports.forms import ComposeForm, CountsForm, RequestForm


@login_required
def compose(request, pk: int):
    """GET: the text the records give for the period (and, once composed, what changed since and how it
    would be carried into the edited text). POST 預覽 shows another period; POST 產生／套用 writes."""
    meeting = meeting_get(person=request.user, pk=pk, action="meeting.manage")
    composition = selectors.composition_for(meeting)
    report = composition.report if composition else selectors.work_report_for(meeting)
    start, end = (composition.start, composition.end) if composition else selectors.default_period(meeting)
    initial = {"start": start, "end": end, "version": report.version if report else 0,
               "cases": list(composition.cases.all()) if composition else []}
    form = ComposeForm(request.POST or None, cases=cases_usable(agency=meeting.agency), initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        start, end, cases = c["start"], c["end"], list(c["cases"])
        if "apply" in request.POST:
            if composition is None:
                call = lambda: services.work_report_compose(  # noqa: E731
                    actor=request.user, meeting=meeting, start=start, end=end, cases=cases)
            else:
                call = lambda: services.work_report_recompose(  # noqa: E731
                    actor=request.user, composition=composition, expected_version=c["version"] or 0,
                    start=start, end=end, cases=cases)
            attempt = form_attempt(form, call)
            if attempt.done:
                clashes = attempt.value if isinstance(attempt.value, list) else []
                messages.success(request, "已產生工作報告，可在會議頁編輯文字。" if composition is None else
                                 "已帶入紀錄的變動" + (f"；有{len(clashes)}處與您修改的文字重疊，保留您的文字。"
                                                      if clashes else "。"))
                return redirect("workreports:compose", pk=meeting.pk)
            conflict = attempt.conflict
            if conflict is not None:
                composition = selectors.composition_for(meeting)  # the report as saved by the other person
    elif request.method == "POST":
        start = end = None
    preview = text = None
    if start and end and not form.errors:
        cases = list(form.cleaned_data["cases"]) if form.is_bound else initial["cases"]
        if composition is not None:
            preview = selectors.recompose_preview(composition, start, end, cases)
            if request.method == "GET" or conflict is not None:
                form = ComposeForm(cases=cases_usable(agency=meeting.agency), initial={
                    **initial, "start": start, "end": end, "cases": cases,
                    "version": composition.report.version})
            else:  # 預覽: applying it later must be against the text this preview was made from
                form_rearm(form, composition.report.version)
        else:
            text = selectors.compose_text(meeting.agency, start, end, cases)
    return render(request, "workreports/compose.html", {
        "meeting": meeting, "form": form, "composition": composition, "report": report, "preview": preview,
        "text": text, "conflict": conflict, "period": period_label(start, end) if start and end else ""},
        status=409 if conflict is not None else 200)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _counts_args(request):
    office, offices = selectors.counts_office(person=request.user, office_id=_int(request.GET.get("office")))
    today = clock.today()
    form = CountsForm(request.GET if "start" in request.GET else None,
                      initial={"start": today.replace(month=1, day=1), "end": today})
    start, end = today.replace(month=1, day=1), today
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return office, offices, form, start, end


def _headers():
    return [f"{c.label}" for _, c in count_columns()]


REQUESTS_SHOWN = 10  # the latest; all of them are plans of the 「其他」 occasion, listed there


def _counts_page(request, request_form=None, status: int = 200):
    office, offices, form, start, end = _counts_args(request)
    page, rows = selectors.counts_page(office=office, start=start, end=end, page=request.GET.get("page"))
    table = [(a, rows.get(a.pk, [])) for a in page.object_list]
    query = f"office={office.pk}&start={rocdate.format_slash(start)}&end={rocdate.format_slash(end)}"
    may_request = policy.may(request.user, "workreports.request", office)
    requests = selectors.report_requests(office=office, limit=REQUESTS_SHOWN + 1) if may_request else []
    if may_request and request_form is None:
        request_form = RequestForm(initial={"start": start, "end": end, "due": workday_add(clock.today(), 10, office.path)})
    return render(request, "workreports/counts.html", {
        "office": office, "offices": offices, "form": form, "page": page, "table": table, "headers": _headers(),
        "period": period_label(start, end), "query": query, "invalid": form.is_bound and not form.is_valid(),
        "request_form": request_form if may_request else None,
        "requests": requests[:REQUESTS_SHOWN], "requests_more": len(requests) > REQUESTS_SHOWN}, status=status)


@login_required
def counts(request):
    """Per subordinate agency, each provider's numbers for the period (no names, no personal data)."""
    return _counts_page(request)


@login_required
@require_POST
def request_create(request):
    """Ask the agencies below for their report of the period: a draft 函 the officer then reads and dispatches."""
    office, _offices = selectors.counts_office(person=request.user, office_id=_int(request.GET.get("office")))
    if not policy.may(request.user, "workreports.request", office):
        raise Http404("找不到此頁面")
    form = RequestForm(request.POST)
    if form.is_valid():
        c = form.cleaned_data
        attempt = form_attempt(form, lambda: services.report_request_create(
            actor=request.user, office=office, start=c["start"], end=c["end"], due=c["due"]))
        if attempt.done:
            messages.success(request, "已擬好要求報送工作報告的函，請檢視受文者與內容後發文。")
            return redirect("plans:letter_edit", pk=attempt.value.plan_id)
    return _counts_page(request, request_form=form, status=400)


@login_required
def counts_xlsx(request):
    office, _offices, form, start, end = _counts_args(request)
    agencies, rows = selectors.counts_all(office=office, start=start, end=end)
    columns = [("機關名稱", 30), ("機關代碼", 14)] + [(h, 10) for h in _headers()]
    data = xlsx_table(sheet="所屬機關工作統計", columns=columns,
                      title_rows=[[f"{office.name}所屬機關工作統計"], [f"期間：{period_label(start, end)}"]],
                      rows=([a.name, a.code or "", *rows.get(a.pk, [])] for a in agencies))
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"所屬機關工作統計{period_label(start, end)}.xlsx")
    response["Cache-Control"] = "private, no-store"
    return response
