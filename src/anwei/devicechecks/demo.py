"""Demo data: the bureau's door-access and CCTV systems with a month of daily checks, one × and its
repair. Every name is invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core.workdays import is_workday
from anwei.devicechecks import selectors, services
from anwei.devicechecks.models import DeviceSystem


def load(ctx: dict) -> None:
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    officer, liaison, unithead = people["officer"], people["liaison"], people["unithead"]
    today = timezone.localdate()

    start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    site = ctx.get("footage_site")  # footage's demo loads first: its site holds the cameras
    door = services.device_system_create(actor=officer, agency=bureau, unit=units["秘書室"], name="門禁系統",
                                         kind=DeviceSystem.Kind.DOOR_ACCESS, location="管理大樓一樓正門、後門及三樓正門",
                                         vendor="海港保全股份有限公司", in_service_from=start, site=site)
    cctv = services.device_system_create(actor=officer, agency=bureau, unit=units["秘書室"], name="監視系統",
                                         kind=DeviceSystem.Kind.CCTV, location="管理大樓（16具攝影機，主機於一樓檔案室）",
                                         vendor="濱海室內裝修有限公司", in_service_from=start, site=site)
    days = (start + dt.timedelta(days=n) for n in range((today - start).days))
    workdays = [d for d in days if is_workday(d)]
    broken = workdays[len(workdays) // 3] if workdays else None
    for day in workdays:
        cctv_ok = day != broken
        services.daily_checks_record(actor=liaison, date=day, expected_version=selectors.day_checks(
            systems=[door, cctv], date=day).version, entries=[
            (door, True, ""), (cctv, cctv_ok, "" if cctv_ok else "第7路攝影機（地下停車場）無畫面")])
    if broken:
        repair = cctv.repairs.get()
        services.repair_update(actor=unithead, repair=repair, expected_version=repair.version, reported_on=broken,
                               vendor="濱海室內裝修有限公司", repaired_on=min(broken + dt.timedelta(days=1), today),
                               note="更換攝影機電源供應器")
