"""Writes of access control; each one writes its audit row in the same transaction (core.service)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from anwei.access import doorparse, selectors
from anwei.access.models import (OUTSTANDING, AccessSettings, Area, AreaHours, Badge, BadgeEvent, BadgeKind,
                                 BadgeStatus, ColumnMapping, Door, DoorEvent, DoorLog, Flag, IdType, Review, Visitor,
                                 VisitorRetention, YearlyReview)
from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.lib import rocdate
from anwei.orgs.models import Agency, Person, Unit


def _label(person: Person | None) -> str:
    if not getattr(person, "pk", None):
        return "系統"
    return (f"{person.title}{person.full_name}" if person.title else (person.full_name or person.username))[:80]


def _require(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


# --- settings ------------------------------------------------------------------------------------------

def _check_units(agency: Agency, **units: Unit | None) -> None:
    _require({name: "請選擇本機關的單位。" for name, u in units.items() if u is not None and u.agency_id != agency.pk})


@service
def access_setup(*, actor: Person | None, agency: Agency, managing_unit: Unit, desk_unit: Unit | None = None
                 ) -> AccessSettings:
    """Name the unit that keeps areas and badges (and the desk). Idempotent: existing settings stay."""
    _check_units(agency, managing_unit=managing_unit, desk_unit=desk_unit)
    settings, created = AccessSettings.objects.get_or_create(
        agency=agency, defaults={"managing_unit": managing_unit, "desk_unit": desk_unit})
    if created:
        audit_record(actor=actor, action="access.setup", obj=settings, after=snapshot(settings))
    return settings


@service
def settings_update(*, actor: Person, settings: AccessSettings, expected_version: int, managing_unit: Unit,
                    desk_unit: Unit | None, replacement_fee: int, closing_time: dt.time, review_month: int
                    ) -> AccessSettings:
    _check_units(settings.agency, managing_unit=managing_unit, desk_unit=desk_unit)
    _require({"review_month": "月份應為1至12。"} if not 1 <= review_month <= 12 else {})
    before = snapshot(settings)
    version_bump(settings, expected_version)
    settings.managing_unit, settings.desk_unit = managing_unit, desk_unit
    settings.replacement_fee, settings.closing_time, settings.review_month = replacement_fee, closing_time, review_month
    settings.save()
    audit_record(actor=actor, action="access.settings_update", obj=settings, before=before, after=snapshot(settings))
    return settings


@service
def retention_rule_add(*, actor: Person, agency: Agency, starts_on: dt.date, days: int, basis: str = "") -> VisitorRetention:
    """The agency's own retention of visitor records from a date (applies to visits on or after it)."""
    _require({"days": "保存日數至少1日。"} if days < 1 else {})
    if VisitorRetention.objects.filter(agency=agency, starts_on=starts_on).exists():
        raise ValidationError({"starts_on": "此生效日已有規定。"})
    row = VisitorRetention.objects.create(agency=agency, starts_on=starts_on, days=days, basis=basis.strip())
    audit_record(actor=actor, action="access.retention_rule_add", obj=row, agency=agency, after=snapshot(row))
    return row


# --- areas, hours, doors -------------------------------------------------------------------------------

@dataclass(frozen=True)
class AreaInput:
    name: str
    kind: str
    level: int
    location: str = ""
    note: str = ""
    is_active: bool = True


def _area_check(agency: Agency, data: AreaInput, exclude: int | None = None) -> None:
    errors = {}
    if not data.name.strip():
        errors["name"] = "請填寫區域名稱。"
    elif Area.objects.filter(agency=agency, name=data.name.strip()).exclude(pk=exclude).exists():
        errors["name"] = "本機關已有同名的區域。"
    _require(errors)


