"""Writes of the meeting cycle. Every change records its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import F, Max

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import row_lock, version_bump
from anwei.core.forms import ConflictError
from anwei.core.service import service
from anwei.core.uploads import stored_file_save
from anwei.lib import rocdate
from anwei.meetings.models import AgendaItem, Attendance, Proposal, Report, Ruling, SecurityMeeting
from anwei.meetings.selectors import ethics_unit_name, meeting_next, meeting_previous
from anwei.orgs.models import Agency, Person, Unit
from anwei.tracking.models import TrackedItem
from anwei.tracking.services import (progress_round_open, tracked_item_create, tracked_item_delete,
                                     tracked_item_update)

MIDNIGHT = 24 * 60

# The standard 程序表 of seeds 000/001: (title, minutes, presenter); "{ethics}" is the ethics unit.
STANDARD_AGENDA = [
    ("簽到", 5, "{ethics}"),
    ("主席致詞", 5, "主持人"),
    ("上次會議主席裁(指)示事項辦理情形", 10, "{ethics}"),
    ("秘書單位工作報告", 10, "{ethics}"),
    ("專題報告", 10, ""),
    ("提案討論", 10, "主持人"),
    ("臨時動議", 5, "主持人"),
    ("主席結論", 5, "主持人"),
    ("散會", 0, ""),
]

SECTION_SOURCE = {
    Ruling.Section.PREVIOUS: TrackedItem.Source.MEETING_DIRECTIVE,
    Ruling.Section.REPORTS: TrackedItem.Source.REPORT_RULING,
    Ruling.Section.PROPOSALS: TrackedItem.Source.PROPOSAL_RESOLUTION,
    Ruling.Section.EXTEMPORE: TrackedItem.Source.EXTEMPORE_MOTION,
    Ruling.Section.CONCLUSION: TrackedItem.Source.MEETING_DIRECTIVE,
}


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _agenda_check(start: dt.time, durations: Iterable[int]) -> None:
    """Refuse an agenda that runs past midnight."""
    total = _minutes(start) + sum(durations)
    if total > MIDNIGHT:
        raise ValidationError({"minutes": f"議程將結束於隔日（共超過午夜 {total - MIDNIGHT} 分鐘），請縮短時間或提早開始。"})


@service
def meeting_create(*, actor: Person | None, agency: Agency, date: dt.date, start_time: dt.time = dt.time(11, 30),
                   place: str = "", chair_name: str = "", recorder_name: str = "",
                   sequence: int | None = None) -> SecurityMeeting:
    """The next meeting of the year (108年第2次 follows 108年第1次), with the standard agenda and
    the proposals the last meeting deferred (下次會議續審)."""
    roc_year = rocdate.roc_year(date)
    row_lock(agency)
    taken = SecurityMeeting.objects.filter(agency=agency, roc_year=roc_year)
    if sequence is None:
        sequence = (taken.aggregate(n=Max("sequence"))["n"] or 0) + 1
    elif taken.filter(sequence=sequence).exists():
        raise ValidationError({"sequence": f"{roc_year}年第{sequence}次會議已經存在。"})
    _agenda_check(start_time, [m for _, m, _ in STANDARD_AGENDA])
    meeting = SecurityMeeting.objects.create(
        agency=agency, roc_year=roc_year, sequence=sequence, date=date, start_time=start_time, place=place,
        chair_name=chair_name, recorder_name=recorder_name, created_by=actor if getattr(actor, "pk", None) else None)
    ethics = ethics_unit_name(agency)
    AgendaItem.objects.bulk_create([
        AgendaItem(meeting=meeting, order=i, title=title, minutes=minutes, presenter=presenter.format(ethics=ethics))
        for i, (title, minutes, presenter) in enumerate(STANDARD_AGENDA, start=1)])
    audit_record(actor=actor, action="meetings.create", obj=meeting, after=snapshot(meeting))
    previous = meeting_previous(meeting)
    if previous is not None:
        for p in previous.proposals.filter(resolution=Proposal.Resolution.DEFERRED):
            _proposal_carry(actor=actor, origin=p, meeting=meeting)
    return meeting


MEETING_FIELDS = ["date", "start_time", "place", "chair_name", "recorder_name", "attendees_note",
                  "opening_remarks", "conclusion", "adjourned_at"]


@service
def meeting_update(*, actor: Person, meeting: SecurityMeeting, expected_version: int, **values) -> SecurityMeeting:
    unknown = set(values) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    if "date" in values and rocdate.roc_year(values["date"]) != meeting.roc_year:
        raise ValidationError({"date": f"會議日期須在民國{meeting.roc_year}年（本次為{meeting.label}會議）。"})
    if "start_time" in values:
        _agenda_check(values["start_time"], meeting.agenda_items.values_list("minutes", flat=True))
    start, adjourned = values.get("start_time", meeting.start_time), values.get("adjourned_at", meeting.adjourned_at)
    if adjourned is not None and _minutes(adjourned) < _minutes(start):
        raise ValidationError({"adjourned_at": f"散會時間 {adjourned:%H:%M} 早於開會時間 {start:%H:%M}，請重新輸入。"})
    before = snapshot(meeting)
    version_bump(meeting, expected_version)
    for k, v in values.items():
        setattr(meeting, k, v)
    meeting.save()
    audit_record(actor=actor, action="meetings.update", obj=meeting, before=before, after=snapshot(meeting))
    return meeting


@service
def meeting_delete(*, actor: Person, meeting: SecurityMeeting) -> None:
    if meeting.tracked_items.exists() or meeting.progress_rounds.exists():
        raise ValidationError("此會議已有列管事項或執行情形填報，不能刪除。")
    audit_record(actor=actor, action="meetings.delete", obj=meeting, before=snapshot(meeting))
    meeting.delete()


@service
def meeting_round_open(*, actor: Person, meeting: SecurityMeeting, deadline: dt.date, title: str = ""):
    """開始蒐集執行情形 for this meeting: a progress round over every item still under tracking (except the
    meeting's own, reported on at the next one)."""
    return progress_round_open(actor=actor, agency=meeting.agency, target=meeting, target_date=meeting.date,
                               deadline=deadline, title=title or f"{meeting.label}會議執行情形填報")


# --- agenda --------------------------------------------------------------------------------------

def _agenda_renumber(meeting: SecurityMeeting, items: list[AgendaItem]) -> None:
    for i, item in enumerate(items, start=1):
        item.order = i
    AgendaItem.objects.bulk_update(items, ["order"])


@service
def agenda_item_add(*, actor: Person, meeting: SecurityMeeting, title: str, minutes: int, presenter: str = "",
                    note: str = "", position: int | None = None) -> AgendaItem:
    items = list(meeting.agenda_items.select_for_update())
    _agenda_check(meeting.start_time, [i.minutes for i in items] + [minutes])
    item = AgendaItem(meeting=meeting, title=title, minutes=minutes, presenter=presenter, note=note)
    # Before 散會 unless a position is given.
    if position is None:
        position = len(items) - 1 if items and items[-1].minutes == 0 else len(items)
    item.save()
    items.insert(max(0, min(position, len(items))), item)
    _agenda_renumber(meeting, items)
    audit_record(actor=actor, action="meetings.agenda_add", obj=item, agency=meeting.agency, after=snapshot(item))
    return item


AGENDA_FIELDS = ["title", "minutes", "presenter", "note"]


@service
def agenda_item_update(*, actor: Person, item: AgendaItem, expected_version: int, title: str, minutes: int,
                       presenter: str = "", note: str = "") -> AgendaItem:
    """Raises ConflictError (with the saved row) when someone saved the item since `expected_version`."""
    others = item.meeting.agenda_items.exclude(pk=item.pk).values_list("minutes", flat=True)
    _agenda_check(item.meeting.start_time, [*others, minutes])
    before = snapshot(item)
    version_bump(item, expected_version)
    item.title, item.minutes, item.presenter, item.note = title, minutes, presenter, note
    item.save(update_fields=AGENDA_FIELDS)  # not `order`: a move made meanwhile stands
    audit_record(actor=actor, action="meetings.agenda_update", obj=item, agency=item.meeting.agency,
                 before=before, after=snapshot(item))
    return item


@dataclass(frozen=True)
class AgendaRow:
    """One row of the agenda as submitted with the whole table, and the version it was shown at."""

    item: AgendaItem
    expected_version: int
    title: str
    minutes: int
    presenter: str = ""
    note: str = ""


@service
def agenda_save(*, actor: Person, meeting: SecurityMeeting, rows: list[AgendaRow]) -> int:
    """Save the agenda table as a whole: every row that changed, or none. Rows someone else saved since
    the page was opened raise ConflictError with all of them as they are now (`current` is a list); a
    move made meanwhile stands (order is not saved here). Returns the number of rows changed."""
    row_lock(meeting)
    current = {i.pk: i for i in meeting.agenda_items.all()}
    rows = [r for r in rows if r.item.pk in current]  # a row deleted meanwhile is gone
    stale = [current[r.item.pk] for r in rows if current[r.item.pk].version != r.expected_version]
    if stale:
        raise ConflictError(stale)
    minutes = {pk: i.minutes for pk, i in current.items()} | {r.item.pk: r.minutes for r in rows}
    _agenda_check(meeting.start_time, minutes.values())
    changed = 0
    for r in rows:
        item = current[r.item.pk]
        values = {"title": r.title, "minutes": r.minutes, "presenter": r.presenter, "note": r.note}
        if all(getattr(item, k) == v for k, v in values.items()):
            continue
        before = snapshot(item)
        version_bump(item, r.expected_version)
        for k, v in values.items():
            setattr(item, k, v)
        item.save(update_fields=AGENDA_FIELDS)
        audit_record(actor=actor, action="meetings.agenda_update", obj=item, agency=meeting.agency,
                     before=before, after=snapshot(item))
        changed += 1
    return changed


@service
def agenda_item_delete(*, actor: Person, item: AgendaItem) -> None:
    meeting = item.meeting
    audit_record(actor=actor, action="meetings.agenda_delete", obj=item, agency=meeting.agency, before=snapshot(item))
    item.delete()
    _agenda_renumber(meeting, list(meeting.agenda_items.all()))


@service
def agenda_item_move(*, actor: Person, item: AgendaItem, offset: int) -> None:
    meeting = item.meeting
    items = list(meeting.agenda_items.select_for_update())
    i = next(n for n, x in enumerate(items) if x.pk == item.pk)
    j = max(0, min(len(items) - 1, i + offset))
    items.insert(j, items.pop(i))
    _agenda_renumber(meeting, items)
    audit_record(actor=actor, action="meetings.agenda_move", obj=item, agency=meeting.agency,
                 after={"order": [x.pk for x in items]})


# --- attendance ----------------------------------------------------------------------------------

@dataclass
class AttendanceSheetState:
    """The attendance table as saved now (what a ConflictError carries): its version and its rows."""

    pk: int  # the meeting's
    version: int
    rows: list[Attendance]


def _attendance_bump(meeting: SecurityMeeting, expected: int | None = None) -> None:
    """Advance the table's version; with `expected`, refuse (ConflictError) if someone saved it since."""
    rows = SecurityMeeting.objects.filter(pk=meeting.pk)
    if expected is not None:
        rows = rows.filter(attendance_version=expected)
    if not rows.update(attendance_version=F("attendance_version") + 1):
        current = SecurityMeeting.objects.get(pk=meeting.pk)
        raise ConflictError(AttendanceSheetState(meeting.pk, current.attendance_version,
                                                 list(meeting.attendances.select_related("unit"))))
    meeting.attendance_version = (expected if expected is not None else meeting.attendance_version) + 1


def _attendance_check(meeting: SecurityMeeting, *, status: str, represented_by: str, unit: Unit | None,
                      field: str = "") -> None:
    key = f"{field}-" if field else ""
    if status not in Attendance.Status.values:
        raise ValidationError({f"{key}status": "請選擇出席情形。"})
    if status == Attendance.Status.REPRESENTED and not represented_by.strip():
        raise ValidationError({f"{key}represented_by": "代理出席時，請填寫代理人。"})
    if unit is not None and unit.agency_id != meeting.agency_id:
        raise ValidationError({f"{key}unit": "請選擇本機關的單位。"})


@service
def attendance_add(*, actor: Person, meeting: SecurityMeeting, name: str, unit: Unit | None = None,
                   status: str = Attendance.Status.PRESENT, represented_by: str = "") -> Attendance:
    """One person typed in (a guest, or someone not on the roster)."""
    _attendance_check(meeting, status=status, represented_by=represented_by, unit=unit)
    _attendance_bump(meeting)
    row = Attendance.objects.create(meeting=meeting, name=name, unit=unit, status=status,
                                    represented_by=represented_by.strip() if status == Attendance.Status.REPRESENTED else "")
    audit_record(actor=actor, action="meetings.attendance_add", obj=row, agency=meeting.agency, after=snapshot(row))
    return row


@service
def attendance_delete(*, actor: Person, attendance: Attendance) -> None:
    _attendance_bump(attendance.meeting)
    audit_record(actor=actor, action="meetings.attendance_delete", obj=attendance,
                 agency=attendance.meeting.agency, before=snapshot(attendance))
    attendance.delete()


@dataclass
class AttendanceRow:
    """One line of the attendance table as posted. `key` is the line's (selectors.SheetLine.key): a roster
    person (p<id>), a unit's empty line (u<id>) or a saved row (a<id>). An empty status leaves the line
    unrecorded (a saved row on it is removed)."""

    key: str
    status: str = ""
    name: str = ""
    represented_by: str = ""


ATTENDANCE_FIELDS = ["unit", "person", "name", "status", "represented_by"]


@service
def attendance_save(*, actor: Person, meeting: SecurityMeeting, expected_version: int,
                    rows: Iterable[AttendanceRow]) -> dict[str, int]:
    """The attendance table saved as a whole: every line's 出席 / 代理出席 (with the stand-in) / 請假, as
    the page showed it at `expected_version` (else ConflictError with the table as saved now). Lines are
    the agency's roster (selectors.attendance_sheet); each changed row is audited. Returns the counts by status."""
    from anwei.meetings.selectors import attendance_sheet

    row_lock(meeting)
    _attendance_bump(meeting, expected_version)
    lines = {line.key: line for line in attendance_sheet(meeting)}
    for r in rows:
        line = lines.get(r.key)
        if line is None:
            continue  # a line gone meanwhile (a row deleted, a person who left the roster)
        saved = line.attendance
        name = (r.name.strip() or line.name)[:100]
        if not r.status:
            if saved is None and line.person is None and r.name.strip():  # typed, not to be lost unnoticed
                raise ValidationError({f"{r.key}-status": f"已填「{r.name.strip()}」，請選擇出席情形。"})
            if saved is not None:
                audit_record(actor=actor, action="meetings.attendance_delete", obj=saved, agency=meeting.agency,
                             before=snapshot(saved))
                saved.delete()
            continue
        _attendance_check(meeting, status=r.status, represented_by=r.represented_by, unit=line.unit, field=r.key)
        if not name:
            raise ValidationError({f"{r.key}-name": "請填寫姓名。"})
        values = {"unit": line.unit, "person": line.person, "name": name, "status": r.status,
                  "represented_by": r.represented_by.strip()[:100] if r.status == Attendance.Status.REPRESENTED else ""}
        if saved is None:
            row = Attendance.objects.create(meeting=meeting, **values)
            audit_record(actor=actor, action="meetings.attendance_add", obj=row, agency=meeting.agency,
                         after=snapshot(row))
        elif any(getattr(saved, k) != v for k, v in values.items()):
            before = snapshot(saved)
            for k, v in values.items():
                setattr(saved, k, v)
            saved.save()
            audit_record(actor=actor, action="meetings.attendance_update", obj=saved, agency=meeting.agency,
                         before=before, after=snapshot(saved))
    counts = {s: 0 for s in Attendance.Status.values}
    for status in meeting.attendances.values_list("status", flat=True):
        counts[status] += 1
    return counts


# --- reports -------------------------------------------------------------------------------------

def _save_files(actor, agency, files) -> list:
    return [stored_file_save(actor=actor, agency=agency, upload=f) for f in files or []]


@service
def report_add(*, actor: Person, meeting: SecurityMeeting, kind: str, title: str, unit: Unit | None = None,
               presenter: str = "", body: str = "", files=()) -> Report:
    row_lock(meeting)
    order = (meeting.reports.aggregate(n=Max("order"))["n"] or 0) + 1
    report = Report.objects.create(meeting=meeting, kind=kind, order=order, title=title, unit=unit,
                                   presenter=presenter, body=body)
    report.attachments.add(*_save_files(actor, meeting.agency, files))
    audit_record(actor=actor, action="meetings.report_add", obj=report, agency=meeting.agency, after=snapshot(report))
    return report


@service
def report_append(*, actor: Person, report: Report, text: str) -> Report:
    """Append a block (another app's statistics) to a report's body. Appending commutes with any
    concurrent edit: lock and re-read instead of asking for a version."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    body = (report.body.rstrip() + "\n\n" if report.body.strip() else "") + text
    return report_update(actor=actor, report=report, expected_version=report.version, title=report.title,
                         unit=report.unit, presenter=report.presenter, body=body, kind=report.kind)


@service
def report_update(*, actor: Person, report: Report, expected_version: int, title: str, unit: Unit | None,
                  presenter: str, body: str, kind: str, files=()) -> Report:
    before = snapshot(report)
    version_bump(report, expected_version)
    report.title, report.unit, report.presenter, report.body, report.kind = title, unit, presenter, body, kind
    report.save()
    report.attachments.add(*_save_files(actor, report.meeting.agency, files))
    audit_record(actor=actor, action="meetings.report_update", obj=report, agency=report.meeting.agency,
                 before=before, after=snapshot(report))
    return report


@service
def report_delete(*, actor: Person, report: Report) -> None:
    audit_record(actor=actor, action="meetings.report_delete", obj=report, agency=report.meeting.agency,
                 before=snapshot(report))
    report.delete()


# --- proposals -----------------------------------------------------------------------------------

def _next_number(meeting: SecurityMeeting, kind: str) -> int:
    row_lock(meeting)
    return (meeting.proposals.filter(kind=kind).aggregate(n=Max("number"))["n"] or 0) + 1


@service
def proposal_add(*, actor: Person, meeting: SecurityMeeting, subject: str, unit: Unit | None = None,
                 explanation: str = "", method: str = "", kind: str = Proposal.Kind.REGULAR,
                 files=()) -> Proposal:
    """第N案 (or 臨時動議第N案), numbered in the order entered."""
    if not subject.strip():
        raise ValidationError({"subject": "請填寫案由。"})
    p = Proposal.objects.create(meeting=meeting, kind=kind, number=_next_number(meeting, kind), unit=unit,
                                subject=subject.strip(), explanation=explanation.strip(), method=method.strip())
    p.attachments.add(*_save_files(actor, meeting.agency, files))
    audit_record(actor=actor, action="meetings.proposal_add", obj=p, agency=meeting.agency, after=snapshot(p))
    return p


@service
def proposal_update(*, actor: Person, proposal: Proposal, expected_version: int, subject: str,
                    unit: Unit | None, explanation: str, method: str, files=()) -> Proposal:
    before = snapshot(proposal)
    version_bump(proposal, expected_version)
    proposal.subject, proposal.unit = subject.strip(), unit
    proposal.explanation, proposal.method = explanation.strip(), method.strip()
    proposal.save()
    proposal.attachments.add(*_save_files(actor, proposal.meeting.agency, files))
    audit_record(actor=actor, action="meetings.proposal_update", obj=proposal, agency=proposal.meeting.agency,
                 before=before, after=snapshot(proposal))
    return proposal


def _proposal_carry(*, actor, origin: Proposal, meeting: SecurityMeeting) -> Proposal | None:
    if origin.continuations.filter(meeting=meeting).exists():
        return None
    p = Proposal.objects.create(meeting=meeting, kind=Proposal.Kind.REGULAR,
                                number=_next_number(meeting, Proposal.Kind.REGULAR), unit=origin.unit,
                                subject=origin.subject, explanation=origin.explanation, method=origin.method,
                                origin=origin)
    audit_record(actor=actor, action="meetings.proposal_carry", obj=p, agency=meeting.agency, after=snapshot(p))
    return p


PROPOSAL_SOURCE = {Proposal.Kind.REGULAR: TrackedItem.Source.PROPOSAL_RESOLUTION,
                   Proposal.Kind.EXTEMPORE: TrackedItem.Source.EXTEMPORE_MOTION}
UNTRACKABLE = {Proposal.Resolution.REJECTED: "不通過的提案不能列管。",
               Proposal.Resolution.DEFERRED: "下次會議續審的提案，請於續審作成決議時再列管。"}


@service
def proposal_resolve(*, actor: Person, proposal: Proposal, expected_version: int, resolution: str,
                     resolution_text: str = "", track: bool = False, lead_unit: Unit | None = None,
                     all_units: bool = False, co_units: Iterable[Unit] = (),
                     due_date: dt.date | None = None) -> Proposal:
    """Record the 決議. 下次會議續審 carries the proposal into the next meeting (now, if it exists;
    otherwise when the next meeting is created). With `track`, the resolution itself becomes the meeting's
    next tracked item (項次 1, 2, … with its rulings), its text the 決議; a tracked resolution whose item still
    has the resolution's words changes with it (an item reworded on its own page keeps its wording)."""
    if resolution not in Proposal.Resolution.values:
        raise ValidationError({"resolution": "請選擇決議結果。"})
    meeting = proposal.meeting
    row_lock(meeting)  # the same queue as ruling_add: a tracked resolution is numbered after the others
    item = proposal.tracked_items.select_for_update().first()
    if track and item is None:
        if resolution in UNTRACKABLE:
            raise ValidationError({"resolution": UNTRACKABLE[resolution]})
        if not resolution_text.strip():
            raise ValidationError({"resolution_text": "列管時請填寫決議內容（即列管事項的內容）。"})
    before = snapshot(proposal)
    old_text = proposal.resolution_text
    version_bump(proposal, expected_version)
    proposal.resolution, proposal.resolution_text = resolution, resolution_text.strip()
    proposal.save()
    audit_record(actor=actor, action="meetings.proposal_resolve", obj=proposal, agency=meeting.agency,
                 before=before, after=snapshot(proposal))
    if track and item is None:
        tracked_item_create(actor=actor, agency=meeting.agency, source_kind=PROPOSAL_SOURCE[proposal.kind],
                            text=proposal.resolution_text, lead_unit=lead_unit, all_units=all_units,
                            co_units=co_units, due_date=due_date, origin=meeting, origin_date=meeting.date,
                            origin_label=f"{meeting.label}會議", roc_year=meeting.roc_year, source=proposal)
    elif item is not None and item.text == old_text and proposal.resolution_text and item.text != proposal.resolution_text:
        tracked_item_update(actor=actor, item=item, expected_version=item.version, text=proposal.resolution_text,
                            lead_unit=item.lead_unit, all_units=item.all_units, co_units=list(item.co_units.all()),
                            due_date=item.due_date)
    if resolution == Proposal.Resolution.DEFERRED:
        nxt = meeting_next(meeting)
        if nxt is not None:
            _proposal_carry(actor=actor, origin=proposal, meeting=nxt)
    return proposal


@service
def proposal_delete(*, actor: Person, proposal: Proposal) -> None:
    if proposal.rulings.filter(actionable=True).exists() or proposal.tracked_items.exists():
        raise ValidationError("此提案已產生列管事項，請先刪除該列管事項。")
    audit_record(actor=actor, action="meetings.proposal_delete", obj=proposal, agency=proposal.meeting.agency,
                 before=snapshot(proposal))
    proposal.delete()


# --- rulings (主席裁示) and the tracked items they give -------------------------------------------

@service
def ruling_add(*, actor: Person, meeting: SecurityMeeting, text: str, section: str = Ruling.Section.CONCLUSION,
               subject: str = "", report: Report | None = None, proposal: Proposal | None = None,
               actionable: bool = False, lead_unit: Unit | None = None, all_units: bool = False,
               co_units: Iterable[Unit] = (), due_date: dt.date | None = None) -> Ruling:
    """A ruling; when actionable it becomes the meeting's next tracked item (項次 1, 2, …)."""
    if not text.strip():
        raise ValidationError({"text": "請填寫裁示內容。"})
    section = _ruling_section(meeting, section, report, proposal)
    # Rulings entered at the same instant by two officers queue here: the order and the tracked
    # item's number below are read after the other's are committed (PostgreSQL; SQLite writes one at a time).
    row_lock(meeting)
    order = (meeting.rulings.aggregate(n=Max("order"))["n"] or 0) + 1
    ruling = Ruling.objects.create(meeting=meeting, section=section, order=order, subject=subject.strip(),
                                   text=text.strip(), report=report, proposal=proposal, actionable=actionable)
    audit_record(actor=actor, action="meetings.ruling_add", obj=ruling, agency=meeting.agency, after=snapshot(ruling))
    if actionable:
        _ruling_track(actor=actor, ruling=ruling, lead_unit=lead_unit, all_units=all_units, co_units=co_units,
                      due_date=due_date)
    return ruling


def _ruling_section(meeting: SecurityMeeting, section: str, report: Report | None,
                    proposal: Proposal | None) -> str:
    """A ruling on a proposal or report belongs to that part of the minutes, whatever was chosen."""
    if report is not None and report.meeting_id != meeting.pk or proposal is not None and proposal.meeting_id != meeting.pk:
        raise ValidationError("報告或提案不屬於這次會議。")
    if proposal is not None and proposal.kind == Proposal.Kind.EXTEMPORE:
        return Ruling.Section.EXTEMPORE
    if proposal is not None:
        return Ruling.Section.PROPOSALS
    if report is not None:
        return Ruling.Section.REPORTS
    if section not in Ruling.Section.values:
        raise ValidationError({"section": "請選擇議程。"})
    return section


def _ruling_track(*, actor: Person, ruling: Ruling, lead_unit: Unit | None, all_units: bool,
                  co_units: Iterable[Unit], due_date: dt.date | None) -> TrackedItem:
    meeting = ruling.meeting
    return tracked_item_create(actor=actor, agency=meeting.agency, source_kind=SECTION_SOURCE[ruling.section],
                               text=ruling.text, lead_unit=lead_unit, all_units=all_units, co_units=co_units,
                               due_date=due_date, origin=meeting, origin_date=meeting.date,
                               origin_label=f"{meeting.label}會議", roc_year=meeting.roc_year, source=ruling)


RULING_FIELDS = ["section", "subject", "text", "report", "proposal", "actionable"]


@service
def ruling_update(*, actor: Person, ruling: Ruling, expected_version: int, text: str, section: str,
                  subject: str = "", report: Report | None = None, proposal: Proposal | None = None,
                  actionable: bool = False, lead_unit: Unit | None = None, all_units: bool = False,
                  co_units: Iterable[Unit] = (), due_date: dt.date | None = None) -> Ruling:
    """Correct a ruling. Raises ConflictError (with the saved row) when someone saved it since
    `expected_version`.

    Its tracked item, if any, keeps the ruling's words: when the item's text is still the ruling's
    text it changes with it (through tracking's own service, audited there); an item whose text was
    reworded on its own page keeps that wording. The item's units and due date are the item's, edited on
    its page; the units given here are used only when the ruling is put under tracking now. A tracked
    ruling cannot move to a part of the minutes that would change its item's source (delete and re-enter)."""
    if not text.strip():
        raise ValidationError({"text": "請填寫裁示內容。"})
    meeting = ruling.meeting
    section = _ruling_section(meeting, section, report, proposal)
    row_lock(meeting)  # the same queue as ruling_add: a new tracked item is numbered after the others
    item = ruling.tracked_items.select_for_update().first()
    if item is not None and SECTION_SOURCE[section] != item.source_kind:
        raise ValidationError({"section": f"此裁示已列管為第{item.number}項（{item.get_source_kind_display()}），"
                                          f"不能改到「{Ruling.Section(section).label}」；如需改變，請刪除後重新新增。"})
    before = snapshot(ruling)
    old_text = ruling.text
    version_bump(ruling, expected_version)
    ruling.section, ruling.subject, ruling.text = section, subject.strip(), text.strip()
    ruling.report, ruling.proposal = report, proposal
    ruling.actionable = actionable or item is not None
    ruling.save(update_fields=RULING_FIELDS)  # not `order`
    audit_record(actor=actor, action="meetings.ruling_update", obj=ruling, agency=meeting.agency,
                 before=before, after=snapshot(ruling))
    if item is None and actionable:
        _ruling_track(actor=actor, ruling=ruling, lead_unit=lead_unit, all_units=all_units, co_units=co_units,
                      due_date=due_date)
    elif item is not None and item.text == old_text and item.text != ruling.text:
        tracked_item_update(actor=actor, item=item, expected_version=item.version, text=ruling.text,
                            lead_unit=item.lead_unit, all_units=item.all_units, co_units=list(item.co_units.all()),
                            due_date=item.due_date)
    return ruling


@service
def ruling_delete(*, actor: Person, ruling: Ruling) -> None:
    for item in ruling.tracked_items.all():
        tracked_item_delete(actor=actor, item=item)
    audit_record(actor=actor, action="meetings.ruling_delete", obj=ruling, agency=ruling.meeting.agency,
                 before=snapshot(ruling))
    ruling.delete()
