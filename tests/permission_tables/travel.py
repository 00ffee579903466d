"""Travel records are personal data: the traveller, the reviewers (unit head, ethics unit of the
reviewing agency) and the personnel unit see them; nobody else — not even the agency head or the
superior office, unless it reviews the agency head's own application."""

import datetime as dt

from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.travel import services
from anwei.travel.models import TravelRule
from tests.permission_tables import Row

ETHICS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}


def _staff_trip(w, *, status="submitted", report=False):
    services.travel_rules_seed_defaults()
    rule = TravelRule.objects.filter(kind="application_lead").order_by("-starts_on").first()
    today = timezone.localdate()
    if status in ("approved",):  # a trip already over: filed in the past, back yesterday
        filed = workday_add(today, -20)
        dep, ret = workday_add(filed, 8), today - dt.timedelta(days=1)
    else:
        filed, dep = today, workday_add(today, 10)
        ret = dep + dt.timedelta(days=3)
    trip = services.TripInput(purpose="tourism", purpose_detail="", destinations="上海市", transit_stops="",
                              transit_mainland=False, departure_on=dep, return_on=ret,
                              declarations_accepted=tuple(rule.declaration_list()))
    app = services.application_submit(actor=w.staff, trip=trip, today=filed)
    if status == "returned":
        services.application_review(actor=w.officer, application=app, decision="return", note="請補正",
                                    expected_version=app.version)
    if status == "approved":
        services.application_review(actor=w.officer, application=app, decision="approve", note="",
                                    expected_version=app.version, handles_classified=False)
        if report:
            app.refresh_from_db()
            services.return_report_file(actor=w.staff, application=app, today=today, report=services.ReportInput(
                actual_departure_on=dep, actual_return_on=ret, places="上海市"))
    return app


def _retiree(w):
    return services.retiree_create(actor=w.officer, agency=w.bureau, data={
        "full_name": "測退休", "former_title": "科長", "former_unit": "秘書室", "left_on": dt.date(2022, 1, 1),
        "control_ends_on": dt.date(2025, 1, 1), "declaration_years": 3, "contact": ""})


def _review_data(w):
    from anwei.travel.models import TravelApplication

    app = TravelApplication.objects.get(pk=w.extra["review_pk"])
    return {"decision": "return", "note": "請補正", "version": app.version}


def _review_kwargs(w):
    w.extra["review_pk"] = _staff_trip(w).pk
    return {"pk": w.extra["review_pk"]}


OWNER_AND_ETHICS = {"officer": 200, "staff": 200, "*": 404}

ROWS = [
    Row("travel:index", expect={"*": 200}),
    Row("travel:application_create", expect={"*": 200}),
    Row("travel:application_detail", lambda w: {"pk": _staff_trip(w).pk}, expect=OWNER_AND_ETHICS),
    Row("travel:application_edit", lambda w: {"pk": _staff_trip(w, status="returned").pk},
        expect={"staff": 200, "*": 404}),
    # The ethics officer decides (and is redirected back); the traveller may not review their own.
    Row("travel:application_review", _review_kwargs, method="post", data=_review_data,
        expect={"officer": 302, "*": 404}),
    Row("travel:return_report", lambda w: {"pk": _staff_trip(w, status="approved").pk},
        expect={"staff": 200, "*": 404}),
    Row("travel:application_document", lambda w: {"pk": _staff_trip(w).pk, "fmt": "html"}, expect=OWNER_AND_ETHICS),
    Row("travel:return_report_document", lambda w: {"pk": _staff_trip(w, status="approved", report=True).pk,
                                                    "fmt": "html"}, expect=OWNER_AND_ETHICS),
    Row("travel:overdue", expect=ETHICS),
    Row("travel:statistics", lambda w: {"agency_id": w.bureau.pk},
        expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
    Row("travel:retiree_list", expect=ETHICS),
    Row("travel:retiree_create", expect=ETHICS),
    Row("travel:retiree_detail", lambda w: {"pk": _retiree(w).pk}, expect={"officer": 200, "*": 404}),
    Row("travel:retiree_declare", lambda w: {"pk": _retiree(w).pk}, expect={"officer": 200, "*": 404}),
]

# Only an agency's ethics officer (the superior office's, for the city's rows) opens its rules page.
ROWS.append(Row("travel:rules", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}))
