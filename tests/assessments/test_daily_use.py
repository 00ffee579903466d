"""Self-assessment in daily use (#22 point 7): an incomplete form is refused naming each missing item, each
checklist of a form is numbered from 1, and a 不符合 answer becomes a tracked deficiency (自評缺失)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.assessments import selectors, services
from anwei.tracking.models import TrackedItem
from tests.assessments import factories as f

pytestmark = pytest.mark.django_db


def test_an_incomplete_form_names_what_is_missing(world):
    a = f.assessment(world)
    rows = selectors.assessment_rows(a)
    second = [r for r in rows if r.template_name == rows[-1].template_name]
    values = {r.item_id: {"verdict": "conform", "number": 0, "text": "無"} for r in rows}
    values[second[1].item_id] = {}  # the second question of the last checklist left empty
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version, values=values)
    with pytest.raises(ValidationError) as exc:
        services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    message = exc.value.messages[0]
    assert message.startswith("尚有 1 個項目未完成：") and f"{second[1].template_name}第2項" in message
    assert second[1].item_text[:10] in message


def test_each_checklist_is_numbered_from_one(world, as_):
    a = f.assessment(world)
    rows = selectors.assessment_rows(a)
    names = list(dict.fromkeys(r.template_name for r in rows))
    assert len(names) >= 2
    for name in names:
        assert [r.seq for r in rows if r.template_name == name][:2] == [1, 2]
    page = as_(world.liaison).get(reverse("assessments:assessment_detail", args=[a.pk])).content.decode()
    second_start = page.index(f"<th colspan=\"4\">{names[1]}</th>")
    assert "<td>1. " in page[second_start:second_start + 800]


def test_a_nonconformity_becomes_a_tracked_deficiency(world, as_):
    answer = f.nonconform_answer(world)
    officer = as_(world.officer)
    page = officer.get(reverse("assessments:round_nonconformities", args=[answer.assessment.round_id])).content.decode()
    url = reverse("assessments:answer_track", args=[answer.pk])
    assert url in page
    form = officer.get(url).content.decode()
    assert "自評「" in form and "加裝鎖具" in form
    r = officer.post(url, {"text": "人事室檔案櫃未上鎖，請加裝鎖具。", "lead_unit": world.units["人事室"].pk,
                           "due_date": ""})
    assert r.status_code == 400 and "請填寫改善期限。" in r.content.decode()
    due = timezone.localdate() + dt.timedelta(days=14)
    r = officer.post(url, {"text": "人事室檔案櫃未上鎖，請加裝鎖具。", "lead_unit": world.units["人事室"].pk,
                           "due_date": due.isoformat()})
    item = TrackedItem.objects.get(source_kind=TrackedItem.Source.SELF_ASSESSMENT)
    assert r.status_code == 302 and r.url == reverse("tracking:item_detail", args=[item.pk])
    assert item.source == answer and item.lead_unit == world.units["人事室"] and item.due_date == due
    assert item.origin_label == "春節期間自評自評缺失" and item.rounds.filter(closed_at__isnull=True).exists()
    detail = officer.get(reverse("tracking:item_detail", args=[item.pk])).content.decode()
    assert reverse("assessments:assessment_detail", args=[answer.assessment_id]) in detail  # the source links back
    page = officer.get(reverse("assessments:assessment_detail", args=[answer.assessment_id])).content.decode()
    assert f"已列管：{item}" in page and url not in page
    answer.refresh_from_db()
    with pytest.raises(ValidationError):  # once only
        services.answer_track(actor=world.officer, answer=answer, text="再一次", lead_unit=world.units["人事室"],
                              due_date=due)


def test_only_a_submitted_form_can_be_tracked(world):
    answer = f.nonconform_answer(world)
    answer.assessment.status = "draft"
    answer.assessment.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="自評表送出後"):
        services.answer_track(actor=world.officer, answer=answer, text="未送出", lead_unit=world.units["人事室"],
                              due_date=timezone.localdate())
