"""meetings + tracking URLs: only the ethics officer edits; the agency head, unit roles and the superior
office read; liaisons write only their own unit's progress; other agencies get 404."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.meetings import services as ms
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport
from tests.permission_tables import Row

READERS = {"officer": 200, "liaison": 200, "unithead": 200, "head": 200, "superior": 200, "*": 404}
OFFICER_ONLY = {"officer": 200, "*": 404}
OFFICER_POST = {"officer": 302, "*": 404}
AGENCY_READERS = {"officer": 200, "head": 200, "superior": 200, "*": 404}


def obj(w):
    """One meeting with everything on it, a next meeting with an open round, built once per world."""
    if "meet" in w.extra:
        return w.extra["meet"]
    o = w.officer
    m = ms.meeting_create(actor=o, agency=w.bureau, date=dt.date(2024, 4, 10), place="第一會議室")
    att = ms.attendance_add(actor=o, meeting=m, name="秘書室主任")
    pdf = SimpleUploadedFile("簡報.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    rep = ms.report_add(actor=o, meeting=m, kind="special", title="監視系統報告", files=[pdf])
    prop = ms.proposal_add(actor=o, meeting=m, subject="門禁管制規定案", unit=w.units["政風室"])
    ruling = ms.ruling_add(actor=o, meeting=m, text="請秘書室研擬門禁規定。", actionable=True,
                           lead_unit=w.units["秘書室"])
    spare = ms.ruling_add(actor=o, meeting=m, text="洽悉。")
    m2 = ms.meeting_create(actor=o, agency=w.bureau, date=dt.date(2024, 10, 9))
    m3 = ms.meeting_create(actor=o, agency=w.bureau, date=dt.date(2024, 12, 9))
    rnd = ms.meeting_round_open(actor=o, meeting=m2, deadline=dt.date(2024, 10, 1))
    item = ruling.tracked_items.get()
    report = ProgressReport.objects.get(round=rnd, item=item, unit=w.units["秘書室"])
    done = ProgressReport.objects.get(round=rnd, item=item, unit__isnull=True)
    ts.progress_report_save(actor=o, report=done, expected_version=done.version, text="彙整")
    other = ts.tracked_item_create(actor=o, agency=w.bureau, source_kind="deficiency", text="機房門禁未上鎖。",
                                   lead_unit=w.units["秘書室"], origin_label="113年3月安全狀況檢查")
    w.extra["meet"] = d = {"other": other, "m": m, "m2": m2, "m3": m3, "att": att, "rep": rep, "prop": prop, "ruling": spare,
                           "agenda": m.agenda_items.first(), "file": rep.attachments.get(), "rnd": rnd,
                           "item": item, "report": report, "done": done}
    return d


def pk(key):
    return lambda w: {"pk": obj(w)[key].pk}


ROWS = [
    Row("meetings:list", expect={**READERS, "other_officer": 200}),
    Row("meetings:create", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    Row("meetings:detail", pk("m"), expect=READERS),
    # The .ics is for those who attend (their own agency's meeting roles); the superior office reads, not attends.
    Row("meetings:ics", pk("m"), expect={"officer": 200, "liaison": 200, "unithead": 200, "head": 200, "*": 404}),
    Row("meetings:edit", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"version": obj(w)["m"].version, "date": "113/4/10", "start_time": "11:30", "place": "大禮堂"}),
    Row("meetings:agenda_add", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"new-title": "宣導", "new-minutes": "5"}),
    Row("meetings:agenda_save", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {f"a{obj(w)['agenda'].pk}-version": obj(w)["agenda"].version,
                        f"a{obj(w)['agenda'].pk}-title": "簽到", f"a{obj(w)['agenda'].pk}-minutes": "10"}),
    Row("meetings:agenda_move", pk("agenda"), method="post", expect=OFFICER_POST, data=lambda w: {"direction": "down"}),
    Row("meetings:agenda_delete", pk("agenda"), method="post", expect=OFFICER_POST),
    Row("meetings:attendance_add", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"att-name": "人事室主任", "att-status": "present"}),
    Row("meetings:attendance_delete", pk("att"), method="post", expect=OFFICER_POST),
    Row("meetings:attendance_save", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"attendance-version": obj(w)["m"].attendance_version, "all_present": "1",
                        f"p{w.unithead.pk}-status": "", f"p{w.liaison.pk}-status": "absent"}),
    Row("meetings:report_add", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"rep-kind": "work", "rep-title": "工作報告"}),
    Row("meetings:section_form", lambda w: {"pk": obj(w)["m"].pk, "name": "ruling"}, expect=OFFICER_ONLY),
    Row("meetings:report_edit", pk("rep"), expect=OFFICER_ONLY),
    Row("meetings:report_delete", lambda w: {"pk": obj(w)["rep"].pk}, method="post", expect=OFFICER_POST),
    Row("meetings:proposal_add", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"prop-kind": "regular", "prop-subject": "第二案", "prop-version": "0"}),
    Row("meetings:proposal_edit", pk("prop"), expect=OFFICER_ONLY),
    Row("meetings:proposal_resolve", pk("prop"), method="post", expect=OFFICER_POST,
        data=lambda w: {f"p{obj(w)['prop'].pk}-version": obj(w)["prop"].version,
                        f"p{obj(w)['prop'].pk}-resolution": "passed"}),
    Row("meetings:proposal_delete", pk("prop"), method="post", expect=OFFICER_POST),
    Row("meetings:ruling_add", pk("m"), method="post", expect=OFFICER_POST,
        data=lambda w: {"rul-section": "conclusion", "rul-text": "請注意門窗。", "rul-actionable": "on",
                        "rul-all_units": "on"}),
    Row("meetings:ruling_edit", pk("ruling"), expect=OFFICER_ONLY),
    Row("meetings:ruling_delete", pk("ruling"), method="post", expect=OFFICER_POST),
    Row("meetings:attachment", lambda w: {"pk": obj(w)["m"].pk, "file_id": obj(w)["file"].pk}, expect=READERS),
    Row("meetings:packet", pk("m2"), expect=READERS),
    Row("meetings:packet_document", lambda w: {"pk": obj(w)["m2"].pk, "fmt": "odt"}, expect=READERS),
    Row("meetings:minutes", pk("m"), expect=READERS),
    Row("meetings:minutes_document", lambda w: {"pk": obj(w)["m"].pk, "fmt": "odt"}, expect=READERS),
    Row("meetings:signin", pk("m"), expect=READERS),
    Row("meetings:signin_document", lambda w: {"pk": obj(w)["m"].pk, "fmt": "odt"}, expect=READERS),
    # tracking
    Row("tracking:register", expect={**READERS, "other_officer": 200}),
    Row("tracking:register_xlsx", expect={**READERS, "other_officer": 200}),
    Row("tracking:register_document", lambda w: {"fmt": "odt"}, expect={**READERS, "other_officer": 200}),
    Row("tracking:item_detail", pk("item"), expect=READERS),
    Row("tracking:item_edit", pk("item"), expect=OFFICER_ONLY),
    Row("tracking:item_packet", pk("item"), method="post", data=lambda w: {"in_packet": "1"}, expect=OFFICER_POST),
    Row("tracking:item_decide", pk("other"), method="post", data=lambda w: {"decision": "continue", "note": "持續追蹤"},
        expect=OFFICER_POST),
    Row("tracking:my_items", expect={"liaison": 200, "unithead": 200, "*": 404}),
    # the 秘書室 report: its liaison and unit head, and the officer who compiles
    Row("tracking:report_edit", pk("report"), expect={"officer": 200, "liaison": 200, "unithead": 200, "*": 404}),
    Row("tracking:report_return", pk("done"), method="post", expect=OFFICER_POST, data=lambda w: {"comment": "請補正"}),
    # the unit head's 核閱 of the unit's report (refused here, nothing awaits it: back to the report either way)
    Row("tracking:report_review", pk("report"), method="post", expect={"unithead": 302, "*": 404},
        data=lambda w: {"decision": "approve", "version": "1"}),
    # each agency's ethics officer keeps the agency's rule
    Row("tracking:review_rules", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    Row("meetings:round_open", lambda w: {"pk": obj(w)["m3"].pk}, expect=OFFICER_ONLY),
    Row("tracking:round_detail", pk("rnd"), expect=AGENCY_READERS),
    Row("tracking:round_remind", pk("rnd"), method="post", expect=OFFICER_POST),
    Row("tracking:decide", lambda w: {"pk": obj(w)["rnd"].pk, "item_pk": obj(w)["item"].pk}, method="post",
        expect=OFFICER_POST, data=lambda w: {"decision": "continue"}),
    Row("tracking:overview", expect={**AGENCY_READERS, "other_officer": 200}),
]
