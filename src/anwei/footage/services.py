"""Writes. Each runs in one transaction and writes its audit row there. Audit rows of requests carry
only non-personal fields (models.AUDIT_FIELDS), because the audit log outlives the request's retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.uploadedfile import UploadedFile
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.models import LetterNumberPattern
from anwei.core.numbering import letter_number_allocate
from anwei.core.rulebook import RuleInput
from anwei.core.service import service
from anwei.core.uploads import stored_file_delete, stored_file_save
from anwei.footage import selectors
from anwei.footage.models import (AUDIT_FIELDS, ApprovalChain, ApprovalStep, Decision, Destruction, Device,
                                  FootageRequest, FootageSettings, RefusalGround, RequestAttachment, RequestKind,
                                  RequestStep, RetentionRule, Site, StepRole, ViewingRecord, WindowHold)
from anwei.core.periods import due
from anwei.lib.rocdate import roc_year
from anwei.orgs.models import Agency, Person, Unit

Status = FootageRequest.Status
Action = Decision.Action


def _snap(req: FootageRequest) -> dict:
    return snapshot(req, AUDIT_FIELDS)


def _now() -> dt.datetime:
    return timezone.now()


def _today() -> dt.date:
    return timezone.localdate()


# --- setup ----------------------------------------------------------------------------------------------

@service
def footage_setup(*, actor: Person | None, agency: Agency, managing_unit: Unit, decision_days: int = 30,
                  effective_from: dt.date | None = None) -> FootageSettings:
    """Seed an agency's settings, default chain (seed 001) and retention rules (seed 001 七、九(四)).
    Idempotent: existing rows are left alone."""
    fs, created = FootageSettings.objects.get_or_create(
        agency=agency, defaults={"managing_unit": managing_unit, "decision_days": decision_days})
    if created:
        audit_record(actor=actor, action="footage.setup", obj=fs, after=snapshot(fs))
    start = effective_from or dt.date(2019, 10, 2)
    if not ApprovalChain.objects.filter(agency=agency).exists():
        chain = ApprovalChain.objects.create(agency=agency, name="監視錄影調閱核決流程（預設）", effective_from=start)
        for order, (role, label) in enumerate(selectors.DEFAULT_CHAIN, start=1):
            ApprovalStep.objects.create(chain=chain, order=order, role=role, label=label)
        audit_record(actor=actor, action="footage.chain.create", obj=chain, agency=agency, after=snapshot(chain))
    notes = {RetentionRule.Record.FOOTAGE: "注意事項七(三)：至少保存30日",
             RetentionRule.Record.COPY: "注意事項七(五)：至遲應於一年內銷毀",
             RetentionRule.Record.REQUEST: "注意事項九(四)：申請單及登記簿至少保存一年"}
    for record, days in selectors.DEFAULT_RETENTION_DAYS.items():
        if not RetentionRule.objects.filter(agency=agency, record=record).exists():
            rule = RetentionRule.objects.create(agency=agency, record=record, days=days, effective_from=start,
                                                note=notes[record])
            audit_record(actor=actor, action="footage.retention_rule.create", obj=rule, agency=agency,
                         after=snapshot(rule))
    return fs


@service
def footage_rule_create(*, actor: Person, agency: Agency, data: RuleInput, today: dt.date) -> RetentionRule:
    """The agency's ethics officer adds a retention or decision rule from a start date (what was filed or closed
    keeps its rule). A superior office's row is the default of its subtree; `fixed` forbids its agencies their own."""
    from anwei.orgs import policy

    if not policy.may(actor, "footage.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的監視錄影規則。")
    if data.kind not in RetentionRule.Record.values:
        raise ValidationError({"kind": "請選擇規定類別。"})
    if data.unit in ("minutes", "hours"):
        raise ValidationError({"unit": "保存及決定期限以日、工作日、週、月或年計算。"})
    selectors.BOOK.check_new(agency=agency, kind=data.kind, starts_on=data.starts_on, today=today,
                             amount=data.amount, amount_max=3650, kind_label=RetentionRule.Record(data.kind).label)
    rule = RetentionRule.objects.create(agency=agency, record=data.kind, days=data.amount, unit=data.unit,
                                        effective_from=data.starts_on, note=data.basis.strip(), fixed=data.fixed,
                                        created_by=actor)
    audit_record(actor=actor, action="footage.retention_rule.create", obj=rule, agency=agency, after=snapshot(rule))
    return rule


