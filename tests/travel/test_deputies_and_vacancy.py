"""The unit review of a trip: the unit head's deputy reviews it (recorded as 代理); a unit that has lost
its head since the filing hands the review to the ethics unit (the vacancy rule)."""


import pytest

from anwei.orgs.models import Membership
from anwei.orgs.services import deputy_appoint, membership_revoke
from anwei.portal.obligations import obligations_for
from anwei.travel import services
from tests.travel.conftest import TODAY


@pytest.mark.django_db
def test_the_deputy_of_the_unit_head_reviews_and_the_record_names_both(world, settings, make_trip, planhead):
    settings.ANWEI_TODAY = TODAY
    app = make_trip(world.staff)
    assert app.status == "unit_review"
    deputy_appoint(actor=planhead, person=planhead, deputy=world.liaison, starts_on=TODAY, ends_on=TODAY,
                   reason="公差")
    assert any(o.title == "審核測同仁赴陸申請" and o.acting_for == "科長測科長" for o in obligations_for(world.liaison))
    services.application_review(actor=world.liaison, application=app, decision="approve", note="",
                                expected_version=app.version)
    app.refresh_from_db()
    assert app.status == "ethics_review" and app.unit_reviewer_label == "科員測承辦（代理 科長測科長）"


@pytest.mark.django_db
def test_a_unit_that_lost_its_head_hands_the_review_to_the_ethics_unit(world, settings, make_trip, planhead):
    settings.ANWEI_TODAY = TODAY
    app = make_trip(world.staff)
    membership_revoke(actor=None, membership=Membership.objects.get(person=planhead, role="unit_head"))
    [item] = [o for o in obligations_for(world.officer) if o.title == "審核測同仁赴陸申請"]
    assert item.vacancy == "綜合企劃科單位主管出缺"
    services.application_review(actor=world.officer, application=app, decision="approve", note="",
                                expected_version=app.version)
    app.refresh_from_db()
    assert app.status == "ethics_review" and "綜合企劃科單位主管出缺，代為審核" in app.unit_reviewer_label


@pytest.mark.django_db
def test_a_unit_with_no_head_goes_straight_to_the_ethics_unit(world, settings, make_trip):
    settings.ANWEI_TODAY = TODAY
    assert make_trip(world.staff).status == "ethics_review"
