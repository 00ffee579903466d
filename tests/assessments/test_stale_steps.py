"""One-button steps act on what the person saw: a head does not confirm (or return) a self-assessment
whose answers changed after they opened it, and an officer does not retire a checklist item that was
revised after they opened the checklist. Nothing happens, and the page says why."""

import re

import pytest
from django.urls import reverse

from anwei.assessments import selectors, services
from anwei.assessments.models import AnswerKind, ChecklistItem, SelfAssessment
from tests.assessments import factories as f

pytestmark = pytest.mark.django_db


def _fill(world, a, note: str) -> None:
    values = {}
    for r in selectors.assessment_rows(a):
        if r.answer_kind == AnswerKind.VERDICT:
            values[r.item_id] = {"verdict": "conform", "note": note}
        elif r.answer_kind == AnswerKind.NUMBER:
            values[r.item_id] = {"number": 0}
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version, values=values)


def _step_version(page: str, step: str) -> str:
    """The version the page's 確認/退回 button carries."""
    form = page.split(f"/{step}/", 1)[1].split("</form>", 1)[0]
    return re.search(r'name="version" value="(\d+)"', form).group(1)


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_head_cannot_confirm_answers_changed_after_opening_them(world, client_of):
    a = f.assessment(world)
    _fill(world, a, "每日巡視一次")
    url = reverse("assessments:assessment_detail", args=[a.pk])
    head = client_of(world.unithead)
    opened = _step_version(head.get(url).content.decode(), "confirm")

    _fill(world, a, "改為每週巡視一次")  # the liaison changes the answers meanwhile
    r = head.post(reverse("assessments:assessment_confirm", args=[a.pk]), {"version": opened}, follow=True)
    assert "已被其他人修改或送出，尚未執行" in _messages(r)
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.DRAFT and a.confirmed_by is None

    page = r.content.decode()  # the page now shows the new answers; confirming them works
    assert "改為每週巡視一次" in page
    r = head.post(reverse("assessments:assessment_confirm", args=[a.pk]),
                  {"version": _step_version(page, "confirm")}, follow=True)
    assert "已確認並送出自評表" in _messages(r)
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.SUBMITTED and a.confirmed_by == world.unithead


def test_a_return_after_someone_else_confirmed_changes_nothing(world, client_of):
    a = f.assessment(world)
    _fill(world, a, "每日巡視一次")
    services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    url = reverse("assessments:assessment_detail", args=[a.pk])
    head = client_of(world.unithead)
    opened = _step_version(head.get(url).content.decode(), "return")

    services.assessment_confirm(actor=world.unithead, assessment=a, expected_version=a.version, note="同意")
    r = head.post(reverse("assessments:assessment_return", args=[a.pk]), {"version": opened, "note": "請補充"},
                  follow=True)
    assert "尚未執行" in _messages(r)
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.SUBMITTED and a.head_note == "同意"


def test_a_step_posted_without_a_version_is_not_carried_out(world, client_of):
    a = f.assessment(world)
    _fill(world, a, "每日巡視一次")
    r = client_of(world.liaison).post(reverse("assessments:assessment_send", args=[a.pk]), follow=True)
    assert "尚未執行" in _messages(r)
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.DRAFT


def test_retiring_an_item_revised_since_the_page_was_opened_keeps_the_revision(world, client_of):
    item = f.item(world)
    services.checklist_item_revise(actor=world.officer, item=item, expected_version=item.version,
                                   text="下班前門窗及鐵捲門均關妥上鎖。", section=item.section,
                                   answer_kind=item.answer_kind, corrective_required=item.corrective_required,
                                   order=item.order)
    # The officer's page still shows version 1, whose 停用 button posts that row.
    r = client_of(world.officer).post(reverse("assessments:checklist_item_retire", args=[item.pk]), follow=True)
    assert "已修訂為第2版，尚未停用" in _messages(r)
    current = ChecklistItem.objects.get(template=item.template, key=item.key, is_current=True)
    assert current.version == 2 and current.text == "下班前門窗及鐵捲門均關妥上鎖。"


def test_retiring_the_current_item_retires_it(world, client_of):
    item = f.item(world)
    r = client_of(world.officer).post(reverse("assessments:checklist_item_retire", args=[item.pk]), follow=True)
    assert "已停用此檢查項目" in _messages(r)
    assert not ChecklistItem.objects.filter(template=item.template, key=item.key, is_current=True).exists()
    r = client_of(world.officer).post(reverse("assessments:checklist_item_retire", args=[item.pk]), follow=True)
    assert "此檢查項目已停用" in _messages(r)
