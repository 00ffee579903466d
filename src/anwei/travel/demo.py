"""Demo travel records: `staff` has an approved trip whose return report is due; another person's
return report is overdue; a classified retiree is registered. All names invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.travel import services
from anwei.travel.models import Purpose, Status, TravelApplication, TravelRule


def _trip(rule: TravelRule, purpose: str, destinations: str, departure_on: dt.date, return_on: dt.date,
          detail: str = "") -> services.TripInput:
    return services.TripInput(purpose=purpose, purpose_detail=detail, destinations=destinations, transit_stops="",
                              transit_mainland=False, departure_on=departure_on, return_on=return_on,
                              declarations_accepted=tuple(rule.declaration_list()))


def _approved(person, reviewers, trip, filed_on):
    app = services.application_submit(actor=person, trip=trip, today=filed_on)
    for reviewer in reviewers:
        app.refresh_from_db()
        if app.status == Status.APPROVED:
            break
        services.application_review(actor=reviewer, application=app, decision=services.Decision.APPROVE, note="",
                                    expected_version=app.version, handles_classified=False)
    return TravelApplication.objects.get(pk=app.pk)


def load(ctx: dict) -> None:
    services.travel_rules_seed_defaults()
    people = ctx["people"]
    today = timezone.localdate()
    rule = TravelRule.objects.filter(kind="application_lead").order_by("-starts_on").first()

    # staff: back from Xiamen two working days ago; the return report is due within 7 working days.
    back = workday_add(today, -2)
    trip = _trip(rule, Purpose.FAMILY, "福建省廈門市", back - dt.timedelta(days=4), back, "探視親屬")
    _approved(people["staff"], [people["officer"]], trip, filed_on=workday_add(trip.departure_on, -8))

    # liaison.plan: came back from Shanghai weeks ago and has not reported (overdue).
    back = workday_add(today, -12)
    trip = _trip(rule, Purpose.TOURISM, "上海市、江蘇省蘇州市", back - dt.timedelta(days=5), back, "家族旅遊")
    _approved(people["liaison.plan"], [people["officer"]], trip, filed_on=workday_add(trip.departure_on, -10))

    # liaison.sewer: a trip last month, reported on time.
    back = workday_add(today, -25)
    trip = _trip(rule, Purpose.TOURISM, "浙江省杭州市", back - dt.timedelta(days=3), back, "自由行")
    done = _approved(people["liaison.sewer"], [people["officer"]], trip, filed_on=workday_add(trip.departure_on, -7))
    services.return_report_file(actor=people["liaison.sewer"], application=done, today=workday_add(back, 3),
                                report=services.ReportInput(actual_departure_on=trip.departure_on,
                                                            actual_return_on=back, places="浙江省杭州市西湖區"))

    # A classified retiree, declared by the ethics officer on the retiree's behalf.
    bureau = ctx["bureau"]
    retiree = services.retiree_create(actor=people["officer"], agency=bureau, data={
        "full_name": "鄭文彬", "former_title": "科長", "former_unit": "水利管理科", "left_on": today - dt.timedelta(days=4 * 365),
        "control_ends_on": today - dt.timedelta(days=365), "declaration_years": 3,
        "contact": "（書面聯繫）"})
    retiree_rule = TravelRule.objects.filter(kind="retiree_lead").order_by("-starts_on").first()
    departure = workday_add(today, 5)
    services.retiree_declaration_record(
        actor=people["officer"], retiree=retiree,
        trip=_trip(retiree_rule, Purpose.FAMILY, "廣東省廣州市", departure, departure + dt.timedelta(days=6)),
        received_on=today, today=today)
