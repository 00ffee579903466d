"""Recurring duties are the agency's ethics officers' (each their own agency's)."""

import datetime as dt

from anwei.duties import services
from tests.permission_tables import Row


def _duty(w):
    duty = services.duty_create(actor=w.officer, agency=w.bureau, data=services.DutyInput(
        kind="cctv_accounts", name="監視系統帳號清查", every=1, unit="years", starts_on=dt.date(2025, 1, 1)))
    return {"pk": duty.pk}


ROWS = [
    Row("duties:index", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    # Recording done redirects back for the bureau's officer; everyone else gets 404.
    Row("duties:done", _duty, method="post", data=lambda w: {"done_on": "115/1/5", "note": ""},
        expect={"officer": 302, "*": 404}),
]