@service
def area_create(*, actor: Person, settings: AccessSettings, data: AreaInput) -> Area:
    _area_check(settings.agency, data)
    area = Area.objects.create(agency=settings.agency, name=data.name.strip(), kind=data.kind, level=data.level,
                               location=data.location.strip(), note=data.note.strip(), is_active=data.is_active)
    audit_record(actor=actor, action="access.area_create", obj=area, after=snapshot(area))
    return area


@service
def area_update(*, actor: Person, area: Area, expected_version: int, data: AreaInput) -> Area:
    _area_check(area.agency, data, exclude=area.pk)
    before = snapshot(area)
    version_bump(area, expected_version)
    area.name, area.kind, area.level = data.name.strip(), data.kind, data.level
    area.location, area.note, area.is_active = data.location.strip(), data.note.strip(), data.is_active
    area.save()
    audit_record(actor=actor, action="access.area_update", obj=area, before=before, after=snapshot(area))
    return area


@dataclass(frozen=True)
class HoursInput:
    starts_on: dt.date
    workday_open: dt.time
    workday_close: dt.time
    makeup_open: dt.time | None = None
    makeup_close: dt.time | None = None
    dayoff_open: dt.time | None = None
    dayoff_close: dt.time | None = None
    after_hours: str = "log"
    after_hours_note: str = ""


def _hours_check(area: Area, data: HoursInput) -> None:
    errors = {}
    if data.workday_close <= data.workday_open:
        errors["workday_close"] = "關閉時間應晚於開放時間。"
    for kind, label in (("makeup", "補行上班日"), ("dayoff", "放假日")):
        start, end = getattr(data, f"{kind}_open"), getattr(data, f"{kind}_close")
        if (start is None) != (end is None):
            errors[f"{kind}_close"] = f"{label}的開放與關閉時間請都填或都不填。"
        elif start is not None and end <= start:
            errors[f"{kind}_close"] = "關閉時間應晚於開放時間。"
    existing = area.hours.all()
    if existing.filter(starts_on=data.starts_on).exists():
        errors["starts_on"] = "此生效日已有開放時間規定；請改用其他日期。"
    elif existing.exists() and data.starts_on < clock.today():
        # Past days keep the rule they were judged by: a change takes effect today or later.
        errors["starts_on"] = "變更開放時間的生效日不得早於今天。"
    _require(errors)


@service
def area_hours_add(*, actor: Person, area: Area, data: HoursInput) -> AreaHours:
    """A new rule for the area's hours from a date; the earlier rule stays in force before it."""
    _hours_check(area, data)
    row = AreaHours.objects.create(area=area, created_by_label=_label(actor), **data.__dict__)
    audit_record(actor=actor, action="access.hours_add", obj=row, agency=area.agency, after=snapshot(row))
    return row


@service
def door_add(*, actor: Person, area: Area, name: str, code: str) -> Door:
    errors = {}
    if not name.strip():
        errors["door_name"] = "請填寫門名稱。"
    if not code.strip():
        errors["code"] = "請填寫門禁控制器代碼。"
    elif Door.objects.filter(area__agency=area.agency, code=code.strip()).exists():
        errors["code"] = "本機關已有此代碼的門。"
    _require(errors)
    door = Door.objects.create(area=area, name=name.strip(), code=code.strip())
    audit_record(actor=actor, action="access.door_add", obj=door, agency=area.agency, after=snapshot(door))
    return door


# --- badges --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BadgeInput:
    number: str
    kind: str
    issued_on: dt.date
    holder: Person | None = None
    holder_name: str = ""
    organisation: str = ""
    unit: Unit | None = None
    ends_on: dt.date | None = None
    areas: tuple[Area, ...] = ()
    note: str = ""


