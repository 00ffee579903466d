"""Import pages: upload, progress, review (the draft beside the source text), unit names, confirm.
Only an agency's ethics officer (meetingimport.manage)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from anwei.core.forms import ConflictError
from anwei.core.formpages import confirm_step, form_attempt, message_attempt, posted_version
from anwei.meetingimports import services
from anwei.meetingimports.forms import (ROW_FORMS, UnitMapForm, UploadForm, annotate, problems_by_field,
                                        review_forms, review_values)
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.reading import import_file
from anwei.meetingimports.selectors import (UnitResolver, draft_unit_names, import_agencies, meeting_import_get,
                                            meeting_import_list, unmatched_names)
from anwei.meetingimports.values import draft_values


def _agencies(request):
    agencies = import_agencies(person=request.user)
    if not agencies:
        raise Http404("您不能匯入會議文件")
    return agencies


@login_required
def import_list(request, form: UploadForm | None = None):
    agencies = _agencies(request)
    page = Paginator(meeting_import_list(person=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "meetingimports/list.html", {
        "page": page, "form": form or UploadForm(agencies=agencies)})


@login_required
@require_POST
def import_upload(request):
    agencies = _agencies(request)
    form = UploadForm(request.POST, request.FILES, agencies=agencies)
    if not form.is_valid():
        return import_list(request, form)
    agency = next(a for a in agencies if a.pk == form.cleaned_data["agency"])
    done = []
    for upload in form.cleaned_data["files"]:  # each file on its own: one refused does not stop the others
        attempt = form_attempt(form, lambda u=upload: import_file(actor=request.user, agency=agency, upload=u))
        if attempt.done:
            done.append(attempt.value)
    if not done:
        return import_list(request, form)
    for error in form.errors.get("files", []):
        messages.error(request, error)
    messages.success(request, f"已上傳 {len(done)} 個檔案。" + ("大型檔案在背景讀取，完成後即可核對。"
                                                             if any(not i.is_finished for i in done) else ""))
    if len(done) == 1 and not form.errors:
        return redirect("meetingimports:detail", pk=done[0].pk)
    return redirect("meetingimports:list")


def _review_context(request, imp: MeetingImport, meeting_form=None, row_forms=None, unit_form=None) -> dict:
    values = draft_values(imp.draft or {})
    if meeting_form is None:
        meeting_form, row_forms = review_forms(imp, values)
    problems = problems_by_field(imp.draft or {})
    resolver = UnitResolver(imp.agency)
    current = values if not meeting_form.is_bound else (review_values(meeting_form, row_forms) or values)
    unmatched = unmatched_names(resolver, current)
    matched = [(n, resolver.resolve(n)) for n in draft_unit_names(current) if n not in unmatched]
    # names matched only by likeness (行政處 → 行政室) are asked about too, the likely unit chosen
    loose = {n: r for n, r in matched if r.how in ("stem", "abbreviation")}
    ask = unmatched + list(loose)
    initial = {f"n{k}": (UnitMapForm.ALL if loose[n].all_units else str(loose[n].unit.pk))
               for k, n in enumerate(ask) if n in loose}
    draft = imp.draft or {}
    sections = []
    for name, _, _ in ROW_FORMS:
        parts = draft.get(name, [])
        rows = [{"form": f, "fields": annotate(f, parts[int(f.prefix[1:])] if int(f.prefix[1:]) < len(parts)
                                               else None, problems),
                 "source": (parts[int(f.prefix[1:])] or {}).get("source") if int(f.prefix[1:]) < len(parts) else None,
                 "row_problems": problems.get(f"{f.prefix}-drop", [])}
                for f in row_forms[name]]
        sections.append((name, rows))
    return {
        "imp": imp, "meeting_form": meeting_form, "meeting_fields": annotate(meeting_form, draft, problems),
        "sections": sections, "titles": SECTION_TITLES,
        "document_problems": problems.get("", []),
        "unit_form": unit_form or UnitMapForm(names=ask, units=resolver.units, initial=initial),
        "matched": [(n, r) for n, r in matched if n not in loose], "unmatched": unmatched,
        "error_count": _error_count(meeting_form, row_forms), "lines": imp.lines,
    }


def _error_count(meeting_form, row_forms) -> int:
    if not meeting_form.is_bound:
        return 0
    forms_ = [meeting_form, *(f for fs in row_forms.values() for f in fs)]
    return sum(len(f.errors.get(name, [])) for f in forms_ for name in f.errors)


SECTION_TITLES = {"agenda": "程序表", "directives": "上次會議主席裁（指）示事項辦理情形（列管事項）",
                  "reports": "工作報告與專題報告", "proposals": "提案", "rulings": "主席裁示"}


@login_required
def import_detail(request, pk: int):
    imp = meeting_import_get(person=request.user, pk=pk)
    if not imp.is_finished or request.htmx:
        template = "meetingimports/_status.html" if request.htmx else "meetingimports/waiting.html"
        return render(request, template, {"imp": imp})
    if imp.state != MeetingImport.State.REVIEW:
        return render(request, "meetingimports/done.html", {"imp": imp})
    return render(request, "meetingimports/review.html", _review_context(request, imp))


def _review_or_404(request, pk: int) -> MeetingImport:
    imp = meeting_import_get(person=request.user, pk=pk)
    if imp.state != MeetingImport.State.REVIEW:
        messages.error(request, f"此匯入目前為「{imp.get_state_display()}」。")
    return imp


def _mappings_save(request, imp: MeetingImport, resolver: UnitResolver) -> UnitMapForm:
    """Save the unit names chosen on the review page (the names it asked about are posted with it);
    the officer's other corrections stay on the page."""
    names = list(dict.fromkeys(n.strip()[:100] for n in request.POST.getlist("name") if n.strip()))[:200]
    form = UnitMapForm(request.POST, names=names, units=resolver.units)
    if form.is_valid() and form.mappings():
        units = {str(u.pk): u for u in resolver.units}

        def save_all():
            for name, choice in form.mappings():
                services.unit_alias_save(actor=request.user, agency=imp.agency, name=name, unit=units.get(choice),
                                         all_units=choice == UnitMapForm.ALL)
            return len(form.mappings())

        attempt = form_attempt(form, save_all)
        if attempt.done:
            messages.success(request, f"已記住 {attempt.value} 個單位名稱的對應，之後的檔案也會沿用。")
            return None
    return form if form.errors else None


