"""Checklists are rules as data: defaults per agency, editable, and revisions never touch given answers."""

import pytest
from django.urls import reverse

from anwei.assessments import selectors, services
from anwei.assessments.models import Answer, ChecklistItem, ChecklistTemplate
from tests.assessments import factories as f

pytestmark = pytest.mark.django_db


def test_defaults_give_the_three_checklists_with_seed_work_points(world):
    templates = f.checklists(world)
    assert [t.name for t in templates] == ["機關安全維護自評表", "公務機密維護自評表", "資通安全自評表"]
    texts = " ".join(ChecklistItem.objects.filter(template__agency=world.bureau).values_list("text", flat=True))
    for point in ["門窗", "電器", "隨身碟", "監視", "消防", "密碼", "防毒"]:
        assert point in texts
    # Installing again adds nothing; another agency gets its own copy.
    assert services.checklist_defaults_install(actor=world.officer, agency=world.bureau) == []
    services.checklist_defaults_install(actor=world.other_officer, agency=world.county)
    assert ChecklistTemplate.objects.filter(agency=world.county).count() == 3


def test_revising_an_item_keeps_the_answer_already_given(world):
    a = f.assessment(world)
    item = f.item(world)
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version,
                             values={item.pk: {"verdict": "conform"}})
    new = services.checklist_item_revise(actor=world.officer, item=item, expected_version=item.version,
                                         text="門窗及鐵捲門均已關妥上鎖。",
                                         section=item.section, answer_kind=item.answer_kind,
                                         corrective_required=True, order=item.order)
    assert new.version == 2 and new.key == item.key
    answer = Answer.objects.get(assessment=a, item=item)
    assert answer.item_text == item.text and answer.item_version == 1 and answer.verdict == "conform"
    # A unit that starts after the revision gets the new text.
    rows = selectors.assessment_rows(f.assessment(world, "綜合企劃科"))
    assert "門窗及鐵捲門均已關妥上鎖。" in [r.item_text for r in rows]
    assert item.text not in [r.item_text for r in rows]


def test_officer_edits_items_in_the_browser_form(world, as_):
    item = f.item(world)
    c = as_(world.officer)
    r = c.post(reverse("assessments:checklist_item_edit", args=[item.pk]),
               {"section": "門禁", "text": "", "answer_kind": "verdict", "order": 5})
    assert r.status_code == 200 and "請填寫檢查項目。" in r.content.decode()
    r = c.post(reverse("assessments:checklist_item_edit", args=[item.pk]),
               {"version": item.version, "section": "門禁", "text": "新版題目", "answer_kind": "verdict", "order": 5})
    assert r.status_code == 302
    # Editing the retired version again is a conflict, not a silent second revision.
    r = c.post(reverse("assessments:checklist_item_edit", args=[item.pk]),
               {"version": item.version, "section": "門禁", "text": "又一版", "answer_kind": "verdict", "order": 5})
    assert "已被其他人修改" in r.content.decode()
    assert ChecklistItem.objects.filter(template=item.template, key=item.key).count() == 2


def test_other_agency_cannot_see_the_bureau_checklist(world, as_):
    r = as_(world.other_officer).get(reverse("assessments:checklist_detail", args=[f.checklist(world).pk]))
    assert r.status_code == 404
    r = as_(world.other_officer).get(reverse("assessments:checklist_list"))
    assert "機關安全維護自評表" not in r.content.decode()
