"""The result deadline (執行成果報送期限) of a plan letter is counted in each recipient agency's calendar: a city's
typhoon day (停止上班, declared by the city for its own area under 天然災害停止上班及上課作業辦法) moves the deadline
of that city's agencies and not of another county's."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anwei.core.models import CalendarOverride
from anwei.core.workdays import workday_add
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create
from anwei.plans import selectors, services
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


def _closed(agency, day):
    CalendarOverride.objects.create(date=day, is_workday=False, reason="颱風停止上班", scope_path=agency.path,
                                    scope_name=agency.name, subtree=True)


def _dispatch(world, sender, actor, recipients, **fields):
    f.pattern_for(sender, "測字第{year:03}{serial:07}號")
    plan = f.plan_make(world, agency=sender, actor=actor)
    letter = f.letter_make(world, plan, actor=actor, main=f.choice(agencies=recipients), **fields)
    return services.letter_dispatch(actor=actor, letter=letter, on=dt.date(2023, 1, 10))


def test_a_city_typhoon_day_moves_its_agencies_result_deadline_and_not_another_countys(world):
    plan = f.plan_make(world, agency=world.city, actor=world.superior)
    first = workday_add(plan.period_end, 1)  # the first working day the results could be written on
    normal = workday_add(plan.period_end, plan.result_workdays)
    _closed(world.city, first)
    township = agency_create(actor=None, name="遠山縣測試鄉公所", parent=world.county, kind=Agency.Kind.TOWNSHIP)

    city_letter = _dispatch(world, world.city, world.superior, [world.bureau])
    county_letter = _dispatch(world, world.county, world.other_officer, [township])

    moved = city_letter.assignments.get(agency=world.bureau).due
    assert moved == workday_add(normal, 1) and moved > normal
    assert county_letter.assignments.get(agency=township).due == normal
    assert city_letter.due == moved  # the letter states its sender's count, which the city's typhoon day moved too


def test_the_letter_default_is_the_senders_count_and_each_recipient_counts_its_own(world):
    """The city writes to the bureau and to a school of its own; only the bureau's building was closed that day
    (declared for it alone): the letter states the city's count, the bureau's deadline moves, the school's not."""
    school = agency_create(actor=None, name="海濱市立測試國民中學", parent=world.city, kind=Agency.Kind.SCHOOL)
    plan = f.plan_make(world, agency=world.city, actor=world.superior)
    first = workday_add(plan.period_end, 1)
    CalendarOverride.objects.create(date=first, is_workday=False, reason="停電", scope_path=world.bureau.path,
                                    scope_name=world.bureau.name, subtree=False)
    normal = workday_add(plan.period_end, plan.result_workdays)
    assert selectors.letter_defaults(plan=plan, actor=world.superior)["due"] == normal
    letter = _dispatch(world, world.city, world.superior, [world.bureau, school])
    assert letter.due == normal
    assert letter.assignments.get(agency=school).due == normal
    assert letter.assignments.get(agency=world.bureau).due == workday_add(normal, 1)


def test_a_date_the_officer_typed_binds_every_recipient(world):
    plan = f.plan_make(world, agency=world.city, actor=world.superior)
    _closed(world.city, workday_add(plan.period_end, 1))
    stated = plan.period_end + dt.timedelta(days=20)
    letter = _dispatch(world, world.city, world.superior, [world.bureau], due=stated)
    assert letter.due == stated and letter.assignments.get(agency=world.bureau).due == stated


def test_the_calendars_of_many_recipients_are_read_at_once(world):
    schools = [agency_create(actor=None, name=f"遠山縣立第{i}國民小學", parent=world.county, kind=Agency.Kind.SCHOOL)
               for i in range(6)]
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer)
    _closed(schools[0], workday_add(plan.period_end, 1))
    letter = f.letter_make(world, plan, actor=world.other_officer, main=f.choice(agencies=schools))
    from anwei.plans.deadlines import letter_dues

    with CaptureQueriesContext(connection) as few:
        letter_dues(letter, [s.pk for s in schools[:2]])
    with CaptureQueriesContext(connection) as many:
        dues = letter_dues(letter, [s.pk for s in schools])
    assert len(many) == len(few)
    assert dues[schools[0].pk] == workday_add(dues[schools[1].pk], 1)
