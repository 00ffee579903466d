"""XLSX export of the yearly incident register (text stays text: numbers like 115-001 are not dates)."""

from __future__ import annotations

from django.utils import timezone

from anwei.core import clock
from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate

MAX_ROWS = 20000


def _when(value) -> str:
    local = timezone.localtime(value)
    return f"{rocdate.format_slash(local.date())} {local:%H:%M}"


def register_xlsx(incidents, *, title: str) -> bytes:
    now = clock.now()
    columns = [("編號", 10), ("發生時間", 18), ("發現時間", 18), ("類別", 12), ("等級", 12), ("事由", 40),
               ("地點", 24), ("通報人", 16), ("通報情形", 50), ("專案計畫", 30), ("狀態", 8)]
    rows = ([i.number, _when(i.occurred_at), _when(i.discovered_at), i.get_category_display(), i.level[:3],
             i.title, i.place, i.reporter_label,
             "；".join(f"{p.get_party_display()}{p.clock_label(now)}" for p in i.parties.all()),
             i.plan.title if i.plan_id else "", i.get_status_display()] for i in incidents[:MAX_ROWS])
    return xlsx_table(sheet="狀況通報登記簿", columns=columns, rows=rows, title_rows=[[title]])