def _badge_check(agency: Agency, data: BadgeInput, *, exclude: int | None = None) -> None:
    errors: dict[str, str] = {}
    if not data.number.strip():
        errors["number"] = "請填寫卡號。"
    elif Badge.objects.filter(agency=agency, number=data.number.strip()).exclude(pk=exclude).exists():
        errors["number"] = "本機關已有此卡號的門禁卡。"
    if data.kind not in BadgeKind.values:
        errors["kind"] = "請選擇類別。"
    if data.kind == BadgeKind.STAFF and data.holder is None:
        errors["holder"] = "員工卡請選擇持卡同仁。"
    if data.holder is not None and data.holder.agency_id != agency.pk:
        errors["holder"] = "持卡同仁不屬於本機關。"
    if data.kind != BadgeKind.STAFF and not data.holder_name.strip():
        errors["holder_name"] = "請填寫持卡人姓名。"
    if data.kind == BadgeKind.CONTRACTOR and not data.organisation.strip():
        errors["organisation"] = "委外廠商卡請填寫廠商名稱。"
    if data.kind in (BadgeKind.CONTRACTOR, BadgeKind.TEMPORARY) and data.ends_on is None:
        errors["ends_on"] = "委外廠商卡及臨時通行證必須有有效期限。"
    elif data.ends_on is not None and data.ends_on < data.issued_on:
        errors["ends_on"] = "有效期限不得早於核發日。"
    if data.unit is not None and data.unit.agency_id != agency.pk:
        errors["unit"] = "請選擇本機關的單位。"
    foreign = [a.name for a in data.areas if a.agency_id != agency.pk]
    if foreign:
        errors["areas"] = f"不能授權其他機關的區域：{'、'.join(foreign)}。"
    _require(errors)


def _event(badge: Badge, kind: str, on: dt.date, actor, note: str = "") -> None:
    BadgeEvent.objects.create(badge=badge, kind=kind, on=on, note=note[:200], by_label=_label(actor))


def _badge_snap(badge: Badge) -> dict:
    return {**snapshot(badge), "areas": sorted(a.name for a in badge.areas.all())}


@service
def badge_issue(*, actor: Person, settings: AccessSettings, data: BadgeInput, fee: int = 0,
                replaces: Badge | None = None) -> Badge:
    agency = settings.agency
    _badge_check(agency, data)
    holder_name = data.holder.full_name if data.holder is not None else data.holder_name.strip()
    unit = data.unit if data.unit is not None else (data.holder.unit if data.holder is not None else None)
    badge = Badge.objects.create(
        agency=agency, number=data.number.strip(), kind=data.kind, holder=data.holder, holder_name=holder_name[:50],
        organisation=data.organisation.strip(), unit=unit, issued_on=data.issued_on, ends_on=data.ends_on,
        status=BadgeStatus.ACTIVE, status_on=data.issued_on, note=data.note.strip(), fee=fee, replaces=replaces)
    badge.areas.set(data.areas)
    _event(badge, BadgeEvent.Kind.REPLACE if replaces else BadgeEvent.Kind.ISSUE, data.issued_on, actor,
           f"補發自{replaces.number}，工本費{fee}元" if replaces else "")
    audit_record(actor=actor, action="access.badge_issue", obj=badge, after=_badge_snap(badge))
    return badge


@service
def badge_update(*, actor: Person, badge: Badge, expected_version: int, unit: Unit | None, ends_on: dt.date | None,
                 areas: Iterable[Area], note: str = "") -> Badge:
    """Change the areas granted (and the unit and end date): also how a moved holder is re-granted."""
    if not badge.is_outstanding:
        raise ValidationError("此卡已繳回、遺失或補發，不能再變更。")
    areas = tuple(areas)
    holder = badge.holder
    errors = {}
    if badge.kind != BadgeKind.STAFF and ends_on is None:
        errors["ends_on"] = "委外廠商卡及臨時通行證必須有有效期限。"
    elif ends_on is not None and ends_on < badge.issued_on:
        errors["ends_on"] = "有效期限不得早於核發日。"
    if unit is not None and unit.agency_id != badge.agency_id:
        errors["unit"] = "請選擇本機關的單位。"
    foreign = [a.name for a in areas if a.agency_id != badge.agency_id]
    if foreign:
        errors["areas"] = f"不能授權其他機關的區域：{'、'.join(foreign)}。"
    _require(errors)
    if holder is not None and (not holder.is_active or holder.agency_id != badge.agency_id):
        raise ValidationError("持卡人已離開本機關，請辦理繳回。")
    before = _badge_snap(badge)
    version_bump(badge, expected_version)
    badge.unit, badge.ends_on, badge.note = unit, ends_on, note.strip()
    badge.save()
    badge.areas.set(areas)
    _event(badge, BadgeEvent.Kind.GRANT, clock.today(), actor, "、".join(a.name for a in areas))
    audit_record(actor=actor, action="access.badge_update", obj=badge, before=before, after=_badge_snap(badge))
    return badge


