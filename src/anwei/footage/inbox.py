"""Home-page items: requests waiting on this person's decision (with the deadline), returned requests
waiting on the applicant, approved requests waiting on the managing unit, and records due for destruction.
At most five queries whatever the data."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from anwei.footage import selectors
from anwei.footage.models import FootageSettings
from anwei.orgs.models import Person

CATEGORY = "監視錄影調閱"


def footage_inbox(person: Person) -> list[InboxItem]:
    rows = selectors.inbox_rows(person)
    today = timezone.localdate()
    items = []
    warn = dict(FootageSettings.objects.filter(agency_id__in={r.agency_id for r in rows.waiting})
                .values_list("agency_id", "warn_days")) if rows.waiting else {}
    for req in rows.waiting:
        left = req.days_left(today)
        note = "待您核決"
        if left is not None:
            if left < 0:
                note += f"，已逾決定期限 {-left} 日"
            elif left <= warn.get(req.agency_id, 5):
                note += f"，決定期限將屆（剩 {left} 日）"
            else:
                note += f"，剩 {left} 日"
        items.append(InboxItem(CATEGORY, f"{req.number_label} {req.get_kind_display()}{req.get_purpose_display()}申請",
                               reverse("footage:request_detail", args=[req.pk]), due=req.due_on,
                               overdue=req.is_overdue(today), note=note))
    for req in rows.returned:
        items.append(InboxItem(CATEGORY, f"{req.number_label} 申請被退回補正",
                               reverse("footage:request_edit", args=[req.pk]), note="請修正後重新送出"))
    for req in rows.to_record:
        items.append(InboxItem(CATEGORY, f"{req.number_label} 已核准，待調閱（複製）",
                               reverse("footage:request_viewing", args=[req.pk]), note="請陪同並登錄調閱紀錄"))
    if rows.due_count:
        items.append(InboxItem(CATEGORY, f"{rows.due_count} 件調閱申請已屆保存期限", reverse("footage:retention"),
                               due=today, note="請銷毀並登錄"))
    return items
