"""Access control built through the services, for tests and the permission table."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone

from anwei.access import services
from anwei.access.models import AccessSettings, BadgeKind, IdType
from anwei.core import clock

# A make-up working Saturday: 2024-02-17 (補行上班 for the 2024 Lunar New Year holidays).
MAKEUP_SATURDAY = dt.date(2024, 2, 17)


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def setup(w) -> AccessSettings:
    """秘書室 keeps areas and badges (the world's liaison and unit head are there)."""
    return services.access_setup(actor=None, agency=w.bureau, managing_unit=w.units["秘書室"])


def area(w, name: str = "機房", *, hours: bool = True, starts_on: dt.date = dt.date(2020, 1, 1)):
    settings = setup(w)
    existing = settings.agency.access_areas.filter(name=name).first()
    if existing:
        return existing
    a = services.area_create(actor=w.liaison, settings=settings, data=services.AreaInput(
        name=name, kind="server", level=3))
    if hours:
        services.area_hours_add(actor=w.liaison, area=a, data=services.HoursInput(
            starts_on=starts_on, workday_open=dt.time(8), workday_close=dt.time(18)))
    return a


def door(w, code: str = "D31", name: str = "機房門"):
    a = area(w)
    found = a.doors.filter(code=code).first()
    return found or services.door_add(actor=w.liaison, area=a, name=name, code=code)


def badge(w, number: str = "A0001", *, kind: str = BadgeKind.STAFF, holder=None, ends_on=None, areas=None, **kw):
    settings = setup(w)
    holder = holder if holder is not None or kind != BadgeKind.STAFF else w.staff
    return services.badge_issue(actor=w.liaison, settings=settings, data=services.BadgeInput(
        number=number, kind=kind, issued_on=kw.pop("issued_on", dt.date(2024, 1, 2)), holder=holder,
        holder_name=kw.pop("holder_name", "" if holder else "廠商甲"), organisation=kw.pop("organisation", ""),
        ends_on=ends_on, areas=tuple(areas if areas is not None else [area(w)]), **kw))


def visitor(w, name: str = "訪客甲", *, host=None, at_=None):
    settings = setup(w)
    return services.visitor_register(actor=w.liaison, settings=settings, at=at_, data=services.VisitorInput(
        name=name, organisation="某公司", host=host or w.staff, host_label="", purpose="洽公",
        pass_number="V1", id_type=IdType.NATIONAL_ID, id_last4="1234"))


def csv_import(w, text, *, encoding: str = "utf-8", actor=None, filename: str = "log.csv"):
    """Keep and read a door log now (the background worker reads large ones the same way); the DoorLog."""
    from anwei.access.tasks import door_log_run

    data = text.encode(encoding) if isinstance(text, str) else text
    log = services.door_log_start(actor=actor or w.officer, settings=setup(w), upload=[data], filename=filename,
                                  digest=hashlib.sha256(data).hexdigest())
    return door_log_run(log)


def today() -> dt.date:
    return clock.today()