# Which actions a badge allows from which states, and where each leads.
TRANSITIONS = {
    "suspend": ({BadgeStatus.ACTIVE}, BadgeStatus.SUSPENDED, BadgeEvent.Kind.SUSPEND),
    "resume": ({BadgeStatus.SUSPENDED}, BadgeStatus.ACTIVE, BadgeEvent.Kind.RESUME),
    "lost": ({BadgeStatus.ACTIVE, BadgeStatus.SUSPENDED, BadgeStatus.EXPIRED}, BadgeStatus.LOST, BadgeEvent.Kind.LOST),
    "expire": ({BadgeStatus.ACTIVE, BadgeStatus.SUSPENDED}, BadgeStatus.EXPIRED, BadgeEvent.Kind.EXPIRE),
    "return": (set(OUTSTANDING), BadgeStatus.RETURNED, BadgeEvent.Kind.RETURN),
}


@service
def badge_status_set(*, actor: Person, badge: Badge, expected_version: int, action: str, on: dt.date,
                     note: str = "") -> Badge:
    if action not in TRANSITIONS:
        raise ValidationError({"action": "請選擇辦理事項。"})
    allowed, status, kind = TRANSITIONS[action]
    if badge.status not in allowed:
        raise ValidationError(f"此卡目前為「{badge.get_status_display()}」，不能辦理{BadgeEvent.Kind(kind).label}。")
    if on < badge.issued_on:
        raise ValidationError({"on": "日期不得早於核發日。"})
    if on > clock.today():
        raise ValidationError({"on": "日期不得晚於今天。"})
    if action == "resume" and badge.ends_on is not None and badge.ends_on < clock.today():
        raise ValidationError("此卡已逾有效期限，不能恢復使用；請辦理繳回或延長期限。")
    before = _badge_snap(badge)
    version_bump(badge, expected_version)
    badge.status, badge.status_on = status, on
    badge.save()
    _event(badge, kind, on, actor, note)
    audit_record(actor=actor, action=f"access.badge_{action}", obj=badge, before=before, after=_badge_snap(badge))
    return badge


@service
def badge_replace(*, actor: Person, badge: Badge, expected_version: int, number: str, on: dt.date,
                  note: str = "") -> Badge:
    """A new badge for a lost or worn one, with the same holder and areas and the fee the agency sets."""
    if badge.status not in (BadgeStatus.ACTIVE, BadgeStatus.SUSPENDED, BadgeStatus.LOST):
        raise ValidationError(f"此卡目前為「{badge.get_status_display()}」，不能補發。")
    if badge.ends_on is not None and badge.ends_on < on:
        raise ValidationError("此卡已逾有效期限，請重新核發而非補發。")
    settings = selectors.settings_for(badge.agency)
    before = _badge_snap(badge)
    version_bump(badge, expected_version)
    new = badge_issue(actor=actor, settings=settings, fee=settings.replacement_fee, replaces=badge, data=BadgeInput(
        number=number, kind=badge.kind, issued_on=on, holder=badge.holder, holder_name=badge.holder_name,
        organisation=badge.organisation, unit=badge.unit, ends_on=badge.ends_on, areas=tuple(badge.areas.all()),
        note=note))
    badge.status, badge.status_on = BadgeStatus.REPLACED, on
    badge.save()
    _event(badge, BadgeEvent.Kind.REPLACE, on, actor, f"補發新卡{new.number}")
    audit_record(actor=actor, action="access.badge_replace", obj=badge, before=before, after=_badge_snap(badge))
    return new


