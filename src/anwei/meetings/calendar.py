"""Meetings in calendars: the meetings a person attends (those of the agencies where they hold a meeting
role themselves; a superior office reads its subtree's meetings but does not attend them), as timed
events in Asia/Taipei for their feed and as one meeting's .ics download."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from anwei.meetings.models import SecurityMeeting
from anwei.meetings.selectors import agenda_end, agenda_timed
from anwei.notifications.calendar import CalendarEvent
from anwei.orgs import policy
from anwei.orgs.models import Person


def attends(person: Person, meeting: SecurityMeeting) -> bool:
    return meeting.agency_id in policy.scope(person, "meeting.view").agency_ids


def meeting_event(meeting: SecurityMeeting) -> CalendarEvent:
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=tz)
    end_time = meeting.adjourned_at or agenda_end(agenda_timed(meeting), meeting)
    end = dt.datetime.combine(meeting.date, end_time, tzinfo=tz)
    if end <= start:
        end = start + dt.timedelta(hours=1)
    return CalendarEvent(uid=f"meeting-{meeting.pk}@anwei", title=meeting.full_title(), start=start, end=end,
                         location=meeting.place, description=f"主席：{meeting.chair_name}" if meeting.chair_name else "",
                         url=reverse("meetings:detail", args=[meeting.pk]))


def meeting_events(person: Person, start: dt.date, end: dt.date) -> list[CalendarEvent]:
    agencies = policy.scope(person, "meeting.view").agency_ids
    if not agencies:
        return []
    meetings = (SecurityMeeting.objects.filter(agency__in=agencies, date__range=(start, end))
                .select_related("agency").prefetch_related("agenda_items").order_by("date")[:100])
    return [meeting_event(m) for m in meetings]
