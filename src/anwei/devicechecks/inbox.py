"""Home-page items: working days with no device check, and today's check for the responsible unit.

A fixed number of queries per person: systems (1), checks in the window (1), calendar overrides (1).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from anwei.devicechecks.models import DeviceSystem
from anwei.devicechecks.selectors import missed_days
from anwei.orgs import policy
from anwei.orgs.models import Person

MISSED_WINDOW_DAYS = 31  # look back about one month: the seed's form is monthly


def devicechecks_inbox(person: Person) -> list[InboxItem]:
    today = timezone.localdate()
    items = []
    # Responsible units see their own systems; ethics officers see every system of their agency.
    check = policy.scope(person, "devicechecks.device.check")
    manage = policy.scope(person, "devicechecks.device.manage")
    q = check.q(agency="agency", unit="unit") | manage.q(agency="agency", unit=None)
    systems = list(DeviceSystem.objects.filter(q, is_active=True, in_service_from__lte=today)
                   .select_related("unit").order_by("order", "id")[:100])
    if systems:
        start = today - dt.timedelta(days=MISSED_WINDOW_DAYS)
        missed = missed_days(systems=systems, start=start, end=today)
        checker_units = check.unit_ids
        today_due = []
        for s in systems:
            days = missed.get(s.pk, [])
            if days and days[-1] == today:
                days = days[:-1]
                if s.unit_id in checker_units:
                    today_due.append(s.name)
            if days:
                items.append(InboxItem(
                    category="每日設備檢查", title=f"{s.name}：{len(days)} 個工作日未登錄檢查（{s.unit.name}）",
                    url=reverse("devicechecks:device_check") + f"?date={days[0].isoformat()}", due=days[0],
                    overdue=True, note="最早 " + f"{days[0].month}/{days[0].day}"))
        if today_due:  # the responsible unit's reminder for today (not yet missed)
            items.append(InboxItem(category="每日設備檢查", title=f"登錄今日檢查：{'、'.join(today_due)}",
                                   url=reverse("devicechecks:device_check"), due=today, note="每日上班前巡檢"))
    return items
