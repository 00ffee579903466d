"""Daily device checks: √/× per working day, × opens a repair, missing days are flagged on home pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.core.models import CalendarOverride
from anwei.core.workdays import is_workday
from anwei.devicechecks import services
from anwei.devicechecks.obligations import devicechecks_owed as devicechecks_inbox
from anwei.devicechecks.models import DailyCheck, RepairRecord
from tests.cold import cold
from tests.devicechecks import factories as f

pytestmark = pytest.mark.django_db


def _last_workday_before(day):
    d = day - dt.timedelta(days=1)
    while not is_workday(d):
        d -= dt.timedelta(days=1)
    return d


def test_a_cross_opens_one_repair_and_repair_is_recorded(world, as_):
    system = f.system(world)
    day = _last_workday_before(timezone.localdate())
    c = as_(world.liaison)
    r = c.post(reverse("devicechecks:device_check"), {"date": day.isoformat(), f"working_{system.pk}": "0",
                                                     f"problem_{system.pk}": ""})
    assert "請說明故障情形。" in r.content.decode()
    r = c.post(reverse("devicechecks:device_check"), {"date": day.isoformat(), f"working_{system.pk}": "0",
                                                     f"problem_{system.pk}": "讀卡機無反應"})
    assert r.status_code == 302
    repair = RepairRecord.objects.get()
    assert repair.problem == "讀卡機無反應" and repair.vendor == "測試保全公司" and repair.is_open()
    # A second × while the repair is open does not open another.
    f.day_record(actor=world.liaison, date=timezone.localdate(), entries=[(system, False, "仍故障")])
    assert RepairRecord.objects.count() == 1
    r = c.post(reverse("devicechecks:repair_edit", args=[repair.pk]), {
        "version": repair.version, "reported_on": day.isoformat(), "vendor": "測試保全公司",
        "repaired_on": timezone.localdate().isoformat(), "note": "更換讀卡機"})
    assert r.status_code == 302
    repair.refresh_from_db()
    assert repair.repaired_on == timezone.localdate() and not repair.is_open()


def test_missed_working_days_are_flagged_for_the_unit_and_the_officer(world):
    system = f.system(world)
    today = timezone.localdate()
    start = today - dt.timedelta(days=31)
    for n in range((today - start).days + 1):  # through today: on a working day today's own reminder is not a miss
        d = start + dt.timedelta(days=n)
        if is_workday(d):
            DailyCheck.objects.create(system=system, date=d, working=True, checked_by=world.liaison)
    assert not [i for i in devicechecks_inbox(world.liaison) if i.category == "每日設備檢查"]
    missed = _last_workday_before(today)
    DailyCheck.objects.filter(date=missed).delete()
    for person in (world.liaison, world.unithead, world.officer):
        items = [i for i in devicechecks_inbox(person) if i.category == "每日設備檢查"]
        assert len(items) == 1 and "1 個工作日未登錄檢查" in items[0].title and items[0].due == missed
    assert not [i for i in devicechecks_inbox(world.staff) if i.category == "每日設備檢查"]
    # A typhoon day declared afterwards is no longer a missed working day.
    CalendarOverride.objects.create(date=missed, is_workday=False, reason="颱風停止上班")
    assert not [i for i in devicechecks_inbox(world.officer) if i.category == "每日設備檢查"]


def test_inbox_queries_do_not_grow_with_systems(world, django_assert_max_num_queries):
    f.system(world)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        devicechecks_inbox(world.officer)
    for n in range(5):
        services.device_system_create(actor=world.officer, agency=world.bureau, unit=world.units["秘書室"],
                                      name=f"監視系統{n}", kind="cctv", in_service_from=timezone.localdate())
    world.officer._anwei_grants = None
    cold()  # as cold as the first call (the roles are read again)
    with CaptureQueriesContext(connection) as large:
        devicechecks_inbox(world.officer)
    assert len(large) == len(small)


def test_month_page_shows_marks_and_non_working_days(world, as_):
    system = f.system(world)
    today = timezone.localdate()
    f.day_record(actor=world.liaison, date=today, entries=[(system, True, "")])
    page = as_(world.officer).get(reverse("devicechecks:device_month")).content.decode()
    assert "門禁及監視系統每日檢查表" in page and "√" in page
    assert as_(world.other_officer).get(reverse("devicechecks:device_month")).status_code == 404


def test_future_dates_are_refused(world, as_):
    system = f.system(world)
    r = as_(world.liaison).post(reverse("devicechecks:device_check"), {
        "date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(), f"working_{system.pk}": "1"})
    assert "不能登錄未來日期的檢查。" in r.content.decode()


def test_today_is_a_reminder_for_the_unit_not_a_miss(world):
    system = f.system(world)
    today = timezone.localdate()
    DailyCheck.objects.bulk_create([DailyCheck(system=system, date=today - dt.timedelta(days=n), working=True)
                                    for n in range(1, 45)])
    override = CalendarOverride.objects.create(date=today, is_workday=True, reason="測試：今日上班")
    unit_items = [i for i in devicechecks_inbox(world.liaison) if i.category == "每日設備檢查"]
    assert [i.title for i in unit_items] == ["登錄今日檢查：管理大樓門禁系統"] and not unit_items[0].overdue
    assert not [i for i in devicechecks_inbox(world.officer) if i.category == "每日設備檢查"]
    override.is_workday = False
    override.save()
    assert not [i for i in devicechecks_inbox(world.liaison) if i.category == "每日設備檢查"]


def test_resubmitting_the_same_marks_keeps_who_checked(world):
    from anwei.core.models import AuditEntry

    system = f.system(world)
    today = timezone.localdate()
    f.day_record(actor=world.liaison, date=today, entries=[(system, True, "")])
    audits = AuditEntry.objects.filter(action="devicechecks.daily_check").count()
    f.day_record(actor=world.unithead, date=today, entries=[(system, True, "")])
    check = DailyCheck.objects.get(system=system, date=today)
    assert check.checked_by == world.liaison
    assert AuditEntry.objects.filter(action="devicechecks.daily_check").count() == audits
    f.day_record(actor=world.unithead, date=today, entries=[(system, False, "鏡頭起霧")])
    check.refresh_from_db()
    assert check.checked_by == world.unithead and not check.working


def test_the_head_reads_a_repair_record_but_cannot_change_it(world, as_):
    repair = f.repair(world)
    url = reverse("devicechecks:repair_edit", args=[repair.pk])
    page = as_(world.head).get(url)
    assert page.status_code == 200 and "由負責單位或政風單位登錄" in page.content.decode()
    assert as_(world.head).post(url, {"vendor": "某廠商", "version": repair.version}).status_code == 404
    repair.refresh_from_db()
    assert repair.vendor != "某廠商"
