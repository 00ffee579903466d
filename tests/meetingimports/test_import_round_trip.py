"""A packet 安維 made (seeds 001 → 000 replayed, people invented), downloaded as DOCX, ODT or PDF and imported
into another agency with the same units, gives the same meeting and the same items with the same units and
progress; and seed 002's minutes, once the officer has said which meeting it was and named three units."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.documents.builders import document_build
from anwei.documents.render import render
from anwei.meetingimports import services as mis
from anwei.meetingimports.reading import import_file
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.values import draft_values
from anwei.meetings.documents import directive_rows
from anwei.meetings.models import Proposal, Ruling
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create, unit_create
from anwei.tracking.models import TrackedItem
from tests.meetingimports.conftest import seed_upload
from django.core.files.uploadedfile import SimpleUploadedFile


def _twin(world) -> Agency:
    twin = agency_create(actor=None, name="海濱市政府試驗局", parent=world.city, kind=Agency.Kind.BUREAU,
                         short_name="本局")
    for i, unit in enumerate(world.bureau.units.order_by("order", "id")):
        unit_create(actor=None, agency=twin, name=unit.name, order=i, is_ethics=unit.is_ethics)
    return twin


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_a_packet_made_by_anwei_imports_back(world, cycle, fmt):
    source = cycle["109-1"]
    data = render(document_build("meetings.packet", {"meeting_id": source.pk, "inline_files": False}), fmt)
    twin = _twin(world)
    imp = import_file(actor=world.officer, agency=twin,
                                    upload=SimpleUploadedFile(f"會議資料.{fmt}", data))
    assert imp.state == MeetingImport.State.REVIEW, imp.error
    meeting = mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version,
                                         values=draft_values(imp.draft))
    assert (meeting.label, meeting.date, meeting.start_time) == (source.label, source.date, source.start_time)
    assert [(a.title, a.minutes, a.presenter) for a in meeting.agenda_items.all()] == [
        (a.title, a.minutes, a.presenter) for a in source.agenda_items.all()]
    assert [(p.subject, p.unit.name) for p in meeting.proposals.all()] == [
        (p.subject, p.unit.name) for p in source.proposals.all()]

    def rows(m):
        return [(r.item.origin_label, r.item.number, r.item.text, r.item.units_label(), r.progress_text())
                for r in directive_rows(m)]

    # (the twin knows neither meeting's date: their labels put the last meeting first, as the source does)
    assert rows(meeting) == rows(source)
    assert TrackedItem.objects.filter(agency=twin, status=TrackedItem.Status.TRACKING).count() == len(rows(source))


def test_seed_002_minutes_after_the_officer_completes_them(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("002"))
    values = draft_values(imp.draft)
    assert values["sequence"] is None  # the minutes do not say which meeting of the year
    for name, unit in (("行政處", "秘書室"), ("綜合規劃處", "綜合企劃科"), ("政風處", "政風室")):
        mis.unit_alias_save(actor=world.officer, agency=world.bureau, name=name, unit=world.units[unit])
    values["sequence"] = 2
    meeting = mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert meeting.label == f"{values['roc_year']}年第2次"
    assert meeting.chair_name == values["chair"] and meeting.adjourned_at == values["end_time"]
    props = list(meeting.proposals.order_by("number"))
    assert [p.resolution_text for p in props] == [p["resolution"] for p in values["proposals"]]
    assert all(p.resolution for p in props)
    assert props[0].unit == world.units["政風室"]
    assert meeting.rulings.count() == len(values["rulings"])
    assert set(meeting.rulings.values_list("section", flat=True)) >= {Ruling.Section.PREVIOUS, Ruling.Section.REPORTS}
    label = f"{values['roc_year']}年第1次會議"
    items = TrackedItem.objects.filter(agency=world.bureau, origin_label=label).order_by("number")
    assert items.count() == len(values["directives"])
    assert [i.text for i in items] == [d["text"] for d in values["directives"]]
    assert items.filter(all_units=True).exists()  # 本府各處暨所屬各機關
    assert Proposal.objects.filter(meeting=meeting).count() == len(values["proposals"])
    assert dt.date(2016, 10, 19) == meeting.date  # the date the minutes give (105年10月19日)
    # the chair's rulings that tell a unit to act are this meeting's directives: tracked, 項次 1, 2, …
    told = [r for r in values["rulings"] if r["actionable"]]
    own = TrackedItem.objects.filter(agency=world.bureau, origin_meeting=meeting).order_by("number")
    assert [(i.number, i.text) for i in own] == [(n, r["text"]) for n, r in enumerate(told, start=1)]
    assert [i.all_units or i.lead_unit.name for i in own] == [True if r["lead_unit"].startswith("各") else
                                                               {"政風處": "政風室", "綜合規劃處": "綜合企劃科"}[r["lead_unit"]]
                                                               for r in told]
    assert not meeting.rulings.filter(actionable=False, text__startswith="請").exists()


def test_a_ruling_the_officer_does_not_mark_is_recorded_but_not_tracked(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("002"))
    values = draft_values(imp.draft) | {"sequence": 2}
    for name, unit in (("行政處", "秘書室"), ("綜合規劃處", "綜合企劃科"), ("政風處", "政風室")):
        mis.unit_alias_save(actor=world.officer, agency=world.bureau, name=name, unit=world.units[unit])
    values["rulings"] = [r | {"actionable": False} for r in values["rulings"]]
    values["rulings"][0] |= {"actionable": True, "lead_unit": ""}
    with pytest.raises(ValidationError) as exc:
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert "主辦單位" in exc.value.message_dict["u0-lead_unit"][0]
    values["rulings"][0]["actionable"] = False
    meeting = mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert meeting.rulings.count() == len(values["rulings"]) and not meeting.tracked_items.exists()
