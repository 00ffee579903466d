"""Reads of meeting imports, scoped to the agencies whose ethics officer the person is, and the unit-name
resolution the review screen and the import share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from anwei.lib.unitnames import ALL_UNITS, UnitMatcher, normalise
from anwei.meetingimports.models import MeetingImport, UnitAlias
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
    names += [r.get("unit") or "" for r in values.get("reports", [])]
    names += [p.get("unit") or "" for p in values.get("proposals", [])]
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def unmatched_names(resolver: UnitResolver, values: dict) -> list[str]:
    return [n for n in draft_unit_names(values) if resolver.resolve(n) is None]
