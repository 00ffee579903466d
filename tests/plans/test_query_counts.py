"""Lists make the same number of queries however many rows there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anwei.plans.obligations import plan_owed as plan_inbox
from anwei.plans.models import Letter
from tests.cold import cold
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


def _count(client, url):
    cold()  # each count is a first request: roles and page gathered afresh
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _dispatch_more(world, years):
    for year in years:
        plan = f.plan_make(world, year=year)
        letter = f.letter_make(world, plan, main=f.choice(units=[world.units["秘書室"]]))
        f.services.letter_dispatch(actor=world.officer, letter=letter)


def test_plan_and_assignment_lists_and_inbox_do_not_grow(world, client):
    f.pattern_for(world.bureau)
    _dispatch_more(world, [101])
    f.plan_make(world, year=100)  # one without a letter
    client.force_login(world.officer)
    plans_small = _count(client, reverse("plans:plan_list"))
    client.force_login(world.liaison)
    assignments_small = _count(client, reverse("plans:assignment_list"))
    _dispatch_more(world, range(102, 112))
    client.force_login(world.officer)
    assert _count(client, reverse("plans:plan_list")) == plans_small
    client.force_login(world.liaison)
    assert _count(client, reverse("plans:assignment_list")) == assignments_small
    with CaptureQueriesContext(connection) as ctx:
        items = plan_inbox(world.liaison)
    assert len(items) == 11 and len(ctx.captured_queries) <= 2  # the grants, then one query


def test_concurrent_letter_edits_are_refused(world, client, plan):
    letter = f.letter_make(world, plan, main=f.choice(units=[world.units["秘書室"]]))
    client.force_login(world.officer)
    data = {"version": letter.version, "subject": "第一位的主旨", "explanation": "一、說明", "speed": "普通件",
            "due": "112/2/6", "main_units": [world.units["秘書室"].pk]}
    assert client.post(reverse("plans:letter_edit", args=[plan.pk]), data).status_code == 302
    response = client.post(reverse("plans:letter_edit", args=[plan.pk]), {**data, "subject": "第二位的主旨"})
    assert response.status_code == 409
    assert "第一位的主旨" in response.content.decode() and "第二位的主旨" in response.content.decode()
    assert Letter.objects.get(pk=letter.pk).subject == "第一位的主旨"
