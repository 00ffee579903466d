"""Demo data: the bureau's recurring duties, one done recently, one overdue, one coming due (dates relative to
today so the dashboards always show each state); and 山城縣政府's duties for its whole subtree: a half-yearly
confidentiality inspection it fixed (青溪鄉公所 did it last month, the others are overdue) and a yearly review of
CCTV accounts open to each agency's own frequency (松嶺鎮公所 reviews every half-year from today)."""

from __future__ import annotations

import datetime as dt

from anwei.core import clock
from anwei.duties import services
from anwei.duties.models import Kind
from anwei.lib.periods import add_months


def load(ctx: dict) -> None:
    bureau, officer = ctx["bureau"], ctx["people"]["officer"]
    today = clock.today()
    inspect = services.duty_create(actor=officer, agency=bureau, data=services.DutyInput(
        kind=Kind.CONFIDENTIALITY_INSPECTION, name="機密維護檢查", every=6, unit="months",
        starts_on=add_months(today, -30), basis="文書及檔案機密維護（每半年至少檢查一次）"))
    services.duty_done_record(actor=officer, duty=inspect, done_on=add_months(today, -2), note="抽查各科室公文簽收及保管，無缺失。",
                              today=today)
    meeting = services.duty_create(actor=officer, agency=bureau, data=services.DutyInput(
        kind=Kind.SECURITY_MEETING, name="機關安全維護會報", every=1, unit="years", starts_on=add_months(today, -30)))
    services.duty_done_record(actor=officer, duty=meeting, done_on=add_months(today, -12) - dt.timedelta(days=20),
                              note="召開年度會報，決議事項列管。", today=today)
    services.duty_create(actor=officer, agency=bureau, data=services.DutyInput(
        kind=Kind.CCTV_ACCOUNTS, name="監視系統帳號清查", every=1, unit="years",
        starts_on=add_months(today, -12) + dt.timedelta(days=20)))
    _county(ctx, today)


def _county(ctx: dict, today: dt.date) -> None:
    people, county = ctx["people"], ctx.get("county")
    superior, town, town2 = (people.get(k) for k in ("county.officer", "town.officer", "town2.officer"))
    if county is None or superior is None:
        return
    inspect = services.default_create(actor=superior, agency=county, data=services.DefaultInput(
        kind=Kind.CONFIDENTIALITY_INSPECTION, name="公務機密維護檢查", every=6, unit="months",
        starts_on=add_months(today, -14), basis="本府公務機密維護作業規定（每半年至少檢查一次）", fixed=True))
    review = services.default_create(actor=superior, agency=county, data=services.DefaultInput(
        kind=Kind.CCTV_ACCOUNTS, name="監視系統帳號清查", every=1, unit="years", starts_on=add_months(today, -3)))
    if town is not None:
        services.default_done_record(actor=town, agency=town.agency, duty=inspect, done_on=add_months(today, -1),
                                     note="抽查各課室機密文書保管。", today=today)
    if town2 is not None:
        services.default_frequency_set(actor=town2, agency=town2.agency, duty=review, every=6, unit="months",
                                       starts_on=today, today=today)
