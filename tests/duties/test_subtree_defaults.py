"""A superior ethics office sets a recurring duty for its whole subtree (issue #26): every agency below it (and
the office's own agency) owes it without a row of its own, also an agency added later; each records its own;
another county's agencies never owe it. The office may fix the frequency, or leave each agency below free to set
its own from a date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.duties import services
from anwei.duties.obligations import duties_open, duties_owed
from anwei.duties.selectors import active_duties, states
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _default(world, **kw):
    values = dict(kind="confidentiality_inspection", name="公務機密維護檢查", every=6, unit="months",
                  starts_on=dt.date(2025, 1, 1), basis="每半年至少辦理一次")
    values.update(kw)
    return services.default_create(actor=world.superior, agency=world.city, data=services.DefaultInput(**values))


def _state(agency, duty):
    [s] = [s for s in states(active_duties(agency_ids=[agency.pk], today=TODAY)) if s.duty.default == duty]
    return s


def test_every_agency_of_the_subtree_owes_it_and_one_added_later_too(world):
    duty = _default(world)
    bureau = _state(world.bureau, duty)
    assert bureau.duty.by_superior and bureau.last_done is None and bureau.next_due == dt.date(2025, 7, 1)
    assert not _state(world.city, duty).duty.by_superior  # the office's own agency owes it too
    assert active_duties(agency_ids=[world.county.pk], today=TODAY) == []
    [owed] = duties_owed(world.officer)
    assert owed.overdue and owed.agency_id == world.bureau.pk and "海濱市政府測試局公務機密維護檢查" in owed.title
    assert duties_owed(world.other_officer) == []
    school = agency_create(actor=None, name="海濱市立測試國民小學", parent=world.city, kind=Agency.Kind.SCHOOL)
    assert {o.agency_id for o in duties_open(TODAY)} == {world.city.pk, world.bureau.pk, school.pk}


def test_each_agency_keeps_its_own_records(world):
    duty = _default(world)
    services.default_done_record(actor=world.officer, agency=world.bureau, duty=duty, done_on=dt.date(2026, 10, 1),
                                 note="抽查各科室公文保管", today=TODAY)
    assert _state(world.bureau, duty).next_due == dt.date(2027, 4, 1)
    assert _state(world.city, duty).last_done is None  # the bureau's inspection is not the city's
    assert [o.agency_id for o in duties_owed(world.superior)] == [world.city.pk]
    with pytest.raises(ValidationError):  # another county's officer records nothing here
        services.default_done_record(actor=world.other_officer, agency=world.county, duty=duty, done_on=TODAY,
                                     note="", today=TODAY)
    with pytest.raises(ValidationError) as exc:
        services.default_done_record(actor=world.officer, agency=world.bureau, duty=duty,
                                     done_on=TODAY + dt.timedelta(days=1), note="", today=TODAY)
    assert "done_on" in exc.value.error_dict


def test_an_agency_sets_its_own_frequency_where_the_office_allows(world):
    """資通安全責任等級分級辦法（行政院107年11月21日訂定，110年8月23日修正）附表一、三、五：內部資通安全稽核，
    A級機關每年辦理二次、B級每年辦理一次、C級每二年辦理一次. The city sets the B-level yearly audit for its
    subtree and lets each agency set its own: the bureau, a C-level agency, audits every two years from a date;
    a school added under the bureau follows the bureau's frequency; the city keeps its own."""
    duty = _default(world, kind="other", name="內部資通安全稽核", every=1, unit="years", starts_on=dt.date(2026, 1, 1),
                    basis="資通安全責任等級分級辦法附表三")
    assert _state(world.bureau, duty).next_due == dt.date(2027, 1, 1)
    row = services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=duty, every=2, unit="years",
                                         starts_on=TODAY, today=TODAY)
    bureau = _state(world.bureau, duty)
    assert bureau.duty.frequency == row and bureau.duty.frequency_own and bureau.next_due == dt.date(2028, 1, 1)
    assert _state(world.city, duty).next_due == dt.date(2027, 1, 1)
    school = agency_create(actor=None, name="海濱市立測試國民中學", parent=world.bureau, kind=Agency.Kind.SCHOOL)
    assert _state(school, duty).next_due == dt.date(2028, 1, 1)
    with pytest.raises(ValidationError) as exc:  # not back in time: what was done counts under its day's rule
        services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=duty, every=6, unit="months",
                                       starts_on=TODAY - dt.timedelta(days=1), today=TODAY)
    assert "starts_on" in exc.value.error_dict


def test_what_the_office_fixed_an_agency_below_cannot_change(world):
    duty = _default(world, fixed=True)
    assert _state(world.bureau, duty).duty.locked is not None
    with pytest.raises(ValidationError) as exc:
        services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=duty, every=1, unit="years",
                                       starts_on=TODAY, today=TODAY)
    assert "不開放所屬機關另訂" in exc.value.error_dict["every"][0].message
    with pytest.raises(ValidationError) as exc:  # nor may it fix anything for the office
        services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=_default(world, name="另一項"),
                                       every=1, unit="years", starts_on=TODAY, today=TODAY, fixed=True)
    assert "fixed" in exc.value.error_dict
    # the office changes its own default from a date; the bureau follows it from then
    services.default_frequency_set(actor=world.superior, agency=world.city, duty=duty, every=3, unit="months",
                                   starts_on=TODAY, today=TODAY, fixed=True)
    assert _state(world.bureau, duty).duty.period.text() == "3個月"


def test_fixed_from_a_later_date_ends_an_agencys_own_frequency_then(world):
    duty = _default(world)
    services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=duty, every=1, unit="years",
                                   starts_on=TODAY, today=TODAY)
    later = dt.date(2027, 1, 1)
    services.default_frequency_set(actor=world.superior, agency=world.city, duty=duty, every=6, unit="months",
                                   starts_on=later, today=TODAY, fixed=True)
    assert _state(world.bureau, duty).duty.period.text() == "1年"
    assert [s for s in states(active_duties(agency_ids=[world.bureau.pk], today=later))][0].duty.period.text() == "6個月"
    with pytest.raises(ValidationError):
        services.default_frequency_set(actor=world.officer, agency=world.bureau, duty=duty, every=2, unit="years",
                                       starts_on=later, today=TODAY)


def test_only_an_office_with_agencies_below_sets_them(world):
    with pytest.raises(ValidationError):
        services.default_create(actor=world.officer, agency=world.bureau, data=services.DefaultInput(
            kind="door_badges", name="門禁卡清查", every=1, unit="years", starts_on=TODAY))
    with pytest.raises(ValidationError):  # the county has no agency below it
        services.default_create(actor=world.other_officer, agency=world.county, data=services.DefaultInput(
            kind="door_badges", name="門禁卡清查", every=1, unit="years", starts_on=TODAY))


def test_stopping_it_stops_it_for_every_agency(world):
    duty = _default(world)
    services.default_stop(actor=world.superior, duty=duty, ends_on=TODAY, expected_version=duty.version)
    assert duties_owed(world.officer) == [] and duties_owed(world.superior) == []
    with pytest.raises(ValidationError):
        services.default_stop(actor=world.officer, duty=duty, ends_on=TODAY, expected_version=duty.version)
