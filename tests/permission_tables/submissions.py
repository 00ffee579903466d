import datetime as dt

from tests.permission_tables import Row
from tests.submissions import factories as f


def _plan(w):
    return {"plan_pk": f.submitted_plan(w).pk}


def _bureau(w):
    return {"agency_pk": w.bureau.pk}


def _submission(w):
    return {"pk": f.minutes_sent(w, dt.date(2023, 3, 10)).pk}


def _send(w):
    w.extra["meeting"] = f.meeting_held(w, dt.date(2023, 3, 10))
    return {"agency_pk": w.bureau.pk}


ROWS = [
    # Where each starts: the officer's own filings, the superior's inbox, the head's plans to approve.
    Row("submissions:index", expect={"officer": 302, "superior": 302, "head": 200, "*": 404}),
    # The plan's 核定: the agency's officer (submits) and head (decides); the superior office reads it.
    Row("submissions:approval", _plan, expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
    # What the agency owes upward: its officer and head, and the superior office, read it.
    Row("submissions:outgoing", _bureau, expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
    Row("submissions:send", _send, method="post", expect={"officer": 302, "*": 404},
        data=lambda w: {"kind": "minutes", "target": w.extra["meeting"].pk}),
    Row("submissions:inbox", expect={"superior": 200, "*": 404}),
    Row("submissions:detail", _submission, expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
    # The rules of one's own agency: its ethics officer (the superior office is also the city's officer).
    Row("submissions:rules", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
]
