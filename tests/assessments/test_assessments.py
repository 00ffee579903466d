"""A round: each unit fills its own form, its head confirms, it is submitted; the officer sees completion."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.assessments import selectors, services
from anwei.assessments.models import SelfAssessment
from tests.assessments import factories as f

pytestmark = pytest.mark.django_db


def _answers(a, nonconform_item=None, corrective=""):
    rows = selectors.assessment_rows(a)
    values = {}
    for r in rows:
        if r.answer_kind == "verdict":
            values[r.item_id] = {"verdict": "conform"}
        elif r.answer_kind == "number":
            values[r.item_id] = {"number": 0}
        else:
            values[r.item_id] = {"text": "無"}
    if nonconform_item:
        values[nonconform_item] = {"verdict": "nonconform", "note": "檔案室窗戶未關", "corrective_action": corrective}
    return values


def test_fill_confirm_submit(world):
    a = f.assessment(world)
    item = f.item(world)
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version,
                             values=_answers(a, item.pk))
    with pytest.raises(ValidationError):  # 不符合 without a corrective action
        services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    a.refresh_from_db()
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version,
                             values=_answers(a, item.pk, corrective="已請同仁下班前巡視"))
    services.assessment_send(actor=world.liaison, assessment=a, expected_version=a.version)
    assert a.status == SelfAssessment.Status.AWAITING_HEAD
    services.assessment_confirm(actor=world.unithead, assessment=a, expected_version=a.version, note="同意")
    a.refresh_from_db()
    assert a.status == SelfAssessment.Status.SUBMITTED and a.confirmed_by == world.unithead
    with pytest.raises(ValidationError):
        services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version, values={})


def test_units_see_only_their_own_answers(world, as_):
    mine, theirs = f.assessment(world), f.assessment(world, "綜合企劃科")
    c = as_(world.liaison)
    assert c.get(reverse("assessments:assessment_detail", args=[mine.pk])).status_code == 200
    assert c.get(reverse("assessments:assessment_detail", args=[theirs.pk])).status_code == 404
    page = c.get(reverse("assessments:round_list")).content.decode()
    assert "秘書室" in page and "綜合企劃科" not in page


def test_officer_sees_completion_and_every_nonconformity(world, as_):
    a = f.assessment(world)
    item = f.item(world)
    services.assessment_save(actor=world.liaison, assessment=a, expected_version=a.version,
                             values=_answers(a, item.pk, corrective="加強宣導"))
    services.assessment_confirm(actor=world.unithead, assessment=a, expected_version=a.version)
    c = as_(world.officer)
    page = c.get(reverse("assessments:round_detail", args=[a.round_id])).content.decode()
    assert "已送出 <strong>1</strong> 份（50%）" in page
    page = c.get(reverse("assessments:round_nonconformities", args=[a.round_id])).content.decode()
    assert "檔案室窗戶未關" in page and "加強宣導" in page


def test_liaison_fills_through_the_form_and_a_bad_number_keeps_the_rest(world, as_):
    a = f.assessment(world)
    rows = selectors.assessment_rows(a)
    number_row = next(r for r in rows if r.answer_kind == "number")
    data = {"version": a.version}
    for r in rows:
        if r.answer_kind == "verdict":
            data[f"v_{r.item_id}"] = "conform"
    data[f"n_{number_row.item_id}"] = "兩件"
    data[f"note_{rows[0].item_id}"] = "巡視三次"
    c = as_(world.liaison)
    r = c.post(reverse("assessments:assessment_detail", args=[a.pk]), data)
    body = r.content.decode()
    assert r.status_code == 200 and "請填寫數字。" in body and 'value="巡視三次"' in body
    data[f"n_{number_row.item_id}"] = "0"
    r = c.post(reverse("assessments:assessment_detail", args=[a.pk]), data)
    assert r.status_code == 302
    # Somebody else saved in between: the stale form is refused, typed values shown again.
    r = c.post(reverse("assessments:assessment_detail", args=[a.pk]), data)
    assert "已被其他人修改" in r.content.decode() and 'value="巡視三次"' in r.content.decode()


def test_superior_sees_subtree_rounds_and_other_trees_nothing(world, as_):
    templates = services.checklist_defaults_install(actor=world.superior, agency=world.city)
    rnd = services.round_create(actor=world.superior, agency=world.city, title="市府所屬機關自評",
                                deadline=timezone.localdate() + dt.timedelta(days=5), templates=templates,
                                agencies=[world.bureau])
    sub = rnd.assessments.get()
    assert sub.agency == world.bureau and sub.unit is None
    # The bureau's ethics officer fills for the bureau; its head confirms.
    assert as_(world.officer).get(reverse("assessments:assessment_detail", args=[sub.pk])).status_code == 200
    assert as_(world.superior).get(reverse("assessments:round_detail", args=[rnd.pk])).status_code == 200
    bureau_round = f.round_(world)
    assert as_(world.superior).get(reverse("assessments:round_detail", args=[bureau_round.pk])).status_code == 200
    assert as_(world.other_officer).get(reverse("assessments:round_detail", args=[rnd.pk])).status_code == 404
    with pytest.raises(ValidationError):  # another tree is not a subordinate
        services.round_create(actor=world.superior, agency=world.city, title="x",
                              deadline=timezone.localdate(), templates=templates, agencies=[world.county])


def test_todo_reaches_the_home_page(world, as_):
    f.assessment(world)
    page = as_(world.liaison).get(reverse("home")).content.decode()
    assert "春節期間自評（秘書室）" in page
    assert "春節期間自評" not in as_(world.staff).get(reverse("home")).content.decode()


def test_reminder_reaches_units_that_have_not_submitted(world, as_):
    a = f.assessment(world)
    r = as_(world.officer).post(reverse("assessments:round_remind", args=[a.round_id]))
    assert r.status_code == 302
    page = as_(world.liaison).get(reverse("home")).content.decode()
    assert "待填寫（政風室已催報）" in page
    page = as_(world.officer).get(reverse("assessments:round_detail", args=[a.round_id])).content.decode()
    assert "已催報" in page


def test_officer_is_told_of_a_round_past_its_deadline(world):
    from anwei.assessments.obligations import assessments_owed as assessments_inbox

    rnd = f.round_(world)
    assert not [i for i in assessments_inbox(world.officer) if i.category == "自評梯次"]
    type(rnd).objects.filter(pk=rnd.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    items = [i for i in assessments_inbox(world.officer) if i.category == "自評梯次"]
    assert [i.title for i in items] == ["春節期間自評：尚有 2 份未送出"] and items[0].overdue
    assert not [i for i in assessments_inbox(world.head) if i.category == "自評梯次"]
