"""Writes of awareness events, cases and topics; each in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q

from anwei.awareness.models import Case, DutyWords, Event, Form, Topic
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.core.uploads import stored_file_save
from anwei.awareness.selectors import duty_words_for, duty_words_rows, plan_duties
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.plans.selectors import plan_agency_ids, plan_letter

EVENT_FIELDS = ["title", "topic", "form", "start_date", "end_date", "audience_note", "audience_count", "speaker",
                "summary"]
CASE_FIELDS = ["title", "topic", "incident", "analysis", "prevention", "source", "source_date", "published"]


def _event_check(agency: Agency, values: dict, units, agencies, cases) -> None:
    errors = {}
    if not (values.get("title") or "").strip():
        errors["title"] = "請填寫名稱。"
    topic = values.get("topic")
    if topic is None or topic.agency_id not in (None, agency.pk):
        errors["topic"] = "請選擇本機關可用的主題。"
    if values.get("form") not in Form.values:
        errors["form"] = "請選擇宣導方式。"
    start, end = values.get("start_date"), values.get("end_date")
    if start is None:
        errors["start_date"] = "請填寫日期。"
    elif end is not None and end < start:
        errors["end_date"] = "迄日不得早於起日。"
    count = values.get("audience_count")
    if count is not None and count < 0:
        errors["audience_count"] = "人數不得為負數。"
    if any(u.agency_id != agency.pk for u in units):
        errors["audience_units"] = "對象單位須為本機關的單位。"
    if any(a.pk == agency.pk or not a.path.startswith(agency.path) for a in agencies):
        errors["audience_agencies"] = "對象機關須為本機關的所屬機關。"
    above = {agency.path[:i + 1] for i, ch in enumerate(agency.path) if ch == "."}
    if any(c.agency_id != agency.pk and not (c.published and c.agency.path in above) for c in cases):
        errors["cases"] = "只能選用本機關或上級機關提供的案例。"
    if errors:
        raise ValidationError(errors)


def _event_snapshot(event: Event) -> dict:
    data = snapshot(event)
    data["audience_units"] = sorted(event.audience_units.values_list("pk", flat=True))
    data["audience_agencies"] = sorted(event.audience_agencies.values_list("pk", flat=True))
    data["materials"] = sorted(event.materials.values_list("pk", flat=True))
    data["cases"] = sorted(event.cases.values_list("pk", flat=True))
    return data


def _plan_duty_check(agency: Agency, duty) -> None:
    letter = plan_letter(plan=duty.plan)
    if agency.pk not in plan_agency_ids(plan=duty.plan, letter=letter):
        raise ValidationError({"plan_duty": "只能選擇本機關的計畫或發給本機關的計畫。"})
    if duty.path not in {d.path for d in plan_duties(duty.plan, duty_words_for(agency_id=agency.pk))}:
        raise ValidationError({"plan_duty": "計畫中已沒有這一項工作重點，請重新選擇。"})


@service
def event_create(*, actor: Person, agency: Agency, title: str, topic: Topic, form: str, start_date: dt.date,
                 end_date: dt.date | None = None, audience_units=(), audience_agencies=(), audience_note: str = "",
                 audience_count: int | None = None, speaker: str = "", summary: str = "", cases=(), files=(),
                 origin=None, origin_label: str = "", plan_duty=None) -> Event:
    """`origin` is a record of the agency the event answers (a tracked item); `plan_duty` is a line of a
    plan the agency carries out (awareness.selectors.PlanDuty), which the plan's results then show as done."""
    values = {"title": title, "topic": topic, "form": form, "start_date": start_date, "end_date": end_date,
              "audience_note": audience_note.strip(), "audience_count": audience_count, "speaker": speaker.strip(),
              "summary": summary.strip()}
    _event_check(agency, values, audience_units, audience_agencies, cases)
    values["title"] = title.strip()
    if end_date == start_date:
        values["end_date"] = None
    event = Event(agency=agency, created_by=actor if getattr(actor, "pk", None) else None, **values)
    if origin is not None:
        if getattr(origin, "agency_id", agency.pk) != agency.pk:
            raise ValidationError({"origin": "來源須為本機關的紀錄。"})
        event.origin_type = ContentType.objects.get_for_model(origin)
        event.origin_id = origin.pk
        event.origin_label = (origin_label or str(origin))[:200]
    if plan_duty is not None:
        _plan_duty_check(agency, plan_duty)
        event.origin_type = ContentType.objects.get_for_model(plan_duty.plan)
        event.origin_id = plan_duty.plan.pk
        event.origin_key = plan_duty.path
        event.origin_label = plan_duty.label[:200]
    event.save()
    event.audience_units.set(audience_units)
    event.audience_agencies.set(audience_agencies)
    event.cases.set(cases)
    event.materials.add(*[stored_file_save(actor=actor, agency=agency, upload=f) for f in files if f])
    audit_record(actor=actor, action="awareness.event_create", obj=event, after=_event_snapshot(event))
    return event