@dataclass(frozen=True)
class ChainInput:
    """A new approval chain: for one request kind ("" all kinds) from a start date, its steps in order."""

    request_kind: str
    starts_on: dt.date
    steps: list[tuple[str, str]]  # (StepRole, label), first step first
    name: str = ""


CHAIN_MAX_STEPS = 6


@service
def footage_chain_create(*, actor: Person, agency: Agency, data: ChainInput, today: dt.date) -> ApprovalChain:
    """The agency's ethics officer sets a new approval chain from a start date: from that date it supersedes the
    chain in force for its kind (a superior office's chain is the default of its subtree). Requests already filed
    keep the steps they were filed under. Each refusal names its field of the chain form."""
    from anwei.lib import rocdate
    from anwei.orgs import policy

    if not policy.may(actor, "footage.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的核決流程。")
    if data.request_kind not in ("", *RequestKind.values):
        raise ValidationError({"kind": "請選擇適用申請類別。"})
    kind_label = RequestKind(data.request_kind).label if data.request_kind else "所有類別"
    selectors.CHAIN_BOOK.check_new(agency=agency, kind=data.request_kind, starts_on=data.starts_on, today=today,
                                   kind_label=f"核決流程（{kind_label}）")
    errors: dict[str, str] = {}
    if not data.steps:
        errors["step_1_role"] = "請至少設定一個核決關卡。"
    if len(data.steps) > CHAIN_MAX_STEPS:
        errors[f"step_{CHAIN_MAX_STEPS}_role"] = f"核決關卡最多{CHAIN_MAX_STEPS}個。"
    seen: dict[str, int] = {}
    for i, (role, label) in enumerate(data.steps, start=1):
        if role not in StepRole.values:
            errors[f"step_{i}_role"] = "請選擇核決者。"
        elif role in seen:
            errors[f"step_{i}_role"] = f"「{StepRole(role).label}」已是第{seen[role]}關，同一流程不要重複。"
        else:
            seen[role] = i
        if len(label.strip()) > 50:
            errors[f"step_{i}_label"] = "關卡名稱請在50字以內。"
    name = data.name.strip() or f"監視錄影調閱核決流程（{kind_label}，{rocdate.format_short(data.starts_on)}起）"
    if len(name) > 100:
        errors["name"] = "名稱請在100字以內。"
    if errors:
        raise ValidationError(errors)
    chain = ApprovalChain.objects.create(agency=agency, name=name, request_kind=data.request_kind,
                                         effective_from=data.starts_on, created_by=actor)
    steps = ApprovalStep.objects.bulk_create([
        ApprovalStep(chain=chain, order=i, role=role, label=label.strip() or StepRole(role).label)
        for i, (role, label) in enumerate(data.steps, start=1)])
    audit_record(actor=actor, action="footage.chain.create", obj=chain, agency=agency,
                 after=snapshot(chain) | {"steps": [f"{s.order}. {s.label}（{s.role}）" for s in steps]})
    return chain


@service
def site_create(*, actor: Person | None, agency: Agency, name: str, address: str = "", order: int = 0) -> Site:
    site = Site.objects.create(agency=agency, name=name, address=address, order=order)
    audit_record(actor=actor, action="footage.site.create", obj=site, agency=agency, after=snapshot(site))
    return site


