"""Writes of meeting imports. Every change records its audit row in the same transaction; confirming an
import creates the meeting and everything in it through the meetings and tracking services, in the one
transaction of `meeting_import_confirm` (all of a document or nothing of it)."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.core.uploads import PLAIN_TEXT, stored_file_save
from anwei.lib import rocdate
from anwei.meetingimports.models import MeetingImport, UnitAlias
from anwei.meetingimports.selectors import Parsed, UnitResolver, confirm_problems, meeting_import_duplicate
from anwei.meetingimports.values import ORIGIN, previous_label, resolution_choice
from anwei.meetings import services as ms
from anwei.meetings.models import Attendance, Proposal, Report, Ruling, SecurityMeeting
from anwei.orgs.models import Agency, Person, Unit
from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem

ACCEPTED = "DOCX、ODT、有文字層的 PDF 或純文字（.txt）"


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _duplicate_message(found: MeetingImport) -> str:
    when = rocdate.format_short(timezone.localtime(found.created_at).date()) if found.created_at else ""
    if found.state == MeetingImport.State.IMPORTED and found.meeting_id:
        return (f"這個檔案已經匯入過（{found.filename}，已建立{found.meeting.label}會議），不再重複匯入。"
                "如需重新匯入，請先刪除該會議。")
    return f"這個檔案已經上傳過（{found.filename}{'，' + when if when else ''}），正等待確認，請到匯入清單繼續處理。"


@service
def meeting_import_upload(*, actor: Person | None, agency: Agency, upload: UploadedFile,
                          background: bool = False) -> MeetingImport:
    """Keep the file (the same file twice in an agency is refused). With `background` it waits for the worker
    (the caller enqueues it in the same transaction); otherwise the caller reads it after this transaction
    (meetingimports.reading.import_file does both)."""
    if upload.name.lower().endswith(".doc"):
        raise ValidationError({"files": f"「{upload.name}」是舊版 Word（.doc）檔，請先另存為 DOCX 或 ODT 後再上傳。"})
    sha = _sha256(upload)
    found = meeting_import_duplicate(agency=agency, sha256=sha)
    if found is not None:
        raise ValidationError({"files": _duplicate_message(found)})
    try:
        stored = stored_file_save(actor=actor, agency=agency, upload=upload, extra=PLAIN_TEXT,
                                  extra_text=ACCEPTED)
    except ValidationError as exc:
        raise ValidationError({"files": exc.messages}) from None
    imp = MeetingImport.objects.create(agency=agency, file=stored, filename=stored.name, size=stored.size,
                                       sha256=sha, created_by=actor if getattr(actor, "pk", None) else None,
                                       progress="排入佇列，等待讀取…" if background else "讀取中…")
    audit_record(actor=actor, action="meetingimports.upload", obj=imp, after=snapshot(imp))
    return imp


@service
def meeting_import_read(*, actor: Person | None, imp: MeetingImport, parsed: Parsed) -> MeetingImport:
    """Record what reading the file gave (selectors.meeting_import_parse, run before this transaction so that
    a long document holds no lock while it is read): the draft for review, or — a file that cannot be a
    meeting's (no text layer, damaged, a plan or a letter) — the reason, in Chinese, and nothing else."""
    before = snapshot(imp)
    if parsed.error:
        _fail(imp, parsed.error)
    else:
        draft = parsed.draft
        imp.state, imp.kind, imp.draft = MeetingImport.State.REVIEW, draft.kind, draft.as_dict()
        imp.lines = [[line.no, line.text.replace("\n", " ")] for line in parsed.extracted.lines]
        imp.notes = list(parsed.extracted.notes)
        name = draft.agency.value
        if name and name not in (imp.agency.name, imp.agency.short_name) and name not in imp.agency.name \
                and imp.agency.name not in name:
            imp.notes.append(f"文件上的機關是「{name}」，與選擇的「{imp.agency.name}」不同，請確認選對機關。")
        imp.progress, imp.error = "讀取完成，請核對後確認匯入。", ""
    imp.finished_at = clock.now()
    imp.save()
    audit_record(actor=actor, action="meetingimports.read", obj=imp,
                 before={k: before[k] for k in ("state", "kind")},
                 after={"state": imp.state, "kind": imp.kind, "error": imp.error})
    return imp


