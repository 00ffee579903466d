"""Two people of a unit filling the same self-assessment: the second sees what the first saved, keeps
their own answers, and saving again works (the form is re-armed, not stuck in a conflict)."""

import pytest
from django.urls import reverse

from anwei.assessments import selectors
from anwei.assessments.models import Answer
from tests.assessments import factories as f
from tests.conflicts import conflict_notice, form_version

pytestmark = pytest.mark.django_db


def _answers(rows, note: str) -> dict:
    data = {}
    for r in rows:
        if r.answer_kind == "verdict":
            data[f"v_{r.item_id}"] = "conform"
        elif r.answer_kind == "number":
            data[f"n_{r.item_id}"] = "0"
    data[f"note_{rows[0].item_id}"] = note
    return data


def test_a_stale_assessment_save_shows_the_others_answers_and_saving_again_works(world, client_of):
    a = f.assessment(world)
    rows = selectors.assessment_rows(a)
    url = reverse("assessments:assessment_detail", args=[a.pk])
    first, second = client_of(world.liaison), client_of(world.unithead)
    opened = form_version(second.get(url).content.decode())
    r = first.post(url, {"version": form_version(first.get(url).content.decode()),
                         **_answers(rows, "每日下班巡視門窗兩次")})
    assert r.status_code == 302

    r = second.post(url, {"version": opened, **_answers(rows, "每週抽查門窗一次")})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in conflict_notice(page)
    assert "對方儲存" in page and "每日下班巡視門窗兩次" in page and 'value="每週抽查門窗一次"' in page
    assert Answer.objects.get(assessment=a, item=rows[0].item).note == "每日下班巡視門窗兩次"

    r = second.post(url, {"version": form_version(page), **_answers(rows, "每週抽查門窗一次")})
    assert r.status_code == 302
    assert Answer.objects.get(assessment=a, item=rows[0].item).note == "每週抽查門窗一次"
