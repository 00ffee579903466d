"""Demo organisations and people. Every name here is invented."""

from __future__ import annotations

from anwei.core.models import LetterNumberPattern
from anwei.orgs.models import Agency, Role
from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create

DEMO_PASSWORD = "anwei-demo-2026"

BUREAU_UNITS = [
    ("秘書室", {}), ("政風室", {"is_ethics": True}), ("人事室", {"is_personnel": True}), ("會計室", {}),
    ("綜合企劃科", {}), ("水利工程科", {}), ("河川海岸科", {}), ("雨水下水道工程科", {}),
    ("污水工程科", {}), ("污水養護工程科", {}), ("水利管理科", {}),
]

# username, full name, title, unit, [(role, unit-scoped?)] — the README lists these.
DEMO_LOGINS = [
    ("officer", "林雅婷", "專員", "政風室", [(Role.ETHICS_OFFICER, False), (Role.STAFF, False)], "本局政風人員"),
    ("liaison", "陳志明", "科員", "秘書室", [(Role.UNIT_LIAISON, True), (Role.STAFF, False)], "秘書室承辦人"),
    ("unithead", "王美玲", "主任", "秘書室", [(Role.UNIT_HEAD, True), (Role.STAFF, False)], "秘書室主管"),
    ("head", "張國華", "局長", None, [(Role.AGENCY_HEAD, False), (Role.STAFF, False)], "局長（會報主席）"),
    ("staff", "黃建宏", "技士", "綜合企劃科", [(Role.STAFF, False)], "一般同仁"),
]

LOGINS = [(username, f"{label}：{title}{name}") for username, name, title, _u, _r, label in DEMO_LOGINS] + [
    ("superior", "海港市政府政風處（上級政風機構）：科長李淑芬"),
    ("admin", "系統管理者（/admin/）"),
]

# Liaisons and heads of the other units, so that tracking has someone to report.
MORE_PEOPLE = [
    ("liaison.plan", "吳佩珊", "科員", "綜合企劃科"),
    ("liaison.sewer", "周俊傑", "技士", "污水養護工程科"),
    ("liaison.hr", "許靜怡", "科員", "人事室"),
    ("liaison.eng", "郭志豪", "技士", "水利工程科"),
]


def load(ctx: dict) -> None:
    city = agency_create(actor=None, name="海港市政府", kind=Agency.Kind.COUNTY, short_name="本府",
                         postal_code="80001", address="海港市中正區港都路100號", phone="(07)555-0100", code="990000000A")
    ctx["city"] = city
    city_ethics = unit_create(actor=None, agency=city, name="政風處", is_ethics=True)
    unit_create(actor=None, agency=city, name="秘書處")
    bureau = agency_create(actor=None, name="海港市政府水利局", parent=city, kind=Agency.Kind.BUREAU,
                           short_name="本局", postal_code="80045", address="海港市安南區濱海路88號", phone="(07)555-0300",
                           fax="(07)555-0399", code="990010000A")
    ctx["bureau"] = bureau
    units = {}
    for order, (name, flags) in enumerate(BUREAU_UNITS, start=1):
        units[name] = unit_create(actor=None, agency=bureau, name=name, order=order, **flags)
    ctx["units"] = units
    LetterNumberPattern.objects.create(agency=bureau, pattern="港市水政字第{year:03}{serial:07}號")
    LetterNumberPattern.objects.create(agency=city, pattern="港府政行字第{year:03}{serial:07}號")

    people = {}
    for username, full_name, title, unit_name, roles, _label in DEMO_LOGINS:
        unit = units.get(unit_name) if unit_name else None
        person = person_create(actor=None, username=username, password=DEMO_PASSWORD, full_name=full_name,
                               title=title, agency=bureau, unit=unit, email=f"{username}@example.invalid")
        for role, unit_scoped in roles:
            membership_grant(actor=None, person=person, agency=bureau, role=role, unit=unit if unit_scoped else None)
        people[username] = person
    for username, full_name, title, unit_name in MORE_PEOPLE:
        unit = units[unit_name]
        person = person_create(actor=None, username=username, password=DEMO_PASSWORD, full_name=full_name,
                               title=title, agency=bureau, unit=unit)
        membership_grant(actor=None, person=person, agency=bureau, role=Role.UNIT_LIAISON, unit=unit)
        membership_grant(actor=None, person=person, agency=bureau, role=Role.STAFF)
        people[username] = person

    superior = person_create(actor=None, username="superior", password=DEMO_PASSWORD, full_name="李淑芬",
                             title="科長", agency=city, unit=city_ethics)
    membership_grant(actor=None, person=superior, agency=city, role=Role.SUPERIOR_OFFICER)
    membership_grant(actor=None, person=superior, agency=city, role=Role.ETHICS_OFFICER)
    people["superior"] = superior
    admin = person_create(actor=None, username="admin", password=DEMO_PASSWORD, full_name="系統管理者",
                          agency=city)
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    ctx["people"] = people

    county = agency_create(actor=None, name="山城縣政府", kind=Agency.Kind.COUNTY, short_name="本府",
                           postal_code="96001", address="山城縣山城市府前路1號", code="980000000A")
    unit_create(actor=None, agency=county, name="政風處", is_ethics=True)
    LetterNumberPattern.objects.create(agency=county, pattern="城府政行字第{year:03}{serial:07}號")
    ctx["county"] = county
    subordinates = []
    for i, (name, kind) in enumerate([
            ("山城縣青溪鄉公所", Agency.Kind.TOWNSHIP), ("山城縣松嶺鎮公所", Agency.Kind.TOWNSHIP),
            ("山城縣立青溪國民小學", Agency.Kind.SCHOOL), ("山城縣立松嶺國民中學", Agency.Kind.SCHOOL),
            ("山城縣立楓林國民小學", Agency.Kind.SCHOOL)], start=1):
        # invented 機關代碼 in the county's range (the 電子公文 exchange list names each recipient by it)
        agency = agency_create(actor=None, name=name, parent=county, kind=kind, short_name="本所" if kind ==
                               Agency.Kind.TOWNSHIP else "本校", code=f"98{i:02d}00000A")
        for order, unit_name in enumerate(["民政課", "行政室", "政風室"] if kind == Agency.Kind.TOWNSHIP
                                          else ["教務處", "總務處"], start=1):
            unit_create(actor=None, agency=agency, name=unit_name, order=order, is_ethics=unit_name == "政風室")
        subordinates.append(agency)
    ctx["county_subordinates"] = subordinates
