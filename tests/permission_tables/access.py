"""Access control: badges and visitors are personal data — the managing unit (秘書室: the world's liaison
and unit head), the ethics unit and the agency head read them; the managing unit keeps areas and badges
and runs the desk; the ethics unit and the managing unit review door events; hosts see their own guests;
the superior office and other agencies get 404."""

import datetime as dt
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.access.models import Badge, ColumnMapping, Visitor
from anwei.core import clock
from anwei.lib import rocdate
from tests.access import factories as f
from tests.permission_tables import Row

READERS = {"officer": 200, "head": 200, "liaison": 200, "unithead": 200, "*": 404}
KEEPERS_GET = {"liaison": 200, "unithead": 200, "*": 404}
KEEPERS_POST = {"liaison": 302, "unithead": 302, "*": 404}
REVIEWERS_POST = {"officer": 302, "liaison": 302, "unithead": 302, "*": 404}
_n = itertools.count(1)


def _area(w):
    return {"pk": f.area(w).pk}


def _badge(w):
    b = Badge.objects.filter(agency=w.bureau, number="P1").first() or f.badge(w, "P1")
    w.extra["badge"] = b
    return {"pk": b.pk}


def _badge_version(w):
    b = w.extra["badge"]
    b.refresh_from_db()
    return b


def _status_data(w):
    b = _badge_version(w)
    action = "resume" if b.status == "suspended" else "suspend"
    return {"s-action": action, "s-on": rocdate.format_slash(clock.today()), "s-version": b.version}


def _replace_data(w):
    b = _badge_version(w)
    Badge.objects.filter(pk=b.pk).update(status="active")  # each role replaces it afresh
    Badge.objects.filter(replaces=b).update(replaces=None)
    return {"r-number": f"R{next(_n)}", "r-on": rocdate.format_slash(clock.today()), "r-version": b.version}


def _visitor(w):
    v = f.visitor(w)
    w.extra["visitor"] = v
    return {"pk": v.pk}


def _visitor_version(w):
    v = w.extra["visitor"]
    v.refresh_from_db()
    return v.version


def _prereg(w):
    f.setup(w)
    from anwei.access import services

    v = services.visitors_preregister(actor=w.staff, agency=w.bureau, visit_on=clock.today(), purpose="會議",
                                      guests="來賓甲")[0]
    w.extra["visitor"] = v
    return {"pk": v.pk}


def _event(w):
    f.door(w)
    f.csv_import(w, f"時間,門號,卡號,結果\n2024/03/05 23:{next(_n) % 60:02d}:00,D31,A{next(_n)},通過\n")
    from anwei.access.models import DoorEvent

    return {"pk": DoorEvent.objects.filter(review="pending").order_by("-id").first().pk}


def _mapping_data(w):
    m = ColumnMapping.objects.filter(agency=w.bureau).first()
    return {"m-time_column": "時間", "m-door_column": "門號", "m-badge_column": "卡號", "m-result_column": "結果",
            "m-granted_values": "通過", "m-version": m.version if m else 0}


def _upload(w):
    return {"file": SimpleUploadedFile("log.csv", f"時間,門號,卡號,結果\n2024/03/05 09:00:00,D01,B{next(_n)},通過\n".encode())}


def _meeting(w):
    from anwei.meetings.services import meeting_create

    f.setup(w)
    w.extra["meeting"] = meeting_create(actor=w.officer, agency=w.bureau, date=clock.today() + dt.timedelta(days=30))
    return {}


def _setup(w):
    f.setup(w)
    return {}


ROWS = [
    Row("access:index", _setup, expect={"*": 200}),
    Row("access:settings", _setup, expect={"officer": 200, "*": 404}),
    Row("access:area_create", _setup, expect=KEEPERS_GET),
    Row("access:area_detail", _area, expect=READERS),
    Row("access:area_edit", _area, expect=KEEPERS_GET),
    Row("access:hours_add", _area, method="post", expect=KEEPERS_POST, data=lambda w: {
        "starts_on": rocdate.format_slash(clock.today() + dt.timedelta(days=next(_n))), "workday_open": "08:00",
        "workday_close": "18:00", "after_hours": "log"}),
    Row("access:door_add", _area, method="post", expect=KEEPERS_POST,
        data=lambda w: {"door_name": "側門", "code": f"S{next(_n)}"}),
    Row("access:badges", _setup, expect={"*": 200}),
    Row("access:badges_register", _setup, expect=READERS),
    Row("access:badge_create", _setup, expect=KEEPERS_GET),
    Row("access:badge_detail", _badge, expect=READERS),
    Row("access:badge_grant", _badge, method="post", expect=KEEPERS_POST,
        data=lambda w: {"g-version": _badge_version(w).version, "g-areas": [f.area(w).pk]}),
    Row("access:badge_status", _badge, method="post", expect=KEEPERS_POST, data=_status_data),
    Row("access:badge_replace", _badge, method="post", expect=KEEPERS_POST, data=_replace_data),
    Row("access:visitors", _setup, expect={"*": 200}),
    Row("access:visitors_register", _setup, expect=READERS),
    Row("access:visitors_inside", _setup, expect=KEEPERS_GET),
    Row("access:visitor_create", _setup, expect=KEEPERS_GET),
    # Anyone of the agency pre-registers their own guests; the superior office's people are of another agency.
    Row("access:visitor_preregister", _setup,
        expect={"officer": 200, "head": 200, "liaison": 200, "unithead": 200, "staff": 200, "*": 404}),
    Row("access:visitor_check_in", _prereg, method="post", expect=KEEPERS_POST,
        data=lambda w: {"version": _visitor_version(w), "id_type": "none"}),
    Row("access:visitor_check_out", _visitor, method="post", expect=KEEPERS_POST,
        data=lambda w: {"version": _visitor_version(w)}),
    Row("access:visitor_confirm", _visitor, method="post", expect={"staff": 302, "*": 404}),
    Row("access:events", _setup, expect={"officer": 200, "liaison": 200, "unithead": 200, "*": 404}),
    Row("access:mapping_save", _setup, method="post", expect=REVIEWERS_POST, data=_mapping_data),
    Row("access:events_import", _setup, method="post", expect=REVIEWERS_POST, data=_upload),
    Row("access:event_explain", _event, method="post", expect=REVIEWERS_POST, data=lambda w: {"explanation": "已登記"}),
    Row("access:event_deficiency", _event, method="post", expect=REVIEWERS_POST,
        data=lambda w: {"text": "夜間進入", "lead_unit": w.units["秘書室"].pk}),
    # The unit's head confirms; the readers of the agency's badges see it too.
    Row("access:review_unit", lambda w: (f.setup(w), {"unit_pk": w.units["秘書室"].pk})[1], expect=READERS),
    Row("access:plan", lambda w: (f.setup(w), {"fmt": "html"})[1], expect=READERS),
    # Only whoever writes the meeting's packet (the ethics officer) puts the plan on its agenda.
    Row("access:plan_propose", _meeting, method="post", expect={"officer": 302, "*": 404},
        data=lambda w: {"meeting": w.extra["meeting"].pk}),
]
