"""Self-assessment answers in the one search (portal.searchables): a form's answers, notes and corrective
actions (not the checklist's questions, which every form shares), read by its unit or its agency's officer."""

from __future__ import annotations

from django.utils import timezone

from anwei.assessments.models import Answer, SelfAssessment
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _docs(a: SelfAssessment):
    lines = ["\n".join(filter(None, (ans.text, ans.note, ans.corrective_action))) for ans in a.answers.all()]
    text = "\n".join(line for line in lines if line)
    if not text:
        return
    yield SearchDoc(
        title=f"{a.respondent_label()}自評表", location=f"{a.round.title} · 自評作答",
        text=text, url=record_url("assessments:assessment_detail", a.pk), agency_id=a.agency_id,
        unit_ids=(a.unit_id,) if a.unit_id else (),
        date=timezone.localdate(a.submitted_at) if a.submitted_at else a.round.deadline)


def register() -> None:
    searchable_register(Searchable(
        kind="assessments.assessment", label="自評表", model=SelfAssessment,
        view_action="assessments.assessment.view", order=40,
        queryset=lambda: SelfAssessment.objects.select_related("round", "unit", "agency").prefetch_related("answers"),
        documents=_docs, touched_by=((Answer, lambda ans: [ans.assessment]),)))
