"""A request filed from a unit with no head (綜合企劃科 in the demo) no longer waits at 「單位主管」 forever:
the vacancy rule gives that step to the next step's holder (the ethics unit), the record says so, the
vacancy is flagged on the officer's home page, and the request moves on to the end of the chain."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from anwei.footage.models import FootageRequest
from anwei.orgs.models import Person
from tests.footage import factories as f


@pytest.mark.django_db
def test_the_demo_request_from_a_unit_with_no_head_moves(client):
    call_command("demo")
    staff, officer, head = (Person.objects.get(username=u) for u in ("staff", "officer", "head"))
    req = FootageRequest.objects.get(filed_by=staff)
    assert (req.status, req.current_role) == ("pending", "unit_head")
    client.force_login(officer)
    home = client.get(reverse("home")).content.decode()
    assert "職務出缺" in home and "綜合企劃科單位主管出缺" in home and req.number_label in home
    page = client.get(reverse("footage:request_detail", args=[req.pk])).content.decode()
    assert 'name="action"' in page  # the approval form is offered
    for person, label in ((officer, "單位主管"), (officer, "會辦政風室"), (head, "機關首長")):
        client.force_login(person)
        req.refresh_from_db()
        r = client.post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve", "version": req.version})
        assert r.status_code == 302, label
    req.refresh_from_db()
    assert req.status == "approved"
    first = req.decisions.order_by("id").first()
    assert first.step_label == "單位主管" and "綜合企劃科單位主管出缺，代為核決" in first.decided_by_label
    client.force_login(officer)
    assert "職務出缺" not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_a_head_appointed_later_takes_the_step_back(world, fs):
    req = f.file(world)  # 綜合企劃科: no head yet
    from anwei.footage.selectors import request_may_decide

    assert request_may_decide(world.officer, req)
    planhead = f.planhead(world)
    req = FootageRequest.objects.get(pk=req.pk)
    assert request_may_decide(planhead, req) and not request_may_decide(world.officer, req)
