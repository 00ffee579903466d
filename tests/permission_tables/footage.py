"""Footage requests are personal data: the applicant, the chain, the managing unit (秘書室) and the ethics
unit see a request; everyone else gets 404. Acting on a visible request without the right gives 403."""

from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.footage.models import Decision, RequestAttachment
from tests.footage import factories as f
from tests.permission_tables import Row

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SEE = {"officer": 200, "liaison": 200, "unithead": 200, "head": 200, "staff": 200, "*": 404}
REGISTER = {"officer": 200, "liaison": 200, "unithead": 200, "*": 404}


def pending(w):
    return {"pk": f.file(w).pk}


def returned(w):
    req = f.file(w)
    f.decide(req, f.planhead(w), Decision.Action.RETURN, reason="時段請寫精確")
    return {"pk": req.pk}


def at_ethics(w):
    req = f.file(w)
    f.decide(req, f.planhead(w))
    return {"pk": req.pk}


def approved(w):
    return {"pk": f.approve_all(w, f.file(w)).pk}


def with_receipt(w):
    req = f.file(w, w.liaison, kind="external", outside_body="民眾", applicant_name="測民眾",
                 uploads=[(RequestAttachment.Kind.POLICE_REPORT, SimpleUploadedFile("三聯單.png", PNG))])
    return {"pk": req.pk, "attachment_pk": req.attachments.get().pk}


def setup_only(w):
    f.setup(w)
    return {}


def year(w, fmt=None):
    f.setup(w)
    return {"year": 115} | ({"fmt": fmt} if fmt else {})


ROWS = [
    Row("footage:request_list", setup_only, expect={"*": 200}),
    Row("footage:request_create", setup_only, expect={"*": 200}),
    Row("footage:request_detail", pending, expect=SEE),
    Row("footage:request_document", lambda w: pending(w) | {"fmt": "html"}, expect=SEE),
    Row("footage:attachment_download", with_receipt,
        expect={"officer": 200, "liaison": 200, "unithead": 200, "head": 200, "*": 404}),
    Row("footage:request_edit", returned,
        expect={"staff": 200, "officer": 403, "liaison": 403, "unithead": 403, "head": 403, "*": 404}),
    # Empty posts: the one who may act gets the form back with errors; nothing changes between roles.
    Row("footage:request_decide", at_ethics, method="post",
        expect={"officer": 200, "liaison": 403, "unithead": 403, "head": 403, "staff": 403, "*": 404}),
    Row("footage:request_viewing", approved,
        expect={"liaison": 200, "unithead": 200, "officer": 403, "head": 403, "staff": 403, "*": 404}),
    Row("footage:request_hold", approved, method="post",
        expect={"officer": 200, "liaison": 200, "unithead": 200, "head": 403, "staff": 403, "*": 404}),
    Row("footage:copy_destroy", approved, method="post",
        expect={"liaison": 302, "unithead": 302, "officer": 403, "head": 403, "staff": 403, "*": 404}),
    Row("footage:request_destroy", approved, method="post",
        expect={"liaison": 302, "unithead": 302, "officer": 403, "head": 403, "staff": 403, "*": 404}),
    Row("footage:register", setup_only, expect=REGISTER),
    Row("footage:register_xlsx", year, expect=REGISTER),
    Row("footage:register_document", lambda w: year(w, "html"), expect=REGISTER),
    Row("footage:retention", setup_only, expect=REGISTER),
    Row("footage:holds", lambda w: f.file(w) and {}, expect=REGISTER),  # a hold to list
    Row("footage:destruction_document", lambda w: year(w, "html"), expect=REGISTER),
    Row("footage:device_list", setup_only, expect={"*": 200}),
    Row("footage:rules", setup_only, expect=REGISTER),
    # Retention and decision rules: only an agency's ethics officer (the superior office's, for its subtree).
    Row("footage:rule_edit", setup_only, expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    # Approval chains: the same (a superior office's chain is its subtree's default).
    Row("footage:chains", setup_only, expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    # The camera registry is kept by the managing unit (秘書室).
    Row("footage:device_create", setup_only, expect={"liaison": 200, "unithead": 200, "*": 404}),
    Row("footage:device_edit", lambda w: {"pk": f.setup(w) and w.extra["cameras"][0].pk},
        expect={"liaison": 200, "unithead": 200, "*": 404}),
    Row("footage:site_create", setup_only, method="post", expect={"liaison": 302, "unithead": 302, "*": 404}),
]