@service
def device_create(*, actor: Person | None, site: Site, location: str, kind: str = Device.Kind.CAMERA,
                  code: str = "", order: int = 0) -> Device:
    device = Device.objects.create(site=site, kind=kind, location=location, code=code, order=order)
    audit_record(actor=actor, action="footage.device.create", obj=device, agency=site.agency,
                 after=snapshot(device))
    return device


DEVICE_FIELDS = ("site", "kind", "code", "location", "active", "order")


@service
def device_update(*, actor: Person, device: Device, expected_version: int, **values) -> Device:
    before = snapshot(device)
    version_bump(device, expected_version)
    for name in DEVICE_FIELDS:
        if name in values:
            setattr(device, name, values[name])
    device.save()
    audit_record(actor=actor, action="footage.device.update", obj=device, agency=device.site.agency,
                 before=before, after=snapshot(device))
    return device


# --- filing ---------------------------------------------------------------------------------------------

@dataclass
class RequestData:
    """What the applicant types (seed 001's form)."""

    kind: str
    purpose: str
    applicant_name: str
    window_start: dt.datetime
    window_end: dt.datetime
    reason: str
    acknowledged: bool
    outside_body: str = ""
    extension: str = ""
    phone: str = ""
    copy_reason: str = ""
    areas: str = ""
    letter_reference: str = ""
    cameras: list[Device] = field(default_factory=list)
    uploads: list[tuple[str, UploadedFile]] = field(default_factory=list)  # (RequestAttachment.Kind, file)

    FIELDS = ("kind", "purpose", "applicant_name", "window_start", "window_end", "reason", "acknowledged",
              "outside_body", "extension", "phone", "copy_reason", "areas", "letter_reference")


def _check(req: FootageRequest, data: RequestData) -> None:
    if data.kind == RequestKind.EXTERNAL:
        has_receipt = any(k == RequestAttachment.Kind.POLICE_REPORT for k, _ in data.uploads) or (
            req.pk and req.attachments.filter(kind=RequestAttachment.Kind.POLICE_REPORT).exists())
        if not has_receipt:
            raise ValidationError({"police_report": "局外調閱必須檢附警政單位報案三聯單。"})
    if data.kind == RequestKind.JUDICIAL and not data.letter_reference.strip():
        raise ValidationError({"letter_reference": "司法機關申請必須填寫來文字號。"})
    if data.purpose == FootageRequest.Purpose.COPY and not data.copy_reason.strip():
        raise ValidationError({"copy_reason": "申請複製必須說明理由。"})
    if not data.acknowledged:
        raise ValidationError({"acknowledged": "申請人必須確認已閱讀個人資料保護注意事項。"})
    if data.window_end <= data.window_start:
        raise ValidationError({"window_end": "調閱時段的結束時間必須晚於開始時間。"})


def _apply(req: FootageRequest, data: RequestData) -> None:
    for name in RequestData.FIELDS:
        setattr(req, name, getattr(data, name))


def _start_round(req: FootageRequest, fs: FootageSettings, first_role: str) -> tuple[dt.date, dt.date, bool]:
    """Back into the chain with a decision deadline from the rule, moved before the day the recorder overwrites
    the window's first moment (a decision after that day would decide on footage that no longer exists).
    Returns (overwrite date, the rule's own deadline, whether it was moved)."""
    req.status = Status.PENDING
    req.current_step, req.current_role = 1, first_role
    req.submitted_at = _now()
    filed_on = timezone.localtime(req.submitted_at).date()
    rule_due = due(filed_on, selectors.decision_period(fs=fs, on=filed_on), req.agency)
    overwrite_on = timezone.localtime(selectors.footage_overwrite_at(
        agency=req.agency, recorded_at=req.window_start, on=filed_on)).date()
    latest = max(overwrite_on - dt.timedelta(days=1), filed_on)  # already overwritten: decide today
    req.due_on = min(rule_due, latest)
    return overwrite_on, rule_due, rule_due > latest


