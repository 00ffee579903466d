from tests.awareness import factories as f
from tests.permission_tables import Row

READERS = {"officer": 200, "head": 200, "superior": 200, "other_officer": 200, "*": 404}
OFFICERS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}  # in their own agency
VIEW_ONE = {"officer": 200, "head": 200, "superior": 200, "*": 404}  # the bureau's event: its subtree


def _file(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    e = f.event(w, files=[SimpleUploadedFile("講義.pdf", b"%PDF-1.4 test", content_type="application/pdf")])
    return {"pk": e.pk, "file_id": e.materials.get().pk}


ROWS = [
    Row("awareness:event_list", expect=READERS),
    Row("awareness:event_create", expect=OFFICERS),
    Row("awareness:duty_words", expect=OFFICERS),
    Row("awareness:event_edit", lambda w: {"pk": f.event(w).pk}, expect=VIEW_ONE),
    Row("awareness:event_delete", lambda w: {"pk": f.event(w).pk}, method="post",
        expect={"officer": 200, "*": 404}),  # the first POST asks (confirm_step)
    Row("awareness:event_file", _file, expect=VIEW_ONE),
    Row("awareness:topic_add", method="post", data=lambda w: {"name": ""},
        expect={"officer": 302, "superior": 302, "other_officer": 302, "*": 404}),
    Row("awareness:case_list", expect=READERS),
    Row("awareness:case_create", expect=OFFICERS),
    # A bureau's own case: its readers; the city's published case is also seen by the bureau below it.
    Row("awareness:case_detail", lambda w: {"pk": f.case(w).pk}, expect=VIEW_ONE),
]
