"""Reads of meetings, scoped to what the acting person may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from anwei.core.pagecache import remember
from anwei.meetings.models import AgendaItem, Attendance, Proposal, Report, Ruling, SecurityMeeting
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.orgs.selectors import agency_roster
from anwei.tracking.models import TrackedItem


def _meeting_q(person: Person, action: str, agency: str = "agency") -> Q:
    """Rows whose meeting agency (the `agency` field path) is in the person's scope for `action`."""
    return policy.scope(person, action).q(agency=agency, unit=None)


def meetings_visible(*, person: Person) -> QuerySet[SecurityMeeting]:
    """The meetings the person may see, newest first (menus and short lists)."""
    return (SecurityMeeting.objects.filter(_meeting_q(person, "meeting.view")).select_related("agency")
            .order_by("-date", "-pk"))


def meeting_list(*, person: Person) -> QuerySet[SecurityMeeting]:
    """The meetings page: each with the number of items it put under tracking."""
    return meetings_visible(person=person).annotate(n_items=Count("tracked_items", distinct=True))


def meeting_get(*, person: Person, pk: int, action: str = "meeting.view") -> SecurityMeeting:
    meeting = remember(person, f"meeting:{pk}",
                       lambda: SecurityMeeting.objects.filter(pk=pk).select_related("agency").first())
    if meeting is None or not policy.may(person, action, meeting.agency):
        raise Http404("找不到此會議")
    return meeting


M = TypeVar("M", AgendaItem, Attendance, Report, Proposal, Ruling)


def meeting_child_get(*, person: Person, model: type[M], pk: int, action: str = "meeting.manage") -> M:
    """A row of a meeting (agenda item, attendance, report, proposal, ruling) that the person may
    `action`, with its meeting and agency; 404 for anything outside the person's scope."""
    obj = (model.objects.filter(_meeting_q(person, action, agency="meeting__agency"), pk=pk)
           .select_related("meeting", "meeting__agency").first())
    if obj is None:
        raise Http404("找不到此資料")
    return obj


def may_manage(person: Person, meeting: SecurityMeeting) -> bool:
    return policy.may(person, "meeting.manage", meeting.agency)


@dataclass
class TimedItem:
    number: int
    item: AgendaItem
    start: dt.time
    end: dt.time | None  # None for 散會

    @property
    def minutes_label(self) -> str:
        return f"{self.item.minutes}分鐘" if self.item.minutes else ""


def agenda_timed(meeting: SecurityMeeting, items: list[AgendaItem] | None = None) -> list[TimedItem]:
    """Each item's start is the previous item's end (seeds 000, 001)."""
    items = list(meeting.agenda_items.all()) if items is None else items
    at = meeting.start_time.hour * 60 + meeting.start_time.minute
    out = []
    for n, item in enumerate(items, start=1):
        start = at
        at += item.minutes
        out.append(TimedItem(n, item, _time(start), _time(at) if item.minutes else None))
    return out


