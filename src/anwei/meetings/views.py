"""Meeting pages. Only the ethics officer edits (meeting.manage); the rest read (meeting.view)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from anwei.core.formpages import confirm_step, form_attempt, message_attempt, rows_attempt, table_attempt
from anwei.core.pagecache import page_render
from anwei.core.uploads import stored_file_response
from anwei.lib import rocdate
from anwei.meetings import services
from anwei.meetings.calendar import attends
from anwei.meetings.forms import (AgendaItemEditForm, AgendaItemForm, AttendanceForm, AttendanceRowForm,
                                  AttendanceTableForm, MeetingCreateForm, MeetingEditForm, ProposalForm, ReportForm,
                                  ResolveForm, RulingEditForm, RulingForm)
from anwei.meetings.models import AgendaItem, Attendance, Proposal, Report, Ruling, SecurityMeeting
from anwei.meetings.selectors import (agenda_end, agenda_minutes_from_end, agenda_timed, attendance_sheet, may_manage,
                                      meeting_child_get, meeting_detail, meeting_get, meeting_list,
                                      stored_file_for_meeting)
from anwei.orgs import policy
from anwei.orgs.models import Agency
from anwei.orgs.selectors import agency_list, person_primary_agency, unit_list
from anwei.tracking.forms import RoundOpenForm
from anwei.tracking.selectors import round_for, round_unit_status, tracked_item_ids_visible

FORMATS = ("odt", "pdf", "docx")


def _anchor(meeting, section: str):
    return redirect(reverse("meetings:detail", kwargs={"pk": meeting.pk}) + f"#{section}")


def _managed(request, pk: int):
    return meeting_get(person=request.user, pk=pk, action="meeting.manage")


@login_required
def meeting_list_view(request):
    meetings = meeting_list(person=request.user)
    if policy.scope(request.user, "meeting.view").empty:
        raise Http404("沒有可檢視的會議")
    page = Paginator(meetings, 20).get_page(request.GET.get("page"))
    return render(request, "meetings/list.html", {"page": page, "may_create": bool(_manageable_agencies(request))})


def _manageable_agencies(request) -> list[Agency]:
    return list(agency_list(person=request.user, action="meeting.manage"))


@login_required
def meeting_create(request):
    agencies = _manageable_agencies(request)
    if not agencies:
        raise Http404("您不能建立會議")
    primary = person_primary_agency(request.user)
    agency = primary if primary in agencies else agencies[0]
    form = MeetingCreateForm(request.POST or None, initial={"place": "", "recorder_name": request.user.full_name})
    if request.method == "POST" and form.is_valid():
        attempt = form_attempt(form, lambda: services.meeting_create(actor=request.user, agency=agency,
                                                                     **form.cleaned_data))
        if attempt.done:
            meeting = attempt.value
            messages.success(request, f"已建立{meeting.label}會議，並帶入標準程序表。")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/create.html", {"form": form, "agency": agency})


@dataclass(frozen=True)
class SectionForm:
    """A form of the meeting page that sits in a closed section: the basic data and the five 新增 forms."""

    section: str  # the page anchor it returns to
    action: str  # URL name it posts to
    button: str
    build: Callable[[SecurityMeeting], forms.Form]
    multipart: bool = False
    css: str = ""
    primary: bool = False


SECTION_FORMS = {
    "edit": SectionForm("basic", "meetings:edit", "儲存", lambda m: MeetingEditForm(initial={
        "version": m.version, **{f: getattr(m, f) for f in services.MEETING_FIELDS}}), primary=True),
    "agenda": SectionForm("agenda", "meetings:agenda_add", "新增",
                          lambda m: AgendaItemForm(prefix="new", initial={"minutes": 5}), css="toolbar"),
    "attendance": SectionForm("attendance", "meetings:attendance_add", "加入",
                              lambda m: AttendanceForm(agency=m.agency), css="toolbar"),
    "report": SectionForm("reports", "meetings:report_add", "新增", lambda m: ReportForm(agency=m.agency),
                          multipart=True),
    "proposal": SectionForm("proposals", "meetings:proposal_add", "新增",
                            lambda m: ProposalForm(agency=m.agency, initial={"version": 0}), multipart=True),
    "ruling": SectionForm("rulings", "meetings:ruling_add", "新增裁示", lambda m: RulingForm(meeting=m),
                          primary=True),
}


def _section_forms(request, meeting, bound: dict) -> dict:
    """Each closed section's form, built only when it is shown: bound after an error, or asked for
    with ?form= (the link a browser without JavaScript follows). Otherwise the section loads it when
    opened (meeting_section_form, by htmx): building and rendering all six on every view of the page
    was about half of its cost."""
    asked = request.GET.get("form")
    out = {}
    for name, spec in SECTION_FORMS.items():
        form = bound.get(f"{name}_form") or (spec.build(meeting) if name == asked else None)
        out[name] = {"name": name, "spec": spec, "form": form, "open": form is not None,
                     "action": reverse(spec.action, args=[meeting.pk]),
                     "fragment": reverse("meetings:section_form", args=[meeting.pk, name])}
    return out


def _detail_context(request, meeting, **bound) -> dict:
    data = meeting_detail(meeting)
    manage = may_manage(request.user, meeting)
    rnd = round_for(meeting)
    from anwei.meetings.documents import directive_rows

    rows = directive_rows(meeting)
    given = [i.pk for r in data["rulings"] + data["proposals"] + data["extempore"] for i in r.tracked_items.all()]
    ctx = {"meeting": meeting, "manage": manage, "round": rnd, "rows": rows, "edit_conflict": bound.get("edit_conflict"),
           "agenda_errors": bound.get("agenda_errors", []), "attends": attends(request.user, meeting),
           "may_see_round": rnd is not None and policy.may(request.user, "tracking.overview", meeting.agency),
           # (those who see all of the agency's items, as the officer and the head do, need no query)
           "visible_items": (given if policy.may(request.user, "tracking.view", meeting.agency)
                             else tracked_item_ids_visible(person=request.user, ids=given)),
           "unit_status": round_unit_status(rows) if rnd else [], **data}
    ctx["sheet"] = sheet = attendance_sheet(meeting)
    if manage:
        ctx["section_forms"] = _section_forms(request, meeting, bound)
        row_forms = bound.get("attendance_rows", {})
        for line in sheet:
            a = line.attendance
            line.form = row_forms.get(line.key) or AttendanceRowForm(prefix=line.key, initial={
                "status": a.status if a else "", "name": line.name,
                "represented_by": a.represented_by if a else (line.deputy.display_with_title() if line.deputy else "")})
        ctx["attendance_table"] = bound.get("attendance_table") or AttendanceTableForm(
            initial={"version": meeting.attendance_version})
        ctx["attendance_errors"] = bound.get("attendance_errors", [])
        ctx["attendance_conflict"] = bound.get("attendance_conflict")
        for t in data["agenda"]:
            t.form = bound.get(f"agenda_{t.item.pk}") or AgendaItemEditForm(prefix=f"a{t.item.pk}", initial={
                "version": t.item.version, "title": t.item.title, "minutes": t.item.minutes,
                "presenter": t.item.presenter, "note": t.item.note})
            t.conflict = bound.get(f"agenda_conflict_{t.item.pk}")
        has_proposals = bool(data["proposals"] or data["extempore"])
        units = list(unit_list(person=request.user, agency=meeting.agency)) if has_proposals else []
        for p in data["proposals"] + data["extempore"]:
            p.resolve_form = bound.get(f"resolve_{p.pk}") or ResolveForm(
                prefix=f"p{p.pk}", units=units, tracked=bool(p.tracked_items.all()), initial={
                    "version": p.version, "resolution": p.resolution, "resolution_text": p.resolution_text})
    return ctx


def _render_detail(request, meeting, status=200, **bound):
    return render(request, "meetings/detail.html", _detail_context(request, meeting, **bound), status=status)


@login_required
def meeting_section_form(request, pk: int, name: str):
    """One closed section's empty form, loaded when the section is opened."""
    meeting = _managed(request, pk)
    spec = SECTION_FORMS.get(name)
    if spec is None:
        raise Http404("沒有這個表單")
    return render(request, "meetings/_section_form_body.html", {"s": {
        "spec": spec, "form": spec.build(meeting), "action": reverse(spec.action, args=[meeting.pk])}})


