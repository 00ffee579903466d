from tests.inspections import factories as f
from tests.permission_tables import Row

VIEWERS = {"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}
OFFICERS = {"officer": 200, "head": 200, "superior": 200, "*": 404}
CREATORS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}
ONLY_OFFICER = {"officer": 200, "*": 404}

ROWS = [
    Row("inspections:index", expect={"*": 200}),
    Row("inspections:checklist_list", expect={"*": 200}),
    Row("inspections:checklist_create", expect=CREATORS),
    Row("inspections:checklist_install_defaults", method="post",
        expect={"officer": 302, "superior": 302, "other_officer": 302, "*": 404}),
    Row("inspections:checklist_detail", lambda w: {"pk": f.checklist(w).pk},
        expect={"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}),
    Row("inspections:checklist_edit", lambda w: {"pk": f.checklist(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:checklist_item_add", lambda w: {"pk": f.checklist(w).pk}, method="post",
        data=lambda w: {"text": "新增項目", "answer_kind": "verdict"}, expect={"officer": 302, "*": 404}),
    Row("inspections:checklist_item_edit", lambda w: {"pk": f.item(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:checklist_item_retire", lambda w: {"pk": f.item(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    Row("inspections:round_list", expect={"*": 200}),
    Row("inspections:round_create", expect=CREATORS),
    Row("inspections:round_detail", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("inspections:round_xlsx", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("inspections:round_nonconformities", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("inspections:round_remind", lambda w: {"pk": f.round_(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    Row("inspections:round_close", lambda w: {"pk": f.round_(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    # A unit sees only its own form (秘書室's here); the ethics officer, head and superior office see all.
    Row("inspections:assessment_detail", lambda w: {"pk": f.assessment(w).pk}, expect=VIEWERS),
    Row("inspections:assessment_send", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"liaison": 302, "unithead": 302, "*": 404}),
    Row("inspections:assessment_confirm", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"unithead": 302, "*": 404}),
    Row("inspections:assessment_return", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"unithead": 302, "*": 404}),
    Row("inspections:inspection_list", expect={"*": 200}),
    Row("inspections:inspection_create", expect=CREATORS),
    Row("inspections:inspection_detail", lambda w: {"pk": f.inspection(w).pk}, expect=VIEWERS),
    Row("inspections:inspection_edit", lambda w: {"pk": f.inspection(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:inspection_checklist", lambda w: {"pk": f.inspection(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:finding_add", lambda w: {"pk": f.inspection(w).pk}, method="post",
        data=lambda w: {"kind": "strength", "text": "門禁管理落實"}, expect={"officer": 302, "*": 404}),
    Row("inspections:inspection_reported", lambda w: {"pk": f.inspection(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    Row("inspections:inspection_document", lambda w: {"pk": f.inspection(w).pk, "fmt": "html"}, expect=VIEWERS),
    Row("inspections:finding_edit", lambda w: {"pk": f.deficiency(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:finding_delete", lambda w: {"pk": f.strength(w).pk}, method="post",
        data=lambda w: {"version": f.strength(w).version}, expect={"officer": 302, "*": 404}),
    Row("inspections:evidence_add", lambda w: {"pk": f.deficiency(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:evidence_download", lambda w: {"pk": f.evidence(w).pk}, expect=VIEWERS),
    Row("inspections:deficiency_list", expect={"*": 200}),
    Row("inspections:deficiency_xlsx", expect={"*": 200}),
    Row("inspections:device_list", expect={"*": 200}),
    Row("inspections:device_create", expect=CREATORS),
    Row("inspections:device_edit", lambda w: {"pk": f.system(w).pk}, expect=ONLY_OFFICER),
    Row("inspections:device_check", lambda w: (f.system(w), {})[1], expect={"liaison": 200, "unithead": 200, "*": 404}),
    Row("inspections:device_month", lambda w: (f.system(w), {})[1], expect=VIEWERS),
    Row("inspections:device_month_document", lambda w: (f.system(w), {"fmt": "html"})[1], expect=VIEWERS),
    Row("inspections:repair_list", expect={"*": 200}),
    Row("inspections:repair_edit", lambda w: {"pk": f.repair(w).pk},
        expect={"officer": 200, "liaison": 200, "unithead": 200, "*": 404}),
    Row("inspections:stats", expect={"officer": 200, "head": 200, "superior": 200, "other_officer": 200, "*": 404}),
]

ROWS.append(Row("inspections:stats_insert", method="post", data=lambda w: {
    "start": "2020-01-01", "end": "2030-12-31", "agency": w.bureau.pk, "report": f.work_report(w).pk},
    expect={"officer": 302, "*": 404}))  # the head reads statistics but does not edit meeting reports
