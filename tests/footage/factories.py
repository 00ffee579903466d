"""Building blocks for footage tests and the permission table (which gets only the world)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.footage import services
from anwei.footage.models import Decision, FootageRequest, FootageSettings
from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create
from tests.world import PASSWORD


def setup(world) -> FootageSettings:
    """The bureau with 秘書室 managing the CCTV and a site with three cameras (memoised on the world)."""
    if "footage_fs" not in world.extra:
        fs = services.footage_setup(actor=None, agency=world.bureau, managing_unit=world.units["秘書室"])
        site = services.site_create(actor=None, agency=world.bureau, name="測試大樓")
        world.extra["cameras"] = [services.device_create(actor=None, site=site, location=place, code=f"CH{i:02d}")
                                  for i, place in enumerate(["大門內側", "地下停車場", "會議室走道"], start=1)]
        world.extra["footage_fs"] = fs
    return world.extra["footage_fs"]


def planhead(world):
    """Head of 綜合企劃科 (the world has none): first-level approver of staff's requests."""
    if "planhead" not in world.extra:
        p = person_create(actor=None, username="planhead", password=PASSWORD, full_name="測科長",
                          agency=world.bureau, unit=world.units["綜合企劃科"], title="科長")
        membership_grant(actor=None, person=p, agency=world.bureau, role=Role.UNIT_HEAD, unit=world.units["綜合企劃科"])
        membership_grant(actor=None, person=p, agency=world.bureau, role=Role.STAFF)
        world.extra["planhead"] = p
    return world.extra["planhead"]


def data(world, **overrides) -> services.RequestData:
    setup(world)
    now = timezone.localtime().replace(second=0, microsecond=0)
    values = dict(kind="internal", purpose=FootageRequest.Purpose.VIEW, applicant_name="測同仁",
                  window_start=now - dt.timedelta(days=2, hours=1), window_end=now - dt.timedelta(days=2),
                  reason="公務車於停車場遭刮傷，需確認肇事者。", acknowledged=True, extension="321",
                  phone="0900-000-000", cameras=world.extra["cameras"][:2])
    values.update(overrides)
    return services.RequestData(**values)


def file(world, person=None, **overrides) -> FootageRequest:
    fs = setup(world)
    person = person or world.staff
    return services.request_file(actor=person, fs=fs, unit=person.unit, data=data(world, **overrides))


def decide(req: FootageRequest, person, action=Decision.Action.APPROVE, **kw) -> FootageRequest:
    req.refresh_from_db()
    services.request_decide(actor=person, req=req, expected_version=req.version, action=action, **kw)
    req.refresh_from_db()
    return req


def approve_all(world, req: FootageRequest) -> FootageRequest:
    for person in (planhead(world) if req.unit == world.units["綜合企劃科"] else world.unithead, world.officer,
                   world.head):
        req = decide(req, person)
    return req


def view(world, req: FootageRequest, **overrides) -> FootageRequest:
    req.refresh_from_db()
    values = dict(performed_at=timezone.now() - dt.timedelta(hours=1), viewer_name="測同仁",
                  accompanied_by=world.liaison, applicant_signed=True)
    values.update(overrides)
    services.viewing_record(actor=world.liaison, req=req, expected_version=req.version,
                            data=services.ViewingData(**values))
    req.refresh_from_db()
    return req