@login_required
def meeting_detail_view(request, pk: int):
    meeting = meeting_get(person=request.user, pk=pk)
    return page_render(request, "meetings/detail.html", lambda: _detail_context(request, meeting))


@login_required
def meeting_ics(request, pk: int):
    """The meeting as one calendar event, for those who attend it."""
    from anwei.meetings.calendar import attends, meeting_event
    from anwei.notifications.calendar import ics

    meeting = meeting_get(person=request.user, pk=pk)
    if not attends(request.user, meeting):
        raise Http404("找不到此頁面")
    response = HttpResponse(ics([meeting_event(meeting)], meeting.full_title()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@login_required
@require_POST
def meeting_edit(request, pk: int):
    meeting = _managed(request, pk)
    form = MeetingEditForm(request.POST)
    if form.is_valid():
        d = dict(form.cleaned_data)
        version = d.pop("version")
        attempt = form_attempt(form, lambda: services.meeting_update(actor=request.user, meeting=meeting,
                                                                     expected_version=version, **d))
        if attempt.done:
            messages.success(request, "已儲存會議資料。")
            return _anchor(meeting, "basic")
        if attempt.conflict is not None:  # what was typed stays, beside what the other person saved
            meeting = attempt.conflict
            other = "\n".join(f"{MeetingEditForm.base_fields[f].label}：{getattr(meeting, f) or ''}"
                               for f in ("place", "chair_name", "recorder_name", "opening_remarks", "conclusion"))
            return _render_detail(request, meeting, status=409, edit_form=form, edit_conflict=other)
    return _render_detail(request, meeting, status=400, edit_form=form)


# --- agenda --------------------------------------------------------------------------------------

def _agenda_values(form, start) -> dict:
    d = form.cleaned_data
    minutes = d.get("minutes")
    if d.get("end"):
        minutes = agenda_minutes_from_end(start=start, end=d["end"])
    return {"title": d["title"], "minutes": minutes, "presenter": d["presenter"], "note": d["note"]}


@login_required
@require_POST
def agenda_add(request, pk: int):
    meeting = _managed(request, pk)
    form = AgendaItemForm(request.POST, prefix="new")
    if form.is_valid():
        timed = agenda_timed(meeting)
        start = timed[-1].start if timed and timed[-1].end is None else agenda_end(timed, meeting)
        if form_attempt(form, lambda: services.agenda_item_add(
                actor=request.user, meeting=meeting, **_agenda_values(form, start))).done:
            return _anchor(meeting, "agenda")
    return _render_detail(request, meeting, status=400, agenda_form=form)


@login_required
@require_POST
def agenda_save(request, pk: int):
    """The agenda table saved as a whole (one 儲存 for every row): nothing typed in one row is lost by
    saving another. Rows someone else saved meanwhile come back with their values shown, what was
    typed kept, and can be saved again knowingly."""
    meeting = _managed(request, pk)
    rows, forms_by_pk = [], {}
    for t in agenda_timed(meeting):
        form = AgendaItemEditForm(request.POST, prefix=f"a{t.item.pk}")
        if f"a{t.item.pk}-version" not in request.POST:
            continue  # a row added meanwhile is not part of this table
        forms_by_pk[t.item.pk] = form
        if form.is_valid():
            values = form_attempt(form, lambda f=form, start=t.start: _agenda_values(f, start))
            if values.done:
                rows.append(services.AgendaRow(item=t.item, expected_version=form.cleaned_data["version"],
                                               **values.value))
    bound = {f"agenda_{pk}": form for pk, form in forms_by_pk.items()}
    if len(rows) < len(forms_by_pk):
        return _render_detail(request, meeting, status=400, **bound)
    attempt = rows_attempt(forms_by_pk, lambda: services.agenda_save(actor=request.user, meeting=meeting, rows=rows))
    if attempt.done:
        if attempt.value:
            messages.success(request, f"已儲存程序表（{attempt.value}列）。")
        return _anchor(meeting, "agenda")
    for item_pk, current in (attempt.conflict or {}).items():  # what was typed stays; saving again overwrites knowingly
        bound[f"agenda_conflict_{item_pk}"] = "\n".join(
            f"{AgendaItemForm.base_fields[f].label}：{getattr(current, f)}" for f in services.AGENDA_FIELDS)
    return _render_detail(request, meeting, status=409 if attempt.conflict else 400,
                          agenda_errors=attempt.errors, **bound)


@login_required
@require_POST
def agenda_delete(request, pk: int):
    item = meeting_child_get(person=request.user, model=AgendaItem, pk=pk)
    services.agenda_item_delete(actor=request.user, item=item)
    return _anchor(item.meeting, "agenda")


@login_required
@require_POST
def agenda_move(request, pk: int):
    item = meeting_child_get(person=request.user, model=AgendaItem, pk=pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.agenda_item_move(actor=request.user, item=item, offset=offset)
    return _anchor(item.meeting, "agenda")


# --- attendance, reports, proposals, rulings ----------------------------------------------------

def _add(request, pk: int, form_class, service, section: str, form_key: str, *, with_files: bool = False):
    """POST a section's add form: success goes back to the section, errors re-show the page."""
    meeting = _managed(request, pk)
    if form_class is RulingForm:
        form = form_class(request.POST, meeting=meeting)
    else:
        form = form_class(request.POST, request.FILES or None, agency=meeting.agency)
    if form.is_valid():
        d = {k: v for k, v in form.cleaned_data.items() if k not in ("file", "version")}
        if with_files:
            d["files"] = [form.cleaned_data["file"]] if form.cleaned_data.get("file") else []
        attempt = form_attempt(form, lambda: service(actor=request.user, meeting=meeting, **d))
        if attempt.done:
            obj = attempt.value
            if isinstance(obj, Ruling) and obj.actionable:
                messages.success(request, f"已列管為本次會議第{obj.tracked_items.get().number}項。")
            return _anchor(meeting, section)
    return _render_detail(request, meeting, status=400, **{form_key: form})


def _delete(request, model, pk: int, service, kwarg: str, section: str):
    obj = meeting_child_get(person=request.user, model=model, pk=pk)
    message_attempt(request, lambda: service(actor=request.user, **{kwarg: obj}))
    return _anchor(obj.meeting, section)


@login_required
@require_POST
def attendance_save(request, pk: int):
    """The attendance table saved as a whole: each roster line's 出席 / 代理出席 / 請假 with one 儲存;
    「全部出席」 saves the same and records every line still unrecorded as present."""
    meeting = _managed(request, pk)
    table = AttendanceTableForm(request.POST)
    lines = {line.key: line for line in attendance_sheet(meeting) if f"{line.key}-status" in request.POST}
    row_forms = {key: AttendanceRowForm(request.POST, prefix=key) for key in lines}
    bound = {"attendance_rows": row_forms, "attendance_table": table}
    if not (table.is_valid() and all(f.is_valid() for f in row_forms.values())):
        return _render_detail(request, meeting, status=400, **bound)
    everyone = "all_present" in request.POST

    def status(key: str, d: dict) -> str:
        if d["status"] or not everyone:
            return d["status"]
        if lines[key].person is None and not d["name"].strip():
            return ""  # a unit's empty line stays empty
        # one away that day, with a deputy named in the stand-in box, is represented by them
        away = lines[key].deputy is not None and d["represented_by"].strip()
        return Attendance.Status.REPRESENTED if away else Attendance.Status.PRESENT

    rows = [services.AttendanceRow(key=key, name=f.cleaned_data["name"], status=status(key, f.cleaned_data),
                                   represented_by=f.cleaned_data["represented_by"]) for key, f in row_forms.items()]
    attempt = table_attempt(table, row_forms, lambda: services.attendance_save(
        actor=request.user, meeting=meeting, expected_version=table.cleaned_data["version"] or 0, rows=rows))
    if attempt.done:
        n = attempt.value
        messages.success(request, f"已儲存出席情形：出席{n['present']}人、代理出席{n['represented']}人、請假{n['absent']}人。")
        return _anchor(meeting, "attendance")
    if (current := attempt.conflict) is not None:  # what was typed stays; saving again overwrites knowingly
        bound["attendance_conflict"] = "\n".join(
            f"{a.unit.name + ' ' if a.unit_id else ''}{a.name}：{a.get_status_display()}"
            + (f"（{a.represented_by}代理）" if a.represented_by else "") for a in current.rows) or "（全部未登錄）"
    return _render_detail(request, meeting, status=409 if attempt.conflict else 400,
                          attendance_errors=attempt.errors, **bound)


@login_required
@require_POST
def attendance_add(request, pk: int):
    return _add(request, pk, AttendanceForm, services.attendance_add, "attendance", "attendance_form")


@login_required
@require_POST
def attendance_delete(request, pk: int):
    return _delete(request, Attendance, pk, services.attendance_delete, "attendance", "attendance")


@login_required
@require_POST
def report_add(request, pk: int):
    return _add(request, pk, ReportForm, services.report_add, "reports", "report_form", with_files=True)


@login_required
def report_edit(request, pk: int):
    report = meeting_child_get(person=request.user, model=Report, pk=pk)
    meeting = report.meeting
    form = ReportForm(request.POST or None, request.FILES or None, agency=meeting.agency, initial={
        "version": report.version, "kind": report.kind, "title": report.title, "unit": report.unit,
        "presenter": report.presenter, "body": report.body})
    conflict = None
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        file, version = d.pop("file"), d.pop("version")
        attempt = form_attempt(form, lambda: services.report_update(
            actor=request.user, report=report, expected_version=version or 0, files=[file] if file else [], **d))
        if attempt.done:
            return _anchor(meeting, "reports")
        conflict = attempt.conflict
    return render(request, "meetings/report_edit.html", {"report": report, "meeting": meeting, "form": form,
                                                         "conflict": conflict})


@login_required
@require_POST
def report_delete(request, pk: int):
    return _delete(request, Report, pk, services.report_delete, "report", "reports")


@login_required
@require_POST
def proposal_add(request, pk: int):
    return _add(request, pk, ProposalForm, services.proposal_add, "proposals", "proposal_form", with_files=True)


@login_required
def proposal_edit(request, pk: int):
    proposal = meeting_child_get(person=request.user, model=Proposal, pk=pk)
    meeting = proposal.meeting
    conflict = None
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES, agency=meeting.agency)
        if form.is_valid():
            d = form.cleaned_data
            attempt = form_attempt(form, lambda: services.proposal_update(
                actor=request.user, proposal=proposal, expected_version=d["version"], subject=d["subject"],
                unit=d["unit"], explanation=d["explanation"], method=d["method"],
                files=[d["file"]] if d["file"] else []))
            if attempt.done:
                return _anchor(meeting, "proposals")
            conflict = attempt.conflict
    else:
        form = ProposalForm(agency=meeting.agency, initial={
            "version": proposal.version, "kind": proposal.kind, "unit": proposal.unit, "subject": proposal.subject,
            "explanation": proposal.explanation, "method": proposal.method})
    form.fields["kind"].disabled = True
    return render(request, "meetings/proposal_edit.html", {"proposal": proposal, "meeting": meeting, "form": form,
                                                           "conflict": conflict})


@login_required
@require_POST
def proposal_resolve(request, pk: int):
    proposal = meeting_child_get(person=request.user, model=Proposal, pk=pk)
    tracked = proposal.tracked_items.first()
    form = ResolveForm(request.POST, prefix=f"p{proposal.pk}", tracked=tracked is not None,
                       units=unit_list(person=request.user, agency=proposal.meeting.agency))
    if form.is_valid():
        d = dict(form.cleaned_data)
        version = d.pop("version")
        attempt = form_attempt(form, lambda: services.proposal_resolve(
            actor=request.user, proposal=proposal, expected_version=version, **d))
        if attempt.done:
            item = proposal.tracked_items.first()
            if item is not None and tracked is None:
                messages.success(request, f"已記錄決議，並列管為本次會議第{item.number}項。")
            return _anchor(proposal.meeting, f"proposal-{proposal.pk}")
        if (other := attempt.conflict) is not None:
            form.add_error(None, f"此提案已被其他人修改（對方的決議：{other.resolution_text or other.get_resolution_display()}）"
                                 "，請確認後再儲存。")
    return _render_detail(request, proposal.meeting, status=400, **{f"resolve_{proposal.pk}": form})


@login_required
@require_POST
def proposal_delete(request, pk: int):
    return _delete(request, Proposal, pk, services.proposal_delete, "proposal", "proposals")


@login_required
@require_POST
def ruling_add(request, pk: int):
    return _add(request, pk, RulingForm, services.ruling_add, "rulings", "ruling_form")


RULING_CONFLICT_FIELDS = ("section", "subject", "text")


@login_required
def ruling_edit(request, pk: int):
    ruling = meeting_child_get(person=request.user, model=Ruling, pk=pk)
    meeting = ruling.meeting
    item = ruling.tracked_items.select_related("lead_unit").first()
    form = RulingEditForm(request.POST or None, meeting=meeting, tracked=item is not None, initial={
        "version": ruling.version, "section": ruling.section, "report": ruling.report, "proposal": ruling.proposal,
        "subject": ruling.subject, "text": ruling.text, "actionable": ruling.actionable})
    conflict, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            d = dict(form.cleaned_data)
            version = d.pop("version")
            attempt = form_attempt(form, lambda: services.ruling_update(actor=request.user, ruling=ruling,
                                                                        expected_version=version, **d))
            if attempt.done:
                ruling = attempt.value
                tracked = ruling.tracked_items.first()
                if tracked is not None and tracked.text != ruling.text:
                    messages.warning(request, f"列管事項第{tracked.number}項的文字曾在列管事項頁另行修改，未隨裁示更新；"
                                              "如需一致，請至該列管事項頁修改。")
                elif tracked is not None and item is None:
                    messages.success(request, f"已列管為本次會議第{tracked.number}項。")
                else:
                    messages.success(request, "已儲存裁示。")
                return _anchor(meeting, "rulings")
            if (current := attempt.conflict) is not None:  # what was typed stays; saving again overwrites knowingly
                conflict = "\n".join(f"{RulingForm.base_fields[f].label}："
                                      f"{current.get_section_display() if f == 'section' else getattr(current, f)}"
                                      for f in RULING_CONFLICT_FIELDS)
                status = 409
    return render(request, "meetings/ruling_edit.html", {"ruling": ruling, "meeting": meeting, "form": form,
                                                         "item": item, "conflict": conflict}, status=status)


@login_required
@require_POST
def ruling_delete(request, pk: int):
    return _delete(request, Ruling, pk, services.ruling_delete, "ruling", "rulings")


@login_required
def round_open(request, pk: int):
    """開始蒐集執行情形: a progress round for this meeting, over every item still under tracking."""
    meeting = _managed(request, pk)
    form = RoundOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["deadline"] > meeting.date:
        asked = confirm_step(
            request, action="仍設定此期限",
            question=f"填報期限 {rocdate.format_short(form.cleaned_data['deadline'])} 在會議日期"
                     f" {rocdate.format_short(meeting.date)} 之後，確定嗎？",
            detail="各單位將來不及在開會前填報執行情形，會議資料的執行情形欄會是空的。通常填報期限應在開會前一至二週。")
        if asked is not None:
            return asked
    if request.method == "POST" and form.is_valid():
        attempt = form_attempt(form, lambda: services.meeting_round_open(
            actor=request.user, meeting=meeting, deadline=form.cleaned_data["deadline"],
            title=form.cleaned_data["title"]))
        if attempt.done:
            rnd = attempt.value
            messages.success(request, f"已開始蒐集執行情形，共{rnd.items.count()}項列管事項。")
            return redirect("tracking:round_detail", pk=rnd.pk)
    return render(request, "meetings/round_open.html", {"meeting": meeting, "form": form})


@login_required
def attachment(request, pk: int, file_id: int):
    meeting = meeting_get(person=request.user, pk=pk)
    return stored_file_response(stored_file_for_meeting(meeting=meeting, file_id=file_id))


# --- documents -----------------------------------------------------------------------------------

def _preview(request, pk: int, kind: str, label: str):
    """A meeting document's HTML preview with its download buttons."""
    meeting = meeting_get(person=request.user, pk=pk)
    from anwei.documents.builders import document_build
    from anwei.documents.render import render_html_fragment

    return page_render(request, "meetings/document_preview.html", lambda: {
        "meeting": meeting, "kind": kind, "label": label,
        "fragment": render_html_fragment(document_build(f"meetings.{kind}", {"meeting_id": meeting.pk})),
        "formats": FORMATS})


@login_required
def packet(request, pk: int):
    return _preview(request, pk, "packet", "資料")


@login_required
def minutes(request, pk: int):
    return _preview(request, pk, "minutes", "紀錄")


def _document(request, pk: int, fmt: str, builder: str, suffix: str):
    meeting = meeting_get(person=request.user, pk=pk)
    if fmt not in FORMATS:
        raise Http404("不支援的檔案格式")
    from anwei.documents.http import document_response

    return document_response(request, builder=builder,
                             kwargs={"meeting_id": meeting.pk}, fmt=fmt,
                             filename=f"安全維護會報{meeting.label}會議{suffix}")


@login_required
def packet_document(request, pk: int, fmt: str):
    if fmt == "zip":  # 會議資料（含附件）: the packet as PDF and every attachment, in the packet's order
        meeting = meeting_get(person=request.user, pk=pk)
        from anwei.documents import fonts
        from anwei.documents.http import bundle_response, font_missing_response
        from anwei.documents.render import render
        from anwei.meetings.documents import packet_build, packet_files

        if not fonts.tc_font_available():
            return font_missing_response(request)
        name = f"安全維護會報{meeting.label}會議資料"
        packet = render(packet_build(meeting.pk, inline_files=False), "pdf")
        return bundle_response([(f"01_{name}.pdf", packet), *packet_files(meeting.pk)], filename=f"{name}（含附件）")
    return _document(request, pk, fmt, "meetings.packet", "資料")


@login_required
def minutes_document(request, pk: int, fmt: str):
    return _document(request, pk, fmt, "meetings.minutes", "紀錄")


@login_required
def signin(request, pk: int):
    """簽到表: the agency's roster with a blank to sign, 請假 and 代理 as recorded."""
    return _preview(request, pk, "signin", "簽到表")


@login_required
def signin_document(request, pk: int, fmt: str):
    return _document(request, pk, fmt, "meetings.signin", "簽到表")
