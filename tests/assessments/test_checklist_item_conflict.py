"""Two officers revising the same checklist item: the second sees the first's revision, keeps their own
text, and saving again makes a further version; no version is lost."""

import pytest
from django.urls import reverse

from anwei.assessments.models import ChecklistItem
from tests.assessments import factories as f
from tests.conflicts import conflict_notice, form_version, second_officer

pytestmark = pytest.mark.django_db


def _data(version: int, text: str) -> dict:
    return {"version": version, "section": "門禁管制", "text": text, "answer_kind": "verdict",
            "corrective_required": "on", "order": 10}


def test_a_stale_revision_shows_the_others_text_and_saving_again_makes_the_next_version(world, client_of):
    item = f.item(world)
    url = reverse("assessments:checklist_item_edit", args=[item.pk])
    first, second = client_of(world.officer), client_of(second_officer(world))
    opened = form_version(second.get(url).content.decode())
    assert first.post(url, _data(form_version(first.get(url).content.decode()),
                                 "下班前門窗及鐵捲門均關妥上鎖。")).status_code == 302

    r = second.post(url, _data(opened, "下班前門窗均已上鎖並巡視。"))
    page = r.content.decode()
    assert r.status_code == 409
    assert "下班前門窗及鐵捲門均關妥上鎖。" in conflict_notice(page)
    assert "下班前門窗均已上鎖並巡視。" in page and "目前為第2版" in page
    versions = ChecklistItem.objects.filter(template=item.template, key=item.key)
    assert versions.count() == 2 and versions.get(is_current=True).text == "下班前門窗及鐵捲門均關妥上鎖。"

    r = second.post(url, _data(form_version(page), "下班前門窗均已上鎖並巡視。"))
    assert r.status_code == 302
    assert [(i.version, i.text, i.is_current) for i in versions.order_by("version")] == [
        (1, item.text, False), (2, "下班前門窗及鐵捲門均關妥上鎖。", False), (3, "下班前門窗均已上鎖並巡視。", True)]


def test_a_retired_item_cannot_be_revised_and_the_typed_text_stays(world, client_of):
    item = f.item(world)
    url = reverse("assessments:checklist_item_edit", args=[item.pk])
    c = client_of(world.officer)
    opened = form_version(c.get(url).content.decode())
    c.post(reverse("assessments:checklist_item_retire", args=[item.pk]))
    r = c.post(url, _data(opened, "門窗上鎖情形"))
    page = r.content.decode()
    assert "此檢查項目已停用，不能再修訂。" in page and "門窗上鎖情形" in page
    assert not ChecklistItem.objects.filter(template=item.template, key=item.key, is_current=True).exists()
