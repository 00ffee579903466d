"""After approval: the viewing or copying, with the managing unit present and the applicant's sign-off."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.footage import services
from anwei.lib import rocdate
from tests.footage import factories as f


def _form(world, req, **extra):
    when = timezone.localtime() - dt.timedelta(hours=1)
    data = {"performed_at_0": rocdate.format_slash(when.date()), "performed_at_1": when.strftime("%H:%M"),
            "viewer_name": "測同仁", "accompanied_by": world.liaison.pk, "applicant_signed": "on",
            "version": req.version, "copied_items": "", "medium": "", "medium_note": "",
            "reply_letter_reference": ""}
    return data | extra


@pytest.mark.django_db
def test_the_managing_unit_records_a_viewing_and_the_request_is_completed(world, fs, client):
    req = f.approve_all(world, f.file(world))
    client.force_login(world.liaison)
    r = client.post(reverse("footage:request_viewing", args=[req.pk]), _form(world, req))
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.status == "completed"
    v = req.viewing
    assert v.accompanied_by == world.liaison and v.applicant_signed and not v.copied and v.recorded_by == world.liaison


@pytest.mark.django_db
def test_a_copy_records_what_and_on_which_medium(world, fs, client):
    req = f.approve_all(world, f.file(world, purpose="copy", copy_reason="提供警方"))
    client.force_login(world.unithead)
    url = reverse("footage:request_viewing", args=[req.pk])
    r = client.post(url, _form(world, req, copied="on"))
    errors = r.context["form"].errors
    assert "複製了哪些影像" in errors["copied_items"][0] and "儲存媒體" in errors["medium"][0]
    r = client.post(url, _form(world, req, copied="on", copied_items="CH01 大門內側 10:00–10:20", medium="disc",
                                medium_note="光碟1片"))
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.viewing.copied and req.viewing.get_medium_display() == "光碟"


@pytest.mark.django_db
def test_a_view_only_request_cannot_be_copied_and_the_signoff_is_required(world, fs, client):
    req = f.approve_all(world, f.file(world))
    client.force_login(world.liaison)
    data = _form(world, req, copied="on", copied_items="x", medium="usb")
    del data["applicant_signed"]
    r = client.post(reverse("footage:request_viewing", args=[req.pk]), data)
    errors = r.context["form"].errors
    assert "只核准調閱" in errors["copied"][0] and "簽名" in errors["applicant_signed"][0]
    with pytest.raises(ValidationError):
        services.viewing_record(actor=world.liaison, req=req, expected_version=req.version, data=services.ViewingData(
            performed_at=timezone.now(), viewer_name="x", accompanied_by=world.liaison, copied=True,
            copied_items="x", medium="usb", applicant_signed=True))


@pytest.mark.django_db
def test_a_judicial_request_is_answered_by_letter(world, fs, client):
    req = f.file(world, world.liaison, kind="judicial", outside_body="測試地檢署", letter_reference="測檢字第1號")
    for person in (world.unithead, world.officer, world.head):
        req = f.decide(req, person)
    client.force_login(world.liaison)
    url = reverse("footage:request_viewing", args=[req.pk])
    r = client.post(url, _form(world, req))
    assert "函覆文號" in r.context["form"].errors["reply_letter_reference"][0]
    assert client.post(url, _form(world, req, reply_letter_reference="港市水秘字第1130000456號")).status_code == 302


@pytest.mark.django_db
def test_a_request_not_yet_approved_cannot_be_recorded(world, fs, client):
    req = f.file(world)
    client.force_login(world.liaison)
    r = client.get(reverse("footage:request_viewing", args=[req.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("footage:request_detail", args=[req.pk])


@pytest.mark.django_db
def test_the_reply_letter_number_can_be_taken_from_the_agencys_pattern(world, fs, client):
    from anwei.core.models import LetterNumberPattern

    LetterNumberPattern.objects.create(agency=world.bureau, pattern="測水秘字第{year:03}{serial:07}號")
    req = f.file(world, world.liaison, kind="judicial", outside_body="測試地檢署", letter_reference="測檢字第2號")
    for person in (world.unithead, world.officer, world.head):
        req = f.decide(req, person)
    client.force_login(world.liaison)
    r = client.post(reverse("footage:request_viewing", args=[req.pk]), _form(world, req, allocate_number="on"))
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.viewing.reply_letter_reference == f"測水秘字第{rocdate.roc_year(timezone.localdate()):03}0000001號"
