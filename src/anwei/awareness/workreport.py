"""The awareness section of the work report, and its counts per agency (anwei.portal.workreport)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from django.db.models import Count, Sum

from anwei.awareness.models import Event
from anwei.awareness.selectors import events_in_period
from anwei.lib import rocdate
from anwei.orgs.models import Agency
from anwei.portal.workreport import Column, Line, Section, StatisticsProvider, period_label

TITLE = "宣導活動"


def event_sentence(event: Event) -> str:
    when = period_label(event.start_date, event.end_date) if event.end_date else rocdate.format_short(event.start_date)
    details = [event.get_form_display(), event.topic.name]
    if event.speaker:
        details.append(f"講座／資料來源：{event.speaker}")
    count = f"，參加（宣導）人數計{event.audience_count}人" if event.audience_count else ""
    return f"{when}辦理「{event.title}」（{'，'.join(details)}）{count}。"


def section(agency: Agency, start: dt.date, end: dt.date) -> Section:
    events = events_in_period(agency=agency, start=start, end=end)
    sec = Section(TITLE, empty=f"{period_label(start, end)}未辦理宣導活動。")
    if not events:
        return sec
    people = sum(e.audience_count or 0 for e in events)
    topics = Counter(e.topic.name for e in events)
    summary = (f"{period_label(start, end)}辦理宣導活動計{len(events)}場次，參加（宣導）人數計{people}人次；"
               + "、".join(f"{name}{n}場次" for name, n in topics.most_common()) + "。")
    sec.lines.append(Line(summary, children=[Line(event_sentence(e)) for e in events]))
    return sec


def counts(agency_ids: Sequence[int], start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
    """One query whatever the number of agencies."""
    rows = (Event.objects.filter(agency_id__in=agency_ids, start_date__range=(start, end)).values("agency_id")
            .annotate(events=Count("id"), people=Sum("audience_count")))
    return {r["agency_id"]: {"events": r["events"], "people": r["people"] or 0} for r in rows}


PROVIDER = StatisticsProvider(name="awareness", title=TITLE, order=10, section=section, counts=counts,
                              columns=(Column("events", "宣導場次"), Column("people", "宣導人次")))
