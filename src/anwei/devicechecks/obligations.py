"""Obligations of the daily device checks: today's check for the responsible unit, and the working days
of the last month with no check (escalated to the unit head and the agency head as they pile up).

A fixed number of queries: systems (1), checks in the window (1), calendar overrides (1)."""

from __future__ import annotations

import datetime as dt


from anwei.core import clock
from anwei.devicechecks.models import DeviceSystem
from anwei.devicechecks.selectors import missed_days
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "每日設備檢查"
MISSED_WINDOW_DAYS = 31  # look back about one month: the seed's form is monthly


def _obligations(systems: list[DeviceSystem], today: dt.date, checker_units: set[int] | None) -> list[Obligation]:
    """checker_units None: every responsible unit (the reminder pass)."""
    if not systems:
        return []
    missed = missed_days(systems=systems, start=today - dt.timedelta(days=MISSED_WINDOW_DAYS), end=today)
    items = []
    today_due: dict[tuple[int, int], list[DeviceSystem]] = {}
    for s in systems:
        days = missed.get(s.pk, [])
        if days and days[-1] == today:
            days = days[:-1]
            if checker_units is None or s.unit_id in checker_units:
                today_due.setdefault((s.agency_id, s.unit_id), []).append(s)
        if days:
            checker = checker_units is None or s.unit_id in checker_units  # else an ethics officer overseeing it
            url = (link("devicechecks:device_check") + f"?date={days[0].isoformat()}" if checker
                   else link("devicechecks:device_list"))
            items.append(Obligation(
                category=CATEGORY, title=f"{s.name}：{len(days)} 個工作日未登錄檢查（{s.unit.name}）",
                url=url, due=days[0], overdue=True,
                note="最早 " + f"{days[0].month}/{days[0].day}", key=f"devicechecks.missed:{s.pk}:{days[0].isoformat()}",
                kind="devicechecks.missed", agency_id=s.agency_id, owner=posts.unit_liaisons(s.agency_id, s.unit_id),
                escalation=(posts.unit_head(s.agency_id, s.unit_id), None, None)))
    for (agency_id, unit_id), due in today_due.items():  # the responsible unit's reminder for today
        items.append(Obligation(
            category=CATEGORY, title=f"登錄今日檢查：{'、'.join(s.name for s in due)}",
            url=link("devicechecks:device_check"), due=today, note="每日上班前巡檢",
            key=f"devicechecks.today:{unit_id}:{today.isoformat()}", kind="devicechecks.today", agency_id=agency_id,
            owner=posts.unit_liaisons(agency_id, unit_id)))
    return items


def _systems(q=None):
    qs = DeviceSystem.objects.filter(is_active=True, in_service_from__lte=clock.today())
    if q is not None:
        qs = qs.filter(q)
    return qs.select_related("unit").order_by("order", "id")


def devicechecks_owed(person: Person) -> list[Obligation]:
    # Responsible units see their own systems; ethics officers see every system of their agency.
    check = policy.scope(person, "devicechecks.device.check")
    manage = policy.scope(person, "devicechecks.device.manage")
    if check.empty and manage.empty:
        return []
    q = check.q(agency="agency", unit="unit") | manage.q(agency="agency", unit=None)
    return _obligations(list(_systems(q)[:100]), clock.today(), set(check.unit_ids))


def devicechecks_open(today: dt.date) -> list[Obligation]:
    return _obligations(list(_systems()), today, None)


PROVIDER = ObligationProvider("devicechecks", devicechecks_owed, devicechecks_open,
                              kinds=(("devicechecks.today", "每日設備檢查"), ("devicechecks.missed", "每日設備檢查漏填")))
