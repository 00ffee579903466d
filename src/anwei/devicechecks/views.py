"""Thin views: parse input, call one service or selector, render. Objects outside a person's
scope are 404 (selectors); actions a person may not take on a visible object are 404 too."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from anwei.core.formpages import form_page, form_submit
from anwei.devicechecks import selectors, services
from anwei.devicechecks.forms import DailyCheckForm, DeviceSystemForm, RepairForm
from anwei.documents.http import document_response
from anwei.lib import rocdate
from anwei.orgs import policy
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


@login_required
def device_list(request):
    agency = person_primary_agency(request.user)
    page = _page(request, selectors.device_system_list(person=request.user))
    counts = selectors.site_device_counts(page.object_list)
    for system in page.object_list:
        system.device_count = counts.get(system.pk)
        system.can_edit = policy.may(request.user, "devicechecks.device.manage", system)
    repairs = list(selectors.repair_list(person=request.user, open_only=True)[:20])
    for repair in repairs:
        repair.can_edit = _may_edit_repair(request.user, repair)
    return render(request, "devicechecks/device_list.html", {
        "page": page, "repairs": repairs,
        "can_check": selectors.device_systems_to_check(person=request.user).exists(),
        "can_manage": agency is not None and policy.may(request.user, "devicechecks.device.manage", agency),
        "today": timezone.localdate()})


def _device_values(c) -> dict:
    return {k: c[k] for k in ["name", "kind", "unit", "site", "location", "vendor", "in_service_from"]}


@login_required
def device_create(request):
    agency = _home_agency(request, "devicechecks.device.manage")
    form = DeviceSystemForm(request.POST or None, agency=agency, sites=selectors.sites_for(agency=agency),
                            initial={"in_service_from": timezone.localdate()})
    saved, _ = form_submit(request, form, lambda c: services.device_system_create(
        actor=request.user, agency=agency, **_device_values(c)), "已新增檢查設備。")
    if saved:
        return redirect("devicechecks:device_list")
    return render(request, "devicechecks/device_form.html", {"form": form})


@login_required
def device_edit(request, pk: int):
    system = selectors.device_system_get(person=request.user, pk=pk, action="devicechecks.device.manage")
    initial = {k: getattr(system, k) for k in ["name", "kind", "unit", "site", "location", "vendor",
                                               "in_service_from", "is_active", "version"]}
    form = DeviceSystemForm(request.POST or None, agency=system.agency, sites=selectors.sites_for(agency=system.agency),
                            initial=initial)
    saved, conflict = form_submit(request, form, lambda c: services.device_system_update(
        actor=request.user, system=system, expected_version=c["version"] or 0, is_active=c["is_active"],
        **_device_values(c)), "已儲存。")
    if saved:
        return redirect("devicechecks:device_list")
    return form_page(request, "devicechecks/device_form.html", {"form": form, "system": system}, conflict)


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
    saved, conflict = form_submit(request, form, lambda c: services.daily_checks_record(
        actor=request.user, date=c["date"], expected_version=(c["version"] or 0) if c["date"] == day else 0,
        entries=form.entries()),
        lambda _: f"已登錄 {rocdate.format_short(form.cleaned_data['date'])} 的檢查結果。")
    if saved:
        return redirect("devicechecks:device_list")
    if conflict:
        day = conflict.date  # saving again posts for the day whose checks were shown
    start = max(min(s.in_service_from for s in systems), timezone.localdate() - dt.timedelta(days=30))
    missed = selectors.missed_days(systems=systems, start=start,
                                   end=timezone.localdate() - dt.timedelta(days=1))
    missed_dates = sorted({d for days in missed.values() for d in days})
    return render(request, "devicechecks/device_check.html", {"form": form, "rows": form.bound_rows(), "day": day,
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
        agency = selectors.agencies_for(person=request.user, action="devicechecks.device.view").filter(
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
    return render(request, "devicechecks/device_month.html", {
        "agency": agency, "systems": systems, "sheet": sheet, "year": year, "month": month, "roc_year": year - 1911,
        "base": base, "prev": prev, "next": nxt, "unit_id": unit_id, "today": timezone.localdate(),
        "units": selectors.device_month_units(person=request.user, agency=agency)})


@login_required
def device_month_document(request, fmt: str):
    agency, unit_id, _systems = _month_scope(request)
    year, month = _month_args(request)
    return document_response(request, builder="devicechecks.month",
                             kwargs={"agency_id": agency.pk, "unit_id": unit_id, "year": year, "month": month},
                             fmt=fmt, filename=f"門禁及監視系統每日檢查表{year - 1911}年{month}月")


@login_required
def repair_list(request):
    open_only = request.GET.get("open") == "1"
    return render(request, "devicechecks/repair_list.html", {
        "page": _page(request, selectors.repair_list(person=request.user, open_only=open_only)),
        "open_only": open_only, "query": "open=1" if open_only else ""})


def _may_edit_repair(person, repair) -> bool:
    return (policy.may(person, "devicechecks.device.check", repair)
            or policy.may(person, "devicechecks.device.manage", repair))


@login_required
def repair_edit(request, pk: int):
    """The repair record: the responsible unit and the ethics unit edit it; those who see the device read it."""
    repair = selectors.repair_get(person=request.user, pk=pk)
    editable = _may_edit_repair(request.user, repair)
    if request.method == "POST" and not editable:
        raise Http404("找不到此頁面")
    initial = {k: getattr(repair, k) for k in ["reported_on", "vendor", "repaired_on", "note", "version"]}
    form = RepairForm(request.POST or None, initial=initial)
    saved, conflict = form_submit(request, form, lambda c: services.repair_update(
        actor=request.user, repair=repair, expected_version=c["version"] or 0, reported_on=c["reported_on"],
        vendor=c["vendor"], repaired_on=c["repaired_on"], note=c["note"]), "已儲存維修紀錄。")
    if saved:
        return redirect("devicechecks:repair_list")
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    return form_page(request, "devicechecks/repair_form.html", {"form": form, "repair": repair, "editable": editable},
                     conflict)
