"""職務代理人: a person names a deputy for a span of days; their tasks and approval steps go to the deputy,
and what the deputy does is recorded as 代理 with both names."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anwei.notifications import tasks
from anwei.notifications.models import Notification
from anwei.orgs.services import deputy_appoint, deputy_cancel
from anwei.portal.obligations import obligations_for
from tests.footage import factories as f
from tests.notifications.conftest import progress_round

MON = dt.date(2024, 2, 19)


def appoint(person, deputy, start=MON, days=4, reason="休假"):
    return deputy_appoint(actor=person, person=person, deputy=deputy, starts_on=start,
                          ends_on=start + dt.timedelta(days=days), reason=reason)


@pytest.mark.django_db
def test_the_deputy_is_told_and_sees_the_task_marked_with_the_absent_persons_name(world, today, client):
    progress_round(world, dt.date(2024, 2, 21))
    today(MON)
    appoint(world.liaison, world.staff)
    tasks.reminders_now()
    [n] = Notification.objects.filter(person=world.staff)
    assert n.acting_for == "科員測承辦" and n.stage == "before"
    assert not Notification.objects.filter(person=world.liaison).exists()  # away: it went to the deputy
    [item] = [o for o in obligations_for(world.staff) if o.category == "列管事項"]
    assert item.acting_for == "科員測承辦"
    client.force_login(world.staff)
    assert "代理 科員測承辦" in client.get(reverse("home")).content.decode()
    assert client.get(reverse("tracking:my_items")).status_code == 200  # and may do it


@pytest.mark.django_db
def test_outside_the_span_the_deputy_has_nothing(world, today):
    progress_round(world, dt.date(2024, 2, 21))
    today(MON)
    appoint(world.liaison, world.staff, start=MON + dt.timedelta(days=7))
    assert not [o for o in obligations_for(world.staff) if o.category == "列管事項"]
    today(MON + dt.timedelta(days=7))
    assert [o for o in obligations_for(world.staff) if o.category == "列管事項"]


@pytest.mark.django_db
def test_a_cancelled_arrangement_ends_at_once(world, today):
    progress_round(world, dt.date(2024, 2, 21))
    today(MON)
    row = appoint(world.liaison, world.staff)
    deputy_cancel(actor=world.liaison, row=row)
    assert not [o for o in obligations_for(world.staff) if o.category == "列管事項"]


@pytest.mark.django_db
@pytest.mark.parametrize("change, field, message", [
    (dict(deputy="self"), "deputy", "不能指定自己"),
    (dict(deputy="other_officer"), "deputy", "本機關在職同仁"),
    (dict(start=MON - dt.timedelta(days=1)), "starts_on", "不能早於今天"),
    (dict(days=-1), "ends_on", "不能早於起日"),
    (dict(days=400), "ends_on", "最長一年"),
    (dict(reason=" "), "reason", "請填寫事由"),
])
def test_refusals_name_the_field_in_chinese(world, today, change, field, message):
    today(MON)
    who = {"self": world.liaison, "other_officer": world.other_officer}.get(change.pop("deputy", ""), world.staff)
    with pytest.raises(ValidationError) as exc:
        appoint(world.liaison, who, **change)
    assert message in exc.value.message_dict[field][0]


@pytest.mark.django_db
def test_overlapping_spans_are_refused(world, today):
    today(MON)
    appoint(world.liaison, world.staff)
    with pytest.raises(ValidationError) as exc:
        appoint(world.liaison, world.unithead, start=MON + dt.timedelta(days=2))
    assert "此期間已指定代理人" in exc.value.message_dict["starts_on"][0]


@pytest.mark.django_db
def test_a_deputy_decides_the_absent_heads_footage_step_recorded_as_daili(world, today, client):
    planhead = f.planhead(world)
    req = f.file(world)
    today(MON)
    appoint(planhead, world.officer)
    client.force_login(world.officer)
    page = client.get(reverse("home")).content.decode()
    assert req.number_label in page and "代理 科長測科長" in page
    r = client.post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve", "version": req.version})
    assert r.status_code == 302
    d = req.decisions.get()
    assert d.step_label == "單位主管" and d.decided_by_label == "科員測政風（代理 科長測科長）"
