"""Demo: the bureau's office building with 16 cameras (invented places), the default chain of seed 001
and three requests: one completed, one waiting on the ethics unit, and one filed from 綜合企劃科, a unit
with no head, whose first step (單位主管) the vacancy rule sends on to the ethics unit."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.footage import services
from anwei.footage.models import Decision, Device, FootageRequest

CAMERAS = [
    "訪客車道左側", "訪客車道右側", "一樓大門內側", "第一會議室前走道", "一樓連通廊", "哺集乳室前走道",
    "第二會議室前走道", "親子閱覽室正門內側", "親子閱覽室右側", "親子閱覽室左側", "幼兒托育室左側",
    "幼兒托育室右側", "一樓檔案室", "地下停車場汽車區", "地下停車場機車區", "地下停車場樓梯間出入口",
]


def load(ctx: dict) -> None:
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    fs = services.footage_setup(actor=None, agency=bureau, managing_unit=units["秘書室"])
    site = services.site_create(actor=None, agency=bureau, name="濱海水資源中心管理大樓",
                                address=bureau.address)
    cameras = [services.device_create(actor=None, site=site, location=place, code=f"CH{i:02d}", order=i)
               for i, place in enumerate(CAMERAS, start=1)]
    services.device_create(actor=None, site=site, location="一樓檔案室", kind=Device.Kind.RECORDER,
                           code="XVR-1", order=99)
    ctx["footage_site"] = site

    liaison, unithead, officer, head = people["liaison"], people["unithead"], people["officer"], people["head"]
    now = timezone.localtime()
    day = (now - dt.timedelta(days=3)).replace(hour=17, minute=40, second=0, microsecond=0)
    done = services.request_file(actor=liaison, fs=fs, unit=liaison.unit, data=services.RequestData(
        kind="internal", purpose=FootageRequest.Purpose.VIEW, applicant_name=liaison.full_name,
        extension="1201", phone="", window_start=day, window_end=day + dt.timedelta(minutes=40),
        reason="同仁反映停放於地下停車場之機車後照鏡遭撞毀，需確認肇事車輛。", acknowledged=True,
        cameras=[cameras[13], cameras[14]]))
    for person in (unithead, officer, head):
        done.refresh_from_db()
        services.request_decide(actor=person, req=done, expected_version=done.version, action=Decision.Action.APPROVE)
    done.refresh_from_db()
    services.viewing_record(actor=unithead, req=done, expected_version=done.version, data=services.ViewingData(
        performed_at=now - dt.timedelta(days=1), viewer_name=liaison.full_name, accompanied_by=unithead,
        applicant_signed=True))

    later = (now - dt.timedelta(days=1)).replace(hour=12, minute=5, second=0, microsecond=0)
    waiting = services.request_file(actor=liaison, fs=fs, unit=liaison.unit, data=services.RequestData(
        kind="internal", purpose=FootageRequest.Purpose.COPY, applicant_name=liaison.full_name,
        extension="1201", window_start=later, window_end=later + dt.timedelta(minutes=25),
        reason="親子閱覽室遺失公務筆記型電腦一台，需確認取走者。", copy_reason="需提供警察機關作為報案證據。",
        acknowledged=True, cameras=[cameras[7], cameras[8], cameras[9]]))
    services.request_decide(actor=unithead, req=waiting, expected_version=waiting.version,
                            action=Decision.Action.APPROVE)

    staff = people["staff"]  # 綜合企劃科: no unit head there
    noon = (now - dt.timedelta(days=2)).replace(hour=9, minute=10, second=0, microsecond=0)
    services.request_file(actor=staff, fs=fs, unit=staff.unit, data=services.RequestData(
        kind="internal", purpose=FootageRequest.Purpose.VIEW, applicant_name=staff.full_name, extension="1503",
        window_start=noon, window_end=noon + dt.timedelta(minutes=30),
        reason="第一會議室投影機遙控器不見，需確認會後是否有人取走。", acknowledged=True, cameras=[cameras[3]]))
