"""Writes of checked devices, their daily checks and repairs.

Each service runs in one transaction and writes its audit row inside it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.forms import ConflictError
from anwei.core.service import service
from anwei.devicechecks.models import DailyCheck, DeviceSystem, RepairRecord
from anwei.devicechecks.selectors import day_checks
from anwei.orgs.models import Agency, Person, Unit


@service
def device_system_create(*, actor: Person, agency: Agency, unit: Unit, name: str, kind: str, location: str = "",
                         vendor: str = "", in_service_from: dt.date | None = None, **links) -> DeviceSystem:
    if unit.agency_id != agency.pk:
        raise ValidationError({"unit": "負責單位須為本機關的單位。"})
    site = links.get("site")
    if site is not None and site.agency_id != agency.pk:
        raise ValidationError({"site": "只能選擇本機關的場所。"})
    system = DeviceSystem.objects.create(agency=agency, unit=unit, name=name.strip(), kind=kind,
                                         location=location.strip(), vendor=vendor.strip(),
                                         in_service_from=in_service_from or timezone.localdate(), **links)
    audit_record(actor=actor, action="devicechecks.device_create", obj=system, after=snapshot(system))
    return system


@service
def device_system_update(*, actor: Person, system: DeviceSystem, expected_version: int, **fields) -> DeviceSystem:
    unit, site = fields.get("unit"), fields.get("site")
    if unit is not None and unit.agency_id != system.agency_id:
        raise ValidationError({"unit": "負責單位須為本機關的單位。"})
    if site is not None and site.agency_id != system.agency_id:
        raise ValidationError({"site": "只能選擇本機關的場所。"})
    before = snapshot(system)
    version_bump(system, expected_version)
    for k, v in fields.items():
        setattr(system, k, v)
    system.save(update_fields=list(fields))
    audit_record(actor=actor, action="devicechecks.device_update", obj=system, before=before,
                 after=snapshot(system))
    return system


@service
def daily_checks_record(*, actor: Person, date: dt.date, expected_version: int,
                        entries: list[tuple[DeviceSystem, bool, str]]) -> list[DailyCheck]:
    """Record one day's √/× for each system. A × opens a repair record unless one is already open.

    `expected_version` is the day's version (selectors.day_checks) when the form was opened: a check
    recorded or changed since then by someone else is a ConflictError carrying the day's checks."""
    if date > timezone.localdate():
        raise ValidationError({"date": "不能登錄未來日期的檢查。"})
    errors = {}
    for system, working, problem in entries:
        if not working and not problem.strip():
            errors[f"problem_{system.pk}"] = "請說明故障情形。"
    if errors:
        raise ValidationError(errors)
    systems = [e[0] for e in entries]
    existing = {c.system_id: c for c in DailyCheck.objects.select_for_update().filter(
        date=date, system__in=systems)}
    if sum(c.version for c in existing.values()) != expected_version:
        raise ConflictError(day_checks(systems=systems, date=date))
    open_repairs = set(RepairRecord.objects.filter(system__in=[e[0] for e in entries], repaired_on__isnull=True)
                       .values_list("system_id", flat=True))
    saved = []
    for system, working, problem in entries:
        check = existing.get(system.pk)
        before = snapshot(check, ["working", "problem"]) if check else None
        if before != {"working": working, "problem": problem.strip()}:
            # An unchanged re-submission keeps the check, and who made it, as it was.
            if check is None:
                check = DailyCheck(system=system, date=date, working=working, problem=problem.strip(),
                                   checked_by=actor)
                try:
                    with transaction.atomic():  # someone recording the same day at the same moment
                        check.save()
                except IntegrityError:
                    raise ConflictError(day_checks(systems=systems, date=date)) from None
            else:
                try:
                    version_bump(check, check.version)
                except ConflictError:
                    raise ConflictError(day_checks(systems=systems, date=date)) from None
                check.working, check.problem, check.checked_by = working, problem.strip(), actor
                check.save(update_fields=["working", "problem", "checked_by", "checked_at"])
            audit_record(actor=actor, action="devicechecks.daily_check", obj=check, agency=system.agency,
                         before=before, after=snapshot(check, ["system_id", "date", "working", "problem"]))
        if not working and system.pk not in open_repairs:
            repair = RepairRecord.objects.create(system=system, opened_by_check=check, opened_on=date,
                                                 problem=check.problem, vendor=system.vendor)
            audit_record(actor=actor, action="devicechecks.repair_open", obj=repair, agency=system.agency,
                         after=snapshot(repair))
            open_repairs.add(system.pk)
        saved.append(check)
    return saved


@service
def repair_update(*, actor: Person, repair: RepairRecord, expected_version: int, reported_on: dt.date | None,
                  vendor: str, repaired_on: dt.date | None, note: str) -> RepairRecord:
    errors = {}
    if reported_on and reported_on < repair.opened_on:
        errors["reported_on"] = "通報廠商日期不能早於發現日期。"
    if repaired_on and repaired_on < repair.opened_on:
        errors["repaired_on"] = "修復日期不能早於發現日期。"
    if repaired_on and repaired_on > timezone.localdate():
        errors["repaired_on"] = "修復日期不能是未來的日期。"
    if errors:
        raise ValidationError(errors)
    before = snapshot(repair)
    version_bump(repair, expected_version)
    repair.reported_on, repair.vendor, repair.repaired_on, repair.note = reported_on, vendor.strip(), repaired_on, note
    repair.save(update_fields=["reported_on", "vendor", "repaired_on", "note"])
    audit_record(actor=actor, action="devicechecks.repair_update", obj=repair, agency=repair.system.agency,
                 before=before, after=snapshot(repair))
    return repair
