"""What meetings give the tracking engine: meetings (the origin whose 項次 an item is) and rulings
(its source), described for tracking.sources."""

from __future__ import annotations

from django.urls import reverse

from anwei.meetings.models import Proposal, Ruling, SecurityMeeting
from anwei.meetings.selectors import meetings_visible
from anwei.orgs import policy
from anwei.tracking.sources import SourceKind, source_register

# The register's menu lists this many of an agency's meetings, the newest first.
MENU_LENGTH = 50


def _meeting_choices(person, agency_id: int) -> list[tuple[int, str]]:
    meetings = meetings_visible(person=person).filter(agency_id=agency_id)[:MENU_LENGTH]
    return [(m.pk, f"{m.agency.short_name or m.agency.name}{m.label}會議") for m in meetings]


def register() -> None:
    source_register(SourceKind(
        key="meeting", model=SecurityMeeting, label=lambda m: f"{m.label}會議",
        url=lambda m: reverse("meetings:detail", args=[m.pk]),
        may_view=lambda person, m: policy.may(person, "meeting.view", m.agency),
        choices=_meeting_choices, filter_label="來源會議"))
    source_register(SourceKind(
        key="ruling", model=Ruling, label=lambda r: f"{r.meeting.label}會議{r.get_section_display()}",
        url=lambda r: reverse("meetings:detail", args=[r.meeting_id]) + "#rulings",
        may_view=lambda person, r: policy.may(person, "meeting.view", r.meeting.agency)))
    source_register(SourceKind(
        key="proposal", model=Proposal, label=lambda p: f"{p.meeting.label}會議{p.number_label}決議",
        url=lambda p: reverse("meetings:detail", args=[p.meeting_id]) + f"#proposal-{p.pk}",
        may_view=lambda person, p: policy.may(person, "meeting.view", p.meeting.agency)))
