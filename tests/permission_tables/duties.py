"""Recurring duties are the agency's ethics officers' (each their own agency's). A superior office's duties for
its subtree are set and stopped by the office's ethics officer (海濱市政府, above the bureau); the bureau's
officer sees them, records them done and sets its own frequency where allowed; another county's officer never
sees them."""

import datetime as dt

from anwei.duties import services
from tests.permission_tables import Row


def _duty(w):
    duty = services.duty_create(actor=w.officer, agency=w.bureau, data=services.DutyInput(
        kind="cctv_accounts", name="監視系統帳號清查", every=1, unit="years", starts_on=dt.date(2025, 1, 1)))
    return {"pk": duty.pk}


def _default(w):
    duty = services.default_create(actor=w.superior, agency=w.city, data=services.DefaultInput(
        kind="confidentiality_inspection", name="公務機密維護檢查", every=6, unit="months",
        starts_on=dt.date(2025, 1, 1)))
    return {"pk": duty.pk}


def _stop_data(version: int = 1):
    return lambda w: {"ends_on": "115/1/5", "version": str(version)}


ROWS = [
    Row("duties:index", expect={"officer": 200, "superior": 200, "other_officer": 200, "*": 404}),
    # Recording done redirects back for the bureau's officer; everyone else gets 404.
    Row("duties:done", _duty, method="post", data=lambda w: {"done_on": "115/1/5", "note": ""},
        expect={"officer": 302, "*": 404}),
    Row("duties:stop", _duty, method="post", data=_stop_data(), expect={"officer": 302, "*": 404}),
    # Only an office with agencies below it sets duties for its subtree.
    Row("duties:defaults", expect={"superior": 200, "*": 404}),
    Row("duties:default", _default, expect={"officer": 200, "superior": 200, "*": 404}),
    # The office's own agency owes its duty too.
    Row("duties:default_done", _default, method="post", data=lambda w: {"done_on": "115/1/5", "note": ""},
        expect={"officer": 302, "superior": 302, "*": 404}),
    Row("duties:default_stop", _default, method="post", data=_stop_data(), expect={"superior": 302, "*": 404}),
]
