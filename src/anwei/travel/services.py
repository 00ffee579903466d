"""Writes of travel records; each writes its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from anwei.core.audit import audit_record, snapshot
from anwei.core import rulebook
from anwei.core.concurrency import version_bump
from anwei.core.service import service
from anwei.core import clock
from anwei.orgs import posts
from anwei.orgs.models import Agency, Person
from anwei.orgs.selectors import person_primary_agency
from anwei.travel import defaults
from anwei.travel.deadlines import apply_by, report_due
from anwei.travel.models import (HKMO, Approval, ClassifiedRetiree, Region, ReturnReport, RuleKind, Status,
                                 TravelApplication, TravelRule)
from anwei.travel.selectors import VIEW_ACTIONS, rule_completed, rule_in_force, trip_rule_kinds


@dataclass(frozen=True)
class TripInput:
    purpose: str
    purpose_detail: str
    destinations: str
    transit_stops: str
    transit_mainland: bool
    departure_on: dt.date
    return_on: dt.date
    urgent: bool = False
    urgent_reason: str = ""
    declarations_accepted: tuple[str, ...] = ()
    region: str = "mainland"
    meets_specified: bool = False


TRIP_FIELDS = ["purpose", "purpose_detail", "destinations", "transit_stops", "transit_mainland", "departure_on",
               "return_on", "urgent", "urgent_reason", "region", "meets_specified"]


def _traveller_agency(person: Person) -> Agency:
    agency = person_primary_agency(person)
    if agency is None:
        raise ValidationError("您的帳號尚未設定服務機關，請洽系統管理者。")
    return agency


def _route(*, traveller: Person, agency: Agency, lead_rule: TravelRule) -> tuple[Agency, object, str]:
    """Where the application goes: (reviewing agency, unit, first status)."""
    if lead_rule.head_to_superior and agency.parent_id and posts.is_agency_head(traveller, agency.pk):
        return agency.parent, None, Status.ETHICS_REVIEW  # 機關首長應向直屬上級機關申請
    unit = traveller.unit if traveller.unit_id and traveller.unit.agency_id == agency.pk else None
    # Nobody reviews their own trip; a unit with no head goes straight to the ethics unit (the vacancy rule).
    needs_unit_head = (lead_rule.approval == Approval.UNIT_HEAD_AND_ETHICS and unit is not None
                       and any(h.person_id != traveller.pk and h.acting_for_id != traveller.pk
                               for h in posts.holders(posts.unit_head(agency.pk, unit.pk), clock.today())))
    return agency, unit, Status.UNIT_REVIEW if needs_unit_head else Status.ETHICS_REVIEW


def _check_trip(trip: TripInput, *, agency: Agency, lead: TravelRule, filed_on: dt.date, today: dt.date, new: bool,
                late_allowed: bool = False) -> bool:
    """Validate the dates, the lead time and the declarations; returns whether the filing is late.

    A late application needs a stated urgent reason; a late retiree declaration is only flagged."""
    if not trip.destinations.strip():
        raise ValidationError({"destinations": "請填寫前往地區。"})
    if trip.return_on < trip.departure_on:
        raise ValidationError({"return_on": "返臺日期不能早於出發日期。"})
    if trip.transit_mainland and not trip.transit_stops.strip():
        raise ValidationError({"transit_stops": "經大陸地區機場轉機者，請填寫轉機地點（機場）。"})
    if new and trip.departure_on < today:
        raise ValidationError({"departure_on": "出發日期已過，無法提出新的申請。"})
    missing = [text for text in lead.declaration_list() if text not in trip.declarations_accepted]
    if missing:
        raise ValidationError({"declarations": f"請逐項勾選聲明事項（尚有{len(missing)}項未勾選）。"})
    last_day = apply_by(departure_on=trip.departure_on, period=lead.period, agency=agency)
    late = filed_on > last_day
    if late_allowed:
        return late
    if late and not trip.urgent:
        raise ValidationError({"departure_on": f"依規定應於出發日之{lead.period.text()}前"
                                               f"（{_roc(last_day)}以前）提出；如有急迫情形，請勾選「急迫情形」並說明理由。"})
    if late and not trip.urgent_reason.strip():
        raise ValidationError({"urgent_reason": "逾期申請須說明急迫情形。"})
    return late


def _roc(day: dt.date) -> str:
    from anwei.lib.rocdate import format_short
    return format_short(day)


def _set_trip(app: TravelApplication, trip: TripInput) -> None:
    for name in TRIP_FIELDS:
        setattr(app, name, getattr(trip, name))
    app.declarations_accepted = list(trip.declarations_accepted)


@service
def application_submit(*, actor: Person, trip: TripInput, today: dt.date) -> TravelApplication:
    """A serving staff member files an application, judged by the rules in force today."""
    agency = _traveller_agency(actor)
    if trip.region not in Region.values:
        raise ValidationError({"region": "請選擇前往地區別。"})
    lead_kind, report_kind = trip_rule_kinds(trip.region, trip.meets_specified)
    # Conditions of the rules (官等、職等、機關類別、事由) are judged on the traveller and the trip.
    lead = rule_in_force(agency=agency, kind=lead_kind, on=today, person=actor, purpose=trip.purpose)
    report = rule_in_force(agency=agency, kind=report_kind, on=today, person=actor, purpose=trip.purpose)
    late = _check_trip(trip, agency=agency, lead=lead, filed_on=today, today=today, new=True)
    reviewing, unit, status = _route(traveller=actor, agency=agency, lead_rule=lead)
    app = TravelApplication(
        agency=agency, reviewing_agency=reviewing, traveller=actor, unit=unit, traveller_name=actor.full_name,
        traveller_title=actor.title, filed_on=today, lead_workdays=lead.working_days,
        report_workdays=report.working_days, lead_rule=lead, report_rule=report,
        apply_by=apply_by(departure_on=trip.departure_on, period=lead.period, agency=agency), late_filing=late,
        status=status, created_by=actor)
    _set_trip(app, trip)
    app.save()
    audit_record(actor=actor, action="travel.application.submit", obj=app, after=snapshot(app))
    return app


@service
def application_correct(*, actor: Person, application: TravelApplication, trip: TripInput, expected_version: int,
                        today: dt.date) -> TravelApplication:
    """The traveller corrects a returned application (補正); it goes back to review.

    The filing date, and so the rule, stay those of the original filing."""
    if application.traveller_id != actor.pk or application.status != Status.RETURNED:
        raise ValidationError("此申請目前不能修改。")
    before = snapshot(application)
    version_bump(application, expected_version)
    lead = rule_completed(application.lead_rule, on=application.filed_on)
    late = _check_trip(trip, agency=application.agency, lead=lead, filed_on=application.filed_on, today=today,
                       new=False)
    _set_trip(application, trip)
    application.late_filing = late
    application.apply_by = apply_by(departure_on=trip.departure_on, period=application.lead_period,
                                    agency=application.agency)
    reviewing, unit, status = _route(traveller=actor, agency=application.agency, lead_rule=lead)
    application.reviewing_agency, application.unit, application.status = reviewing, unit, status
    application.save()
    audit_record(actor=actor, action="travel.application.correct", obj=application, before=before,
                 after=snapshot(application))
    return application


class Decision:
    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"
    CHOICES = [(APPROVE, "同意"), (RETURN, "退回補正"), (REFUSE, "不予同意")]


@service
def application_review(*, actor: Person, application: TravelApplication, decision: str, note: str,
                       expected_version: int, handles_classified: bool | None = None) -> TravelApplication:
    """The unit head's or the ethics unit's decision on the step the application is at."""
    from anwei.travel.selectors import may_review_ethics, may_review_unit, unit_review_label

    step_unit = may_review_unit(actor, application)
    step_ethics = may_review_ethics(actor, application)
    if not (step_unit or step_ethics):
        raise ValidationError("此申請目前不在您的審核階段。")
    if decision in (Decision.RETURN, Decision.REFUSE) and not note.strip():
        raise ValidationError({"note": "退回或不予同意時，請填寫理由。"})
    if step_ethics and decision == Decision.APPROVE and handles_classified is None:
        raise ValidationError({"handles_classified": "請判定申請人是否涉及國家安全、利益或機密業務。"})
    before = snapshot(application)
    version_bump(application, expected_version)
    now = timezone.now()
    if step_unit:
        application.unit_reviewer, application.unit_reviewed_at = actor, now
        application.unit_reviewer_label = unit_review_label(actor, application)[:120]
    else:
        application.ethics_reviewer, application.ethics_reviewed_at = actor, now
        if handles_classified is not None:
            application.handles_classified = handles_classified
    application.review_note = note.strip()
    if decision == Decision.APPROVE:
        if step_unit:
            application.status = Status.ETHICS_REVIEW
        else:
            application.status = Status.APPROVED
            application.report_due = report_due(return_on=application.return_on, period=application.report_period,
                                                agency=application.agency)
    elif decision == Decision.RETURN:
        application.status = Status.RETURNED
    elif decision == Decision.REFUSE:
        application.status = Status.REFUSED
    else:
        raise ValidationError({"decision": "請選擇審核結果。"})
    application.save()
    audit_record(actor=actor, action=f"travel.application.{decision}", obj=application, before=before,
                 after=snapshot(application))
    return application


@dataclass(frozen=True)
class ReportInput:
    actual_departure_on: dt.date
    actual_return_on: dt.date
    places: str
    contacted_officials: bool = False
    contact_detail: str = ""
    incidents: bool = False
    incident_detail: str = ""
    note: str = ""


@service
def return_report_file(*, actor: Person, application: TravelApplication, report: ReportInput, today: dt.date,
                       received_on: dt.date | None = None) -> ReturnReport:
    """File the 返臺通報表. The traveller files their own; the ethics officer records a retiree's
    (received_on: the day the retiree's report reached the agency)."""
    application = TravelApplication.objects.select_for_update().get(pk=application.pk)
    if not application.is_open_for_report():
        raise ValidationError("此申請尚未核准，不能填報返臺通報表。")
    if ReturnReport.objects.filter(application=application).exists():
        raise ValidationError("此次赴陸已填報返臺通報表。")
    if report.actual_return_on < report.actual_departure_on:
        raise ValidationError({"actual_return_on": "返臺日期不能早於出發日期。"})
    if report.actual_return_on > today:
        raise ValidationError({"actual_return_on": "尚未返臺，請於返臺後再填報。"})
    if not report.places.strip():
        raise ValidationError({"places": "請填寫實際停留地區。"})
    if report.contacted_officials and not report.contact_detail.strip():
        raise ValidationError({"contact_detail": "請說明接觸情形。"})
    if report.incidents and not report.incident_detail.strip():
        raise ValidationError({"incident_detail": "請說明異常情形。"})
    filed_on = received_on or today
    if filed_on > today:
        raise ValidationError({"received_on": "收件日期不能晚於今天。"})
    # A closure added to the calendar since approval (a typhoon day) moves the due date in the
    # traveller's favour: judge lateness by the calendar as it stands now.
    due = report_due(return_on=application.return_on, period=application.report_period, agency=application.agency)
    if due != application.report_due:
        before = snapshot(application)
        application.report_due = due
        application.save(update_fields=["report_due"])
        audit_record(actor=actor, action="travel.application.report_due", obj=application, before=before,
                     after=snapshot(application))
    rr = ReturnReport(application=application, agency=application.agency, filed_on=filed_on, filed_by=actor,
                      late=application.report_overdue_on(filed_on), **report.__dict__)
    rr.save()
    TravelApplication.objects.filter(pk=application.pk).update(report_filed=True)
    application.report_filed = True
    audit_record(actor=actor, action="travel.return_report.file", obj=rr, agency=application.agency,
                 after=snapshot(rr))
    return rr


# --- classified retirees (涉密退離職人員) ---

RETIREE_FIELDS = ["full_name", "former_title", "former_unit", "left_on", "control_ends_on", "declaration_years",
                  "contact"]


def _check_retiree(data: dict) -> None:
    if data["control_ends_on"] < data["left_on"]:
        raise ValidationError({"control_ends_on": "管制期間屆滿日不能早於退離職日。"})
    if data["declaration_years"] not in (1, 2, 3):
        raise ValidationError({"declaration_years": "申報期間應為1至3年。"})


@service
def retiree_create(*, actor: Person, agency: Agency, data: dict) -> ClassifiedRetiree:
    _check_retiree(data)
    retiree = ClassifiedRetiree(agency=agency, created_by=actor, **{k: data[k] for k in RETIREE_FIELDS})
    retiree.save()
    audit_record(actor=actor, action="travel.retiree.create", obj=retiree, after=snapshot(retiree))
    return retiree


@service
def retiree_update(*, actor: Person, retiree: ClassifiedRetiree, data: dict, expected_version: int
                   ) -> ClassifiedRetiree:
    _check_retiree(data)
    before = snapshot(retiree)
    version_bump(retiree, expected_version)
    for k in RETIREE_FIELDS:
        setattr(retiree, k, data[k])
    retiree.save()
    audit_record(actor=actor, action="travel.retiree.update", obj=retiree, before=before, after=snapshot(retiree))
    return retiree


@service
def retiree_declaration_record(*, actor: Person, retiree: ClassifiedRetiree, trip: TripInput, received_on: dt.date,
                               today: dt.date) -> TravelApplication:
    """The ethics officer records a retiree's pre-entry declaration, judged by the rules in force on
    the day it was received. A late declaration is recorded and flagged, not refused."""
    if received_on > today:
        raise ValidationError({"received_on": "收件日期不能晚於今天。"})
    if not retiree.must_declare_on(trip.departure_on):
        raise ValidationError({"departure_on": f"出發日不在申報期間內（{_roc(retiree.control_ends_on)}後至"
                                               f"{_roc(retiree.declaration_until())}），無須申報。"})
    agency = retiree.agency
    lead = rule_in_force(agency=agency, kind=RuleKind.RETIREE_LEAD, on=received_on)
    report = rule_in_force(agency=agency, kind=RuleKind.RETIREE_REPORT, on=received_on)
    late = _check_trip(trip, agency=agency, lead=lead, filed_on=received_on, today=today, new=False,
                       late_allowed=True)
    last_day = apply_by(departure_on=trip.departure_on, period=lead.period, agency=agency)
    app = TravelApplication(
        agency=agency, reviewing_agency=agency, retiree=retiree, traveller_name=retiree.full_name,
        traveller_title=retiree.former_title, filed_on=received_on, lead_workdays=lead.working_days,
        report_workdays=report.working_days, lead_rule=lead, report_rule=report, apply_by=last_day,
        late_filing=late, status=Status.DECLARED, created_by=actor,
        report_due=report_due(return_on=trip.return_on, period=report.period, agency=agency))
    _set_trip(app, trip)
    app.save()
    audit_record(actor=actor, action="travel.retiree.declare", obj=app, after=snapshot(app))
    return app


@service
def application_view_record(*, actor: Person, app: TravelApplication, action: str = "travel.view") -> None:
    """Every look at a travel record is itself recorded, as for footage requests (個資法: 利用之紀錄)."""
    if action not in VIEW_ACTIONS:
        raise ValueError(action)
    audit_record(actor=actor, action=action, obj=app, access=True)


@service
def travel_rules_seed_defaults() -> int:
    """Create the default rule rows from seed 000 if there are none (demo data, fresh test DBs)."""
    if TravelRule.objects.exists():
        return 0
    for kind, days, approval, declarations, note in defaults.DEFAULT_RULES:
        rule = TravelRule.objects.create(kind=kind, working_days=days, unit=defaults.unit_of(kind),
                                         starts_on=defaults.DEFAULT_START, approval=approval,
                                         declarations="\n".join(declarations), note=note, basis=defaults.basis_of(kind))
        audit_record(actor=None, action="travel.rule_seed", obj=rule, agency=rule.agency, after=snapshot(rule))
    return len(defaults.DEFAULT_RULES)


@dataclass(frozen=True)
class RuleInput(rulebook.RuleInput):
    approval: str = ""
    head_to_superior: bool = True
    declarations: str = ""
    note: str = ""
    grade: str = ""
    rank_min: int | None = None
    agency_kind: str = ""
    purpose: str = ""


@service
def travel_rule_create(*, actor: Person, agency: Agency, data: RuleInput, today: dt.date) -> TravelRule:
    """The agency's ethics officer adds a rule from a start date (rules change by new rows; what was filed keeps
    its rule). A superior office's row is the default of its subtree; `fixed` forbids its agencies their own.
    Empty optional parts (declarations, review route, text) are inherited from the rules behind it."""
    from anwei.orgs import policy
    from anwei.travel.selectors import BOOK

    if not policy.may(actor, "travel.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的赴陸規定。")
    if data.kind not in RuleKind.values:
        raise ValidationError({"kind": "請選擇規定類別。"})
    BOOK.check_new(agency=agency, kind=data.kind, starts_on=data.starts_on, today=today, amount=data.amount,
                   kind_label=RuleKind(data.kind).label)
    if data.rank_min is not None and not (1 <= data.rank_min <= 14 and data.grade):
        raise ValidationError({"rank_min": "職等應為1至14，並請同時選擇官等。"})
    if data.approval and data.kind != RuleKind.APPLICATION_LEAD:
        raise ValidationError({"approval": "審核流程僅適用於「赴陸申請」。"})
    rule = TravelRule.objects.create(
        agency=agency, kind=data.kind, working_days=data.amount, unit=data.unit, starts_on=data.starts_on,
        approval=data.approval, head_to_superior=data.head_to_superior, declarations=data.declarations.strip(),
        note=data.note.strip(), basis=data.basis.strip(), fixed=data.fixed, grade=data.grade,
        rank_min=data.rank_min, agency_kind=data.agency_kind, purpose=data.purpose, created_by=actor)
    audit_record(actor=actor, action="travel.rule_create", obj=rule, agency=agency, after=snapshot(rule))
    return rule
