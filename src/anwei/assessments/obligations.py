"""Obligations of self-assessments: forms to fill (the unit's liaisons, or a subordinate agency's ethics
officer) and to confirm (the unit head, their deputy, or when the unit has no head the ethics unit),
escalated after the round's deadline; and for the officer who started a round, its late forms.

A fixed number of queries per person: forms (1), unit heads on the day (2), late rounds (1)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.assessments.selectors import assessment_todo, assessments_vacant_for, head_vacant
from anwei.core import clock
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

S = SelfAssessment.Status


def _form(a: SelfAssessment, today: dt.date, vacant: bool) -> Obligation:
    waiting_head = a.status == S.AWAITING_HEAD
    agency, unit, deadline = a.agency_id, a.unit_id, a.round.deadline
    vacancy = ""
    if unit is None:  # a subordinate agency's form: its ethics officer, overseen by the office that asked
        owner = posts.ethics_officers(agency)
        superior = posts.superior_officers(a.round.agency_id) if a.round.agency_id != agency else None
        escalation = (None, None, superior)
    elif waiting_head and vacant:
        vacancy = f"{a.unit.name}單位主管出缺"
        owner, escalation = posts.ethics_officers(agency), (None, posts.agency_head(agency), None)
    elif waiting_head:
        owner, escalation = posts.unit_head(agency, unit), (None, posts.agency_head(agency), None)
    else:
        owner, escalation = posts.unit_liaisons(agency, unit), (posts.unit_head(agency, unit),
                                                                posts.agency_head(agency), None)
    note = ("待主管確認" if waiting_head else "待填寫") + ("（政風室已催報）" if a.reminded_at else "")
    if vacancy:
        note += f"（{vacancy}，由政風單位代為確認）"
    return Obligation(category="自評表", title=f"{a.round.title}（{a.respondent_label()}）",
                      url=link("assessments:assessment_detail", a.pk), due=deadline, overdue=deadline < today,
                      note=note, key=f"assessments.form:{a.pk}:{a.status}", kind="assessments.form", agency_id=agency,
                      owner=owner, escalation=escalation, approval=waiting_head, vacancy=vacancy)


def _late_rounds(qs, today: dt.date, limit: int | None = 20) -> list[Obligation]:
    late = (qs.filter(closed=False, deadline__lt=today)
            .annotate(missing=Count("assessments", filter=~Q(assessments__status=S.SUBMITTED)))
            .filter(missing__gt=0).order_by("deadline"))[:limit]
    return [Obligation(category="自評梯次", title=f"{rnd.title}：尚有 {rnd.missing} 份未送出",
                       url=link("assessments:round_detail", rnd.pk), due=rnd.deadline, overdue=True,
                       note="可催報或結束梯次", key=f"assessments.round:{rnd.pk}", kind="assessments.round",
                       agency_id=rnd.agency_id, owner=posts.ethics_officers(rnd.agency_id), remind=False)
            for rnd in late]


def assessments_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    todo = list(assessment_todo(person=person)[:50])
    vacant = head_vacant([a for a in todo if a.status == S.AWAITING_HEAD])
    items = [_form(a, today, a.pk in vacant) for a in todo]
    seen = {i.key for i in items}
    items += [o for o in (_form(a, today, True) for a in assessments_vacant_for(person)) if o.key not in seen]
    manage_rounds = policy.scope(person, "assessments.round.manage")
    if manage_rounds.agency_ids:
        items += _late_rounds(AssessmentRound.objects.filter(agency__in=manage_rounds.agency_ids), today)
    return items


def assessments_open(today: dt.date) -> list[Obligation]:
    forms = list(SelfAssessment.objects.filter(round__closed=False, status__in=[S.DRAFT, S.AWAITING_HEAD])
                 .select_related("round", "unit", "agency").order_by("round__deadline", "id"))
    vacant = head_vacant([a for a in forms if a.status == S.AWAITING_HEAD], today)
    return [_form(a, today, a.pk in vacant) for a in forms] + _late_rounds(AssessmentRound.objects.all(), today, None)


PROVIDER = ObligationProvider("assessments", assessments_owed, assessments_open,
                              kinds=(("assessments.form", "自評表填寫與確認"),))
