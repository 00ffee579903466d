"""XLSX export of a letter's completion matrix."""

from __future__ import annotations

from django.utils import timezone

from anwei.core.xlsx import xlsx_table
from anwei.lib import rocdate
from anwei.plans.models import Letter


def _roc(value) -> str:
    if value is None:
        return ""
    return rocdate.format_slash(timezone.localtime(value).date() if hasattr(value, "hour") else value)


COLUMNS = [("項次", 6), ("受文者", 30), ("簽收日期", 12), ("成果報送日期", 14), ("逾期", 6), ("催辦次數", 8),
           ("執行成果", 60)]


def matrix_xlsx(*, letter: Letter) -> bytes:
    today = timezone.localdate()
    rows = letter.assignments.select_related("agency", "unit").order_by("id")
    return xlsx_table(
        sheet="執行情形", columns=COLUMNS,
        title_rows=[[letter.plan.title],
                    [f"發文字號：{letter.number}", f"發文日期：{_roc(letter.date)}", f"報送期限：{_roc(letter.due)}"]],
        rows=([n, a.recipient_label(), _roc(a.received_at), _roc(a.reported_at), "是" if a.is_late(today) else "",
               a.remind_count, a.result_text] for n, a in enumerate(rows.iterator(chunk_size=500), start=1)))
