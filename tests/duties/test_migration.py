"""Duties a superior office sets for its subtree are new rows of their own: a database made by the previous
version keeps every agency's duties and records as they were, with the same next dates, and owes nothing new."""

import datetime as dt

import pytest

from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction


def _old_rows(apps) -> dict:
    Duty = apps.get_model("duties", "RecurringDuty")
    Done = apps.get_model("duties", "DutyDone")
    city, bureau = agency_tree(apps, "舊版測試市政府", "舊版測試局")
    inspect = Duty.objects.create(agency=bureau, kind="confidentiality_inspection", name="機密維護檢查", every=6,
                                  unit="months", starts_on=dt.date(2025, 1, 1))
    Done.objects.create(duty=inspect, done_on=dt.date(2026, 5, 31), note="上半年檢查")
    Duty.objects.create(agency=city, kind="security_meeting", name="機關安全維護會報", every=1, unit="years",
                        starts_on=dt.date(2025, 3, 1), ends_on=dt.date(2026, 1, 1))
    return {"city": city.pk, "bureau": bureau.pk, "inspect": inspect.pk}


def test_each_agency_keeps_its_duties_and_records():
    from anwei.duties.selectors import active_duties, states

    pks = with_old("duties", "0001_initial", _old_rows)
    today = dt.date(2026, 12, 3)
    [state] = states(active_duties(agency_ids=[pks["city"], pks["bureau"]], today=today))
    assert state.duty.own.pk == pks["inspect"] and state.duty.key == f"duties:{pks['inspect']}"
    assert (state.last_done, state.next_due) == (dt.date(2026, 5, 31), dt.date(2026, 11, 30))