def _fail(imp: MeetingImport, message: str) -> None:
    imp.state, imp.error, imp.progress, imp.draft, imp.lines = MeetingImport.State.FAILED, message[:1000], \
        "無法匯入", None, []


@service
def unit_alias_save(*, actor: Person | None, agency: Agency, name: str, unit: Unit | None = None,
                    all_units: bool = False) -> UnitAlias:
    """Remember what a name printed in the agency's documents stands for (asked once, used for every file)."""
    name = " ".join(name.split())[:100]
    if not name:
        raise ValidationError({"name": "請填寫文件上的單位名稱。"})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": f"「{unit.name}」不是本機關的單位。"})
    alias = UnitAlias.objects.filter(agency=agency, name=name).first()
    before = snapshot(alias) if alias else None
    if alias is None:
        alias = UnitAlias(agency=agency, name=name)
    alias.unit, alias.all_units = (None if all_units else unit), all_units
    alias.save()
    audit_record(actor=actor, action="meetingimports.unit_alias", obj=alias, agency=agency, before=before,
                 after=snapshot(alias))
    return alias


@service
def meeting_import_discard(*, actor: Person, imp: MeetingImport, expected_version: int) -> MeetingImport:
    """Give up an import that is not confirmed (the same file may then be uploaded again)."""
    if imp.state == MeetingImport.State.IMPORTED:
        raise ValidationError("此文件已經匯入，不能放棄；如需撤銷，請刪除所建立的會議。")
    before = snapshot(imp)
    version_bump(imp, expected_version)
    imp.state = MeetingImport.State.DISCARDED
    imp.save(update_fields=["state"])
    audit_record(actor=actor, action="meetingimports.discard", obj=imp, before=before, after=snapshot(imp))
    return imp


# --- confirm ---------------------------------------------------------------------------------------

def _unit_kw(resolver: UnitResolver, name: str) -> dict:
    found = resolver.resolve(name)
    if found is None:
        return {"lead_unit": None}
    return {"all_units": True} if found.all_units else {"lead_unit": found.unit}


def _unit_of(resolver: UnitResolver, name: str) -> Unit | None:
    found = resolver.resolve(name) if name else None
    return found.unit if found else None


