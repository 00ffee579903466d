"""Demo access control for 海港市政府水利局: four areas with doors and hours, staff badges, one badge
lost and replaced, one cleaning contractor's badge past its end date, visitors of today (one still
inside) and a meeting's guests pre-registered for tomorrow, and a door log with a few after-hours
entries. Every name and number is invented."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone

from anwei.access import services
from anwei.access.tasks import door_log_run
from anwei.access.models import AfterHours, AreaKind, BadgeKind, IdType, Level
from anwei.core import clock
from anwei.core.workdays import is_workday

AREAS = [
    ("大樓正門", AreaKind.ENTRANCE, Level.GENERAL, "一樓", [("正門", "D01"), ("地下停車場電梯廳", "D02")],
     (dt.time(7, 30), dt.time(19, 0), None, None, AfterHours.LOG, "下班時間及假日加班者應於一樓服務台加班登記簿簽名")),
    ("檔案室", AreaKind.ARCHIVE, Level.CONTROLLED, "一樓東側", [("檔案室門", "D11")],
     (dt.time(8, 0), dt.time(17, 30), None, None, AfterHours.NOTICE, "須經秘書室同意，由管理人員陪同")),
    ("機房", AreaKind.SERVER, Level.RESTRICTED, "三樓", [("機房門", "D31")],
     (dt.time(8, 0), dt.time(17, 30), None, None, AfterHours.NOTICE, "資訊人員緊急維修須事先通知並登記")),
    ("秘書室辦公室", AreaKind.OFFICE, Level.GENERAL, "二樓", [("秘書室門", "D21")],
     (dt.time(7, 30), dt.time(20, 0), dt.time(9, 0), dt.time(17, 0), AfterHours.LOG, "")),
]


def _at(day: dt.date, hh: int, mm: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def _last(pred, start: dt.date) -> dt.date:
    day = start
    while not pred(day):
        day -= dt.timedelta(days=1)
    return day


def load(ctx: dict) -> None:
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    liaison, officer, staff = people["liaison"], people["officer"], people["staff"]
    today = clock.today()
    settings = services.access_setup(actor=None, agency=bureau, managing_unit=units["秘書室"])
    settings.replacement_fee = 100
    settings.save(update_fields=["replacement_fee"])
    areas = {}
    start = dt.date(today.year - 1, 1, 1)
    for name, kind, level, where, doors, hours in AREAS:
        area = services.area_create(actor=liaison, settings=settings, data=services.AreaInput(
            name=name, kind=kind, level=level, location=where))
        w_open, w_close, d_open, d_close, after, note = hours
        services.area_hours_add(actor=liaison, area=area, data=services.HoursInput(
            starts_on=start, workday_open=w_open, workday_close=w_close, dayoff_open=d_open, dayoff_close=d_close,
            after_hours=after, after_hours_note=note))
        for door_name, code in doors:
            services.door_add(actor=liaison, area=area, name=door_name, code=code)
        areas[name] = area

    issued = today - dt.timedelta(days=200)
    everyone = (areas["大樓正門"],)
    numbers = {}
    for i, key in enumerate(["officer", "liaison", "unithead", "head", "staff", "liaison.plan", "liaison.eng"], start=1):
        person = people[key]
        grant = everyone + ((areas["檔案室"], areas["秘書室辦公室"]) if key in ("liaison", "unithead") else ())
        badge = services.badge_issue(actor=liaison, settings=settings, data=services.BadgeInput(
            number=f"A{1000 + i}", kind=BadgeKind.STAFF, issued_on=issued, holder=person, areas=grant))
        numbers[key] = badge
    # The staff member's badge was lost last month and replaced (fee from the settings).
    lost = numbers["staff"]
    services.badge_status_set(actor=liaison, badge=lost, expected_version=lost.version, action="lost",
                              on=today - dt.timedelta(days=30), note="本人報稱於捷運站遺失")
    lost.refresh_from_db()
    services.badge_replace(actor=liaison, badge=lost, expected_version=lost.version, number="A1105",
                           on=today - dt.timedelta(days=29))
    # The cleaning contractor's badge ended ten days ago and has not come back.
    services.badge_issue(actor=liaison, settings=settings, data=services.BadgeInput(
        number="C2001", kind=BadgeKind.CONTRACTOR, issued_on=issued, holder_name="蔡淑華", organisation="晨光清潔有限公司",
        ends_on=today - dt.timedelta(days=10), areas=everyone + (areas["秘書室辦公室"],)))
    services.badge_issue(actor=liaison, settings=settings, data=services.BadgeInput(
        number="C2002", kind=BadgeKind.CONTRACTOR, issued_on=issued, holder_name="鄭文凱", organisation="宏達機電工程行",
        ends_on=today + dt.timedelta(days=120), areas=everyone + (areas["機房"],)))
    services.badge_issue(actor=liaison, settings=settings, data=services.BadgeInput(
        number="T0001", kind=BadgeKind.TEMPORARY, issued_on=today, holder_name="臨時通行證1號",
        ends_on=today + dt.timedelta(days=1), areas=everyone))

    # Visitors of today: one signed out, one still inside; a meeting's guests tomorrow.
    now = clock.now()
    morning = _at(today, 9, 10) if timezone.localtime(now).hour >= 10 else now - dt.timedelta(hours=2)
    v1 = services.visitor_register(actor=liaison, settings=settings, at=morning, data=services.VisitorInput(
        name="劉俊男", organisation="海港市議會", host=people["head"], host_label="", purpose="洽談排水改善工程",
        pass_number="V01", id_type=IdType.NATIONAL_ID, id_last4="5821"))
    services.visitor_check_out(actor=liaison, visitor=v1, expected_version=v1.version,
                               at=morning + dt.timedelta(minutes=50))
    services.visitor_register(actor=liaison, settings=settings, at=morning + dt.timedelta(minutes=30),
                              data=services.VisitorInput(
                                  name="楊志偉", organisation="大同工程顧問公司", host=staff, host_label="",
                                  purpose="送審設計圖說", pass_number="V02", id_type=IdType.DRIVER, id_last4="3307"))
    services.visitors_preregister(actor=staff, agency=bureau, visit_on=today + dt.timedelta(days=1),
                                  purpose="參加滯洪池設計審查會議", meeting="滯洪池設計審查會議",
                                  guests="江明哲，海港大學土木系\n邱雅琪，大同工程顧問公司\n蘇建良，海港市政府工務局")

    # A door log of recent days, with after-hours entries and one use of the lost badge.
    workday = _last(lambda d: is_workday(d) and d.weekday() < 5, today - dt.timedelta(days=1))
    dayoff = _last(lambda d: not is_workday(d), today - dt.timedelta(days=1))
    rows = ["時間,門號,卡號,結果"]
    for key, hh, mm in (("liaison", 8, 2), ("unithead", 8, 15), ("officer", 8, 20), ("head", 8, 40)):
        rows.append(f"{workday:%Y/%m/%d} {hh:02d}:{mm:02d}:00,D01,{numbers[key].number},通過")
    rows += [f"{workday:%Y/%m/%d} 21:35:00,D31,C2002,通過",  # 機房 after hours
             f"{workday:%Y/%m/%d} 09:12:00,D11,{numbers['liaison'].number},通過",
             f"{dayoff:%Y/%m/%d} 10:05:00,D11,{numbers['unithead'].number},通過",  # 檔案室 on a day off
             f"{dayoff:%Y/%m/%d} 10:40:00,D01,A1005,通過",  # the lost badge
             f"{workday:%Y/%m/%d} 18:30:00,D21,C2001,失敗",
             f"{workday:%Y/%m/%d} 18:31:00,D21,C2001,失敗",
             f"{workday:%Y/%m/%d} 18:32:00,D21,C2001,失敗"]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    log = services.door_log_start(actor=officer, settings=settings, upload=[data], filename="門禁紀錄_demo.csv",
                                  digest=hashlib.sha256(data).hexdigest())
    door_log_run(log)
