"""Incidents built through the services, for tests and the permission table."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.incidents import services

# 113年2月7日 (Wednesday) is the last working day before the 2024 Lunar New Year holidays (2/8–2/14).
EVE = dt.date(2024, 2, 7)


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    """A moment in Asia/Taipei."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def data(category: str = "security", *, occurred=None, discovered=None, level: str = "", **kw):
    discovered = discovered or at(EVE, 16, 40)
    return services.IncidentInput(
        category=category, title=kw.pop("title", "大廳發現可疑包裹"), description=kw.pop("description", "保全巡邏時發現。"),
        place=kw.pop("place", "本局大樓1樓大廳"), occurred_at=occurred or discovered - dt.timedelta(minutes=10),
        discovered_at=discovered, level=level, **kw)


def infosec_level() -> str:
    from anwei.incidents.defaults import INFOSEC_LEVELS

    return INFOSEC_LEVELS[1]


def report(w, category: str = "security", *, actor=None, now=None, **kw):
    services.incident_rules_seed_defaults()
    d = data(category, level=infosec_level() if category == "infosec" else "", **kw)
    return services.incident_report(actor=actor or w.staff, agency=w.bureau, data=d,
                                    now=now or d.discovered_at + dt.timedelta(minutes=5))
