"""Demo incidents in 海港市政府水利局: a few of each category, one during last 春節's plan (linked to it),
one with a follow-up under tracking, one still owing its notifications. Every name is invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.incidents import services
from anwei.incidents.defaults import INFOSEC_LEVELS
from anwei.incidents.models import Party
from anwei.lib import rocdate
from anwei.plans import selectors as plan_selectors
from anwei.plans import services as plan_services
from anwei.plans.models import Occasion, SpecialPlan
from anwei.plans.periods import period_propose

M = dt.timedelta(minutes=1)


def _past_new_year_plan(bureau, officer) -> SpecialPlan:
    """Last 春節's plan (the plans demo writes next year's); its period is over."""
    today = clock.today()
    template = plan_selectors.template_for(agency=bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    year = rocdate.roc_year(today)
    period = period_propose(occasion=Occasion.LUNAR_NEW_YEAR, roc_year=year, lead_days=template.lead_days)
    if period is None or period[1] >= today:
        year -= 1
    return plan_services.plan_create(actor=officer, agency=bureau, template=template, year=year)


def _at(day: dt.date, hh: int, mm: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def _report(actor, bureau, category, discovered, *, title, place, description, level="", involved="", actions="",
            occurred_before=dt.timedelta(minutes=20)):
    return services.incident_report(
        actor=actor, agency=bureau, now=discovered + 6 * M, data=services.IncidentInput(
            category=category, title=title, place=place, description=description, level=level, involved=involved,
            actions=actions, occurred_at=discovered - occurred_before, discovered_at=discovered))


def _notify(officer, incident, party, recipient, method, after: dt.timedelta):
    services.notification_record(actor=officer, incident=incident, party=party, recipient=recipient, method=method,
                                 notified_at=incident.discovered_at + after, now=incident.discovered_at + after + M)


def _all_told(officer, incident, after=dt.timedelta(minutes=15)):
    names = {Party.ETHICS_UNIT: "政風室林專員", Party.AGENCY_HEAD: "張局長", Party.SUPERIOR_ETHICS: "市府政風處值日人員",
             Party.INFOSEC_OFFICER: "資訊室資安窗口", Party.POLICE_FIRE: "安南分局濱海派出所",
             Party.INVESTIGATION: "海港市調查處"}
    for p in incident.parties.all():
        _notify(officer, incident, p.party, names[p.party], "phone", after)


def load(ctx: dict) -> None:
    services.incident_rules_seed_defaults()
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    officer, staff, liaison, head = people["officer"], people["staff"], people["liaison"], people["head"]
    today = clock.today()
    plan = _past_new_year_plan(bureau, officer)
    mid = plan.period_start + (plan.period_end - plan.period_start) // 2

    # 危安 during 春節: linked to the plan, every party told, closed.
    fence = _report(people.get("liaison.sewer", staff), bureau, "security", _at(mid, 6, 30),
                    title="春節期間第二抽水站圍籬遭剪破", place="第二抽水站東側圍籬",
                    description="值班人員清晨巡查發現圍籬遭剪開約1公尺，站內設備無損。",
                    actions="已拍照存證並以鐵絲暫時封閉，通知轄區派出所。")
    _all_told(officer, fence)
    services.entry_add(actor=officer, incident=fence, stage="first", text="抽水站圍籬遭剪破，設備無損，已報警。",
                       now=fence.discovered_at + 30 * M)
    services.entry_add(actor=officer, incident=fence, stage="final", text="警方調閱監視畫面，確認為拾荒者所為，已修復圍籬。",
                       now=fence.discovered_at + dt.timedelta(days=3))
    services.incident_close(actor=officer, incident=fence, conclusion="圍籬已修復並增設警示燈，結案。",
                            expected_version=fence.version, now=fence.discovered_at + dt.timedelta(days=3))

    # 危安 a few days ago: two notifications (one late), the rest still owed; a follow-up under tracking.
    parcel_day = today - dt.timedelta(days=3)
    parcel = _report(staff, bureau, "security", _at(parcel_day, 8, 10), title="大廳發現無人認領之可疑包裹",
                     place="本局大樓1樓大廳服務台旁", description="上班時間保全發現紙箱一只，無人認領，外觀無標示。",
                     actions="已疏散附近民眾並拉起警戒線。")
    _notify(officer, parcel, Party.ETHICS_UNIT, "政風室林專員", "phone", 10 * M)
    _notify(officer, parcel, Party.POLICE_FIRE, "安南分局濱海派出所", "phone", 55 * M)  # late: at once = 30 minutes
    services.entry_add(actor=officer, incident=parcel, stage="first", text="大廳發現可疑包裹，已報警處理。",
                       now=parcel.discovered_at + dt.timedelta(hours=1))
    services.follow_up_add(actor=officer, incident=parcel, text="加強門禁管制並檢討監視系統死角",
                           lead_unit=units["秘書室"], due_date=today + dt.timedelta(days=30))
    ctx["incident_parcel"] = parcel

    # 資安, told in time.
    ransom = _report(liaison, bureau, "infosec", _at(today - dt.timedelta(days=20), 16, 40),
                     title="同仁電腦疑似遭勒索軟體加密", place="本局大樓3樓秘書室", level=INFOSEC_LEVELS[0],
                     description="同仁開啟不明附件後，共用資料夾檔案副檔名遭更改。",
                     actions="已拔除網路線並通知資訊室。")
    _all_told(officer, ransom, after=20 * M)
    services.entry_add(actor=officer, incident=ransom, stage="first", text="疑似勒索軟體，已隔離主機。",
                       now=ransom.discovered_at + 50 * M)
    services.comment_add(actor=people["superior"], incident=ransom, text="請於還原後補充續報，說明備份還原情形。",
                         asks_more=True, now=ransom.discovered_at + dt.timedelta(days=1))

    # 洩密: confidential, told at once.
    leak = _report(officer, bureau, "leak", _at(today - dt.timedelta(days=40), 10, 5),
                   title="公務電子郵件誤寄外部信箱", place="本局電子郵件系統",
                   description="承辦人將含個人資料之簽稿誤寄至外部廠商信箱。", involved="綜合企劃科承辦人1名、外部廠商1家",
                   actions="已請廠商刪除並回覆確認。", occurred_before=dt.timedelta(hours=2))
    _all_told(officer, leak, after=10 * M)

    # 陳情抗議 and 災害.
    protest = _report(staff, bureau, "protest", _at(today - dt.timedelta(days=60), 9, 30),
                      title="民眾集結陳情排水改善工程", place="本局大樓正門廣場",
                      description="約30名居民持布條陳情，要求加速社區排水改善工程。", actions="由工程科派員說明並收受陳情書。")
    _all_told(officer, protest, after=20 * M)
    services.incident_close(actor=officer, incident=protest, conclusion="陳情書已轉工程科列案辦理，現場和平散去。",
                            expected_version=protest.version, now=protest.discovered_at + dt.timedelta(hours=3))
    flood = _report(liaison, bureau, "disaster", _at(today - dt.timedelta(days=90), 22, 15),
                    title="豪雨致地下停車場積水", place="本局大樓地下1樓停車場",
                    description="豪雨造成地下停車場積水約20公分，抽水機啟動正常。", actions="已啟動抽水機並封閉停車場入口。")
    _all_told(officer, flood, after=25 * M)
