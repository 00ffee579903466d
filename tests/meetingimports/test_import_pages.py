"""The officer's pages: upload (one or several files), the review beside the source text, mapping a unit
name once, confirming; a refused file shows its reason."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anwei.meetingimports.reading import import_file
from anwei.meetingimports.forms import review_forms
from anwei.meetingimports.models import MeetingImport, UnitAlias
from anwei.meetingimports.values import draft_values
from anwei.meetings.models import SecurityMeeting
from anwei.orgs.services import unit_create
from anwei.tracking.models import TrackedItem
from tests.meetingimports.conftest import seed_path, seed_upload


def _post_data(imp) -> dict:
    """What the review form sends when the officer changes nothing."""
    meeting, rows = review_forms(imp, draft_values(imp.draft))
    data = {}
    for form in [meeting, *(f for fs in rows.values() for f in fs)]:
        for bf in form:
            value = bf.value()
            if value is None or value is False:
                continue
            if isinstance(value, dt.date):
                value = f"{value.year - 1911}/{value.month}/{value.day}"
            elif isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            data[bf.html_name] = value
    return data


def test_upload_review_map_confirm(world, as_):
    # The agency calls its secretariat 行政室: seed 001's 秘書室 is not one of its units.
    world.units["秘書室"].name = "行政室"
    world.units["秘書室"].save()
    c = as_(world.officer)
    assert c.get(reverse("meetingimports:list")).status_code == 200
    r = c.post(reverse("meetingimports:upload"), {"agency": world.bureau.pk, "files": [seed_upload("001")]})
    imp = MeetingImport.objects.get()
    assert r.status_code == 302 and r.url == reverse("meetingimports:detail", args=[imp.pk])
    page = c.get(r.url).content.decode()
    assert "文件原文" in page and 'id="L1"' in page and "「秘書室」是" in page
    # confirming before mapping: refused next to the field, nothing created
    r = c.post(reverse("meetingimports:confirm", args=[imp.pk]), _post_data(imp))
    assert r.status_code == 200 and "請先對應單位「秘書室」" in r.content.decode()
    assert not SecurityMeeting.objects.exists()
    # mapping the name keeps what was typed on the page
    data = _post_data(imp) | {"place": "本局第二會議室"}
    r = c.post(reverse("meetingimports:units", args=[imp.pk]), data | {"name": "秘書室", "n0": str(world.units["秘書室"].pk)})
    assert r.status_code == 200 and "已記住 1 個單位名稱的對應" in r.content.decode()
    assert 'value="本局第二會議室"' in r.content.decode() and "「秘書室」是" not in r.content.decode()
    assert UnitAlias.objects.get(agency=world.bureau, name="秘書室").unit == world.units["秘書室"]
    assert "「秘書室」是" not in c.get(reverse("meetingimports:detail", args=[imp.pk])).content.decode()
    imp.refresh_from_db()
    r = c.post(reverse("meetingimports:confirm", args=[imp.pk]), data)
    meeting = SecurityMeeting.objects.get()
    assert r.status_code == 302 and r.url == reverse("meetings:detail", args=[meeting.pk])
    assert meeting.place == "本局第二會議室"
    assert TrackedItem.objects.filter(lead_unit=world.units["秘書室"]).exists()
    # the same file again: refused with the reason, next to the field
    r = c.post(reverse("meetingimports:upload"), {"agency": world.bureau.pk, "files": [seed_upload("001")]})
    assert r.status_code == 200 and "已經匯入過" in r.content.decode()


def test_several_files_at_once_each_on_its_own(world, as_):
    c = as_(world.officer)
    r = c.post(reverse("meetingimports:upload"), {"agency": world.bureau.pk, "files": [
        seed_upload("001"), SimpleUploadedFile("計畫.txt", seed_path("003").read_bytes())]})
    assert r.status_code == 302 and r.url == reverse("meetingimports:list")
    failed = MeetingImport.objects.get(state=MeetingImport.State.FAILED)
    page = c.get(reverse("meetingimports:detail", args=[failed.pk])).content.decode()
    assert "不是安全維護會報" in page
    listing = c.get(reverse("meetingimports:list")).content.decode()
    assert "待確認" in listing and "無法匯入" in listing


def test_a_large_file_is_read_in_the_background(world, as_, settings):
    from anwei.meetingimports import reading

    c = as_(world.officer)
    settings_threshold = reading.BACKGROUND_BYTES
    reading.BACKGROUND_BYTES = 10
    try:
        r = c.post(reverse("meetingimports:upload"), {"agency": world.bureau.pk, "files": [seed_upload("001")]})
    finally:
        reading.BACKGROUND_BYTES = settings_threshold
    imp = MeetingImport.objects.get()
    # (tests run tasks at once; the worker would leave it queued and the page would poll)
    assert imp.state == MeetingImport.State.REVIEW
    MeetingImport.objects.filter(pk=imp.pk).update(state=MeetingImport.State.PARSING, progress="讀取中…")
    page = c.get(reverse("meetingimports:detail", args=[imp.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and "讀取中…" in page


def test_units_of_another_agency_cannot_be_chosen(world, as_):
    from anwei.meetingimports import services as mis
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        mis.unit_alias_save(actor=world.officer, agency=world.bureau, name="政風處", unit=world.other_unit)
    extra = unit_create(actor=None, agency=world.bureau, name="檔案室")
    alias = mis.unit_alias_save(actor=world.officer, agency=world.bureau, name="檔案管理室", unit=extra)
    alias = mis.unit_alias_save(actor=world.officer, agency=world.bureau, name="檔案管理室", all_units=True)
    assert alias.all_units and alias.unit is None


def test_a_file_awaiting_review_is_on_the_officers_home_page(world, as_):
    from anwei.meetingimports import services as mis
    from anwei.portal.obligations import obligations_for, obligations_open

    imp = import_file(actor=world.officer, agency=world.bureau, upload=seed_upload("001"))
    mine = [o for o in obligations_for(world.officer) if o.kind == "meetingimports.review"]
    assert [o.url for o in mine] == [reverse("meetingimports:detail", args=[imp.pk])]
    assert not [o for o in obligations_for(world.people["other_officer"]) if o.kind == "meetingimports.review"]
    assert [o.key for o in obligations_open() if o.kind == "meetingimports.review"] == [
        f"meetingimports.review:{imp.pk}"]
    assert "核對並確認匯入" in as_(world.officer).get(reverse("home")).content.decode()
    mis.meeting_import_discard(actor=world.officer, imp=imp, expected_version=imp.version)
    assert not [o for o in obligations_for(world.officer) if o.kind == "meetingimports.review"]
