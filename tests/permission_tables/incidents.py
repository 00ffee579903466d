"""Incidents: the reporter, the ethics unit, the agency head and the superior ethics office read one;
only the ethics unit handles it; only the superior office comments. Everyone may report. Another
agency's people get 404."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from anwei.incidents import services
from anwei.lib import rocdate
from tests.incidents.factories import report
from tests.inspections.factories import work_report
from tests.permission_tables import Row

READERS = {"officer": 200, "head": 200, "superior": 200, "staff": 200, "*": 404}
OFFICER = {"officer": 302, "*": 404}


def _incident(w, **kw):
    return report(w, "security", **kw)


def _today_roc() -> str:
    return rocdate.format_slash(timezone.localdate())


def _with_attachment(w):
    incident = _incident(w)
    att = services.attachment_add(actor=w.staff, incident=incident,
                                  upload=SimpleUploadedFile("現場.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32))
    return {"pk": incident.pk, "attachment_pk": att.pk}


def _closed(w):
    incident = _incident(w)
    services.incident_close(actor=w.officer, incident=incident, conclusion="查無損失。", expected_version=incident.version)
    w.extra["closed"] = incident
    return {"pk": incident.pk}


def _pk(w):
    w.extra["incident"] = _incident(w)
    return {"pk": w.extra["incident"].pk}


def _version(w, key):
    w.extra[key].refresh_from_db()
    return w.extra[key].version


ROWS = [
    Row("incidents:index", expect={"*": 200}),
    Row("incidents:create", expect={"*": 200}),
    # Whom to notify and how soon: only an agency's ethics officer (the superior office's, for its subtree).
    Row("incidents:rules", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    # How each category is handled (保密, the superior's reading, levels): the same people.
    Row("incidents:category_rules", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    Row("incidents:detail", lambda w: {"pk": _incident(w).pk}, expect=READERS),
    Row("incidents:document", lambda w: {"pk": _incident(w).pk, "fmt": "html"}, expect=READERS),
    Row("incidents:attachment", _with_attachment, expect=READERS),
    Row("incidents:edit", lambda w: {"pk": _incident(w).pk}, expect={"officer": 200, "*": 404}),
    Row("incidents:notification_add", lambda w: {"pk": _incident(w).pk}, method="post", expect=OFFICER,
        data=lambda w: {"party": "ethics_unit", "recipient": "政風室", "method": "phone",
                        "notified_on": _today_roc(), "notified_time": "00:01"}),
    Row("incidents:entry_add", lambda w: {"pk": _incident(w).pk}, method="post", expect=OFFICER,
        data=lambda w: {"stage": "first", "text": "初報內容"}),
    Row("incidents:follow_up_add", lambda w: {"pk": _incident(w).pk}, method="post", expect=OFFICER,
        data=lambda w: {"text": "加強門禁管制", "lead_unit": w.units["秘書室"].pk,
                        "due_date": rocdate.format_slash(timezone.localdate() + dt.timedelta(days=30))}),
    Row("incidents:comment_add", lambda w: {"pk": _incident(w).pk}, method="post",
        expect={"superior": 302, "*": 404}, data=lambda w: {"text": "請持續追蹤"}),
    Row("incidents:close", _pk, method="post", expect=OFFICER,
        data=lambda w: {"conclusion": "查無損失。", "version": _version(w, "incident"), "confirmed": "1"}),
    Row("incidents:reopen", _closed, method="post", expect=OFFICER,
        data=lambda w: {"reason": "發現新事證", "version": _version(w, "closed")}),
    # The reporter and the officer may add files (an empty post is refused with a message and sent back).
    Row("incidents:attachment_add", lambda w: {"pk": _incident(w).pk}, method="post",
        expect={"officer": 302, "staff": 302, "*": 404}),
    Row("incidents:register", lambda w: {"fmt": "xlsx"},
        expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    Row("incidents:statistics", lambda w: {"agency_id": w.bureau.pk},
        expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
    # The head and the superior office read statistics but do not edit the agency's meeting reports.
    Row("incidents:statistics_insert", lambda w: {"agency_id": w.bureau.pk}, method="post",
        data=lambda w: {"start": "2020-01-01", "end": "2030-12-31", "report": work_report(w).pk},
        expect={"officer": 302, "*": 404}),
]
