"""The plan's awareness duties ticked off by the events recorded for them (plans.periodcounts marker):
the plan's page and a recipient's result page show each such line with what was done, or 「尚未記錄」."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from django.urls import reverse

from anwei.awareness.selectors import duty_words_for, plan_duties, plan_events
from anwei.lib import rocdate
from anwei.plans.periodcounts import DutyMark


def _done(event) -> str:
    reached = f"，{event.audience_count}人" if event.audience_count else ""
    return f"{rocdate.format_short(event.start_date)}{event.title}（{event.agency.name}{reached}）"


def duty_marks(plan, agency_ids: list[int]) -> list[DutyMark]:
    """`agency_ids[0]` is the agency whose page it is (the plan's own, or the recipient's): its words count."""
    duties = plan_duties(plan, duty_words_for(agency_id=agency_ids[0] if agency_ids else plan.agency_id))
    if not duties:
        return []
    done: dict[str, list[str]] = defaultdict(list)
    for event in plan_events(plan=plan, agency_ids=agency_ids):
        done[event.origin_key].append(_done(event))
    url = reverse("awareness:event_create")
    return [DutyMark(d.path, d.text, "宣導", done.get(d.path, []), f"{url}?{urlencode({'duty': d.value})}")
            for d in duties]
