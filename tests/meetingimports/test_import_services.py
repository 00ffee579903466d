"""Importing a past packet through the services: seed 001 (108年第2次 packet) gives the meeting, its
agenda, reports and proposals, and the six directives of 108年第1次 with their progress and marks; the
three still under tracking go on to the next meeting's round and packet. Expected texts are read from
the seed by the parser itself, never written out here."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from anwei.core.audit import AuditEntry
from anwei.lib.docextract import extract
from anwei.lib.meetingimport import parse_meeting
from anwei.meetingimports import services as mis
from anwei.meetingimports.reading import import_file
from anwei.meetingimports.models import MeetingImport, UnitAlias
from anwei.meetingimports.values import draft_values, resolution_choice
from anwei.meetings import services as ms
from anwei.meetings.documents import directive_rows
from anwei.meetings.models import SecurityMeeting
from anwei.tracking.models import TrackedItem
from tests.meetingimports.conftest import seed_path, seed_upload


def _seed_draft(prefix):
    p = seed_path(prefix)
    return parse_meeting(extract(p.read_bytes(), p.name))


def _import(world, upload, **changes):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=upload)
    imp.refresh_from_db()
    assert imp.state == MeetingImport.State.REVIEW, imp.error
    values = draft_values(imp.draft) | changes
    return imp, mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)


def test_seed_001_packet_becomes_a_meeting_with_its_directives(world):
    draft = _seed_draft("001")
    imp, meeting = _import(world, seed_upload("001"))
    assert (meeting.roc_year, meeting.sequence, meeting.date) == (draft.roc_year.value, draft.sequence.value,
                                                                  draft.date.value)
    assert meeting.start_time == draft.start_time.value
    assert [a.title for a in meeting.agenda_items.all()] == [a.title.value for a in draft.agenda]
    assert meeting.reports.count() == len(draft.reports) and meeting.proposals.count() == len(draft.proposals)
    assert [p.subject for p in meeting.proposals.order_by("number")] == [p.subject.value for p in draft.proposals]
    items = list(TrackedItem.objects.filter(agency=world.bureau).order_by("number"))
    assert [(i.origin_label, i.number, i.text) for i in items] == [
        (f"{d.origin.value}會議", d.number.value, d.text.value) for d in draft.directives]
    units = {d.number.value: d for d in draft.directives}
    for i in items:
        d = units[i.number]
        assert i.all_units == bool(d.all_units.value)
        assert i.all_units or i.lead_unit.name == d.lead_unit.value
        expected = TrackedItem.Status.RELEASED if d.decision.value == "release" else TrackedItem.Status.TRACKING
        assert i.status == expected
    imp.refresh_from_db()
    assert imp.state == MeetingImport.State.IMPORTED and imp.meeting == meeting
    assert AuditEntry.objects.filter(action="meetingimports.confirm").exists()
    assert AuditEntry.objects.filter(action="meetings.create", object_id=str(meeting.pk)).exists()

    # The next meeting, made in 安維: its packet lists the items still under tracking with the meeting's caption,
    # and its round collects progress on them.
    nxt = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2020, 4, 22))
    still = [d for d in draft.directives if d.decision.value != "release"]
    assert [r.item.text for r in directive_rows(nxt)] == [d.text.value for d in still]
    rnd = ms.meeting_round_open(actor=world.officer, meeting=nxt, deadline=dt.date(2020, 4, 10))
    assert sorted(rnd.items.values_list("number", flat=True)) == [d.number.value for d in still]
    from anwei.meetings.documents import directive_tables
    caption = directive_tables(nxt)[0].caption
    assert caption.startswith(f"{world.bureau.name}安全維護會報{still[0].origin.value}會議")
    # the imported meeting's own page shows what it read: progress and marks of its round
    rows = directive_rows(meeting)
    assert [r.progress_text() for r in rows] == [d.progress.value for d in draft.directives]


def test_the_same_file_twice_is_refused(world):
    _import(world, seed_upload("001"))
    with pytest.raises(ValidationError) as exc:
        import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001", "別名.txt"))
    assert "已經匯入過" in exc.value.message_dict["files"][0]
    assert SecurityMeeting.objects.filter(agency=world.bureau).count() == 1


def test_a_file_awaiting_review_is_not_uploaded_twice_but_can_be_after_discarding(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    with pytest.raises(ValidationError) as exc:
        import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    assert "正等待確認" in exc.value.message_dict["files"][0]
    imp.refresh_from_db()
    mis.meeting_import_discard(actor=world.officer, imp=imp, expected_version=imp.version)
    again = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    assert again.state == MeetingImport.State.REVIEW


def _refused(world, name, data, fragment):
    imp = import_file(actor=world.officer, agency=world.bureau,
                                    upload=SimpleUploadedFile(name, data))
    imp.refresh_from_db()
    assert imp.state == MeetingImport.State.FAILED
    assert fragment in imp.error, imp.error
    assert not SecurityMeeting.objects.exists() and not TrackedItem.objects.exists()
    with pytest.raises(ValidationError):
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version,
                                   values=draft_values({}))
    return imp


def test_an_image_only_pdf_is_refused_it_needs_a_text_layer(world):
    buf = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(buf, "PDF")
    _refused(world, "掃描.pdf", buf.getvalue(), "文字層")


def test_a_corrupt_file_is_refused(world):
    data = seed_path("001").read_bytes()
    _refused(world, "會議資料.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "損毀")
    # a renamed file: text saved under a .docx name is refused before it is kept
    with pytest.raises(ValidationError) as exc:
        import_file(actor=world.officer, agency=world.bureau,
                                  upload=SimpleUploadedFile("會議資料.docx", data))
    assert "副檔名不符" in exc.value.message_dict["files"][0]


@pytest.mark.parametrize("prefix,fragment", [("003", "計畫"), ("004", "函")])
def test_a_plan_or_a_letter_is_not_a_meeting(world, prefix, fragment):
    imp = _refused(world, f"seed{prefix}.txt", seed_path(prefix).read_bytes(), "不是安全維護會報")
    assert fragment in imp.error


def test_a_refusal_midway_leaves_nothing_behind(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    values = draft_values(imp.draft)
    values["directives"][-1]["text"] = ""  # the last row cannot be imported: nothing of the document is
    with pytest.raises(ValidationError) as exc:
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert f"d{len(values['directives']) - 1}-text" in exc.value.message_dict
    # a meeting that already exists is refused by meetings' own service, inside the same transaction
    ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2019, 10, 2), sequence=2)
    with pytest.raises(ValidationError) as exc:
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version,
                                   values=draft_values(imp.draft))
    assert "已經存在" in exc.value.messages[0]
    assert not TrackedItem.objects.exists()
    imp.refresh_from_db()
    assert imp.state == MeetingImport.State.REVIEW


def test_an_unknown_unit_is_mapped_once_and_remembered(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    values = draft_values(imp.draft)
    values["directives"][0]["lead_unit"] = "檔案管理中心"
    with pytest.raises(ValidationError) as exc:
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert "檔案管理中心" in exc.value.message_dict["d0-lead_unit"][0]
    mis.unit_alias_save(actor=world.officer, agency=world.bureau, name="檔案管理中心", unit=world.units["秘書室"])
    mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert TrackedItem.objects.get(number=1).lead_unit == world.units["秘書室"]
    assert UnitAlias.objects.filter(agency=world.bureau, name="檔案管理中心").exists()


def test_packet_then_next_packet_finds_the_same_items(world):
    """Seed 001 (108年第2次) then seed 000 (109年第1次): 108年第2次's directives are created under the imported
    meeting; items already in 安維 are found again, not duplicated."""
    _, m108 = _import(world, seed_upload("001"))
    mis.unit_alias_save(actor=world.officer, agency=world.bureau, name="污水養護工程科", unit=world.units["綜合企劃科"])
    draft = _seed_draft("000")
    _, m109 = _import(world, seed_upload("000"))
    made = TrackedItem.objects.filter(agency=world.bureau, origin_label=f"{draft.directives[0].origin.value}會議")
    assert made.count() == len({d.number.value for d in draft.directives if d.origin.value == "108年第2次"})
    assert all(i.origin_id == m108.pk for i in made)
    assert TrackedItem.objects.filter(agency=world.bureau).count() == made.count() + len(_seed_draft("001").directives)
    assert m109.label == f"{draft.roc_year.value}年第{draft.sequence.value}次"


def test_resolutions_are_read_as_the_app_records_them():
    assert resolution_choice("照案通過。") == "passed"
    assert resolution_choice("修正通過，請秘書室更正文字。") == "amended"
    assert resolution_choice("請秘書室提報草案，於下次會議中審議。") == "deferred"
    assert resolution_choice("") == ""


def test_times_that_cannot_be_are_refused_next_to_their_field(world):
    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    values = draft_values(imp.draft) | {"end_time": dt.time(9, 0)}
    with pytest.raises(ValidationError) as exc:
        mis.meeting_import_confirm(actor=world.officer, imp=imp, expected_version=imp.version, values=values)
    assert "早於開會時間" in exc.value.message_dict["end_time"][0]
