from tests.inspections import factories as f
from tests.permission_tables import Row

VIEWERS = {"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}
CREATORS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}
ONLY_OFFICER = {"officer": 200, "*": 404}

ROWS = [
    Row("inspections:index", expect={"*": 200}),
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
    Row("inspections:stats", expect={"officer": 200, "head": 200, "superior": 200, "other_officer": 200, "*": 404}),
]

ROWS.append(Row("inspections:stats_insert", method="post", data=lambda w: {
    "start": "2020-01-01", "end": "2030-12-31", "agency": w.bureau.pk, "report": f.work_report(w).pk},
    expect={"officer": 302, "*": 404}))  # the head reads statistics but does not edit meeting reports