def _hold_place(req: FootageRequest, timing: tuple[dt.date, dt.date, bool]) -> WindowHold:
    """Hold the requested window until the decision (a resubmission renews the same hold)."""
    overwrite_on, rule_due, clamped = timing
    hold, _ = WindowHold.objects.update_or_create(request=req, defaults={
        "window_start": req.window_start, "window_end": req.window_end, "overwrite_on": overwrite_on,
        "rule_due_on": rule_due, "clamped": clamped, "placed_at": _now(), "released_at": None})
    return hold


def _hold_release(req: FootageRequest) -> None:
    WindowHold.objects.filter(request=req, released_at__isnull=True).update(released_at=_now())


def _save_uploads(actor: Person, req: FootageRequest, uploads: list[tuple[str, UploadedFile]]) -> None:
    for kind, upload in uploads:
        stored = stored_file_save(actor=actor, agency=req.agency, upload=upload)
        RequestAttachment.objects.create(request=req, kind=kind, stored=stored)


def _steps_for_filer(actor: Person, req: FootageRequest, steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Nobody approves their own request: a head step the filer holds, or one with no unit to head (the filer
    belongs to no unit), goes one level up instead, i.e. is dropped (seed 001 九(一): 陳一層批准)."""
    probe = RequestStep(request=req)
    kept = []
    for role, label in steps:
        probe.role = role
        if role in (StepRole.UNIT_HEAD, StepRole.MANAGING_HEAD) and (
                not probe.policy_unit_ids() or selectors.request_step_holder(actor, probe)):
            continue
        kept.append((role, label))
    return kept or [(StepRole.AGENCY_HEAD, "機關首長")]


def _next_serial(agency: Agency, year: int) -> int:
    # The settings row is the lock: two requests filed at once cannot take the same number.
    FootageSettings.objects.select_for_update().filter(agency=agency).first()
    last = FootageRequest.objects.filter(agency=agency, number_year=year).aggregate(m=Max("number_serial"))["m"]
    return (last or 0) + 1


@service
def request_file(*, actor: Person, fs: FootageSettings, unit: Unit | None, data: RequestData) -> FootageRequest:
    agency = fs.agency
    req = FootageRequest(agency=agency, filed_by=actor, unit=unit, managing_unit=fs.managing_unit)
    _check(req, data)
    _apply(req, data)
    today = _today()
    req.number_year = roc_year(today)
    req.number_serial = _next_serial(agency, req.number_year)
    steps = _steps_for_filer(actor, req, selectors.chain_steps_for(agency=agency, kind=data.kind, on=today))
    timing = _start_round(req, fs, steps[0][0])
    req.save()
    hold = _hold_place(req, timing)
    RequestStep.objects.bulk_create([RequestStep(request=req, order=i, role=role, label=label)
                                     for i, (role, label) in enumerate(steps, start=1)])
    req.cameras.set(data.cameras)
    _save_uploads(actor, req, data.uploads)
    audit_record(actor=actor, action="footage.request.file", obj=req, after=_snap(req))
    audit_record(actor=actor, action="footage.hold.place", obj=hold, agency=agency, after=snapshot(hold))
    return req


@service
def request_resubmit(*, actor: Person, req: FootageRequest, expected_version: int, data: RequestData
                     ) -> FootageRequest:
    """The applicant corrects a returned request and sends it up the chain again from the first step."""
    if req.status != Status.RETURNED or req.is_destroyed:
        raise ValidationError("只有退回補正的申請可以修改後重新送出。")
    before = _snap(req)
    _check(req, data)
    version_bump(req, expected_version)
    _apply(req, data)
    fs = selectors.settings_for(req.agency)
    req.round += 1
    timing = _start_round(req, fs, req.steps.get(order=1).role)
    req.retention_due_on = None  # back in the chain: not closed any more
    req.save()
    hold = _hold_place(req, timing)
    audit_record(actor=actor, action="footage.hold.place", obj=hold, agency=req.agency, after=snapshot(hold))
    req.cameras.set(data.cameras)
    _save_uploads(actor, req, data.uploads)
    audit_record(actor=actor, action="footage.request.resubmit", obj=req, before=before, after=_snap(req))
    return req


# --- deciding -------------------------------------------------------------------------------------------

@service
def request_decide(*, actor: Person, req: FootageRequest, expected_version: int, action: str,
                   conditions: str = "", refusal_ground: str = "", reason: str = "") -> Decision:
    step = selectors.request_current_step(req)
    if step is None or not selectors.request_may_decide(actor, req):
        raise ValidationError("此申請目前不在您的核決關卡。")
    decided_by_label = selectors.request_decider_label(actor, req)  # with 代理, or the vacancy it went round
    if action == Action.APPROVE_CONDITIONS and not conditions.strip():
        raise ValidationError({"conditions": "附款核准必須寫明附款或注意事項。"})
    if action == Action.RETURN and not reason.strip():
        raise ValidationError({"reason": "退回補正必須說明需補正的事項。"})
    if action == Action.REFUSE and (not refusal_ground or (refusal_ground == RefusalGround.OTHER
                                                           and not reason.strip())):
        raise ValidationError({"refusal_ground": "不予核准必須選擇理由；選「其他理由」時並須說明。"})
    if (action == Action.REFUSE and refusal_ground == RefusalGround.PRIVACY
            and req.attachments.filter(kind=RequestAttachment.Kind.CONSENT).exists()):
        raise ValidationError({"refusal_ground": "已檢附當事人書面同意書，不得以侵害第三人隱私為由不予核准"
                                                 "（注意事項十(三)但書）。"})
    before = _snap(req)
    version_bump(req, expected_version)
    now = _now()
    decision = Decision.objects.create(
        request=req, round=req.round, step_order=step.order, step_label=step.label, decided_by=actor,
        decided_by_label=decided_by_label[:100],
        decided_at=now, action=action, conditions=conditions.strip(),
        refusal_ground=refusal_ground if action == Action.REFUSE else "", reason=reason.strip())
    req.decided_at = now
    if action in (Action.APPROVE, Action.APPROVE_CONDITIONS):
        if action == Action.APPROVE_CONDITIONS:
            req.conditions = "\n".join(filter(None, [req.conditions, f"{step.label}：{conditions.strip()}"]))
        following = req.steps.filter(order__gt=step.order).order_by("order").first()
        if following:
            req.current_step, req.current_role = following.order, following.role
        else:
            req.status, req.current_step, req.current_role, req.due_on = Status.APPROVED, None, "", None
    elif action == Action.RETURN:
        req.status, req.current_step, req.current_role, req.due_on = Status.RETURNED, None, "", None
        req.conditions = ""  # a new round is decided afresh
    elif action == Action.REFUSE:
        req.status, req.current_step, req.current_role, req.due_on = Status.REFUSED, None, "", None
        req.refusal_ground, req.refusal_reason = refusal_ground, reason.strip()
    else:
        raise ValidationError({"action": f"不明的決定：{action}"})
    if req.status != Status.PENDING:
        req.retention_due_on = _retention_due(req)
    if req.status in (Status.APPROVED, Status.REFUSED):
        _hold_release(req)  # decided: the hold ends (an approved copy is made under its own retention)
    req.save()
    audit_record(actor=actor, action=f"footage.request.{action}", obj=req, before=before, after=_snap(req))
    return decision


# --- after approval -------------------------------------------------------------------------------------

@dataclass
class ViewingData:
    performed_at: dt.datetime
    viewer_name: str
    accompanied_by: Person | None
    copied: bool = False
    copied_items: str = ""
    medium: str = ""
    medium_note: str = ""
    applicant_signed: bool = False
    reply_letter_reference: str = ""
    allocate_number: bool = False  # take the reply letter's 文號 from the agency's default pattern


@service
def viewing_record(*, actor: Person, req: FootageRequest, expected_version: int, data: ViewingData
                   ) -> ViewingRecord:
    """The managing unit records the viewing or copying (seed 001 form 簽名確認欄, 九(四))."""
    if req.status != Status.APPROVED or req.is_destroyed:
        raise ValidationError("只有已核准且尚未登錄的申請可以登錄調閱紀錄。")
    if data.copied and req.purpose != FootageRequest.Purpose.COPY:
        raise ValidationError({"copied": "此申請只核准調閱，不能複製。"})
    if data.copied and not (data.copied_items.strip() and data.medium):
        raise ValidationError({"copied_items": "複製時必須記錄複製內容與儲存媒體。"})
    before = _snap(req)
    version_bump(req, expected_version)
    if data.allocate_number and not data.reply_letter_reference:
        pattern = LetterNumberPattern.objects.filter(agency=req.agency, is_default=True).first()
        if pattern is None:
            raise ValidationError({"reply_letter_reference": "本機關尚未設定發文字號格式，請自行填寫函覆文號。"})
        data.reply_letter_reference = letter_number_allocate(pattern=pattern,
                                                             purpose=f"函覆監視錄影調閱{req.number_label}")
    record = ViewingRecord.objects.create(
        request=req, performed_at=data.performed_at, viewer_name=data.viewer_name, accompanied_by=data.accompanied_by,
        copied=data.copied, copied_items=data.copied_items if data.copied else "",
        medium=data.medium if data.copied else "", medium_note=data.medium_note if data.copied else "",
        applicant_signed=data.applicant_signed, reply_letter_reference=data.reply_letter_reference,
        recorded_by=actor)
    req.viewing = record
    req.status = Status.COMPLETED
    req.retention_due_on = _retention_due(req)
    req.save()
    audit_record(actor=actor, action="footage.request.viewing", obj=req, before=before, after=_snap(req))
    return record


# --- retention ------------------------------------------------------------------------------------------

def _retention_due(req: FootageRequest) -> dt.date | None:
    """The day the request's records are due for destruction, by the rules in force when it closed.

    Forms and register: kept REQUEST days after the last decision. A copy: destroyed at the latest
    COPY days after it was made; the form is kept as long as the copy it documents."""
    if req.decided_at is None:
        return None
    decided_on = timezone.localtime(req.decided_at).date()
    until = due(decided_on, selectors.retention_period(
        agency=req.agency, record=RetentionRule.Record.REQUEST, on=decided_on), req.agency)
    viewing = getattr(req, "viewing", None) if req.status == Status.COMPLETED else None
    if viewing is not None and viewing.copied and viewing.copy_destroyed_at is None:
        copied_on = viewing.performed_on
        until = max(until, due(copied_on, selectors.retention_period(
            agency=req.agency, record=RetentionRule.Record.COPY, on=copied_on), req.agency))
    return until


@service
def request_hold(*, actor: Person, req: FootageRequest, expected_version: int, hold: bool, reason: str = ""
                 ) -> FootageRequest:
    """A legal hold (e.g. a criminal investigation, seed 001 七(五)) stops the retention clock; releasing
    it restarts the clock with the days that were left."""
    if req.is_destroyed:
        raise ValidationError("已銷毀的申請不能保全。")
    if hold and not reason.strip():
        raise ValidationError({"reason": "請說明保全原因（例如偵查案號）。"})
    if hold == req.legal_hold:
        raise ValidationError("此申請已在保全中。" if hold else "此申請並未保全。")
    before = _snap(req)
    version_bump(req, expected_version)
    today = _today()
    if hold:
        req.legal_hold, req.hold_reason = True, reason.strip()
        req.hold_remaining_days = (req.retention_due_on - today).days if req.retention_due_on else None
        req.retention_due_on = None
    else:
        req.legal_hold, req.hold_reason = False, ""
        if req.hold_remaining_days is not None:
            req.retention_due_on = today + dt.timedelta(days=max(req.hold_remaining_days, 0))
        else:
            req.retention_due_on = _retention_due(req)
        req.hold_remaining_days = None
    req.save()
    audit_record(actor=actor, action="footage.request.hold" if hold else "footage.request.release", obj=req,
                 before=before, after=_snap(req))
    return req


@service
def copy_destroy(*, actor: Person, req: FootageRequest, expected_version: int, method: str) -> ViewingRecord:
    """The copy is no longer needed: record its destruction; the form is kept by its own rule."""
    viewing = getattr(req, "viewing", None)
    if viewing is None or not viewing.copied or viewing.copy_destroyed_at is not None:
        raise ValidationError("此申請沒有尚未銷毀的複製資料。")
    if req.legal_hold:
        raise ValidationError("此申請保全中，不能銷毀複製資料。")
    if not method.strip():
        raise ValidationError({"method": "請寫明銷毀方式。"})
    before = _snap(req)
    version_bump(req, expected_version)
    viewing.copy_destroyed_at = _now()
    viewing.copy_destroyed_note = method.strip()
    viewing.copy_destroyed_by_label = actor.display_with_title()
    viewing.save(update_fields=["copy_destroyed_at", "copy_destroyed_note", "copy_destroyed_by_label"])
    req.retention_due_on = _retention_due(req)
    req.save()
    audit_record(actor=actor, action="footage.request.copy_destroy", obj=req, before=before, after=_snap(req))
    return viewing


AUTO_METHOD = "逾保存期限，系統自動刪除申請人個人資料及附件"


def _destroyed_items(req: FootageRequest) -> str:
    items = ["申請表個人資料（申請人、電話、事由）"]
    if req.attachments.exists():
        items.append("附件")
    viewing = getattr(req, "viewing", None)
    if viewing is not None and viewing.copied and viewing.copy_destroyed_at is None:
        items.append("複製資料")
    return "、".join(items)


@service
def request_destroy(*, actor: Person | None, req: FootageRequest, method: str = AUTO_METHOD) -> Destruction:
    """Record the destruction and remove the request's personal data; the register line stays."""
    req = FootageRequest.objects.select_for_update().get(pk=req.pk)
    today = _today()
    if req.is_destroyed:
        raise ValidationError("此申請已銷毀。")
    if req.legal_hold:
        raise ValidationError("此申請保全中，不能銷毀。")
    if req.retention_due_on is None or req.retention_due_on > today:
        raise ValidationError("尚未屆保存期限，不能銷毀。")
    before = _snap(req)
    now = _now()
    destruction = Destruction.objects.create(
        request=req, destroyed_at=now, destroyed_by=actor if getattr(actor, "pk", None) else None,
        destroyed_by_label=actor.display_with_title() if getattr(actor, "pk", None) else "系統",
        method=method.strip() or AUTO_METHOD, items=_destroyed_items(req), due_on=req.retention_due_on)
    for attachment in list(req.attachments.select_related("stored")):
        stored = attachment.stored
        attachment.delete()
        stored_file_delete(stored)
    viewing = getattr(req, "viewing", None)
    if viewing is not None:
        ViewingRecord.objects.filter(pk=viewing.pk).update(viewer_name="", copied_items="", medium_note="")
    req.decisions.update(conditions="", reason="")
    req.filed_by = None
    for name in ("applicant_name", "outside_body", "extension", "phone", "reason", "copy_reason", "areas",
                 "conditions", "refusal_reason", "hold_reason"):
        setattr(req, name, "")
    req.destroyed_at = now  # the status (the outcome) stays for the register
    req.save()
    audit_record(actor=actor, action="footage.request.destroy", obj=req, before=before, after=_snap(req))
    return destruction


# --- access log -----------------------------------------------------------------------------------------

@service
def request_view_record(*, actor: Person, req: FootageRequest, action: str = "footage.view") -> None:
    """Every look at a request is itself recorded: who looked, when, at what (個資法: 利用之紀錄)."""
    if action not in selectors.VIEW_ACTIONS:
        raise ValueError(action)
    audit_record(actor=actor, action=action, obj=req, access=True)
