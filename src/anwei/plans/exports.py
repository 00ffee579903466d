"""XLSX export of a letter's completion matrix (openpyxl, write-only: flat memory for 400+ rows)."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook

from anwei.lib import rocdate
from anwei.plans.models import Letter


def _roc(value) -> str:
    if value is None:
        return ""
    return rocdate.format_slash(timezone.localtime(value).date() if hasattr(value, "hour") else value)


def matrix_xlsx(*, letter: Letter) -> bytes:
    today = timezone.localdate()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("執行情形")
    ws.append([letter.plan.title])
    ws.append([f"發文字號：{letter.number}", f"發文日期：{_roc(letter.date)}", f"報送期限：{_roc(letter.due)}"])
    ws.append(["項次", "受文者", "簽收日期", "成果報送日期", "逾期", "催辦次數", "執行成果"])
    rows = letter.assignments.select_related("agency", "unit").order_by("id")
    for n, a in enumerate(rows.iterator(chunk_size=500), start=1):
        ws.append([n, a.recipient_label(), _roc(a.received_at), _roc(a.reported_at),
                   "是" if a.is_late(today) else "", a.remind_count, a.result_text])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
