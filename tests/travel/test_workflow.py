"""An application goes unit head → ethics unit; correction keeps what was typed; refusal needs a reason."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.forms import ConflictError
from anwei.core.models import AuditEntry
from anwei.travel import services
from anwei.travel.models import Status
from tests.travel.conftest import TODAY, approve, trip_input


def test_staff_application_goes_to_unit_head_then_ethics(world, planhead, make_trip):
    app = make_trip(world.staff)
    assert app.status == Status.UNIT_REVIEW and app.unit == world.units["綜合企劃科"]
    assert app.reviewing_agency == world.bureau
    assert app.report_due is None
    approve(app, planhead)
    assert app.status == Status.ETHICS_REVIEW and app.unit_reviewer == planhead
    approve(app, world.officer)
    assert app.status == Status.APPROVED and app.handles_classified is False
    # 2024-03-22 (Fri) + 7 working days = 2024-04-02 (Tue); no holidays in between.
    assert app.report_due == dt.date(2024, 4, 2)
    assert AuditEntry.objects.filter(action="travel.application.approve", object_id=str(app.pk)).count() == 2


def test_without_a_unit_head_it_goes_straight_to_ethics(world, make_trip):
    assert make_trip(world.staff).status == Status.ETHICS_REVIEW


def test_agency_head_applies_to_the_superior_agency(world, make_trip):
    app = make_trip(world.head)
    assert app.reviewing_agency == world.city and app.status == Status.ETHICS_REVIEW
    with pytest.raises(ValidationError):  # the bureau's own ethics officer is not the reviewer
        approve(app, world.officer)
    approve(app, world.superior)
    assert app.status == Status.APPROVED and app.ethics_reviewer == world.superior


def test_nobody_reviews_their_own_application(world, make_trip):
    app = make_trip(world.officer)
    with pytest.raises(ValidationError):
        approve(app, world.officer)


def test_ethics_approval_needs_the_classified_decision(world, make_trip):
    app = make_trip(world.staff)
    with pytest.raises(ValidationError) as exc:
        services.application_review(actor=world.officer, application=app, decision="approve", note="",
                                    expected_version=app.version, handles_classified=None)
    assert "handles_classified" in exc.value.error_dict


def test_return_for_correction_then_resubmit(world, planhead, make_trip, rules):
    app = make_trip(world.staff)
    with pytest.raises(ValidationError) as exc:
        services.application_review(actor=planhead, application=app, decision="return", note=" ",
                                    expected_version=app.version)
    assert "note" in exc.value.error_dict
    services.application_review(actor=planhead, application=app, decision="return", note="請補填轉機地點",
                                expected_version=app.version)
    app.refresh_from_db()
    assert app.status == Status.RETURNED
    services.application_correct(actor=world.staff, application=app, expected_version=app.version, today=TODAY,
                                 trip=trip_input(rules["application_lead"], departure_on=dt.date(2024, 3, 18),
                                                 return_on=dt.date(2024, 3, 25), destinations="上海市、杭州市"))
    app.refresh_from_db()
    assert app.status == Status.UNIT_REVIEW and app.destinations == "上海市、杭州市"
    assert app.filed_on == TODAY  # the original filing date (and so its rule) stays


def test_refusal_needs_a_reason_and_is_final(world, make_trip):
    app = make_trip(world.staff)
    services.application_review(actor=world.officer, application=app, decision="refuse", note="資料不實",
                                expected_version=app.version)
    app.refresh_from_db()
    assert app.status == Status.REFUSED and app.review_note == "資料不實"
    with pytest.raises(ValidationError):
        approve(app, world.officer)


def test_stale_version_is_a_conflict(world, make_trip):
    app = make_trip(world.staff)
    stale = app.version
    approve(app, world.officer)
    with pytest.raises(ConflictError):
        app.status = Status.ETHICS_REVIEW  # what the second reviewer's page still showed
        services.application_review(actor=world.officer, application=app, decision="refuse", note="x",
                                    expected_version=stale)