@service
def event_update(*, actor: Person, event: Event, expected_version: int, audience_units=(), audience_agencies=(),
                 cases=(), files=(), **values) -> Event:
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    merged = {k: getattr(event, k) for k in EVENT_FIELDS} | values
    _event_check(event.agency, merged, audience_units, audience_agencies, cases)
    before = _event_snapshot(event)
    version_bump(event, expected_version)
    for k, v in merged.items():
        setattr(event, k, v.strip() if isinstance(v, str) and k != "form" else v)
    if event.end_date == event.start_date:
        event.end_date = None
    event.save()
    event.audience_units.set(audience_units)
    event.audience_agencies.set(audience_agencies)
    event.cases.set(cases)
    event.materials.add(*[stored_file_save(actor=actor, agency=event.agency, upload=f) for f in files if f])
    audit_record(actor=actor, action="awareness.event_update", obj=event, before=before,
                 after=_event_snapshot(event))
    return event


@service
def event_delete(*, actor: Person, event: Event) -> None:
    audit_record(actor=actor, action="awareness.event_delete", obj=event, before=_event_snapshot(event))
    event.delete()


DEFAULT_TOPICS = ["公務機密維護", "機關安全維護", "資通安全", "赴陸規定", "反詐騙", "其他"]


@service
def topics_seed_defaults(*, actor: Person | None = None) -> int:
    """The topics every agency starts with (migration 0002 writes them too; this restores them on a database
    emptied since, e.g. between tests). Returns how many were missing."""
    created = 0
    for n, name in enumerate(DEFAULT_TOPICS, start=1):
        topic, made = Topic.objects.get_or_create(agency=None, name=name,
                                                  defaults={"order": 999 if name == "其他" else n * 10})
        if made:
            created += 1
            audit_record(actor=actor, action="awareness.topic_add", obj=topic, agency=None, after=snapshot(topic))
    return created


@service
def topic_add(*, actor: Person, agency: Agency, name: str) -> Topic:
    """An agency extends the list of topics with its own."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "請填寫主題名稱。"})
    if Topic.objects.filter(Q(agency=agency) | Q(agency=None), name=name).exists():
        raise ValidationError({"name": f"已有主題「{name}」。"})
    order = 1 + max(Topic.objects.filter(agency=agency).values_list("order", flat=True), default=100)
    topic = Topic.objects.create(agency=agency, name=name, order=order)
    audit_record(actor=actor, action="awareness.topic_add", obj=topic, agency=agency, after=snapshot(topic))
    return topic


def _case_check(agency: Agency, values: dict) -> None:
    errors = {}
    if not (values.get("title") or "").strip():
        errors["title"] = "請填寫案例名稱。"
    if not (values.get("incident") or "").strip():
        errors["incident"] = "請填寫【實際案例】。"
    topic = values.get("topic")
    if topic is None or topic.agency_id not in (None, agency.pk):
        errors["topic"] = "請選擇本機關可用的主題。"
    if errors:
        raise ValidationError(errors)


@service
def case_create(*, actor: Person, agency: Agency, title: str, topic: Topic, incident: str, analysis: str = "",
                prevention: str = "", source: str = "", source_date: dt.date | None = None,
                published: bool = False) -> Case:
    values = {"title": title, "topic": topic, "incident": incident, "analysis": analysis, "prevention": prevention,
              "source": source, "source_date": source_date, "published": published}
    _case_check(agency, values)
    case = Case.objects.create(agency=agency, created_by=actor if getattr(actor, "pk", None) else None,
                               **{k: v.strip() if isinstance(v, str) else v for k, v in values.items()})
    audit_record(actor=actor, action="awareness.case_create", obj=case, after=snapshot(case))
    return case


@service
def case_update(*, actor: Person, case: Case, expected_version: int, **values) -> Case:
    unknown = set(values) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    merged = {k: getattr(case, k) for k in CASE_FIELDS} | values
    _case_check(case.agency, merged)
    before = snapshot(case)
    version_bump(case, expected_version)
    for k, v in merged.items():
        setattr(case, k, v.strip() if isinstance(v, str) else v)
    case.save()
    audit_record(actor=actor, action="awareness.case_update", obj=case, before=before, after=snapshot(case))
    return case


@service
def duty_words_set(*, actor: Person, agency: Agency, words: str, expected_version: int) -> DutyWords:
    """The agency's own awareness duty words (one a line). Empty: the agency inherits the nationwide default.
    `expected_version` is 0 for an agency that has no row yet."""
    if not policy.may(actor, "awareness.manage", agency):
        raise ValidationError("只有本機關的政風人員可以設定宣導工作關鍵字。")
    lines = [w.strip() for w in words.replace("、", "\n").splitlines() if w.strip()]
    if len("\n".join(lines)) > 500:
        raise ValidationError({"words": "關鍵字合計請勿超過500字。"})
    if any(len(w) > 20 for w in lines):
        raise ValidationError({"words": "每個關鍵字請勿超過20字。"})
    if len(set(lines)) != len(lines):
        raise ValidationError({"words": "關鍵字重複，請刪除重複的一行。"})
    row, _default = duty_words_rows(agency_id=agency.pk)
    before = snapshot(row) if row is not None else None
    if row is None:
        if expected_version:  # the row the editor saw was deleted meanwhile: nothing to compare with
            raise ValidationError("設定已被他人變更，請重新整理後再試。")
        row = DutyWords.objects.create(agency=agency, words="\n".join(lines), updated_by=actor)
    else:
        version_bump(row, expected_version)
        row.words, row.updated_by = "\n".join(lines), actor
        row.save()
    audit_record(actor=actor, action="awareness.duty_words_set", obj=row, agency=agency, before=before,
                 after=snapshot(row))
    return row
