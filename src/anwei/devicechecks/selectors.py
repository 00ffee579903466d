"""Reads of checked devices, their daily checks and repairs; always scoped by the policy."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from anwei.core import workdays
from anwei.devicechecks.models import DailyCheck, DeviceSystem, RepairRecord
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit


def _get_or_404(qs: QuerySet, pk: int, person: Person, action: str, message: str):
    obj = qs.filter(pk=pk).first()
    if obj is None or not policy.may(person, action, obj):
        raise Http404(message)
    return obj


def device_system_list(*, person: Person) -> QuerySet[DeviceSystem]:
    s = policy.scope(person, "devicechecks.device.view")
    return (DeviceSystem.objects.filter(s.q(agency="agency", unit="unit")).select_related("agency", "unit", "site")
            .annotate(open_repairs=Count("repairs", filter=Q(repairs__repaired_on__isnull=True)))
            .order_by("agency__path", "order", "id"))


def device_system_get(*, person: Person, pk: int, action: str = "devicechecks.device.view") -> DeviceSystem:
    return _get_or_404(DeviceSystem.objects.select_related("agency", "unit"), pk, person, action, "找不到此設備")


def device_systems_to_check(*, person: Person) -> QuerySet[DeviceSystem]:
    s = policy.scope(person, "devicechecks.device.check")
    return (DeviceSystem.objects.filter(s.q(agency="agency", unit="unit"), is_active=True)
            .select_related("agency", "unit").order_by("agency__path", "order", "id"))


def repair_list(*, person: Person, open_only: bool = False) -> QuerySet[RepairRecord]:
    s = policy.scope(person, "devicechecks.device.view")
    qs = (RepairRecord.objects.filter(s.q(agency="system__agency", unit="system__unit"))
          .select_related("system", "system__agency", "system__unit").order_by("-opened_on", "-id"))
    return qs.filter(repaired_on__isnull=True) if open_only else qs


def repair_get(*, person: Person, pk: int, action: str = "devicechecks.device.view") -> RepairRecord:
    return _get_or_404(RepairRecord.objects.select_related("system", "system__agency", "system__unit"), pk, person,
                       action, "找不到此維修紀錄")


@dataclass(frozen=True)
class DayChecks:
    """One day's recorded checks of some systems. Its version, the sum of the checks' versions, grows
    with every check recorded or changed that day, so a day's form carries it like a row's version."""

    date: dt.date
    checks: list[DailyCheck]

    @property
    def version(self) -> int:
        return sum(c.version for c in self.checks)


def day_checks(*, systems: list[DeviceSystem], date: dt.date) -> DayChecks:
    """The checks recorded on `date` for `systems` (already scoped: device_systems_to_check)."""
    return DayChecks(date, list(DailyCheck.objects.filter(system__in=systems, date=date)
                                .select_related("system", "checked_by").order_by("system__order", "system_id")))


def workday_list(start: dt.date, end: dt.date, scope: str = "") -> list[dt.date]:
    """Working days from start to end inclusive (in the calendar of the agency at tree path `scope`),
    with one query for the overrides."""
    if end < start:
        return []
    overrides = workdays._overrides(start, end, scope)
    days = ((start + dt.timedelta(days=i)) for i in range((end - start).days + 1))
    return [d for d in days if workdays._with(d, overrides)]


def _paths(systems: list[DeviceSystem]) -> dict[int, str]:
    """Each system's agency tree path (the calendar that counts its working days), in one query."""
    return dict(Agency.objects.filter(pk__in={s.agency_id for s in systems}).values_list("pk", "path"))


def _scope(systems: list[DeviceSystem]) -> str:
    paths = set(_paths(systems).values()) if systems else set()
    return paths.pop() if len(paths) == 1 else ""


def month_sheet(*, systems: list[DeviceSystem], year: int, month: int) -> dict:
    """The seed's 31-day form: for each day, each system's check (or None), and whether it was a working day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, monthrange(year, month)[1])
    checks = {(c.system_id, c.date): c for c in DailyCheck.objects.filter(
        system__in=systems, date__range=(first, last)).select_related("checked_by")}
    working = set(workday_list(first, last, _scope(systems)))
    days = []
    for n in range(1, 32):
        try:
            day = dt.date(year, month, n)
        except ValueError:
            days.append({"n": n, "date": None, "workday": False, "cells": [], "checkers": []})
            continue
        cells = [checks.get((s.pk, day)) for s in systems]
        checkers = list(dict.fromkeys(str(c.checked_by) for c in cells if c and c.checked_by_id))
        days.append({"n": n, "date": day, "workday": day in working, "cells": cells, "checkers": checkers})
    return {"first": first, "last": last, "days": days}


def missed_days(*, systems: list[DeviceSystem], start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
    """Working days in [start, end] on which a system (in service then) has no entry."""
    if not systems:
        return {}
    paths = _paths(systems)  # one calendar per agency: a city's typhoon day is its own
    calendars = workdays.Calendars(start, end)  # every agency's calendar from one query, whatever their number
    span = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    by_scope = {path: [d for d in span if calendars.for_scope(path).is_workday(d)] for path in set(paths.values())}
    checks = DailyCheck.objects.filter(date__range=(start, end))  # the (date, system) index
    if len(systems) <= 500:
        checks = checks.filter(system__in=systems)
    done = set(checks.values_list("system_id", "date"))
    return {s.pk: [d for d in by_scope[paths[s.agency_id]] if d >= s.in_service_from and (s.pk, d) not in done] for s in systems}


def device_month_units(*, person: Person, agency: Agency) -> list[Unit]:
    ids = device_system_list(person=person).filter(agency=agency).values_list("unit_id", flat=True)
    return list(Unit.objects.filter(pk__in=ids).order_by("order", "id"))


def agencies_for(*, person: Person, action: str) -> QuerySet[Agency]:
    s = policy.scope(person, action)
    return Agency.objects.filter(policy.Scope(s.agency_ids, s.subtree_paths, frozenset(), None)
                                 .q(agency=None, unit=None)).order_by("path")


def sites_for(*, agency: Agency):
    from anwei.footage.models import Site

    return Site.objects.filter(agency=agency, active=True).order_by("order", "id")


def site_device_counts(systems) -> dict[int, int]:
    """How many registered devices (footage's registry) each system covers; one query."""
    from anwei.footage.models import Device

    site_ids = {s.site_id for s in systems if s.site_id}
    if not site_ids:
        return {}
    rows = (Device.objects.filter(site__in=site_ids, active=True).values("site_id", "kind")
            .annotate(n=Count("id")))
    by = {(r["site_id"], r["kind"]): r["n"] for r in rows}
    return {s.pk: sum(by.get((s.site_id, k), 0) for k in s.footage_kinds()) for s in systems if s.site_id}


def downtime_counts(*, agency: Agency, start: dt.date, end: dt.date) -> dict[str, int]:
    """Days with a system found not working (×), how many such checks, and what became of the repairs
    opened in the period (reported to the vendor, repaired) — for the work report's sentence."""
    down = DailyCheck.objects.filter(system__agency=agency, date__range=(start, end), working=False)
    repairs = RepairRecord.objects.filter(system__agency=agency, opened_on__range=(start, end)).aggregate(
        opened=Count("id"), reported=Count("id", filter=Q(reported_on__isnull=False)),
        repaired=Count("id", filter=Q(repaired_on__isnull=False)))
    return {"days": down.values("date").distinct().count(), "checks": down.count(), **repairs}