@service
def meeting_import_confirm(*, actor: Person | None, imp: MeetingImport, expected_version: int,
                           values: dict) -> SecurityMeeting:
    """Create what the (corrected) draft says, through the same services as typed records: the meeting
    with its agenda, attendance, reports, proposals (and their 決議) and rulings (those marked 需列管 become
    this meeting's tracked items, 項次 1, 2, … as typed ones do); the directives table's
    items (found again when an earlier import or entry made them, else created under the meeting that
    gave them) with the progress and 繼續/解除列管 this meeting read — items still under tracking go on
    to the next meeting's round and packet. One transaction: any refusal leaves nothing behind."""
    if imp.state != MeetingImport.State.REVIEW:
        raise ValidationError(f"此匯入目前為「{imp.get_state_display()}」，不能確認匯入。")
    agency = imp.agency
    resolver = UnitResolver(agency)
    errors = confirm_problems(agency=agency, values=values, resolver=resolver)
    if errors:
        raise ValidationError(errors)
    before = snapshot(imp)
    version_bump(imp, expected_version)

    start = values.get("start_time")
    meeting = ms.meeting_create(actor=actor, agency=agency, date=values["date"], sequence=values["sequence"],
                                place=values.get("place") or "", chair_name=values.get("chair") or "",
                                recorder_name=values.get("recorder") or "",
                                **({"start_time": start} if start else {}))
    for p in meeting.proposals.all():  # carried over from a deferred proposal: the document says what is on
        ms.proposal_delete(actor=actor, proposal=p)
    if values.get("agenda"):
        for item in list(meeting.agenda_items.all()):
            ms.agenda_item_delete(actor=actor, item=item)
        for a in values["agenda"]:
            ms.agenda_item_add(actor=actor, meeting=meeting, title=a["title"].strip(), minutes=a["minutes"] or 0,
                               presenter=(a.get("presenter") or "")[:100], note=(a.get("note") or "")[:200])
    meeting.refresh_from_db()
    updates = {k: values[f] for k, f in (("attendees_note", "attendees_note"), ("opening_remarks", "opening_remarks"),
                                         ("conclusion", "conclusion"), ("adjourned_at", "end_time")) if values.get(f)}
    if updates:
        ms.meeting_update(actor=actor, meeting=meeting, expected_version=meeting.version, **updates)
    for name in values.get("attendees") or []:
        ms.attendance_add(actor=actor, meeting=meeting, name=name[:100])
    for name in values.get("absentees") or []:
        ms.attendance_add(actor=actor, meeting=meeting, name=name[:100], status=Attendance.Status.ABSENT)
    for r in values.get("reports", []):
        ms.report_add(actor=actor, meeting=meeting, kind=r["kind"] if r["kind"] in Report.Kind.values else "work",
                      title=r["title"].strip(), unit=_unit_of(resolver, r.get("unit")),
                      presenter=(r.get("presenter") or "").strip(), body=r.get("text") or "")
    proposals: dict[tuple[str, int | None], Proposal] = {}
    ordered = sorted(values.get("proposals", []), key=lambda p: (p["kind"] != "regular", p.get("number") or 0))
    for p in ordered:
        kind = p["kind"] if p["kind"] in Proposal.Kind.values else Proposal.Kind.REGULAR
        made = ms.proposal_add(actor=actor, meeting=meeting, kind=kind, subject=p["subject"],
                               unit=_unit_of(resolver, p.get("unit")), explanation=p.get("explanation") or "",
                               method=p.get("method") or "")
        if p.get("resolution", "").strip():
            made = ms.proposal_resolve(actor=actor, proposal=made, expected_version=made.version,
                                       resolution=resolution_choice(p["resolution"]),
                                       resolution_text=p["resolution"])
        proposals[(kind, p.get("number"))] = made
    for r in values.get("rulings", []):
        proposal = proposals.get((Proposal.Kind.REGULAR, r.get("proposal_number"))) if r.get("proposal_number") \
            else None
        section = r["section"] if r["section"] in Ruling.Section.values else Ruling.Section.CONCLUSION
        tracked = {"actionable": True, **_unit_kw(resolver, r.get("lead_unit") or "")} if r.get("actionable") else {}
        ms.ruling_add(actor=actor, meeting=meeting, section=section, subject=(r.get("subject") or "")[:300],
                      text=r["text"], proposal=proposal, **tracked)
    entries = _directives(actor, agency, resolver, values)
    if entries:
        ts.progress_round_record(actor=actor, agency=agency, target=meeting, target_date=meeting.date,
                                 title=f"{meeting.label}會議執行情形（匯入）", entries=entries)
    imp.state, imp.meeting, imp.finished_at = MeetingImport.State.IMPORTED, meeting, clock.now()
    imp.progress = f"已匯入為{meeting.label}會議"
    imp.save()
    audit_record(actor=actor, action="meetingimports.confirm", obj=imp, before=before, after=snapshot(imp))
    return meeting


def _directives(actor, agency: Agency, resolver: UnitResolver, values: dict) -> list:
    """The directives table: each row's tracked item (the same item when it is already in 安維: an
    agency numbers a meeting's items once), with the progress and decision read for this meeting."""
    fallback = previous_label(values.get("roc_year"), values.get("sequence"))
    origins: dict[str, SecurityMeeting | None] = {}
    entries = []
    for d in values.get("directives", []):
        origin = d["origin"] or fallback
        label = f"{origin}會議"
        item = TrackedItem.objects.filter(agency=agency, origin_label=label, number=d["number"]).first()
        if item is None:
            if origin not in origins:
                year, seq = (int(x) for x in ORIGIN.match(origin).groups())
                origins[origin] = SecurityMeeting.objects.filter(agency=agency, roc_year=year, sequence=seq).first()
            given_at = origins[origin]
            co = [u for u in (_unit_of(resolver, n) for n in d.get("co_units") or []) if u is not None]
            item = ts.tracked_item_create(
                actor=actor, agency=agency, source_kind=TrackedItem.Source.MEETING_DIRECTIVE, text=d["text"],
                co_units=co, origin=given_at, origin_date=given_at.date if given_at else None, origin_label=label,
                number=d["number"], roc_year=int(ORIGIN.match(origin).group(1)), **_unit_kw(resolver, d["lead_unit"]))
            if given_at is None:  # the meeting that gave it is not in 安維: its packets still list the item
                ts.tracked_item_packet_set(actor=actor, item=item, in_packet=True)
        decision = d.get("decision") or None
        entries.append((item, d.get("progress") or "", decision))
    return entries
