from anwei.plans.models import PlanTemplate
from anwei.plans.services import template_adopt
from tests.permission_tables import Row
from tests.plans import factories as f

# The bureau's own plan: its ethics officer writes; its head and the city's superior office read.
READ = {"officer": 200, "head": 200, "superior": 200, "*": 404}
WRITE = {"officer": 200, "*": 404}
ETHICS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}


def _plan(w):
    return {"pk": f.plan_make(w).pk}


def _letter(w):
    return {"pk": f.dispatched_to_units(w).pk}


def _default_template(w):
    f.plan_make(w)  # makes sure the defaults exist even after a flushed database
    return {"pk": PlanTemplate.objects.filter(agency__isnull=True).first().pk}


def _own_template(w):
    f.plan_make(w)
    default = PlanTemplate.objects.filter(agency__isnull=True).first()
    return {"pk": template_adopt(actor=w.officer, agency=w.bureau, default=default).pk}


def _group(w):
    return {"pk": f.group_make(w, w.bureau, "本局各科室", units=[w.units["秘書室"]]).pk}


def _unit_assignment(w):
    # 秘書室's assignment from the bureau: its liaison and head answer; the sender's side reads.
    return {"pk": f.unit_assignment(w).pk}


def _unit_assignment_file(w):
    a = f.unit_assignment(w, with_file=True)
    return {"pk": a.pk, "file_pk": a.files.first().pk}


def _agency_assignment_doc(w):
    # The city's plan sent to the bureau: the bureau's ethics officer answers; the city reads.
    return {"pk": f.city_to_bureau(w).pk, "kind": "letter", "fmt": "html"}


UNIT_ASSIGNMENT = {"liaison": 200, "unithead": 200, "officer": 200, "head": 200, "superior": 200, "*": 404}

ROWS = [
    Row("plans:plan_list", expect={"*": 200}),
    Row("plans:plan_create", expect=ETHICS),
    Row("plans:period_preview", expect={"*": 200}, query="period_start=112/1/16&period_end=112/1/30"),
    Row("plans:plan_detail", _plan, expect=READ),
    Row("plans:plan_edit", _plan, expect=WRITE),
    Row("plans:plan_copy", _plan, method="post", data=lambda w: {"confirmed": "1"}, expect={"officer": 302, "*": 404}),
    Row("plans:plan_delete", _plan, method="post", data=lambda w: {"confirmed": "1"},
        expect={"officer": 302, "*": 404}),
    Row("plans:plan_download", lambda w: {**_plan(w), "kind": "duties", "fmt": "html"}, expect=READ),
    Row("plans:letter_edit", _plan, expect=WRITE),
    Row("plans:letter_dispatch", _plan, method="post", data=lambda w: {"confirmed": "1"},
        expect={"officer": 302, "*": 404}),
    Row("plans:letter_download", lambda w: {**_letter(w), "fmt": "html"}, expect=READ),
    Row("plans:matrix", _letter, expect=READ),
    Row("plans:matrix_export", _letter, expect=READ),
    Row("plans:letter_remind", _letter, method="post", expect={"officer": 302, "*": 404}),
    Row("plans:template_list", expect=ETHICS),
    Row("plans:template_adopt", _default_template, method="post",
        expect={"officer": 302, "superior": 302, "other_officer": 302, "*": 404}),
    Row("plans:template_edit", _own_template, expect=WRITE),
    Row("plans:group_list", expect=ETHICS),
    Row("plans:group_create", expect=ETHICS),
    Row("plans:group_edit", _group, expect=WRITE),
    Row("plans:assignment_list", expect={"*": 200}),
    Row("plans:assignment_detail", _unit_assignment, expect=UNIT_ASSIGNMENT),
    Row("plans:assignment_receive", _unit_assignment, method="post",
        expect={"liaison": 302, "unithead": 302, "*": 404}),
    Row("plans:assignment_file", _unit_assignment_file, expect=UNIT_ASSIGNMENT),
    Row("plans:assignment_download", _agency_assignment_doc, expect={"officer": 200, "superior": 200, "*": 404}),
]
