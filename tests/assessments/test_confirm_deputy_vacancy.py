"""Self-assessment confirmation: the unit head's deputy confirms (recorded as 代理); a unit with no head
has its form confirmed by the ethics unit, which receives it."""

import pytest
from django.urls import reverse

from anwei.assessments import selectors, services
from anwei.core import clock
from anwei.orgs.services import deputy_appoint
from anwei.portal.obligations import obligations_for
from tests.assessments import factories as af


def _filled_and_sent(world, unit: str, by):
    a = af.assessment(world, unit)
    values = {r.item_id: ({"verdict": "conform"} if r.answer_kind == "verdict" else
                          {"number": 0} if r.answer_kind == "number" else {"text": "無"})
              for r in selectors.assessment_rows(a)}
    services.assessment_save(actor=by, assessment=a, expected_version=a.version, values=values)
    a.refresh_from_db()
    services.assessment_send(actor=by, assessment=a, expected_version=a.version)
    a.refresh_from_db()
    return a


@pytest.mark.django_db
def test_deputy_confirms_and_the_record_names_both(world, client):
    a = _filled_and_sent(world, "秘書室", world.liaison)
    today = clock.today()
    deputy_appoint(actor=world.unithead, person=world.unithead, deputy=world.staff, starts_on=today, ends_on=today,
                   reason="休假")
    assert any(o.category == "自評表" and o.acting_for == "科員測主管" for o in obligations_for(world.staff))
    client.force_login(world.staff)
    r = client.post(reverse("assessments:assessment_confirm", args=[a.pk]), {"version": a.version})
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.status == "submitted" and a.confirmed_by_label == "科員測同仁（代理 科員測主管）"
    assert "代理 科員測主管" in client.get(reverse("assessments:assessment_detail", args=[a.pk])).content.decode()


@pytest.mark.django_db
def test_a_unit_with_no_head_is_confirmed_by_the_ethics_unit(world, client):
    a = _filled_and_sent(world, "綜合企劃科", world.officer)  # nobody's liaison there: the officer fills in
    [item] = [o for o in obligations_for(world.officer) if o.category == "自評表"]
    assert item.vacancy == "綜合企劃科單位主管出缺"
    client.force_login(world.officer)
    r = client.post(reverse("assessments:assessment_confirm", args=[a.pk]), {"version": a.version})
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.status == "submitted" and "綜合企劃科單位主管出缺，代為確認" in a.confirmed_by_label
