"""Home-page reminders: the traveller's return report (before the due date and when missed),
corrections asked for, reviews waiting, and for the ethics unit the overdue reports."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from anwei.orgs.models import Person
from anwei.travel import selectors
from anwei.travel.models import Status

CATEGORY = "赴陸申請"


def travel_inbox(person: Person) -> list[InboxItem]:
    today = timezone.localdate()
    items: list[InboxItem] = []
    for app in selectors.my_open_trips(person):
        url = reverse("travel:application_detail", args=[app.pk])
        if app.status == Status.RETURNED:
            items.append(InboxItem(CATEGORY, f"赴陸申請退回補正（{app.destinations[:20]}）", url,
                                   due=app.departure_on, note=app.review_note[:60]))
        else:
            overdue = app.report_overdue_on(today)
            items.append(InboxItem(CATEGORY, f"填報返臺通報表（{app.destinations[:20]}）",
                                   reverse("travel:return_report", args=[app.pk]), due=app.report_due,
                                   overdue=overdue,
                                   note="已逾返臺通報期限，請儘速填報" if overdue
                                   else f"返臺後{app.report_workdays}個工作日內填報"))
    for app in selectors.reviews_waiting(person):
        items.append(InboxItem(CATEGORY, f"審核{app.traveller_name}赴陸申請",
                               reverse("travel:application_detail", args=[app.pk]), due=app.departure_on,
                               overdue=app.departure_on < today, note=f"{app.get_status_display()}；期限為出發日"))
    for app in selectors.retiree_reports_waiting(person, today):
        items.append(InboxItem(CATEGORY, f"涉密退離職人員{app.traveller_name}返臺申報",
                               reverse("travel:application_detail", args=[app.pk]), due=app.report_due,
                               note="待登錄返臺後申報"))
    overdue = selectors.overdue_count(person, today)
    if overdue:
        items.append(InboxItem(CATEGORY, f"逾期未填報返臺通報表 {overdue} 件", reverse("travel:overdue"),
                               overdue=True, note="請督促補報"))
    return items
