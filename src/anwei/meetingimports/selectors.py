"""Reads of meeting imports, scoped to the agencies whose ethics officer the person is, and the unit-name
resolution the review screen and the import share."""

from __future__ import annotations

from dataclasses import dataclass

from anwei.core.uploads import stored_file_bytes
from anwei.lib.docextract import Extracted, ExtractError, extract
from anwei.lib.meetingimport import MeetingDraft, NotAMeetingDocument, parse_meeting

from django.db.models import QuerySet
from django.http import Http404

from anwei.lib import rocdate
from anwei.lib.unitnames import ALL_UNITS, UnitMatcher, normalise
from anwei.meetingimports.models import MeetingImport, UnitAlias
from anwei.meetingimports.values import ORIGIN, keyed, previous_label
from anwei.meetings.models import SecurityMeeting
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit

ACTION = "meetingimport.manage"


def meeting_import_list(*, person: Person) -> QuerySet[MeetingImport]:
    return (MeetingImport.objects.filter(policy.scope(person, ACTION).q(agency="agency", unit=None))
            .exclude(state=MeetingImport.State.DISCARDED).select_related("agency", "meeting")
            .defer("draft", "lines").order_by("-created_at", "-pk"))


def meeting_import_get(*, person: Person, pk: int) -> MeetingImport:
    imp = MeetingImport.objects.filter(pk=pk).select_related("agency", "meeting", "file").first()
    if imp is None or not policy.may(person, ACTION, imp.agency):
        raise Http404("找不到此匯入")
    return imp


def import_agencies(*, person: Person) -> list[Agency]:
    return policy.granting_agencies(person, ACTION)


def meeting_import_duplicate(*, agency: Agency, sha256: str) -> MeetingImport | None:
    """The live import of the same file in this agency, if any."""
    return (MeetingImport.objects.filter(agency=agency, sha256=sha256, state__in=MeetingImport.LIVE)
            .select_related("meeting").first())


@dataclass(frozen=True)
class Parsed:
    """What reading a file gave: the extraction and the draft, or the reason it cannot be imported."""

    extracted: Extracted | None = None
    draft: MeetingDraft | None = None
    error: str = ""


def document_parse(data: bytes, filename: str) -> Parsed:
    """Read a document into a meeting draft (no database): docextract, then meetingimport."""
    try:
        extracted = extract(data, filename)
        return Parsed(extracted, parse_meeting(extracted))
    except ExtractError as exc:
        return Parsed(error=exc.message)
    except NotAMeetingDocument as exc:
        return Parsed(error=str(exc))


def meeting_import_parse(imp: MeetingImport) -> Parsed:
    """Read an import's stored file; call it outside a transaction (a long PDF takes seconds)."""
    return document_parse(stored_file_bytes(imp.file), imp.filename)


@dataclass(frozen=True)
class Resolved:
    """What a printed unit name stands for: one unit, every unit (各科室), or no unit (mapped so)."""

    unit: Unit | None
    all_units: bool = False
    how: str = ""  # exact, alias, all, stem, abbreviation, none

    @property
    def label(self) -> str:
        if self.all_units:
            return "各科室"
        return self.unit.name if self.unit else "（不指定單位）"


class UnitResolver:
    """The agency's units and the names remembered from earlier imports, matched as anwei.lib.unitnames does."""

    def __init__(self, agency: Agency) -> None:
        self.agency = agency
        self.units = list(Unit.objects.filter(agency=agency).order_by("order", "id"))
        self._by_name = {u.name: u for u in self.units}
        names = [agency.name, agency.short_name or ""]
        aliases = list(UnitAlias.objects.filter(agency=agency).select_related("unit"))
        self._none = {normalise(a.name, names) for a in aliases if a.unit_id is None and not a.all_units}
        self.matcher = UnitMatcher([u.name for u in self.units],
                                   {a.name: ALL_UNITS if a.all_units else a.unit.name
                                    for a in aliases if a.all_units or a.unit_id},
                                   agency_names=names)
        self._names = names

    def resolve(self, name: str | None) -> Resolved | None:
        """None when the name is not known: the officer is asked to map it."""
        if not name or not name.strip():
            return None
        if normalise(name, self._names) in self._none:
            return Resolved(None, how="none")
        found = self.matcher.match_detail(name)
        if found is None:
            return None
        if found.unit == ALL_UNITS:
            return Resolved(None, all_units=True, how=found.how)
        return Resolved(self._by_name[found.unit], how=found.how)


