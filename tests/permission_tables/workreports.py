from tests.permission_tables import Row


def _meeting(w):
    from anwei.meetings import services

    if "wr_meeting" not in w.extra:
        import datetime as dt

        w.extra["wr_meeting"] = services.meeting_create(actor=w.officer, agency=w.bureau, date=dt.date(2026, 6, 30))
    return {"pk": w.extra["wr_meeting"].pk}


ROWS = [
    Row("workreports:compose", _meeting, expect={"officer": 200, "*": 404}),
    # Counts of subordinate agencies: the superior office only, numbers and no names of people.
    Row("workreports:counts", expect={"superior": 200, "*": 404}),
    Row("workreports:counts_xlsx", expect={"superior": 200, "*": 404}),
    # Asking the agencies below for their report: the office's own ethics officer (empty form → 400 with messages).
    Row("workreports:request_create", method="post", data=lambda w: {}, expect={"superior": 400, "*": 404}),
]
