"""The approval chain: rules as data per agency; approve, approve with conditions, return, refuse."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.core.forms import ConflictError
from anwei.footage import services
from anwei.footage.models import ApprovalChain, ApprovalStep, Decision, FootageRequest
from tests.footage import factories as f

A = Decision.Action


@pytest.mark.django_db
def test_the_default_chain_runs_unit_head_ethics_agency_head(world, fs, planhead):
    req = f.file(world)
    assert req.current_role == "unit_head"
    req = f.decide(req, planhead)
    assert (req.status, req.current_role) == ("pending", "ethics")
    req = f.decide(req, world.officer, A.APPROVE_CONDITIONS, conditions="僅限調閱 14:00–14:30 之影像")
    assert req.current_role == "agency_head"
    req = f.decide(req, world.head)
    assert req.status == "approved" and req.current_step is None
    assert "會辦政風室：僅限調閱" in req.conditions
    assert req.retention_due_on == timezone.localdate() + dt.timedelta(days=365)


@pytest.mark.django_db
def test_only_the_person_the_request_waits_on_may_decide(world, fs, planhead, client):
    req = f.file(world)
    with pytest.raises(ValidationError):
        services.request_decide(actor=world.officer, req=req, expected_version=req.version, action=A.APPROVE)
    client.force_login(world.officer)
    r = client.post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve", "version": req.version})
    assert r.status_code == 403
    client.force_login(planhead)
    r = client.post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve", "version": req.version})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.current_role == "ethics"


@pytest.mark.django_db
def test_a_stale_decision_is_refused_not_applied_twice(world, fs, planhead):
    req = f.file(world)
    services.request_decide(actor=planhead, req=req, expected_version=1, action=A.APPROVE)
    req = FootageRequest.objects.get(pk=req.pk)
    with pytest.raises(ConflictError):
        services.request_decide(actor=world.officer, req=req, expected_version=1, action=A.APPROVE)


@pytest.mark.django_db
def test_returned_request_keeps_everything_and_the_applicant_resubmits(world, fs, planhead, client):
    req = f.file(world)
    f.decide(req, planhead, A.RETURN, reason="請寫明車號")
    client.force_login(world.staff)
    page = client.get(reverse("footage:request_edit", args=[req.pk]))
    html = page.content.decode()
    assert "公務車於停車場遭刮傷，需確認肇事者。" in html and "請寫明車號" in html and "0900-000-000" in html
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if k not in ("cameras", "window_start", "window_end")}
    start, end = timezone.localtime(req.window_start), timezone.localtime(req.window_end)
    data |= {"reason": "公務車（車號 AB-1234）於停車場遭刮傷。", "acknowledged": "on",
             "cameras": [c.pk for c in req.cameras.all()],
             "window_start_0": start.strftime("%Y-%m-%d"), "window_start_1": start.strftime("%H:%M"),
             "window_end_0": end.strftime("%Y-%m-%d"), "window_end_1": end.strftime("%H:%M")}
    r = client.post(reverse("footage:request_edit", args=[req.pk]), data)
    assert r.status_code == 302, r.context["form"].errors
    req.refresh_from_db()
    assert (req.status, req.round, req.current_role) == ("pending", 2, "unit_head")
    assert req.reason.startswith("公務車（車號") and req.phone == "0900-000-000"
    assert req.decisions.filter(action="return").count() == 1  # the history stays
    assert req.kind == "internal"


@pytest.mark.django_db
def test_the_kind_cannot_change_on_resubmission(world, fs, planhead, client):
    req = f.file(world)
    f.decide(req, planhead, A.RETURN, reason="請補充")
    client.force_login(world.staff)
    form = client.get(reverse("footage:request_edit", args=[req.pk])).context["form"]
    assert form.fields["kind"].disabled


@pytest.mark.django_db
def test_a_refusal_names_a_ground_of_article_ten_and_keeps_the_request(world, fs, planhead, client):
    req = f.file(world)
    f.decide(req, planhead)
    client.force_login(world.officer)
    url = reverse("footage:request_decide", args=[req.pk])
    r = client.post(url, {"action": "refuse", "version": 2, "reason": ""})
    assert "不予核准必須選擇理由" in r.context["decision_form"].errors["refusal_ground"][0]
    r = client.post(url, {"action": "refuse", "version": 2, "refusal_ground": "other", "reason": ""})
    assert "必須說明理由" in r.context["decision_form"].errors["reason"][0]
    r = client.post(url, {"action": "refuse", "version": 2, "refusal_ground": "privacy", "reason": "畫面含其他同仁"})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.status == "refused" and req.get_refusal_ground_display().startswith("有侵害第三人隱私")
    assert req.reason == "公務車於停車場遭刮傷，需確認肇事者。" and req.applicant_name == "測同仁"
    page = client.get(reverse("footage:request_detail", args=[req.pk])).content.decode()
    assert "不予核准" in page and "畫面含其他同仁" in page


@pytest.mark.django_db
def test_approval_with_conditions_needs_the_conditions(world, fs, planhead, client):
    req = f.file(world)
    client.force_login(planhead)
    r = client.post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve_conditions", "version": 1})
    assert "附款" in r.context["decision_form"].errors["conditions"][0]


@pytest.mark.django_db
def test_chains_are_data_per_agency_kind_and_date(world, fs):
    today = timezone.localdate()
    short = ApprovalChain.objects.create(agency=world.bureau, name="局外：主任決行", request_kind="external",
                                         effective_from=today - dt.timedelta(days=1))
    ApprovalStep.objects.create(chain=short, order=1, role="managing_head", label="秘書室主任")
    future = ApprovalChain.objects.create(agency=world.bureau, name="明年起", effective_from=today + dt.timedelta(days=9))
    ApprovalStep.objects.create(chain=future, order=1, role="agency_head", label="局長")
    internal = f.file(world)
    assert list(internal.steps.values_list("role", flat=True)) == ["unit_head", "ethics", "agency_head"]
    from django.core.files.uploadedfile import SimpleUploadedFile

    external = f.file(world, world.liaison, kind="external", outside_body="民眾", uploads=[
        ("police_report", SimpleUploadedFile("r.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20))])
    assert list(external.steps.values_list("label", flat=True)) == ["秘書室主任"]
    external = f.decide(external, world.unithead)  # the head of the managing unit decides alone
    assert external.status == "approved"


@pytest.mark.django_db
def test_the_decision_deadline_is_configurable(world, fs):
    fs.decision_days = 10
    fs.save()
    req = f.file(world)
    assert req.due_on == timezone.localdate() + dt.timedelta(days=10)


@pytest.mark.django_db
def test_a_resubmission_over_a_newer_version_is_refused_and_keeps_the_typing(world, fs, planhead, client):
    req = f.file(world)
    f.decide(req, planhead, A.RETURN, reason="請補充")
    client.force_login(world.staff)
    form = client.get(reverse("footage:request_edit", args=[req.pk])).context["form"]
    stale = form.initial["version"]
    FootageRequest.objects.filter(pk=req.pk).update(version=stale + 1)  # someone else saved meanwhile
    start, end = timezone.localtime(req.window_start), timezone.localtime(req.window_end)
    r = client.post(reverse("footage:request_edit", args=[req.pk]), {
        "kind": "internal", "purpose": "view", "applicant_name": "測同仁", "reason": "我剛打的新事由",
        "window_start_0": start.strftime("%Y-%m-%d"), "window_start_1": start.strftime("%H:%M"),
        "window_end_0": end.strftime("%Y-%m-%d"), "window_end_1": end.strftime("%H:%M"),
        "cameras": [c.pk for c in req.cameras.all()], "acknowledged": "on", "version": stale})
    assert r.status_code == 200 and "我剛打的新事由" in r.content.decode() and "已被其他人更動" in r.content.decode()
    req.refresh_from_db()
    assert req.status == "returned" and req.reason != "我剛打的新事由"


@pytest.mark.django_db
def test_nobody_approves_their_own_request(world, fs, planhead):
    own = f.file(world, planhead)  # the head of 綜合企劃科 files: the next level decides
    assert list(own.steps.values_list("role", flat=True)) == ["ethics", "agency_head"]
    unitless = f.file(world, world.head)  # the agency head belongs to no unit
    assert list(unitless.steps.values_list("role", flat=True)) == ["ethics", "agency_head"]
    ordinary = f.file(world)
    assert list(ordinary.steps.values_list("role", flat=True)) == ["unit_head", "ethics", "agency_head"]


@pytest.mark.django_db
def test_privacy_is_no_ground_when_the_person_consented_in_writing(world, fs, planhead, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    req = f.file(world, uploads=[("consent", SimpleUploadedFile("同意書.pdf", b"%PDF-1.4 test"))])
    client.force_login(planhead)
    r = client.post(reverse("footage:request_decide", args=[req.pk]),
                    {"action": "refuse", "refusal_ground": "privacy", "version": req.version})
    assert "書面同意書" in r.context["decision_form"].errors["refusal_ground"][0]
    req.refresh_from_db()
    assert req.status == "pending"
    with pytest.raises(ValidationError):
        services.request_decide(actor=planhead, req=req, expected_version=req.version, action=A.REFUSE,
                                refusal_ground="privacy")
