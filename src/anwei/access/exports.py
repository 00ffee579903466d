"""Registers as XLSX (text as text): badges and visitors."""

from __future__ import annotations

from django.utils import timezone

from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate


def _d(value) -> str:
    return rocdate.format_slash(value) if value else ""


def _dt(value) -> str:
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{rocdate.format_slash(local.date())} {local:%H:%M}"


def badges_xlsx(badges) -> bytes:
    rows = ([b.number, b.get_kind_display(), b.holder_name, b.organisation, b.unit.name if b.unit_id else "",
             _d(b.issued_on), _d(b.ends_on), b.get_status_display(), "、".join(a.name for a in b.areas.all()),
             str(b.fee) if b.fee else ""] for b in badges)
    return xlsx_table(sheet="門禁卡登記簿", columns=[("卡號", 14), ("類別", 12), ("持卡人", 12), ("廠商／單位", 20),
                                                  ("所屬單位", 14), ("核發日", 12), ("有效期限", 12), ("狀態", 14),
                                                  ("授權區域", 40), ("工本費", 8)], rows=rows)


def visitors_xlsx(visitors) -> bytes:
    rows = ([_d(v.visit_on), v.name, v.organisation, v.host_label, v.purpose, _dt(v.arrived_at), _dt(v.left_at),
             v.pass_number, v.get_id_type_display(), v.id_last4, "是" if v.host_confirmed_at else ""] for v in visitors)
    return xlsx_table(sheet="訪客登記簿", columns=[("日期", 12), ("姓名", 12), ("服務單位", 20), ("受訪人", 12),
                                                ("事由", 30), ("進入", 16), ("離開", 16), ("通行證", 10),
                                                ("換證種類", 12), ("末四碼", 8), ("受訪人確認", 10)], rows=rows)
