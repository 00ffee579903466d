import datetime as dt

import pytest

from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create
from anwei.travel import services
from anwei.travel.models import TravelRule
from tests.world import PASSWORD

# A plain Monday with no holidays around it: 5 working days before 2024-03-18 is 2024-03-11.
TODAY = dt.date(2024, 3, 4)


@pytest.fixture
def rules(db):
    services.travel_rules_seed_defaults()
    return {r.kind: r for r in TravelRule.objects.all()}


@pytest.fixture
def planhead(world):
    """A unit head for 綜合企劃科, so that staff's applications go through a unit head first."""
    p = person_create(actor=None, username="planhead", password=PASSWORD, full_name="測科長", agency=world.bureau,
                      unit=world.units["綜合企劃科"], title="科長")
    membership_grant(actor=None, person=p, agency=world.bureau, role=Role.UNIT_HEAD, unit=world.units["綜合企劃科"])
    membership_grant(actor=None, person=p, agency=world.bureau, role=Role.STAFF)
    return p


@pytest.fixture
def hr(world):
    """A member of the bureau's personnel unit (人事室)."""
    p = person_create(actor=None, username="hr", password=PASSWORD, full_name="測人事", agency=world.bureau,
                      unit=world.units["人事室"], title="科員")
    membership_grant(actor=None, person=p, agency=world.bureau, role=Role.STAFF)
    return p


def trip_input(rule, *, departure_on, return_on, destinations="上海市", urgent=False, urgent_reason="",
               transit_mainland=False):
    return services.TripInput(purpose="family", purpose_detail="探親", destinations=destinations,
                              transit_stops="廣州白雲機場" if transit_mainland else "",
                              transit_mainland=transit_mainland, departure_on=departure_on, return_on=return_on, urgent=urgent,
                              urgent_reason=urgent_reason, declarations_accepted=tuple(rule.declaration_list()))


@pytest.fixture
def make_trip(rules):
    def make(person, *, departure_on=dt.date(2024, 3, 18), return_on=dt.date(2024, 3, 22), today=TODAY, **kw):
        return services.application_submit(actor=person, today=today, trip=trip_input(
            rules["application_lead"], departure_on=departure_on, return_on=return_on, **kw))
    return make


def approve(app, *reviewers):
    for reviewer in reviewers:
        app.refresh_from_db()
        services.application_review(actor=reviewer, application=app, decision="approve", note="",
                                    expected_version=app.version, handles_classified=False)
    app.refresh_from_db()
    return app