@login_required
@require_POST
def import_units(request, pk: int):
    """Map the names the agency's units do not match (remembered for the agency's next files) and show
    the review again with what the officer has typed so far."""
    imp = _review_or_404(request, pk)
    if imp.state != MeetingImport.State.REVIEW:
        return redirect("meetingimports:detail", pk=imp.pk)
    unit_form = _mappings_save(request, imp, UnitResolver(imp.agency))
    meeting_form, row_forms = review_forms(imp, draft_values(imp.draft or {}), data=request.POST)
    return render(request, "meetingimports/review.html", _review_context(
        request, imp, meeting_form=meeting_form, row_forms=row_forms, unit_form=unit_form))


@login_required
@require_POST
def import_confirm(request, pk: int):
    imp = _review_or_404(request, pk)
    if imp.state != MeetingImport.State.REVIEW:
        return redirect("meetingimports:detail", pk=imp.pk)
    unit_form = _mappings_save(request, imp, UnitResolver(imp.agency))
    meeting_form, row_forms = review_forms(imp, draft_values(imp.draft or {}), data=request.POST)
    values = review_values(meeting_form, row_forms)
    if values is not None and unit_form is None:
        try:
            meeting = services.meeting_import_confirm(actor=request.user, imp=imp,
                                                      expected_version=meeting_form.cleaned_data.get("version") or 0,
                                                      values=values)
        except ValidationError as exc:
            _errors_apply(exc, meeting_form, row_forms)
        except ConflictError:
            messages.error(request, "此匯入已被其他人處理，請重新整理後再看。")
            return redirect("meetingimports:detail", pk=imp.pk)
        else:
            messages.success(request, f"已匯入{meeting.label}會議。")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetingimports/review.html", _review_context(
        request, imp, meeting_form=meeting_form, row_forms=row_forms, unit_form=unit_form))


# meetings' own names of the fields the review calls otherwise
SERVICE_FIELDS = {"adjourned_at": "end_time", "chair_name": "chair", "recorder_name": "recorder"}


def _errors_apply(exc: ValidationError, meeting_form, row_forms) -> None:
    """A service's refusal next to the field it names: 「d2-lead_unit」 is the third directive's 主辦單位."""
    by_prefix = {f.prefix: f for forms_ in row_forms.values() for f in forms_}
    if not hasattr(exc, "error_dict"):
        meeting_form.add_error(None, exc.messages)
        return
    for key, errors in exc.error_dict.items():
        key = SERVICE_FIELDS.get(key, key)
        prefix, _, field = key.partition("-")
        form = by_prefix.get(prefix) if field else None
        if form is not None:
            form.add_error(field if field in form.fields else None, errors)
        else:
            meeting_form.add_error(key if key in meeting_form.fields else None, errors)


@login_required
@require_POST
def import_discard(request, pk: int):
    imp = meeting_import_get(person=request.user, pk=pk)
    asked = confirm_step(request, question=f"放棄匯入「{imp.filename}」？",
                         detail="讀取結果不會保留；同一個檔案之後可以重新上傳。", action="放棄匯入")
    if asked is not None:
        return asked
    attempt = message_attempt(request, lambda: services.meeting_import_discard(
        actor=request.user, imp=imp, expected_version=posted_version(request)))
    if attempt.done:
        messages.success(request, f"已放棄匯入「{imp.filename}」。")
        return redirect("meetingimports:list")
    return redirect("meetingimports:detail", pk=imp.pk)
