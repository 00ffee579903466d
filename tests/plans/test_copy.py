"""Last year's plan for the same occasion, copied with its dates moved."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.plans.models import SpecialPlan
from anwei.plans.services import PlanChildren, plan_update
from anwei.plans.selectors import plan_previous

pytestmark = pytest.mark.django_db


def test_copy_moves_the_period_to_next_years_holiday_and_keeps_texts(world, client, plan):
    plan_update(actor=world.officer, plan=plan, expected_version=plan.version, title=plan.title, election_name="",
                period_start=plan.period_start, period_end=plan.period_end, sections=[{**s, "body": "沿用的目的"} if s["key"] == "purpose" else s for s in plan.sections],
                result_workdays=5, children=PlanChildren(
                    references=[{"issuer": "某縣政府", "date": dt.date(2023, 1, 12), "number": "府政字第1號",
                                 "kind": "函"}],
                    duties=[{"party": "秘書室", "duties": "門禁"}],
                    contacts=[{"name": "林測試", "role": "主任", "office_phone": "1", "mobile": "", "fax": ""}]))
    client.force_login(world.officer)
    response = client.post(reverse("plans:plan_copy", args=[plan.pk]), {"confirmed": "1"})
    new = SpecialPlan.objects.exclude(pk=plan.pk).get()
    assert response.url == reverse("plans:plan_edit", args=[new.pk])
    assert new.year == 113 and "113年" in new.title and "112年" not in new.title
    assert (new.period_start, new.period_end) == (dt.date(2024, 2, 4), dt.date(2024, 2, 15))
    assert new.section("purpose")["body"] == "沿用的目的"
    assert [d.party for d in new.duties.all()] == ["秘書室"]
    assert [c.name for c in new.contacts.all()] == ["林測試"]
    assert not new.references.exists()  # last year's letters are not this year's basis
    assert plan_previous(plan=new) == plan


def test_a_draft_can_be_deleted_a_dispatched_plan_cannot(world, client, plan):
    from tests.plans import factories as f

    client.force_login(world.officer)
    client.post(reverse("plans:plan_delete", args=[plan.pk]), {"confirmed": "1"})
    assert not SpecialPlan.objects.filter(pk=plan.pk).exists()
    sent = f.dispatched_to_units(world).plan
    response = client.post(reverse("plans:plan_delete", args=[sent.pk]), {"confirmed": "1"}, follow=True)
    assert "此計畫已發文，不能刪除。" in response.content.decode()
    assert SpecialPlan.objects.filter(pk=sent.pk).exists()
