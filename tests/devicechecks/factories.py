"""Objects for the devicechecks tests, built through the services (so audit and rules apply)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.devicechecks import selectors, services


def system(w):
    if "system" not in w.extra:
        w.extra["system"] = services.device_system_create(
            actor=w.officer, agency=w.bureau, unit=w.units["秘書室"], name="管理大樓門禁系統", kind="door_access",
            location="一樓正門", vendor="測試保全公司", in_service_from=timezone.localdate() - dt.timedelta(days=40))
    return w.extra["system"]


def day_record(*, actor, date, entries):
    """Record a day's checks as someone who has just opened that day's form."""
    opened = selectors.day_checks(systems=[e[0] for e in entries], date=date)
    return services.daily_checks_record(actor=actor, date=date, expected_version=opened.version, entries=entries)


def repair(w):
    if "repair" not in w.extra:
        day = timezone.localdate() - dt.timedelta(days=1)
        day_record(actor=w.liaison, date=day, entries=[(system(w), False, "主機無法開機")])
        w.extra["repair"] = system(w).repairs.get()
    return w.extra["repair"]
