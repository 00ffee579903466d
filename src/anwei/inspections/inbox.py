"""Home-page items: self-assessments to fill or confirm, and working days with no device check.

A fixed number of queries per person: assessments (1), late rounds (1), systems (1), checks in the
window (1), calendar overrides (1).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from django.db.models import Count, Q

from anwei.inspections.models import AssessmentRound, DeviceSystem, SelfAssessment
from anwei.inspections.selectors import assessment_todo, missed_days
from anwei.orgs import policy
from anwei.orgs.models import Person

MISSED_WINDOW_DAYS = 31  # look back about one month: the seed's form is monthly


def inspections_inbox(person: Person) -> list[InboxItem]:
    today = timezone.localdate()
    items = []
    for a in assessment_todo(person=person)[:50]:
        waiting_head = a.status == SelfAssessment.Status.AWAITING_HEAD
        items.append(InboxItem(category="自評表", title=f"{a.round.title}（{a.respondent_label()}）",
                               url=reverse("inspections:assessment_detail", args=[a.pk]), due=a.round.deadline,
                               overdue=a.round.deadline < today,
                               note=("待主管確認" if waiting_head else "待填寫") + ("（政風室已催報）" if a.reminded_at else "")))
    # The officer who started a round: past its deadline with forms still missing.
    manage_rounds = policy.scope(person, "inspections.round.manage")
    if manage_rounds.agency_ids:
        late = (AssessmentRound.objects.filter(agency__in=manage_rounds.agency_ids, closed=False, deadline__lt=today)
                .annotate(missing=Count("assessments", filter=~Q(assessments__status=SelfAssessment.Status.SUBMITTED)))
                .filter(missing__gt=0).order_by("deadline")[:20])
        for rnd in late:
            items.append(InboxItem(category="自評梯次", title=f"{rnd.title}：尚有 {rnd.missing} 份未送出",
                                   url=reverse("inspections:round_detail", args=[rnd.pk]), due=rnd.deadline,
                                   overdue=True, note="可催報或結束梯次"))
    # Responsible units see their own systems; ethics officers see every system of their agency.
    check = policy.scope(person, "inspections.device.check")
    manage = policy.scope(person, "inspections.device.manage")
    q = check.q(agency="agency", unit="unit") | manage.q(agency="agency", unit=None)
    systems = list(DeviceSystem.objects.filter(q, is_active=True, in_service_from__lte=today)
                   .select_related("unit").order_by("order", "id")[:100])
    if systems:
        start = today - dt.timedelta(days=MISSED_WINDOW_DAYS)
        missed = missed_days(systems=systems, start=start, end=today)
        checker_units = check.unit_ids
        today_due = []
        for s in systems:
            days = missed.get(s.pk, [])
            if days and days[-1] == today:
                days = days[:-1]
                if s.unit_id in checker_units:
                    today_due.append(s.name)
            if days:
                items.append(InboxItem(
                    category="每日設備檢查", title=f"{s.name}：{len(days)} 個工作日未登錄檢查（{s.unit.name}）",
                    url=reverse("inspections:device_check") + f"?date={days[0].isoformat()}", due=days[0],
                    overdue=True, note="最早 " + f"{days[0].month}/{days[0].day}"))
        if today_due:  # the responsible unit's reminder for today (not yet missed)
            items.append(InboxItem(category="每日設備檢查", title=f"登錄今日檢查：{'、'.join(today_due)}",
                                   url=reverse("inspections:device_check"), due=today, note="每日上班前巡檢"))
    return items
