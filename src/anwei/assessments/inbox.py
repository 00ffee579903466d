"""Home-page items: self-assessments to fill or confirm, and rounds past their deadline.

A fixed number of queries per person: assessments (1), late rounds (1).
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.assessments.selectors import assessment_todo
from anwei.portal.inbox import InboxItem
from anwei.orgs import policy
from anwei.orgs.models import Person


def assessments_inbox(person: Person) -> list[InboxItem]:
    today = timezone.localdate()
    items = []
    for a in assessment_todo(person=person)[:50]:
        waiting_head = a.status == SelfAssessment.Status.AWAITING_HEAD
        items.append(InboxItem(category="自評表", title=f"{a.round.title}（{a.respondent_label()}）",
                               url=reverse("assessments:assessment_detail", args=[a.pk]), due=a.round.deadline,
                               overdue=a.round.deadline < today,
                               note=("待主管確認" if waiting_head else "待填寫") + ("（政風室已催報）" if a.reminded_at else "")))
    # The officer who started a round: past its deadline with forms still missing.
    manage_rounds = policy.scope(person, "assessments.round.manage")
    if manage_rounds.agency_ids:
        late = (AssessmentRound.objects.filter(agency__in=manage_rounds.agency_ids, closed=False, deadline__lt=today)
                .annotate(missing=Count("assessments", filter=~Q(assessments__status=SelfAssessment.Status.SUBMITTED)))
                .filter(missing__gt=0).order_by("deadline")[:20])
        for rnd in late:
            items.append(InboxItem(category="自評梯次", title=f"{rnd.title}：尚有 {rnd.missing} 份未送出",
                                   url=reverse("assessments:round_detail", args=[rnd.pk]), due=rnd.deadline,
                                   overdue=True, note="可催報或結束梯次"))
    return items
