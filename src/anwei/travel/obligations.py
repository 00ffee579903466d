"""Obligations of travel: the traveller's return report (due 7 working days after return, escalated to
the unit head who reviewed the trip), corrections asked for, reviews waiting (the unit head, their
deputy, or the ethics unit when the unit has no head), retirees' declarations to record, and for the
ethics unit the count of overdue reports. Travel records are personal data: nobody else is told."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.utils import timezone

from anwei.core import clock
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link
from anwei.travel import selectors
from anwei.travel.models import Status, TravelApplication

CATEGORY = "赴陸申請"


def _returned(app: TravelApplication) -> Obligation:
    return Obligation(CATEGORY, f"赴陸申請退回補正（{app.destinations[:20]}）",
                      link("travel:application_detail", app.pk), due=app.departure_on,
                      note=app.review_note[:60], key=f"travel.returned:{app.pk}", kind="travel.returned",
                      agency_id=app.agency_id, owner=posts.person(app.traveller_id), remind=False)


def _report(app: TravelApplication, today: dt.date) -> Obligation:
    overdue = app.report_overdue_on(today)
    head = posts.unit_head(app.agency_id, app.unit_id) if app.unit_id else None  # reviewed it: may open it
    return Obligation(CATEGORY, f"填報返臺通報表（{app.destinations[:20]}）",
                      link("travel:return_report", app.pk), due=app.report_due, overdue=overdue,
                      note="已逾返臺通報期限，請儘速填報" if overdue else f"返臺後{app.report_workdays}個工作日內填報",
                      key=f"travel.report:{app.pk}", kind="travel.report", agency_id=app.agency_id,
                      owner=posts.person(app.traveller_id), escalation=(head, None, None),
                      escalation_urls=(link("travel:application_detail", app.pk), "", ""))


def _review(app: TravelApplication, today: dt.date, vacancy: str) -> Obligation:
    if app.status == Status.UNIT_REVIEW and not vacancy:
        owner = posts.unit_head(app.agency_id, app.unit_id)
        since = app.filed_on
    else:
        owner = posts.ethics_officers(app.reviewing_agency_id)
        since = timezone.localtime(app.unit_reviewed_at).date() if app.unit_reviewed_at else app.filed_on
    note = f"{app.get_status_display()}；期限為出發日"
    if vacancy:
        note += f"（{vacancy}，由政風單位代為審核）"
    return Obligation(CATEGORY, f"審核{app.traveller_name}赴陸申請", link("travel:application_detail", app.pk),
                      due=app.departure_on, overdue=app.departure_on < today, note=note,
                      key=f"travel.review:{app.pk}:{app.status}", kind="travel.review",
                      agency_id=app.reviewing_agency_id, owner=owner, approval=True, since=since, vacancy=vacancy)


def _retiree(app: TravelApplication) -> Obligation:
    return Obligation(CATEGORY, f"涉密退離職人員{app.traveller_name}返臺申報",
                      link("travel:application_detail", app.pk), due=app.report_due, note="待登錄返臺後申報",
                      key=f"travel.retiree:{app.pk}", kind="travel.retiree", agency_id=app.reviewing_agency_id,
                      owner=posts.ethics_officers(app.reviewing_agency_id))


def _overdue(agency_id: int, n: int) -> Obligation:
    return Obligation(CATEGORY, f"逾期未填報返臺通報表 {n} 件", link("travel:overdue"), overdue=True,
                      note="請督促補報", key=f"travel.overdue:{agency_id}", kind="travel.overdue", agency_id=agency_id,
                      owner=posts.ethics_officers(agency_id), remind=False)


def travel_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    items: list[Obligation] = []
    for app in selectors.my_open_trips(person):
        items.append(_returned(app) if app.status == Status.RETURNED else _report(app, today))
    for app in selectors.reviews_waiting(person):
        items.append(_review(app, today, getattr(app, "vacancy", "")))
    items += [_retiree(app) for app in selectors.retiree_reports_waiting(person, today)]
    overdue = selectors.overdue_count(person, today)
    if overdue:
        agencies = selectors.ethics_agencies(person)
        items.append(_overdue(agencies[0].pk, overdue))
    return items


def travel_open(today: dt.date) -> list[Obligation]:
    """Trips still owing something (the (report_filed, status, report_due) index: never the filed ones)."""
    apps = list(TravelApplication.objects.filter(
        report_filed=False, status__in=[Status.RETURNED, Status.UNIT_REVIEW, Status.ETHICS_REVIEW, Status.APPROVED,
                                        Status.DECLARED]).select_related("unit").order_by("id"))
    vacant = selectors.unit_head_vacant(apps, today)
    out: list[Obligation] = []
    overdue: Counter[int] = Counter()
    for app in apps:
        if app.status == Status.RETURNED and app.traveller_id:
            out.append(_returned(app))
        elif app.status in (Status.UNIT_REVIEW, Status.ETHICS_REVIEW):
            out.append(_review(app, today, f"{app.unit.name}單位主管出缺" if app.pk in vacant else ""))
        elif app.report_due is not None:
            if app.traveller_id:
                out.append(_report(app, today))
            elif app.report_due >= today:
                out.append(_retiree(app))
            if app.report_due < today:
                overdue[app.reviewing_agency_id] += 1
    out += [_overdue(agency_id, n) for agency_id, n in overdue.items()]
    return out


PROVIDER = ObligationProvider("travel", travel_owed, travel_open,
                              kinds=(("travel.report", "返臺通報"), ("travel.review", "赴陸申請審核"), ("travel.retiree", "涉密退離職人員返臺申報")))
