from tests.assessments import factories as f
from tests.permission_tables import Row

VIEWERS = {"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}
OFFICERS = {"officer": 200, "head": 200, "superior": 200, "*": 404}
CREATORS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}
ONLY_OFFICER = {"officer": 200, "*": 404}

ROWS = [
    Row("assessments:checklist_list", expect={"*": 200}),
    Row("assessments:checklist_create", expect=CREATORS),
    Row("assessments:checklist_install_defaults", method="post",
        expect={"officer": 302, "superior": 302, "other_officer": 302, "*": 404}),
    Row("assessments:checklist_detail", lambda w: {"pk": f.checklist(w).pk},
        expect={"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}),
    Row("assessments:checklist_edit", lambda w: {"pk": f.checklist(w).pk}, expect=ONLY_OFFICER),
    Row("assessments:checklist_item_add", lambda w: {"pk": f.checklist(w).pk}, method="post",
        data=lambda w: {"text": "新增項目", "answer_kind": "verdict"}, expect={"officer": 302, "*": 404}),
    Row("assessments:checklist_item_edit", lambda w: {"pk": f.item(w).pk}, expect=ONLY_OFFICER),
    Row("assessments:checklist_item_retire", lambda w: {"pk": f.item(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    Row("assessments:round_list", expect={"*": 200}),
    Row("assessments:round_create", expect=CREATORS),
    Row("assessments:round_detail", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("assessments:round_xlsx", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("assessments:round_nonconformities", lambda w: {"pk": f.round_(w).pk}, expect=OFFICERS),
    Row("assessments:round_remind", lambda w: {"pk": f.round_(w).pk}, method="post",
        expect={"officer": 302, "*": 404}),
    Row("assessments:round_close", lambda w: {"pk": f.round_(w).pk}, method="post", data=lambda w: {"confirmed": "1"},
        expect={"officer": 302, "*": 404}),
    # A unit sees only its own form (秘書室's here); the ethics officer, head and superior office see all.
    Row("assessments:assessment_detail", lambda w: {"pk": f.assessment(w).pk}, expect=VIEWERS),
    Row("assessments:assessment_send", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"liaison": 302, "unithead": 302, "*": 404}),
    Row("assessments:assessment_confirm", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"unithead": 302, "*": 404}),
    Row("assessments:assessment_return", lambda w: {"pk": f.assessment(w).pk}, method="post",
        expect={"unithead": 302, "*": 404}),
    # a submitted form's 不符合 is put under tracking by the ethics officer of the form's agency
    Row("assessments:answer_track", lambda w: {"pk": f.nonconform_answer(w).pk}, expect=ONLY_OFFICER),
]
