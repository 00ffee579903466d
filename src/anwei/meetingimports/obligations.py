"""What imports owe: a file read and awaiting the ethics officer's review (uploaded on the web, or left
for review by `anwei import_meetings`). A notice on the home page, not reminded or escalated."""

from __future__ import annotations

import datetime as dt

from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.selectors import meeting_import_list
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "會議文件匯入"
LIMIT = 50
FIELDS = ("pk", "agency_id", "filename", "kind")


def _obligation(row: dict) -> Obligation:
    kind = dict(MeetingImport.Kind.choices).get(row["kind"], "會議文件")
    return Obligation(category=CATEGORY, title=f"核對並確認匯入：{row['filename']}",
                      url=link("meetingimports:detail", row["pk"]), note=f"{kind}已讀取，待核對後確認匯入",
                      key=f"meetingimports.review:{row['pk']}", kind="meetingimports.review",
                      agency_id=row["agency_id"], owner=posts.ethics_officers(row["agency_id"]), remind=False)


def import_owed(person: Person) -> list[Obligation]:
    rows = meeting_import_list(person=person).filter(state=MeetingImport.State.REVIEW).values(*FIELDS)[:LIMIT]
    return [_obligation(r) for r in rows]


def import_open(today: dt.date) -> list[Obligation]:
    """Imports awaiting review (index on agency, state)."""
    rows = MeetingImport.objects.filter(state=MeetingImport.State.REVIEW).order_by("pk").values(*FIELDS)
    return [_obligation(r) for r in rows]


PROVIDER = ObligationProvider("meetingimports", import_owed, import_open,
                              kinds=(("meetingimports.review", "會議文件匯入待確認"),))
