"""Objects for the assessments tests, built through the services (so audit and rules apply)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.assessments import services
from anwei.assessments.models import ChecklistTemplate


def checklists(w) -> list[ChecklistTemplate]:
    if "checklists" not in w.extra:
        services.checklist_defaults_install(actor=w.officer, agency=w.bureau)
        w.extra["checklists"] = list(ChecklistTemplate.objects.filter(agency=w.bureau).order_by("order"))
    return w.extra["checklists"]


def checklist(w) -> ChecklistTemplate:
    return checklists(w)[0]


def item(w):
    return checklist(w).items.filter(is_current=True).order_by("order").first()


def round_(w, units=("秘書室", "綜合企劃科")):
    if "round" not in w.extra:
        w.extra["round"] = services.round_create(
            actor=w.officer, agency=w.bureau, title="春節期間自評", deadline=timezone.localdate() + dt.timedelta(days=7),
            templates=checklists(w), units=[w.units[u] for u in units])
    return w.extra["round"]


def assessment(w, unit="秘書室"):
    return round_(w).assessments.get(unit=w.units[unit])


def units_with_forms(w, n: int):
    """n more units of the bureau in the round, each with a submitted form with one 不符合. Returns
    (round, units)."""
    from anwei.assessments.models import Answer, SelfAssessment
    from anwei.orgs.models import Unit

    start = Unit.objects.filter(agency=w.bureau).count()
    units = Unit.objects.bulk_create([Unit(agency=w.bureau, name=f"第{start + i}科", order=100 + start + i)
                                      for i in range(n)])
    rnd = round_(w)
    first = item(w)
    forms = SelfAssessment.objects.bulk_create([SelfAssessment(round=rnd, agency=w.bureau, unit=u,
                                                               status="submitted", filled_by=w.liaison)
                                                for u in units])
    Answer.objects.bulk_create([Answer(assessment=a, item=first, template_name="機關安全維護自評表",
                                       item_text=first.text, item_version=1, answer_kind="verdict",
                                       verdict="nonconform", note="未上鎖") for a in forms])
    return rnd, units


def nonconform_answer(w):
    """人事室's form in the round, submitted, with one 不符合 (and its corrective action): one to track."""
    from anwei.assessments.models import Answer, SelfAssessment

    if "nonconform" not in w.extra:
        first = item(w)
        form = SelfAssessment.objects.create(round=round_(w), agency=w.bureau, unit=w.units["人事室"],
                                             status="submitted", filled_by=w.liaison)
        w.extra["nonconform"] = Answer.objects.create(
            assessment=form, item=first, template_name=first.template.name, item_text=first.text, item_version=1,
            answer_kind="verdict", verdict="nonconform", note="檔案櫃未上鎖", corrective_action="加裝鎖具")
    return w.extra["nonconform"]
