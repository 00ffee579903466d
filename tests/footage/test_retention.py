"""Retention (seed 001 七、九(四)): destruction dates, legal holds, the `anwei retention` job."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from anwei.core.models import StoredFile
from anwei.footage import services
from anwei.footage.documents import register_cells
from anwei.footage.models import Destruction, FootageRequest, RetentionRule
from anwei.footage.tasks import footage_retention_run, retention_run
from tests.footage import factories as f

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
REAL_NOW = timezone.now


@pytest.fixture
def clock(monkeypatch):
    """Move the clock: timezone.now (and so localtime/localdate) returns the given moment."""

    def move(when):
        monkeypatch.setattr(timezone, "now", lambda: when)

    return move


def _old_request(world, clock, days_ago, **overrides):
    clock(REAL_NOW() - dt.timedelta(days=days_ago))
    req = f.file(world, world.liaison, kind="external", outside_body="民眾", applicant_name="測民眾",
                 phone="0911-111-111", uploads=[("police_report", SimpleUploadedFile("三聯單.png", PNG))],
                 **overrides)
    req = f.decide(req, world.unithead)
    req = f.decide(req, world.officer)
    req = f.decide(req, world.head)
    return req


@pytest.mark.django_db
def test_a_request_decided_366_days_ago_is_destroyed_and_only_its_anonymised_line_remains(world, fs, clock,
                                                                                          capsys):
    old = _old_request(world, clock, 366)
    held = _old_request(world, clock, 366)
    recent = _old_request(world, clock, 10)
    stored = StoredFile.objects.get(pk=old.attachments.get().stored_id)
    path = Path(settings.UPLOAD_DIR) / stored.relpath
    assert path.exists()
    clock(REAL_NOW())
    services.request_hold(actor=world.officer, req=held, expected_version=held.version, hold=True,
                          reason="配合地檢署偵查案件")

    call_command("retention", "--dry-run")
    out = capsys.readouterr().out
    assert old.number_label in out and held.number_label not in out and "1 件" in out
    assert FootageRequest.objects.get(pk=old.pk).destroyed_at is None  # a dry run changes nothing

    call_command("retention", "--run")
    old.refresh_from_db()
    assert old.status == "approved" and old.destroyed_at is not None  # the outcome stays
    assert (old.applicant_name, old.phone, old.reason, old.outside_body, old.filed_by_id) == ("", "", "", "", None)
    assert not old.attachments.exists() and not StoredFile.objects.filter(pk=stored.pk).exists()
    assert not path.exists()
    d = Destruction.objects.get(request=old)
    assert d.destroyed_by is None and d.destroyed_by_label == "系統" and "附件" in d.items
    line = register_cells(FootageRequest.objects.select_related("unit").get(pk=old.pk))
    assert old.number_label in line and "測民眾" not in " ".join(line) and "已銷毀" in " ".join(line)

    held.refresh_from_db()
    recent.refresh_from_db()
    assert held.applicant_name == "測民眾" and held.destroyed_at is None and held.attachments.exists()
    assert recent.destroyed_at is None and recent.status == "approved"


@pytest.mark.django_db
def test_a_hold_stops_the_clock_and_release_resumes_it(world, fs, clock):
    req = _old_request(world, clock, 300)  # 65 days left
    clock(REAL_NOW())
    services.request_hold(actor=world.liaison, req=req, expected_version=req.version, hold=True, reason="偵查中")
    req.refresh_from_db()
    assert req.retention_due_on is None and req.hold_remaining_days == 65
    clock(REAL_NOW() + dt.timedelta(days=200))
    services.request_hold(actor=world.liaison, req=req, expected_version=req.version, hold=False)
    req.refresh_from_db()
    assert req.retention_due_on == timezone.localdate() + dt.timedelta(days=65)


@pytest.mark.django_db
def test_a_copy_is_kept_at_most_the_copy_rule_and_the_form_as_long(world, fs, clock):
    RetentionRule.objects.filter(agency=world.bureau, record="request").update(days=400)
    clock(REAL_NOW() - dt.timedelta(days=20))
    req = f.approve_all(world, f.file(world, purpose="copy", copy_reason="報案用"))
    req = f.view(world, req, copied=True, copied_items="CH01 14:00–14:10", medium="disc")
    decided_on = timezone.localtime(req.decided_at).date()
    assert req.status == "completed"
    assert req.retention_due_on == decided_on + dt.timedelta(days=400)


@pytest.mark.django_db
def test_the_managing_unit_records_a_manual_destruction_from_the_due_list(world, fs, clock, client):
    old = _old_request(world, clock, 400)
    clock(REAL_NOW())
    client.force_login(world.officer)
    assert client.post(reverse("footage:request_destroy", args=[old.pk]), {"method": "碎紙"}).status_code == 403
    client.force_login(world.liaison)
    page = client.get(reverse("footage:retention"))
    assert old.number_label in page.content.decode()
    asked = client.post(reverse("footage:request_destroy", args=[old.pk]), {"method": "申請表碎紙銷毀、附件刪除"})
    assert asked.status_code == 200 and "無法復原" in asked.content.decode()  # asks first, changes nothing
    old.refresh_from_db()
    assert not old.is_destroyed
    r = client.post(reverse("footage:request_destroy", args=[old.pk]), {"method": "申請表碎紙銷毀、附件刪除",
                                                                          "confirmed": "1"})
    assert r.status_code == 302
    d = Destruction.objects.get(request=old)
    assert d.destroyed_by == world.liaison and d.method == "申請表碎紙銷毀、附件刪除"


@pytest.mark.django_db
def test_nothing_is_destroyed_before_its_date(world, fs, clock):
    req = _old_request(world, clock, 100)
    clock(REAL_NOW())
    with pytest.raises(ValidationError):
        services.request_destroy(actor=world.liaison, req=req)
    assert retention_run(dry_run=False).destroyed == []


@pytest.mark.django_db
def test_the_scheduled_task_does_the_same(world, fs, clock):
    old = _old_request(world, clock, 366)
    clock(REAL_NOW())
    result = footage_retention_run.enqueue()
    assert result.return_value == 1
    old.refresh_from_db()
    assert old.destroyed_at is not None


@pytest.mark.django_db
def test_a_copy_no_longer_needed_is_destroyed_early_and_the_form_kept(world, fs, clock, client):
    RetentionRule.objects.filter(agency=world.bureau, record="copy").update(days=500)
    req = f.approve_all(world, f.file(world, purpose="copy", copy_reason="報案用"))
    req = f.view(world, req, copied=True, copied_items="CH01 14:00–14:10", medium="disc")
    decided_on = timezone.localtime(req.decided_at).date()
    copied_on = timezone.localtime(req.viewing.performed_at).date()  # an hour ago: yesterday, just after midnight
    assert req.retention_due_on == copied_on + dt.timedelta(days=500)
    client.force_login(world.officer)
    r = client.post(reverse("footage:copy_destroy", args=[req.pk]), {"method": "碎紙", "version": req.version,
                                                                       "confirmed": "1"})
    assert r.status_code == 403
    client.force_login(world.liaison)
    r = client.post(reverse("footage:copy_destroy", args=[req.pk]), {"method": "光碟以碎紙機銷毀", "confirmed": "1",
                                                                     "version": req.version})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.viewing.copy_destroyed_note == "光碟以碎紙機銷毀" and req.viewing.copy_destroyed_by_label
    assert req.retention_due_on == decided_on + dt.timedelta(days=365)  # the form's own rule
    assert req.applicant_name == "測同仁"  # the form itself is kept


@pytest.mark.django_db
def test_the_register_keeps_the_outcome_of_destroyed_requests(world, fs, clock, planhead):
    from anwei.footage.models import Decision

    clock(REAL_NOW() - dt.timedelta(days=370))
    abandoned = f.decide(f.file(world), planhead, Decision.Action.RETURN, reason="請補充")
    unviewed = f.approve_all(world, f.file(world))
    clock(REAL_NOW())
    assert len(retention_run(dry_run=False).destroyed) == 2
    lines = {r.pk: register_cells(r) for r in FootageRequest.objects.select_related("unit")}
    assert lines[abandoned.pk][7] == "退回補正；已銷毀" and lines[unviewed.pk][7] == "核准；已銷毀"
    unviewed.refresh_from_db()
    with pytest.raises(ValidationError):
        f.view(world, unviewed)
