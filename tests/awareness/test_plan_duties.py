"""A special plan's awareness duties (seed 003 陸、三、（三）「請適時提醒員工赴陸有關之風險」) are ticked off by
recording the event for them, and the plan's pages show each such line as done or 「尚未記錄」."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anwei.awareness import selectors, services
from anwei.awareness.models import Event
from anwei.plans.models import SpecialPlan
from anwei.plans.outline import plan_lines
from tests.awareness import factories as f
from tests.plans import factories as pf

pytestmark = pytest.mark.django_db

MAINLAND = "（三）請適時提醒員工赴陸有關之風險。"


def _with_mainland_line(plan: SpecialPlan) -> SpecialPlan:
    """The default 工作重點 with seed 003's line added under 三、資通安全 (as an officer would type it)."""
    for section in plan.sections:
        if section["key"] == "focus":
            section["body"] = section["body"].replace("三、資通安全：", "三、資通安全：\n" + MAINLAND, 1)
    SpecialPlan.objects.filter(pk=plan.pk).update(sections=plan.sections)
    plan.refresh_from_db()
    return plan


def test_plan_lines_are_cited_as_people_cite_them():
    sections = [{"key": "a", "body": "一、甲"}, {"key": "b", "body": "一、安全維護：\n（一）檢查\n（二）加強宣導\n二、其他"}]
    assert [(ln.path, ln.text) for ln in plan_lines(sections)] == [
        ("壹、一、", "甲"), ("貳、一、", "安全維護："), ("貳、一、（一）", "檢查"), ("貳、一、（二）", "加強宣導"),
        ("貳、二、", "其他")]


def test_a_recipient_ticks_a_duty_off_and_both_sides_see_it(world, as_, settings):
    settings.ANWEI_TODAY = dt.date(2023, 1, 18)
    assignment = pf.city_to_bureau(world)
    plan = _with_mainland_line(assignment.letter.plan)
    duties = {d.path: d for d in selectors.plan_duties(plan)}
    mainland = next(d for d in duties.values() if d.text.startswith("請適時提醒員工赴陸"))
    assert mainland.path == "陸、三、（一）"  # typed as （三）, renumbered under 三、 like every line

    c = as_(world.officer)
    page = c.get(reverse("awareness:event_create") + f"?duty={mainland.value}").content.decode()
    assert f'value="{mainland.value}" selected' in page
    response = c.post(reverse("awareness:event_create"), {
        "title": "赴陸風險提醒", "topic": f.topic("赴陸規定").pk, "form": "email", "start_date": "112/1/18",
        "audience_count": "35", "plan_duty": mainland.value})
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.origin_id, event.origin_key) == (plan.pk, "陸、三、（一）")

    mine = c.get(reverse("plans:assignment_detail", args=[assignment.pk])).content.decode()
    row = mine.split("請適時提醒員工赴陸")[1].split("</tr>")[0]
    assert "赴陸風險提醒" in row and "35人" in row
    # another awareness line of the same plan is not done yet, and says so
    assert "尚未記錄" in mine

    theirs = as_(world.superior).get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "赴陸風險提醒" in theirs.split("請適時提醒員工赴陸")[1].split("</tr>")[0]


def test_an_agency_the_plan_was_not_sent_to_cannot_tick_it_off(world, settings):
    settings.ANWEI_TODAY = dt.date(2023, 1, 18)
    plan = pf.plan_make(world, agency=world.city, actor=world.superior)
    duty = selectors.plan_duties(plan)[0]
    assert selectors.plan_duties_for(agency=world.bureau, on=dt.date(2023, 1, 18)) == []
    with pytest.raises(ValidationError) as exc:
        f.event(world, plan_duty=duty)
    assert exc.value.message_dict == {"plan_duty": ["只能選擇本機關的計畫或發給本機關的計畫。"]}
    assert not Event.objects.exists()
