"""A small agency tree with one person per role, shared by permission and isolation tests.

city (海濱市政府)
 └─ bureau (海濱市政府測試局): 秘書室, 政風室, 綜合企劃科, 人事室
county (另一縣政府) — an unrelated tree, with its own ethics officer
"""

from __future__ import annotations

from dataclasses import dataclass, field

from anwei.orgs.models import Agency, Person, Role, Unit
from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create

PASSWORD = "correct-horse-battery-9"
ROLES = ["officer", "liaison", "unithead", "head", "superior", "staff", "other_officer"]


@dataclass
class World:
    city: Agency
    bureau: Agency
    county: Agency
    units: dict[str, Unit]
    other_unit: Unit
    people: dict[str, Person]
    extra: dict = field(default_factory=dict)

    def __getattr__(self, name):  # world.officer etc.
        people = self.__dict__.get("people", {})
        if name in people:
            return people[name]
        raise AttributeError(name)


def build_world() -> World:
    city = agency_create(actor=None, name="海濱市政府", kind=Agency.Kind.COUNTY, short_name="本府")
    bureau = agency_create(actor=None, name="海濱市政府測試局", parent=city, kind=Agency.Kind.BUREAU, short_name="本局")
    county = agency_create(actor=None, name="遠山縣政府", kind=Agency.Kind.COUNTY, short_name="本府")
    units = {name: unit_create(actor=None, agency=bureau, name=name, order=i, is_ethics=name == "政風室",
                               is_personnel=name == "人事室")
             for i, name in enumerate(["秘書室", "政風室", "綜合企劃科", "人事室"])}
    other_unit = unit_create(actor=None, agency=county, name="政風處", is_ethics=True)

    def person(username, name, agency, unit, roles):
        p = person_create(actor=None, username=username, password=PASSWORD, full_name=name, agency=agency,
                          unit=unit, title="科員")
        for role, unit_scoped in roles:
            membership_grant(actor=None, person=p, agency=agency, role=role, unit=unit if unit_scoped else None)
        return p

    city_ethics = unit_create(actor=None, agency=city, name="政風處", is_ethics=True)
    people = {
        "officer": person("officer", "測政風", bureau, units["政風室"], [(Role.ETHICS_OFFICER, False), (Role.STAFF, False)]),
        "liaison": person("liaison", "測承辦", bureau, units["秘書室"], [(Role.UNIT_LIAISON, True), (Role.STAFF, False)]),
        "unithead": person("unithead", "測主管", bureau, units["秘書室"], [(Role.UNIT_HEAD, True), (Role.STAFF, False)]),
        "head": person("head", "測首長", bureau, None, [(Role.AGENCY_HEAD, False), (Role.STAFF, False)]),
        "superior": person("superior", "測上級", city, city_ethics, [(Role.SUPERIOR_OFFICER, False), (Role.ETHICS_OFFICER, False)]),
        "staff": person("staff", "測同仁", bureau, units["綜合企劃科"], [(Role.STAFF, False)]),
        "other_officer": person("other_officer", "測他縣", county, other_unit, [(Role.ETHICS_OFFICER, False), (Role.STAFF, False)]),
    }
    return World(city=city, bureau=bureau, county=county, units=units, other_unit=other_unit, people=people)
