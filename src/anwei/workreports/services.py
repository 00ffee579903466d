"""Writes of the composed work report. The text lives in the meeting's 工作報告 (meetings.Report, written
through the meetings services, so the packet carries it); the composition keeps its period, its cases
and what 安維 composed, the base from which later changes in the records are carried into the officer's
edits without overwriting them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.service import service
from anwei.documents import limits
from anwei.lib import rocdate
from anwei.lib.merge3 import Clash, merge3
from anwei.meetings import services as meetings
from anwei.meetings.models import Report, SecurityMeeting
from anwei.meetings.selectors import ethics_unit_name
from anwei.orgs.models import Agency, Person, Unit
from anwei.plans import services as plans
from anwei.portal.workreport import period_check, period_label
from anwei.workreports.models import Composition, ReportRequest
from anwei.workreports.selectors import compose_text, work_report_for

TITLE = "秘書單位工作報告"


def _length_check(body: str) -> None:
    if len(body) > limits.REPORT:
        raise ValidationError({"cases": f"工作報告超過{limits.REPORT:,}字（目前{len(body):,}字），請少引用幾則案例或縮短期間。"})


def _cases_check(meeting: SecurityMeeting, cases: Sequence) -> None:
    from anwei.awareness.selectors import cases_usable

    usable = set(cases_usable(agency=meeting.agency).filter(pk__in=[c.pk for c in cases])
                 .values_list("pk", flat=True))
    if any(c.pk not in usable for c in cases):
        raise ValidationError({"cases": "只能引用本機關或上級機關提供的案例。"})


@service
def work_report_compose(*, actor: Person, meeting: SecurityMeeting, start: dt.date, end: dt.date,
                        cases: Sequence = ()) -> Composition:
    """Compose the meeting's work report from the records of the period. The meeting's 工作報告 gets the text
    (a new one if it has none; text already written there is kept and the composed text follows it)."""
    period_check(start, end)
    _cases_check(meeting, cases)
    if Composition.objects.filter(report__meeting=meeting).exists():
        raise ValidationError("此會議的工作報告已產生過，請以「重新產生」帶入紀錄的變動。")
    text = compose_text(meeting.agency, start, end, cases)
    report = work_report_for(meeting)
    _length_check(text)
    if report is None:
        unit = Unit.objects.filter(agency=meeting.agency, is_ethics=True).first()
        report = meetings.report_add(actor=actor, meeting=meeting, kind=Report.Kind.WORK, title=TITLE, unit=unit,
                                     presenter=ethics_unit_name(meeting.agency), body=text)
    else:
        body = (report.body.rstrip() + "\n" if report.body.strip() else "") + text
        _length_check(body)
        report = meetings.report_update(actor=actor, report=report, expected_version=report.version,
                                        title=report.title, unit=report.unit, presenter=report.presenter, body=body,
                                        kind=report.kind)
    composition = Composition.objects.create(report=report, agency=meeting.agency, start=start, end=end,
                                             composed=text, composed_at=clock.now(),
                                             composed_by=actor if getattr(actor, "pk", None) else None)
    composition.cases.set(cases)
    audit_record(actor=actor, action="workreports.compose", obj=composition, agency=meeting.agency,
                 after=snapshot(composition))
    return composition


@service
def work_report_recompose(*, actor: Person, composition: Composition, expected_version: int, start: dt.date,
                          end: dt.date, cases: Sequence = ()) -> list[Clash]:
    """Carry what changed in the records since the text was last composed into the report as the officer
    edited it. `expected_version` is the report's version the officer saw the preview of: if anyone saved
    the report since, ConflictError (nothing applied). Where the officer edited the same lines as the
    records changed, the officer's lines stay; those clashes are returned (they were shown before)."""
    period_check(start, end)
    report = composition.report
    _cases_check(report.meeting, cases)
    new = compose_text(composition.agency, start, end, cases)
    merged, clashes = merge3(composition.composed, report.body, new)
    _length_check(merged)
    meetings.report_update(actor=actor, report=report, expected_version=expected_version, title=report.title,
                           unit=report.unit, presenter=report.presenter, body=merged, kind=report.kind)
    before = snapshot(composition)
    composition.start, composition.end, composition.composed = start, end, new
    composition.composed_at = clock.now()
    composition.composed_by = actor if getattr(actor, "pk", None) else None
    composition.version += 1
    composition.save()
    composition.cases.set(cases)
    audit_record(actor=actor, action="workreports.recompose", obj=composition, agency=composition.agency,
                 before=before, after=snapshot(composition))
    return clashes


# --- the superior office asking its agencies for their work report ------------------------------------

@service
def report_request_create(*, actor: Person, office: Agency, start: dt.date, end: dt.date,
                          due: dt.date) -> ReportRequest:
    """Ask every agency directly under the office for its work report of the period. The request is a plan's
    函 to them, left as a draft for the officer to read and dispatch; each recipient answers it as a plan
    result, which 安維 can draft from the recipient's own records (plans.periodcounts.ResultDrafter)."""
    period_check(start, end)
    if due < clock.today():
        raise ValidationError({"due": "報送期限不能早於今天。"})
    agencies = list(Agency.objects.filter(parent=office).order_by("path"))
    if not agencies:
        raise ValidationError("本機關沒有所屬機關，無從要求報送。")
    period = period_label(start, end)
    what = "宣導、安全維護檢查及自評、設備檢查、監視錄影調閱、赴陸申請及返臺通報、狀況通報、專案計畫等辦理情形"
    plan = plans.plan_request_create(
        actor=actor, agency=office, title=f"{office.name}請所屬機關報送{period}工作報告", year=end.year - 1911,
        period_start=start, period_end=end, heading="說明",
        body=f"一、請所屬機關報送{period}之機關安全維護工作報告（{what}）。\n"
             f"二、報送期限：{rocdate.format_short(due)}。")
    fields = {
        "subject": f"請於{rocdate.format_short(due)}前報送貴機關{period}機關安全維護工作報告，請查照。",
        "explanation": f"一、為彙整本{office.name}所屬機關安全維護工作辦理情形（{what}）。\n"
                       "二、請於安維「專案計畫」收文按「由本機關紀錄產生工作報告草稿」，檢視修改後報送。",
        "contact_name": actor.full_name, "contact_phone": actor.phone, "contact_email": actor.email, "due": due}
    none = plans.RecipientChoice([], [], [])
    plans.letter_save(actor=actor, plan=plan, letter=None, expected_version=None, fields=fields,
                      main=plans.RecipientChoice([], agencies, []), cc=none)
    request = ReportRequest.objects.create(office=office, plan=plan, start=start, end=end,
                                           created_by=actor if getattr(actor, "pk", None) else None)
    audit_record(actor=actor, action="workreports.request_create", obj=request, agency=office,
                 after=snapshot(request))
    return request