# --- visitors ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitorInput:
    name: str
    organisation: str
    host: Person | None
    host_label: str
    purpose: str
    pass_number: str = ""
    id_type: str = IdType.NONE
    id_last4: str = ""


def _visitor_check(agency: Agency, data: VisitorInput) -> None:
    errors = {}
    if not data.name.strip():
        errors["name"] = "請填寫訪客姓名。"
    if data.host is None and not data.host_label.strip():
        errors["host"] = "請選擇或填寫受訪人。"
    if data.host is not None and data.host.agency_id != agency.pk:
        errors["host"] = "受訪人不屬於本機關。"
    if not data.purpose.strip():
        errors["purpose"] = "請填寫事由。"
    if data.id_type not in IdType.values:
        errors["id_type"] = "請選擇換證種類。"
    last4 = data.id_last4.strip()
    if data.id_type != IdType.NONE and len(last4) != 4:
        errors["id_last4"] = "請只填寫證件號碼末四碼（4個字元）。"
    if data.id_type == IdType.NONE and last4:
        errors["id_last4"] = "未換證時不必填寫末四碼。"
    _require(errors)


def _retention_due(v: Visitor) -> dt.date:
    return v.visit_on + dt.timedelta(days=selectors.retention_days(v.agency, v.visit_on))


@service
def visitor_register(*, actor: Person, settings: AccessSettings, data: VisitorInput,
                     at: dt.datetime | None = None) -> Visitor:
    """The desk registers a walk-in visitor, who comes in now."""
    _visitor_check(settings.agency, data)
    at = at or clock.now()
    v = Visitor(agency=settings.agency, visit_on=timezone.localtime(at).date(), name=data.name.strip(),
                organisation=data.organisation.strip(), host=data.host,
                host_label=(data.host.full_name if data.host else data.host_label.strip())[:60],
                purpose=data.purpose.strip(), arrived_at=at, pass_number=data.pass_number.strip(),
                id_type=data.id_type, id_last4=data.id_last4.strip().upper(), registered_by_label=_label(actor))
    v.retention_due_on = _retention_due(v)
    v.save()
    audit_record(actor=actor, action="access.visitor_register", obj=v, after=snapshot(v))
    return v


def _guest_lines(text: str) -> list[tuple[str, str]]:
    """「姓名，服務單位」 per line (a comma, a full-width comma or a tab between)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for sep in ("\t", "，", ","):
            if sep in line:
                name, org = line.split(sep, 1)
                break
        else:
            name, org = line, ""
        out.append((name.strip()[:50], org.strip()[:100]))
    return out


@service
def visitors_preregister(*, actor: Person, agency: Agency, visit_on: dt.date, purpose: str, guests: str,
                         meeting: str = "") -> list[Visitor]:
    """The host lists a meeting's guests beforehand, so the desk only ticks them in."""
    lines = _guest_lines(guests)
    errors = {}
    if not lines:
        errors["guests"] = "請至少填寫一位來賓。"
    elif len(lines) > 200:
        errors["guests"] = "一次最多登記200位來賓。"
    if not purpose.strip():
        errors["purpose"] = "請填寫事由。"
    if visit_on < clock.today():
        errors["visit_on"] = "來訪日期不得早於今天。"
    if actor.agency_id != agency.pk:
        errors["visit_on"] = "只能為本機關的來訪預先登記。"
    _require(errors)
    made = []
    due = visit_on + dt.timedelta(days=selectors.retention_days(agency, visit_on))  # one rule for all the guests
    for name, org in lines:
        v = Visitor(agency=agency, visit_on=visit_on, name=name, organisation=org, host=actor,
                    host_label=actor.full_name[:60], purpose=purpose.strip(), meeting=meeting.strip(),
                    preregistered=True, host_confirmed_at=clock.now(), registered_by_label=_label(actor),
                    retention_due_on=due)
        v.save()
        audit_record(actor=actor, action="access.visitor_preregister", obj=v, after=snapshot(v))
        made.append(v)
    return made