def draft_unit_names(values: dict) -> list[str]:
    """Every unit name the (corrected) draft prints, in the order they appear."""
    names: list[str] = []
    for d in values.get("directives", []):
        names += [d.get("lead_unit") or "", *(d.get("co_units") or [])]
    names += [r.get("lead_unit") or "" for r in values.get("rulings", []) if r.get("actionable")]
    names += [r.get("unit") or "" for r in values.get("reports", [])]
    names += [p.get("unit") or "" for p in values.get("proposals", [])]
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def unmatched_names(resolver: UnitResolver, values: dict) -> list[str]:
    return [n for n in draft_unit_names(values) if resolver.resolve(n) is None]


LIMITS = {"place": (200, "地點"), "chair": (100, "主席"), "recorder": (100, "紀錄"),
          "attendees_note": (200, "出席")}


def confirm_problems(*, agency: Agency, values: dict, resolver: UnitResolver | None = None) -> dict[str, list[str]]:
    """Every reason the values cannot be imported, keyed as the review form names its fields."""
    resolver = resolver or UnitResolver(agency)
    errors: dict[str, list[str]] = {}

    def err(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    year, seq, date = values.get("roc_year"), values.get("sequence"), values.get("date")
    if not year:
        err("roc_year", "請填寫會議年度（民國）。")
    if not seq:
        err("sequence", "請填寫第幾次會議。")
    if date is None:
        err("date", "請填寫會議日期。")
    elif year and rocdate.roc_year(date) != year:
        err("date", f"會議日期（{rocdate.format_short(date)}）不在民國{year}年，請核對年度或日期。")
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end < start:
        err("end_time", f"散會時間 {end:%H:%M} 早於開會時間 {start:%H:%M}，請核對。")
    if year and seq and SecurityMeeting.objects.filter(agency=agency, roc_year=year, sequence=seq).exists():
        err("sequence", f"{year}年第{seq}次會議已經存在（可能已匯入或已在安維建立），不重複建立。")
    for name, (limit, label) in LIMITS.items():
        if len(values.get(name) or "") > limit:
            err(name, f"{label}最多 {limit} 字。")
    for k, a in keyed(values, "agenda", "a"):
        if not a["title"].strip():
            err(f"{k}-title", "請填寫議程名稱，或刪除此列。")
        if len(a["title"]) > 200:
            err(f"{k}-title", "議程名稱最多 200 字。")
    fallback = previous_label(year, seq)
    seen: set[tuple[str, int]] = set()
    for k, d in keyed(values, "directives", "d"):
        origin = d["origin"] or fallback
        if not ORIGIN.match(origin or ""):
            err(f"{k}-origin", "請填寫此事項是哪次會議的裁示（例如：108年第1次）。")
        if not d.get("number"):
            err(f"{k}-number", "請填寫項次。")
        elif (origin, d["number"]) in seen:
            err(f"{k}-number", f"{origin}第{d['number']}項重複出現。")
        seen.add((origin, d.get("number")))
        if not d["text"].strip():
            err(f"{k}-text", "請填寫裁示事項內容。")
        lead = resolver.resolve(d["lead_unit"])
        if lead is None:
            err(f"{k}-lead_unit", f"請先對應單位「{d['lead_unit']}」。" if d["lead_unit"] else "請填寫主辦單位。")
        elif lead.unit is None and not lead.all_units:
            err(f"{k}-lead_unit", f"「{d['lead_unit']}」已設為不指定單位，列管事項須有主辦單位。")
        for name in d.get("co_units") or []:
            if resolver.resolve(name) is None:
                err(f"{k}-co_units", f"請先對應單位「{name}」。")
    for name, prefix in (("reports", "r"), ("proposals", "p")):
        for k, row in keyed(values, name, prefix):
            if row.get("unit") and resolver.resolve(row["unit"]) is None:
                err(f"{k}-unit", f"請先對應單位「{row['unit']}」。")
    for k, r in keyed(values, "reports", "r"):
        if not r["title"].strip():
            err(f"{k}-title", "請填寫報告題目。")
        if len(r["title"]) > 200 or len(r.get("presenter") or "") > 100:
            err(f"{k}-title", "報告題目最多 200 字，報告人最多 100 字。")
    for k, p in keyed(values, "proposals", "p"):
        if not p["subject"].strip():
            err(f"{k}-subject", "請填寫案由。")
    for k, r in keyed(values, "rulings", "u"):
        if not r["text"].strip():
            err(f"{k}-text", "請填寫裁示內容，或刪除此列。")
        if len(r.get("subject") or "") > 300:
            err(f"{k}-subject", "標題最多 300 字。")
        if r.get("actionable"):
            lead = resolver.resolve(r.get("lead_unit"))
            if lead is None:
                err(f"{k}-lead_unit", f"請先對應單位「{r['lead_unit']}」。" if r.get("lead_unit")
                    else "需列管的裁示請填寫主辦單位，或取消「需列管」。")
            elif lead.unit is None and not lead.all_units:
                err(f"{k}-lead_unit", f"「{r['lead_unit']}」已設為不指定單位，列管事項須有主辦單位。")
    return errors
