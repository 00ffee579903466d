"""The head's 核定 of a special plan, where the agency's rule asks for it, before its letter is issued."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from anwei.plans.models import Letter
from anwei.plans.services import DispatchError, letter_dispatch
from anwei.submissions import selectors, services
from anwei.submissions.models import PlanApproval
from tests.submissions import factories as f


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = "2023-01-09"


def test_without_a_rule_the_letter_is_issued_as_before(world):
    plan, letter = f.plan_with_letter(world)
    assert letter_dispatch(actor=world.officer, letter=letter).is_dispatched


def test_the_rule_refuses_the_dispatch_until_the_head_approves(world):
    f.approval_required(world)
    plan, letter = f.plan_with_letter(world)
    with pytest.raises(DispatchError, match="首長核定"):
        letter_dispatch(actor=world.officer, letter=letter)
    approval = services.approval_submit(actor=world.officer, plan=plan, note="請核定")
    with pytest.raises(DispatchError, match="待核定"):
        letter_dispatch(actor=world.officer, letter=letter)
    assert [a.plan_id for a in selectors.approvals_awaiting(person=world.head)] == [plan.pk]
    with pytest.raises(ValidationError) as e:  # a return needs a comment
        services.approval_decide(actor=world.head, approval=approval, expected_version=approval.version, approve=False)
    assert "comment" in e.value.error_dict
    approval = services.approval_decide(actor=world.head, approval=approval, expected_version=approval.version,
                                        approve=False, comment="分工表請補列資訊室")
    assert approval.status == PlanApproval.Status.RETURNED
    approval = services.approval_submit(actor=world.officer, plan=plan, note="已補列")
    approval = services.approval_decide(actor=world.head, approval=approval, expected_version=approval.version,
                                        approve=True)
    assert approval.status == PlanApproval.Status.APPROVED
    assert letter_dispatch(actor=world.officer, letter=Letter.objects.get(pk=letter.pk)).is_dispatched


def test_only_the_head_decides_and_only_the_officer_submits(world):
    plan = f.submitted_plan(world)
    approval = plan.approval
    for person in (world.officer, world.superior, world.liaison):
        with pytest.raises(ValidationError):
            services.approval_decide(actor=person, approval=approval, expected_version=approval.version, approve=True)
    with pytest.raises(ValidationError):
        services.approval_submit(actor=world.head, plan=plan)


def test_pages_submit_and_approve(world, as_):
    f.approval_required(world)
    plan, letter = f.plan_with_letter(world)
    c = as_(world.officer)
    page = c.get(f"/plans/{plan.pk}/").content.decode()
    assert "首長核定" in page and "尚未送核定" in page
    r = c.post(f"/submissions/plans/{plan.pk}/approval/", {"do": "submit", "submit-note": "請核定"})
    assert r.status_code == 302
    r = c.post(f"/plans/{plan.pk}/letter/dispatch/", {"confirmed": "1"}, follow=True)
    assert not Letter.objects.get(pk=letter.pk).is_dispatched
    c = as_(world.head)
    approval = PlanApproval.objects.get(plan=plan)
    r = c.post(f"/submissions/plans/{plan.pk}/approval/", {"do": "return", "decide-version": approval.version,
                                                            "decide-comment": ""})
    assert r.status_code == 400 and "退回時請填寫意見" in r.content.decode()
    r = c.post(f"/submissions/plans/{plan.pk}/approval/", {"do": "approve", "decide-version": approval.version})
    assert r.status_code == 302
    assert PlanApproval.objects.get(plan=plan).status == PlanApproval.Status.APPROVED


def test_a_stale_decision_is_a_conflict(world, as_):
    plan = f.submitted_plan(world)
    approval = plan.approval
    c = as_(world.head)
    r = c.post(f"/submissions/plans/{plan.pk}/approval/", {"do": "approve", "decide-version": approval.version + 5})
    assert r.status_code == 400
    assert PlanApproval.objects.get(plan=plan).status == PlanApproval.Status.SUBMITTED
