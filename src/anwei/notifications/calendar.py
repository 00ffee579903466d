"""iCalendar: a person's private feed (their deadlines as all-day events, the meetings they attend as
timed events in Asia/Taipei) and single events (a meeting's .ics). Apps add timed events with
calendar_register(provider) in ready(): a provider takes (person, start, end) and returns the person's
events, read through the policy like their pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from icalendar import Calendar, Event
from django.utils import timezone

from anwei.core import clock
from anwei.orgs.models import Person
from anwei.portal.obligations import obligations_for

PRODID = "-//anwei//安維 機關安全維護//ZH-TW"
DOMAIN = "anwei"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable: a calendar updates the event instead of adding another
    title: str
    start: dt.datetime | dt.date  # a date: an all-day event
    end: dt.datetime | dt.date | None = None
    location: str = ""
    description: str = ""
    url: str = ""


EventProvider = Callable[[Person, dt.date, dt.date], list[CalendarEvent]]
_providers: list[EventProvider] = []


def calendar_register(provider: EventProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def _absolute(url: str) -> str:
    return url if not url or url.startswith("http") else settings.SITE_URL + url


def deadline_events(person: Person) -> list[CalendarEvent]:
    events = []
    for o in obligations_for(person):
        if o.due is None:
            continue
        note = "；".join(filter(None, [o.note, f"代理 {o.acting_for}" if o.acting_for else ""]))
        events.append(CalendarEvent(uid=f"{o.key or o.url}@{DOMAIN}", title=f"【{o.category}】{o.title}", start=o.due,
                                    description=note, url=_absolute(o.url)))
    return events


def person_events(person: Person, today: dt.date | None = None) -> list[CalendarEvent]:
    today = today or clock.today()
    start, end = today - dt.timedelta(days=60), today + dt.timedelta(days=400)
    events = deadline_events(person)
    for provider in _providers:
        events.extend(provider(person, start, end))
    return events


def ics(events: list[CalendarEvent], name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", e.title)
        if isinstance(e.start, dt.datetime):
            ev.add("dtstart", timezone.localtime(e.start))
            ev.add("dtend", timezone.localtime(e.end or e.start + dt.timedelta(hours=1)))
        else:
            ev.add("dtstart", e.start)
            ev.add("dtend", e.end or e.start + dt.timedelta(days=1))
            ev.add("transp", "TRANSPARENT")  # a deadline does not make the person busy
        if e.location:
            ev.add("location", e.location)
        if e.description:
            ev.add("description", e.description)
        if e.url:
            ev.add("url", e.url)
        cal.add_component(ev)
    cal.add_missing_timezones()  # VTIMEZONE for Asia/Taipei: Outlook needs it
    return cal.to_ical()