def _time(total: int) -> dt.time:
    total = min(total, 24 * 60 - 1)
    return dt.time(total // 60, total % 60)


def agenda_end(timed: list[TimedItem], meeting: SecurityMeeting) -> dt.time:
    if not timed:
        return meeting.start_time
    last = timed[-1]
    return last.end or last.start


def meeting_detail(meeting: SecurityMeeting) -> dict:
    """Everything the meeting page shows, in a fixed number of queries."""
    reports = list(meeting.reports.select_related("unit").prefetch_related("attachments"))
    items = Prefetch("tracked_items", queryset=TrackedItem.objects.select_related("lead_unit").prefetch_related(
        "co_units"))
    proposals = list(meeting.proposals.select_related("unit", "origin", "origin__meeting")
                     .prefetch_related("attachments", items))
    rulings = list(meeting.rulings.select_related("report", "proposal").prefetch_related(items))
    timed = agenda_timed(meeting)
    return {
        "agenda": timed,
        "agenda_end": agenda_end(timed, meeting),
        "work_reports": [r for r in reports if r.kind == Report.Kind.WORK],
        "special_reports": [r for r in reports if r.kind == Report.Kind.SPECIAL],
        "reports": reports,
        "proposals": [p for p in proposals if p.kind == Proposal.Kind.REGULAR],
        "extempore": [p for p in proposals if p.kind == Proposal.Kind.EXTEMPORE],
        "rulings": rulings,
        "rulings_by_section": {s: [r for r in rulings if r.section == s] for s in Ruling.Section.values},
    }


def stored_file_for_meeting(*, meeting: SecurityMeeting, file_id: int):
    """An attachment of one of the meeting's reports or proposals, or 404."""
    for model in (Report, Proposal):
        f = model.attachments.through.objects.filter(
            storedfile_id=file_id, **{f"{model._meta.model_name}__meeting": meeting}).select_related("storedfile").first()
        if f is not None:
            return f.storedfile
    raise Http404("找不到此附件")


def work_reports_editable(*, person: Person, agency: Agency) -> QuerySet[Report]:
    """The agency's meeting work reports this person may edit, newest meeting first: where other apps
    (inspections, incidents) insert their statistics."""
    if not policy.may(person, "meeting.manage", agency):
        return Report.objects.none()
    return (Report.objects.filter(meeting__agency=agency, kind=Report.Kind.WORK).select_related("meeting")
            .order_by("-meeting__date", "order")[:10])


def ethics_unit_name(agency: Agency) -> str:
    unit = Unit.objects.filter(agency=agency, is_ethics=True).first()
    return unit.name if unit else "政風單位"


def meeting_previous(meeting: SecurityMeeting) -> SecurityMeeting | None:
    return (SecurityMeeting.objects.filter(agency=meeting.agency_id, date__lte=meeting.date)
            .exclude(pk=meeting.pk).order_by("-date", "-roc_year", "-sequence").first())


def meeting_next(meeting: SecurityMeeting) -> SecurityMeeting | None:
    return (SecurityMeeting.objects.filter(agency=meeting.agency_id, date__gte=meeting.date)
            .exclude(pk=meeting.pk).order_by("date", "roc_year", "sequence").first())


def agenda_minutes_from_end(*, start: dt.time, end: dt.time) -> int:
    """Retime by end time: the minutes from the item's computed start to the end typed."""
    if _minutes_of(end) < _minutes_of(start):
        raise ValidationError({"end": f"結束時間 {end:%H:%M} 早於開始時間 {start:%H:%M}，請重新輸入。"})
    return _minutes_of(end) - _minutes_of(start)


def _minutes_of(t: dt.time) -> int:
    return t.hour * 60 + t.minute


@dataclass
class SheetLine:
    """One line of a meeting's attendance table and sign-in sheet: a roster person (a unit's head or
    liaison), a unit with nobody recorded, or a saved row typed in by hand. `key` names the line in forms."""

    key: str
    unit: Unit | None
    person: Person | None
    post: str = ""
    deputy: Person | None = None  # the person's 職務代理人 on the meeting's day
    attendance: Attendance | None = None

    @property
    def name(self) -> str:
        if self.attendance is not None:
            return self.attendance.name
        return self.person.display_with_title() if self.person is not None else ""


def attendance_sheet(meeting: SecurityMeeting) -> list[SheetLine]:
    """The agency's roster (units in order, each with its heads and liaisons) merged with what was
    recorded: each roster person's row on their line; rows typed in by hand after their unit's lines
    (taking the place of a unit's empty line), rows of no unit at the end. Four queries."""
    roster = agency_roster(meeting.agency, on=meeting.date)
    saved = list(meeting.attendances.select_related("unit", "person"))
    on_roster = {r.person.pk for r in roster if r.person is not None}
    by_person = {a.person_id: a for a in saved if a.person_id in on_roster}
    extra: dict[int | None, list[Attendance]] = {}
    for a in saved:
        if a.person_id not in on_roster:
            extra.setdefault(a.unit_id, []).append(a)
    lines: list[SheetLine] = []
    seen: set[int] = set()
    for i, r in enumerate(roster):
        if r.person is not None and r.person.pk not in seen:
            seen.add(r.person.pk)
            lines.append(SheetLine(f"p{r.person.pk}", r.unit, r.person, r.post, r.deputy, by_person.get(r.person.pk)))
        elif r.person is None and not extra.get(r.unit.pk):
            lines.append(SheetLine(f"u{r.unit.pk}", r.unit, None))
        if i + 1 == len(roster) or roster[i + 1].unit.pk != r.unit.pk:
            lines += [SheetLine(f"a{a.pk}", a.unit, a.person, attendance=a) for a in extra.pop(r.unit.pk, [])]
    lines += [SheetLine(f"a{a.pk}", a.unit, a.person, attendance=a) for rows in extra.values() for a in rows]
    return lines
