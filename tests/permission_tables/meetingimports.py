"""Meeting imports: only an agency's ethics officer uploads, reviews and confirms its imports; the
superior office and other agencies' officers have their own list and no access to this agency's imports."""

from anwei.meetingimports.reading import import_file
from tests.meetingimports.conftest import seed_upload
from tests.permission_tables import Row

OFFICERS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}
OWN = {"officer": 200, "*": 404}


def review(w):
    if "import" not in w.extra:
        w.extra["import"] = import_file(actor=w.officer, agency=w.bureau, upload=seed_upload("001"))
    return {"pk": w.extra["import"].pk}


ROWS = [
    Row("meetingimports:list", expect=OFFICERS),
    # An empty post: the form comes back with its errors.
    Row("meetingimports:upload", method="post", expect=OFFICERS),
    Row("meetingimports:detail", review, expect=OWN),
    # An empty post: the review again (nothing to remember).
    Row("meetingimports:units", review, method="post", expect=OWN),
    # An empty post: the review comes back with what is missing (nothing is created).
    Row("meetingimports:confirm", review, method="post", expect=OWN),
    # The first post asks before discarding.
    Row("meetingimports:discard", review, method="post", expect=OWN),
]
