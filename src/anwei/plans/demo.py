"""Demo plans. Every person, phone number and letter number here is invented.

- 山城縣政府 (ctx["county"]) dispatched an election plan to its township offices and
  schools; one school has reported its results.
- 海港市政府水利局 (ctx["bureau"]) has a 春節 plan, dispatched to two of its units.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.lib import rocdate
from anwei.orgs.demo import DEMO_PASSWORD
from anwei.orgs.models import Agency, Role, Unit
from anwei.orgs.services import membership_grant, person_create
from anwei.plans import selectors, services
from anwei.plans.models import Assignment, Occasion

ELECTION = "第16任總統副總統及第11屆立法委員選舉"


def _person(username, full_name, title, agency, unit, role):
    p = person_create(actor=None, username=username, password=DEMO_PASSWORD, full_name=full_name, title=title,
                      agency=agency, unit=unit, phone="(05)600-0000")
    membership_grant(actor=None, person=p, agency=agency, role=role)
    membership_grant(actor=None, person=p, agency=agency, role=Role.STAFF)
    return p


def _county_election(ctx) -> None:
    county = ctx["county"]
    officer = _person("county.officer", "趙怡君", "專員", county, Unit.objects.get(agency=county, name="政風處"),
                      Role.ETHICS_OFFICER)
    school = next(a for a in ctx["county_subordinates"] if a.kind == Agency.Kind.SCHOOL)
    school_officer = _person("school.officer", "孫家豪", "幹事", school,
                             Unit.objects.get(agency=school, name="總務處"), Role.ETHICS_OFFICER)
    ctx["people"].update({"county.officer": officer, "school.officer": school_officer})
    template = selectors.template_for(agency=county, occasion=Occasion.ELECTION)
    plan = services.plan_create(actor=officer, agency=county, template=template, year=112, election_name=ELECTION,
                                period_start=dt.date(2023, 12, 16), period_end=dt.date(2024, 1, 13))
    services.plan_update(
        actor=officer, plan=plan, expected_version=plan.version, title=plan.title, election_name=ELECTION,
        period_start=plan.period_start, period_end=plan.period_end, result_workdays=5,
        children=services.PlanChildren(
            references=[{"issuer": "法務部廉政署", "date": dt.date(2023, 10, 20), "number": "廉政字第1120000123號",
                         "kind": "書函"}],
            duties=[{"party": "本府各處及所屬各級機關", "duties": "請加強公務機密及機關安全維護措施，以維機關安全。"},
                    {"party": "本縣各公立國民中小學", "duties": "1、強化校園門禁管理。\n2、會同教育網路中心強化電腦資訊機密維護。"},
                    {"party": "本縣各鄉鎮市公所", "duties": "配合選務作業，加強投開票所及選票保管之安全維護。"},
                    {"party": "本府政風處", "duties": "訂定本計畫，蒐報危安情資並適時陳報。"}],
            contacts=[{"name": "趙怡君", "role": "政風處專員", "office_phone": "(05)600-0101", "mobile": "0911-000-101",
                       "fax": "(05)600-0199"},
                      {"name": "錢志遠", "role": "政風處科長", "office_phone": "(05)600-0102", "mobile": "0911-000-102",
                       "fax": ""}]))
    plan.refresh_from_db()
    schools = services.group_save(actor=officer, agency=county, group=None, expected_version=None,
                                  name="本縣各公立國民中小學", agency_kind=Agency.Kind.SCHOOL, agencies=[], units=[])
    towns = services.group_save(actor=officer, agency=county, group=None, expected_version=None,
                                name="本縣各鄉鎮市公所", agency_kind=Agency.Kind.TOWNSHIP, agencies=[], units=[])
    fields = selectors.letter_defaults(plan=plan, actor=officer)
    fields.update(file_no="112/070102", retention="5年")
    letter = services.letter_save(actor=officer, plan=plan, letter=None, expected_version=None, fields=fields,
                                  main=services.RecipientChoice([schools, towns], [], []),
                                  cc=services.RecipientChoice([], [], []))
    letter = services.letter_dispatch(actor=officer, letter=letter, on=dt.date(2023, 11, 20))
    done = letter.assignments.get(agency=school)
    services.assignment_receive(actor=school_officer, assignment=done)
    done.refresh_from_db()
    services.assignment_report(actor=school_officer, assignment=done, expected_version=done.version, uploads=[],
                               result_text="一、選舉期間加強校園門禁管理，假日由警衛每2小時巡查1次。\n"
                                           "二、辦理資訊設備檢查1次，未發現異常。\n三、期間無危安事件發生。")
    # Demo history: the school acknowledged and reported back then, not on the day the demo is loaded.
    tz = timezone.get_current_timezone()
    Assignment.objects.filter(pk=done.pk).update(
        received_at=dt.datetime(2023, 11, 22, 9, 30, tzinfo=tz), reported_at=dt.datetime(2024, 1, 16, 10, 0, tzinfo=tz))


def _bureau_new_year(ctx) -> None:
    bureau, officer, units = ctx["bureau"], ctx["people"]["officer"], ctx["units"]
    today = timezone.localdate()
    year = rocdate.roc_year(today) + (1 if today.month >= 2 else 0)
    template = selectors.template_for(agency=bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    plan = services.plan_create(actor=officer, agency=bureau, template=template, year=year)
    services.plan_update(
        actor=officer, plan=plan, expected_version=plan.version, title=plan.title, election_name="",
        period_start=plan.period_start, period_end=plan.period_end, result_workdays=5,
        children=services.PlanChildren(
            references=[],
            duties=[{"party": "秘書室", "duties": "1、加強委外廠商監督。\n2、連續假期前以廣播提醒同仁關閉電器。"},
                    {"party": "污水養護工程科", "duties": "加強抽水站及污水處理廠之門禁與監視系統檢查。"},
                    {"party": "政風室", "duties": "訂定本計畫並會同各單位落實檢查。"}],
            contacts=[{"name": "林雅婷", "role": "政風室專員", "office_phone": "(07)555-0310", "mobile": "0922-000-310",
                       "fax": "(07)555-0399"}]))
    plan.refresh_from_db()
    letter = services.letter_save(
        actor=officer, plan=plan, letter=None, expected_version=None,
        fields=selectors.letter_defaults(plan=plan, actor=officer),
        main=services.RecipientChoice([], [], [units["秘書室"], units["污水養護工程科"]]),
        cc=services.RecipientChoice([], [], []))
    services.letter_dispatch(actor=officer, letter=letter, on=plan.period_start - dt.timedelta(days=14))


LOGINS = [
    ("county.officer", "山城縣政府政風處：發文派送選舉期間專案計畫"),
    ("school.officer", "山城縣立學校政風業務：簽收計畫、報送執行成果"),
]


def load(ctx: dict) -> None:
    _county_election(ctx)
    _bureau_new_year(ctx)
