"""A recipient's answer to its office's request for the work report of a period, written from its own
records by the same composer as the meeting's work report (registered with plans.periodcounts)."""

from __future__ import annotations

from anwei.plans.periodcounts import ResultDrafter
from anwei.workreports.selectors import compose_text, report_request_for


def _offers(assignment) -> bool:
    return not assignment.unit_id and report_request_for(plan_id=assignment.letter.plan_id) is not None


def _draft(assignment) -> str:
    request = report_request_for(plan_id=assignment.letter.plan_id)
    return compose_text(assignment.agency, request.start, request.end)


DRAFTER = ResultDrafter("由本機關紀錄產生工作報告草稿", _offers, _draft)
