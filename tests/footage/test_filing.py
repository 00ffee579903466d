"""Filing a request: the form of seed 001, its rules, and Chinese messages next to the fields."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from anwei.footage.models import FootageRequest, RequestAttachment, RequestStep
from anwei.lib import rocdate

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _post(world, *, start, end, **extra):
    cams = world.extra["cameras"]
    data = {
        "kind": "internal", "purpose": "view", "applicant_name": "測同仁", "extension": "321", "phone": "",
        "reason": "停車場公務車遭刮傷，需確認肇事者。", "copy_reason": "", "areas": "",
        "window_start_0": rocdate.format_slash(start.date()), "window_start_1": start.strftime("%H:%M"),
        "window_end_0": rocdate.format_slash(end.date()), "window_end_1": end.strftime("%H:%M"),
        "cameras": [cams[0].pk], "acknowledged": "on", "letter_reference": "",
    }
    data.update(extra)
    return data


def _now():
    return timezone.localtime().replace(second=0, microsecond=0)


@pytest.mark.django_db
def test_staff_files_an_internal_request_and_it_waits_on_their_unit_head(world, fs, client):
    client.force_login(world.staff)
    now = _now()
    r = client.post(reverse("footage:request_create"),
                    _post(world, start=now - dt.timedelta(days=1, minutes=30), end=now - dt.timedelta(days=1)))
    req = FootageRequest.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("footage:request_detail", args=[req.pk])
    assert req.status == "pending" and req.current_role == "unit_head" and req.unit == world.units["綜合企劃科"]
    assert list(RequestStep.objects.filter(request=req).values_list("label", flat=True)) == [
        "單位主管", "會辦政風室", "機關首長"]
    assert req.number_serial == 1 and req.number_label.endswith("第0001號")
    # The rule's 30 days would fall after the window is overwritten (30 days after it was recorded,
    # yesterday): the decision is due the day before (問題22.9).
    start_day = timezone.localtime(req.window_start).date()
    assert req.due_on == start_day + dt.timedelta(days=29) < timezone.localdate() + dt.timedelta(days=30)
    assert req.window_hold.clamped and req.window_hold.active
    assert req.window_start.minute == (now - dt.timedelta(days=1, minutes=30)).minute
    assert req.managing_unit == world.units["秘書室"]


@pytest.mark.django_db
@pytest.mark.parametrize("case, field, message", [
    ("reversed", "window_end", "結束時間必須晚於開始時間"),
    ("future", "window_end", "調閱時段不能在未來"),
    ("too_old", "window_start", "只保存 30 日"),
])
def test_a_bad_time_window_gets_a_message_next_to_the_field_and_keeps_the_input(world, fs, client, case, field,
                                                                                message):
    client.force_login(world.staff)
    now = _now()
    start, end = {
        "reversed": (now - dt.timedelta(days=1), now - dt.timedelta(days=1, hours=1)),
        "future": (now - dt.timedelta(hours=1), now + dt.timedelta(hours=2)),
        "too_old": (now - dt.timedelta(days=31), now - dt.timedelta(days=30, hours=20)),
    }[case]
    r = client.post(reverse("footage:request_create"), _post(world, start=start, end=end))
    assert r.status_code == 200
    assert message in " ".join(r.context["form"].errors[field])
    html = r.content.decode()
    assert "停車場公務車遭刮傷，需確認肇事者。" in html  # nothing typed is lost
    assert FootageRequest.objects.count() == 0


@pytest.mark.django_db
def test_footage_retention_for_the_window_is_a_rule(world, fs, client):
    from anwei.footage.models import RetentionRule

    RetentionRule.objects.create(agency=world.bureau, record="footage", days=60, effective_from=dt.date(2020, 1, 1))
    client.force_login(world.staff)
    now = _now()
    r = client.post(reverse("footage:request_create"),
                    _post(world, start=now - dt.timedelta(days=45), end=now - dt.timedelta(days=44)))
    assert r.status_code == 302


@pytest.mark.django_db
def test_copy_needs_a_reason_and_the_acknowledgement_is_required(world, fs, client):
    client.force_login(world.staff)
    now = _now()
    data = _post(world, start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=2), purpose="copy")
    del data["acknowledged"]
    r = client.post(reverse("footage:request_create"), data)
    errors = r.context["form"].errors
    assert "申請複製必須說明理由" in errors["copy_reason"][0]
    assert "請勾選已閱讀個人資料保護注意事項" in errors["acknowledged"][0]


@pytest.mark.django_db
def test_cameras_or_an_area_are_required(world, fs, client):
    client.force_login(world.staff)
    now = _now()
    r = client.post(reverse("footage:request_create"),
                    _post(world, start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=2), cameras=[]))
    assert "請勾選要調閱的攝影機" in r.context["form"].errors["cameras"][0]


@pytest.mark.django_db
def test_external_request_must_attach_the_police_report_receipt(world, fs, client):
    client.force_login(world.liaison)  # the managing unit registers outside requests
    now = _now()
    data = _post(world, start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=2), kind="external",
                 outside_body="民眾", applicant_name="測民眾")
    r = client.post(reverse("footage:request_create"), data)
    assert "報案三聯單" in r.context["form"].errors["police_report"][0]
    data["police_report"] = SimpleUploadedFile("三聯單.png", PNG, content_type="image/png")
    r = client.post(reverse("footage:request_create"), data)
    assert r.status_code == 302
    req = FootageRequest.objects.get()
    assert req.kind == "external" and req.attachments.get().kind == RequestAttachment.Kind.POLICE_REPORT


@pytest.mark.django_db
def test_judicial_request_records_the_letter_reference(world, fs, client):
    client.force_login(world.liaison)
    now = _now()
    data = _post(world, start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=2), kind="judicial",
                 outside_body="測試地方檢察署", applicant_name="測書記官")
    r = client.post(reverse("footage:request_create"), data)
    assert "來文字號" in r.context["form"].errors["letter_reference"][0]
    data["letter_reference"] = "測檢字第1130000123號"
    assert client.post(reverse("footage:request_create"), data).status_code == 302
    assert FootageRequest.objects.get().letter_reference == "測檢字第1130000123號"


@pytest.mark.django_db
def test_only_the_managing_unit_registers_outside_requests(world, fs, client):
    client.force_login(world.staff)
    now = _now()
    data = _post(world, start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=2), kind="external",
                 outside_body="民眾", police_report=SimpleUploadedFile("a.png", PNG))
    r = client.post(reverse("footage:request_create"), data)
    assert "由管理單位受理" in r.context["form"].errors["kind"][0]


@pytest.mark.django_db
def test_an_agency_without_settings_is_told_so(world, client):
    client.force_login(world.other_officer)
    r = client.get(reverse("footage:request_create"))
    assert r.status_code == 200 and "尚未設定" in r.content.decode()


@pytest.mark.django_db
def test_numbers_run_per_year(world, fs):
    from tests.footage import factories as f

    a, b = f.file(world), f.file(world)
    assert (a.number_serial, b.number_serial) == (1, 2)
