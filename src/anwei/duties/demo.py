"""Demo data: the bureau's recurring duties, one done recently, one overdue, one coming due (dates relative to
today so the dashboards always show each state)."""

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
