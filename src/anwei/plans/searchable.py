"""Plans and their letters in the one search (portal.searchables): the plan's sections and duty table, the
letter's 主旨 and 說明. The sender's side reads them (plans.view), as on the plan's own page."""

from __future__ import annotations


from anwei.plans.models import DutyRow, Letter, SpecialPlan
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _plan_docs(plan: SpecialPlan):
    sections = "\n".join(f"{s.get('heading', '')}：{s.get('body', '')}" for s in plan.sections or []
                         if isinstance(s, dict))
    duties = "\n".join(f"{d.party}：{d.duties}" for d in plan.duties.all())
    yield SearchDoc(title=plan.title, location=f"{plan.year}年專案計畫 · 計畫內容及分工表",
                    text=f"{plan.election_name}\n{sections}\n{duties}",
                    url=record_url("plans:plan_detail", plan.pk), agency_id=plan.agency_id,
                    date=plan.period_start)


def _letter_docs(letter: Letter):
    plan = letter.plan
    where = f"發文字號 {letter.number}" if letter.number else "函（草稿）"
    yield SearchDoc(title=" ".join(letter.subject.split())[:120], location=f"{plan.title} · {where}",
                    text=f"主旨：{letter.subject}\n說明：{letter.explanation}\n{letter.number}",
                    url=record_url("plans:plan_detail", plan.pk), agency_id=letter.agency_id,
                    date=letter.date or plan.period_start)


def register() -> None:
    searchable_register(Searchable(
        kind="plans.plan", label="專案計畫", model=SpecialPlan, view_action="plans.view", order=30,
        queryset=lambda: SpecialPlan.objects.prefetch_related("duties"), documents=_plan_docs,
        touched_by=((DutyRow, lambda d: [d.plan]),)))
    searchable_register(Searchable(
        kind="plans.letter", label="函", model=Letter, view_action="plans.view", order=31,
        queryset=lambda: Letter.objects.select_related("plan"), documents=_letter_docs,
        touched_by=((SpecialPlan, lambda p: Letter.objects.filter(plan=p)),)))