@service
def visitor_check_in(*, actor: Person, visitor: Visitor, expected_version: int, pass_number: str, id_type: str,
                     id_last4: str, at: dt.datetime | None = None) -> Visitor:
    if visitor.arrived_at is not None:
        raise ValidationError("此訪客已登記進入。")
    _visitor_check(visitor.agency, VisitorInput(name=visitor.name, organisation="", host=visitor.host,
                                                host_label=visitor.host_label, purpose=visitor.purpose,
                                                id_type=id_type, id_last4=id_last4))
    before = snapshot(visitor)
    version_bump(visitor, expected_version)
    visitor.arrived_at = at or clock.now()
    visitor.pass_number, visitor.id_type, visitor.id_last4 = pass_number.strip(), id_type, id_last4.strip().upper()
    visitor.save()
    audit_record(actor=actor, action="access.visitor_check_in", obj=visitor, before=before, after=snapshot(visitor))
    return visitor


@service
def visitor_check_out(*, actor: Person, visitor: Visitor, expected_version: int,
                      at: dt.datetime | None = None) -> Visitor:
    if visitor.arrived_at is None:
        raise ValidationError("此訪客尚未登記進入。")
    if visitor.left_at is not None:
        raise ValidationError("此訪客已登記離開。")
    at = at or clock.now()
    if at < visitor.arrived_at:
        raise ValidationError({"left_at": "離開時間不得早於進入時間。"})
    before = snapshot(visitor)
    version_bump(visitor, expected_version)
    visitor.left_at = at
    visitor.save()
    audit_record(actor=actor, action="access.visitor_check_out", obj=visitor, before=before, after=snapshot(visitor))
    return visitor


@service
def visitor_confirm(*, actor: Person, visitor: Visitor) -> Visitor:
    """The person visited confirms the visit (a walk-in is registered by the desk, confirmed by the host)."""
    if visitor.host_id != actor.pk:
        raise ValidationError("只有受訪人可以確認。")
    if visitor.host_confirmed_at is not None:
        return visitor
    before = snapshot(visitor)
    visitor.host_confirmed_at = clock.now()
    visitor.save(update_fields=["host_confirmed_at"])
    audit_record(actor=actor, action="access.visitor_confirm", obj=visitor, before=before, after=snapshot(visitor))
    return visitor


@service
def visitor_destroy(*, actor: Person | None, visitor: Visitor) -> None:
    """Retention over: the record is deleted; the audit row keeps only that it existed and when."""
    if visitor.retention_due_on is None or visitor.retention_due_on > clock.today():
        raise ValidationError("尚未屆保存期限，不能銷毀。")
    if visitor.inside:
        raise ValidationError("此訪客尚未登記離開，不能銷毀。")
    audit_record(actor=actor, action="access.visitor_destroy", obj=visitor, agency=visitor.agency,
                 after={"visit_on": visitor.visit_on, "retention_due_on": visitor.retention_due_on})
    visitor.delete()


# --- door events ---------------------------------------------------------------------------------------

