"""The clocks: deadlines from discovery, in the kind of period the rule states, and whether each
required party was told in time, late, or is still owed."""

import datetime as dt

import pytest

from anwei.core.workdays import is_workday
from anwei.incidents import services
from anwei.incidents.deadlines import due_at
from anwei.incidents.models import ChainRule, Clock, Party, PeriodKind
from tests.incidents.factories import EVE, at, report

pytestmark = pytest.mark.django_db


def test_the_eve_is_the_last_working_day_before_the_holiday():
    assert is_workday(EVE) and not is_workday(EVE + dt.timedelta(days=1))


def test_infosec_discovered_at_1640_before_a_holiday_is_due_at_1740_the_same_day(world):
    incident = report(world, "infosec", discovered=at(EVE, 16, 40))
    due = {p.party: p.due_at for p in incident.parties.all()}
    assert due[Party.SUPERIOR_ETHICS] == at(EVE, 17, 40)  # clock hours, not working days
    assert due[Party.ETHICS_UNIT] == at(EVE, 17, 40)
    assert due[Party.INFOSEC_OFFICER] == at(EVE, 17, 10)  # 立即: 30 minutes


def test_working_days_skip_the_holiday_and_end_with_the_day():
    # 陳情抗議 → 上級政風機構: 1 working day; the next working day after 2/7 is 2/15.
    assert due_at(discovered_at=at(EVE, 16, 40), kind=PeriodKind.WORKDAYS, amount=1) == at(
        dt.date(2024, 2, 15), 23, 59) + dt.timedelta(seconds=59)
    assert due_at(discovered_at=at(EVE, 23, 30), kind=PeriodKind.HOURS, amount=1) == at(EVE + dt.timedelta(days=1), 0, 30)


def test_in_time_late_owed_and_overdue(world):
    incident = report(world, "infosec", discovered=at(EVE, 16, 40))
    services.notification_record(actor=world.officer, incident=incident, party=Party.ETHICS_UNIT, recipient="政風室",
                                 method="phone", notified_at=at(EVE, 16, 50), now=at(EVE, 18, 0))
    late = services.notification_record(actor=world.officer, incident=incident, party=Party.SUPERIOR_ETHICS,
                                        recipient="市府政風處值日人員", method="phone", notified_at=at(EVE, 17, 41),
                                        now=at(EVE, 18, 0))
    assert late.late
    clocks = {p.party: p.clock(at(EVE, 17, 5)) for p in incident.parties.all()}
    assert clocks[Party.ETHICS_UNIT] == Clock.IN_TIME
    assert clocks[Party.SUPERIOR_ETHICS] == Clock.LATE
    assert clocks[Party.INFOSEC_OFFICER] == Clock.OWED  # 17:05, due 17:10
    assert {p.party: p.clock(at(EVE, 17, 11)) for p in incident.parties.all()}[Party.INFOSEC_OFFICER] == Clock.OVERDUE
    incident.refresh_from_db()
    assert incident.owes  # infosec officer and agency head still owed


def test_the_last_party_told_stops_the_reminders(world):
    incident = report(world, "leak")
    for p in incident.parties.all():
        services.notification_record(actor=world.officer, incident=incident, party=p.party, recipient="某人",
                                     method="in_person", notified_at=incident.discovered_at + dt.timedelta(minutes=5),
                                     now=incident.discovered_at + dt.timedelta(hours=1))
    incident.refresh_from_db()
    assert not incident.owes


def test_a_notification_before_discovery_or_in_the_future_is_refused(world):
    from django.core.exceptions import ValidationError

    incident = report(world, "security")
    for when, words in ((incident.discovered_at - dt.timedelta(hours=1), "不能早於發現時間"),
                        (incident.discovered_at + dt.timedelta(days=3), "不能晚於現在")):
        with pytest.raises(ValidationError) as exc:
            services.notification_record(actor=world.officer, incident=incident, party=Party.ETHICS_UNIT,
                                         recipient="政風室", method="phone", notified_at=when,
                                         now=incident.discovered_at + dt.timedelta(hours=2))
        assert words in exc.value.message_dict["notified_on"][0]


def test_rules_have_effective_dates_per_agency(world):
    """An amended rule (a new row with a start date) applies to incidents discovered from that day;
    an agency's own row beats the default."""
    services.incident_rules_seed_defaults()
    ChainRule.objects.create(agency=world.bureau, category="infosec", party=Party.SUPERIOR_ETHICS,
                             period_kind=PeriodKind.HOURS, amount=2, starts_on=dt.date(2026, 1, 5))
    before = report(world, "infosec", discovered=at(dt.date(2026, 1, 2), 10, 0))
    after = report(world, "infosec", discovered=at(dt.date(2026, 1, 5), 10, 0))
    assert before.parties.get(party=Party.SUPERIOR_ETHICS).due_at == at(dt.date(2026, 1, 2), 11, 0)
    assert after.parties.get(party=Party.SUPERIOR_ETHICS).due_at == at(dt.date(2026, 1, 5), 12, 0)
    ChainRule.objects.create(agency=world.bureau, category="infosec", party=Party.AGENCY_HEAD,
                             period_kind=PeriodKind.HOURS, amount=1, starts_on=dt.date(2026, 2, 1), required=False)
    later = report(world, "infosec", discovered=at(dt.date(2026, 2, 2), 10, 0))
    assert Party.AGENCY_HEAD not in set(later.parties.values_list("party", flat=True))
