"""Plans built through the services, for tests and the permission table."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.core.models import LetterNumberPattern
from anwei.orgs.models import Agency, Role
from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create
from anwei.plans import selectors, services
from anwei.plans.models import Occasion
from tests.world import PASSWORD

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def png(name: str = "成果照片.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pattern_for(agency: Agency, text: str = "測政字第{year:03}{serial:07}號") -> LetterNumberPattern:
    return LetterNumberPattern.objects.get_or_create(agency=agency, defaults={"pattern": text})[0]


def plan_make(w, *, agency: Agency | None = None, actor=None, occasion: str = Occasion.LUNAR_NEW_YEAR,
              year: int = 112, **kw):
    agency = agency or w.bureau
    actor = actor or w.officer
    template = selectors.template_for(agency=agency, occasion=occasion)
    return services.plan_create(actor=actor, agency=agency, template=template, year=year, **kw)


def choice(*, groups=(), agencies=(), units=()):
    return services.RecipientChoice(list(groups), list(agencies), list(units))


def letter_make(w, plan, *, main, cc=None, actor=None, **fields):
    actor = actor or w.officer
    defaults = selectors.letter_defaults(plan=plan, actor=actor)
    defaults.update(fields)
    return services.letter_save(actor=actor, plan=plan, letter=None, expected_version=None, fields=defaults,
                                main=main, cc=cc or choice())


def dispatched_to_units(w):
    """The bureau's 春節 plan dispatched to its 秘書室 and 綜合企劃科."""
    pattern_for(w.bureau)
    plan = plan_make(w)
    letter = letter_make(w, plan, main=choice(units=[w.units["秘書室"], w.units["綜合企劃科"]]))
    return services.letter_dispatch(actor=w.officer, letter=letter, on=dt.date(2023, 1, 10))


def unit_assignment(w, *, with_file: bool = False):
    letter = dispatched_to_units(w)
    a = letter.assignments.get(unit=w.units["秘書室"])
    if with_file:
        services.assignment_report(actor=w.liaison, assignment=a, expected_version=a.version,
                                   result_text="已完成檢查。", uploads=[png()])
        a.refresh_from_db()
    return a


def city_to_bureau(w):
    """The city's plan (written by the superior office) dispatched to the bureau as an agency."""
    pattern_for(w.city, "市政字第{year:03}{serial:07}號")
    plan = plan_make(w, agency=w.city, actor=w.superior)
    letter = letter_make(w, plan, actor=w.superior, main=choice(agencies=[w.bureau]))
    letter = services.letter_dispatch(actor=w.superior, letter=letter, on=dt.date(2023, 1, 10))
    return letter.assignments.get(agency=w.bureau)


def school_tree(w, n: int = 2):
    """Schools under the county, each with its own ethics officer (username school0, school1 …)."""
    schools, officers = [], []
    for i in range(n):
        school = agency_create(actor=None, name=f"遠山縣立測試{i}國民小學", parent=w.county, kind=Agency.Kind.SCHOOL)
        unit = unit_create(actor=None, agency=school, name="總務處")
        p = person_create(actor=None, username=f"school{i}", password=PASSWORD, full_name=f"校{i}",
                          agency=school, unit=unit)
        membership_grant(actor=None, person=p, agency=school, role=Role.ETHICS_OFFICER)
        schools.append(school)
        officers.append(p)
    return schools, officers


def group_make(w, agency, name, *, kind="", agencies=(), units=(), actor=None):
    return services.group_save(actor=actor or w.officer, agency=agency, group=None, expected_version=None, name=name,
                               agency_kind=kind, agencies=list(agencies), units=list(units))