@service
def mapping_save(*, actor: Person, agency: Agency, expected_version: int, time_column: str, door_column: str,
                 badge_column: str, result_column: str, granted_values: str) -> ColumnMapping:
    errors = {name: "請填寫欄位名稱。" for name, value in (("time_column", time_column), ("door_column", door_column),
                                                        ("badge_column", badge_column)) if not value.strip()}
    _require(errors)
    mapping = ColumnMapping.objects.filter(agency=agency).first()
    before = snapshot(mapping) if mapping else None
    if mapping is None:
        mapping = ColumnMapping(agency=agency)
    else:
        version_bump(mapping, expected_version)
    mapping.time_column, mapping.door_column, mapping.badge_column = time_column.strip(), door_column.strip(), badge_column.strip()
    mapping.result_column, mapping.granted_values = result_column.strip(), granted_values.strip()
    mapping.save()
    audit_record(actor=actor, action="access.mapping_save", obj=mapping, before=before, after=snapshot(mapping))
    return mapping


@service
def door_log_start(*, actor: Person, settings: AccessSettings, upload, filename: str, digest: str) -> DoorLog:
    """Keep an uploaded door-controller export and check its columns; the rows are read afterwards
    (access.tasks.door_log_run), now for a small file, by the background worker for a large one."""
    agency = settings.agency
    earlier = DoorLog.objects.filter(agency=agency, digest=digest).first()
    if earlier is not None:
        raise ValidationError({"file": f"此檔案已於{rocdate.format_slash(timezone.localtime(earlier.imported_at).date())}"
                                       f"匯入（{earlier.filename}），未重複匯入。"})
    target = Path(django_settings.UPLOAD_DIR) / "access" / f"{uuid.uuid4().hex}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        for chunk in (upload.chunks() if hasattr(upload, "chunks") else upload):
            out.write(chunk)
    try:
        with open(target, "rb") as f:
            doorparse.columns(selectors.mapping_for(agency), doorparse.header(f))
    except ValidationError:
        target.unlink(missing_ok=True)
        raise
    log = DoorLog.objects.create(agency=agency, digest=digest, filename=filename[:200], imported_at=clock.now(),
                                 by=actor, by_label=_label(actor), path=str(target))
    audit_record(actor=actor, action="access.door_log_start", obj=log, agency=agency,
                 after={"filename": log.filename, "digest": digest})
    return log


@service
def door_log_batch(*, log: DoorLog, events: list[DoorEvent], rows: int, lines: tuple[int, int]) -> int:
    """One batch of a file's events, committed on its own (a million rows never hold the database in one
    transaction); events already imported (from another file) are skipped."""
    DoorEvent.objects.bulk_create(events, ignore_conflicts=True)
    mine = DoorEvent.objects.filter(log=log, line__range=lines)
    added = mine.count()
    flagged = mine.exclude(review=Review.NONE).count()
    DoorLog.objects.filter(pk=log.pk).update(rows=F("rows") + rows, added=F("added") + added,
                                             flagged=F("flagged") + flagged, status=DoorLog.Status.RUNNING)
    audit_record(actor=log.by, action="access.door_log_batch", obj=log, agency=log.agency,
                 after={"lines": list(lines), "rows": rows, "added": added, "flagged": flagged})
    return added


@service
def door_log_finish(*, log: DoorLog, encoding: str, bad: list[str], error: str = "") -> DoorLog:
    log.refresh_from_db()
    log.status = DoorLog.Status.FAILED if error else DoorLog.Status.DONE
    log.encoding, log.bad_lines, log.error = encoding[:20], "\n".join(bad)[:20000], error[:300]
    log.save(update_fields=["status", "encoding", "bad_lines", "error"])
    audit_record(actor=log.by, action="access.door_log_finish", obj=log, agency=log.agency,
                 after={"rows": log.rows, "added": log.added, "flagged": log.flagged, "bad": len(bad),
                        "status": log.status})
    return log


@service
def event_explain(*, actor: Person, event: DoorEvent, explanation: str) -> DoorEvent:
    if event.review != Review.PENDING:
        raise ValidationError("此事件已審查。")
    if not explanation.strip():
        raise ValidationError({"explanation": "請填寫說明（例如：已登記加班）。"})
    before = snapshot(event)
    event.review, event.explanation = Review.EXPLAINED, explanation.strip()
    event.save(update_fields=["review", "explanation"])
    audit_record(actor=actor, action="access.event_explain", obj=event, before=before, after=snapshot(event))
    return event


@service
def event_deficiency(*, actor: Person, event: DoorEvent, text: str, lead_unit: Unit, due_date: dt.date | None):
    """Turn a flagged event into a deficiency under tracking (the one tracking engine)."""
    from anwei.tracking.models import TrackedItem
    from anwei.tracking.services import tracked_item_create

    if event.review != Review.PENDING:
        raise ValidationError("此事件已審查。")
    if not text.strip():
        raise ValidationError({"text": "請填寫缺失內容。"})
    if due_date is not None and due_date < clock.today():
        raise ValidationError({"due_date": "完成期限不得早於今天。"})
    local = timezone.localtime(event.at)
    item = tracked_item_create(
        actor=actor, agency=event.agency, source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY, text=text,
        lead_unit=lead_unit, due_date=due_date, source=event,
        origin_label=f"{rocdate.roc_year(local.date())}年門禁紀錄審查", roc_year=rocdate.roc_year(local.date()))
    before = snapshot(event)
    event.review, event.tracked_item = Review.DEFICIENCY, item
    event.save(update_fields=["review", "tracked_item"])
    audit_record(actor=actor, action="access.event_deficiency", obj=event, before=before, after=snapshot(event))
    return item


# --- yearly review -------------------------------------------------------------------------------------

def _review_listing(badges: Iterable[Badge]) -> str:
    return "\n".join(f"{b.number} {b.holder_name}（{b.get_kind_display()}）："
                     f"{'、'.join(a.name for a in b.areas.all()) or '未授權區域'}" for b in badges)


@service
def yearly_review_confirm(*, actor: Person, unit: Unit, year: int, note: str = "") -> YearlyReview:
    if not selectors.may_confirm(actor, unit):
        raise ValidationError("只有該單位主管可以確認。")
    if YearlyReview.objects.filter(agency=unit.agency, unit=unit, year=year).exists():
        raise ValidationError(f"{year}年度已確認。")
    listing = _review_listing(selectors.unit_badges(agency=unit.agency, unit=unit)) or "本單位無門禁卡"
    row = YearlyReview.objects.create(agency=unit.agency, unit=unit, year=year, confirmed_at=clock.now(),
                                      confirmed_by_label=_label(actor), listing=listing[:20000], note=note.strip())
    audit_record(actor=actor, action="access.yearly_review_confirm", obj=row, after=snapshot(row))
    return row


@service
def plan_propose(*, actor: Person, settings: AccessSettings, meeting):
    """The 門禁管理計畫 as written from today's data becomes a proposal of the coming security meeting, the
    plan (ODT) its attachment (seed 000's 第1案): the meeting then decides on it like any proposal."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from anwei.access.documents import plan_document
    from anwei.documents.render import render
    from anwei.meetings.services import proposal_add

    if meeting.agency_id != settings.agency_id:
        raise ValidationError("只能提到本機關的會議。")
    name = f"{settings.agency.name}門禁管理計畫"
    odt = SimpleUploadedFile(f"{name}.odt", render(plan_document(agency_id=settings.agency_id), "odt"),
                             content_type="application/vnd.oasis.opendocument.text")
    proposal = proposal_add(
        actor=actor, meeting=meeting, unit=settings.managing_unit, files=[odt],
        subject=f"檢陳「{name}」（草案）乙份，提請討論。",
        explanation=(f"一、為落實本機關門禁管制，{settings.managing_unit.name}依管制區域、開放時間、門禁卡核發、訪客登記、"
                     "開放時間外進出及年度清查等現行規定，研擬本計畫。\n二、檢附計畫草案如附件。"),
        method="經本會議討論通過後，陳請機關首長核定實施。")
    audit_record(actor=actor, action="access.plan_propose", obj=settings,
                 after={"meeting": meeting.pk, "proposal": proposal.pk})
    return proposal
