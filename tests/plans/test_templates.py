"""Templates are rows per agency: defaults shipped, adopted and edited per agency."""

import pytest
from django.urls import reverse

from anwei.plans import selectors, services
from anwei.plans.models import Occasion, PlanTemplate
from tests.plans import factories as f
from tests.plans.conftest import sections_data

pytestmark = pytest.mark.django_db


def test_a_default_exists_for_every_occasion_with_the_seed_sections(world):
    selectors.template_for(agency=world.bureau, occasion=Occasion.OTHER)
    defaults = {t.occasion: t for t in PlanTemplate.objects.filter(agency__isnull=True)}
    assert set(defaults) == set(Occasion.values)
    headings = [s["heading"] for s in defaults[Occasion.LUNAR_NEW_YEAR].sections]
    assert headings == ["依據", "目的", "任務", "專案工作期間", "權責分工", "工作重點", "狀況通報", "附則"]
    focus = {t: next(s["body"] for s in d.sections if s["key"] == "focus") for t, d in defaults.items()}
    assert "選務安全" in focus[Occasion.ELECTION]
    assert "選務安全" not in focus[Occasion.LUNAR_NEW_YEAR]
    assert all("公務機密維護" in body and "資通安全" in body for body in focus.values())


def test_adopted_template_is_used_for_new_plans(world, client):
    default = selectors.template_for(agency=world.bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    client.force_login(world.officer)
    response = client.post(reverse("plans:template_adopt", args=[default.pk]))
    own = PlanTemplate.objects.get(agency=world.bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    assert response.url == reverse("plans:template_edit", args=[own.pk])
    data = {"version": own.version, "name": "本局春節範本", "title_pattern": "{agency}{year}年春節安全維護計畫",
            "lead_days": 2, "result_workdays": 3}
    data.update(sections_data(own.sections))
    data["section_purpose"] = "本局自訂的目的。"
    assert client.post(reverse("plans:template_edit", args=[own.pk]), data).status_code == 302
    plan = f.plan_make(world)
    assert plan.title == "海濱市政府測試局112年春節安全維護計畫"
    assert plan.section("purpose")["body"] == "本局自訂的目的。"
    assert plan.period_start.isoformat() == "2023-01-18"  # two days before the block
    assert plan.result_workdays == 3
    # The default is untouched and another agency still gets it.
    assert selectors.template_for(agency=world.county, occasion=Occasion.LUNAR_NEW_YEAR).pk == default.pk


def test_required_template_section_left_empty_is_refused_in_chinese(world, client):
    default = selectors.template_for(agency=world.bureau, occasion=Occasion.NEW_YEAR)
    own = services.template_adopt(actor=world.officer, agency=world.bureau, default=default)
    data = {"version": own.version, "name": "元旦", "title_pattern": "{agency}{year}年元旦", "lead_days": 4,
            "result_workdays": 5, **sections_data(own.sections)}
    data["section_tasks"] = "  "
    data["section_purpose"] = "我打的目的文字"
    client.force_login(world.officer)
    response = client.post(reverse("plans:template_edit", args=[own.pk]), data)
    assert response.status_code == 200
    assert "「任務」是必填章節，請填寫內容。" in response.content.decode()
    assert "我打的目的文字" in response.content.decode()


def test_the_default_template_cannot_be_edited_directly(world, client):
    default = selectors.template_for(agency=world.bureau, occasion=Occasion.NEW_YEAR)
    client.force_login(world.officer)
    assert client.get(reverse("plans:template_edit", args=[default.pk])).status_code == 404



def test_the_lead_period_may_count_working_days_and_the_form_shows_what_it_gives(world, client, settings):
    """A plan that starts 「連續假期前5個工作日」 instead of calendar days (some county education bureaus set their
    schools' 春節 period so); the form shows the period it gives for the next 春節."""
    import datetime as dt

    from anwei.core.periods import Period, PeriodUnit
    from anwei.core.workdays import workday_add
    from anwei.plans.periods import closure_block, holiday_anchor, period_propose

    settings.ANWEI_TODAY = "2026-12-03"
    default = selectors.template_for(agency=world.bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    client.force_login(world.officer)
    client.post(reverse("plans:template_adopt", args=[default.pk]))
    own = PlanTemplate.objects.get(agency=world.bureau, occasion=Occasion.LUNAR_NEW_YEAR)
    data = {"version": own.version, "name": own.name, "title_pattern": own.title_pattern, "lead_days": 5,
            "lead_unit": "workdays", "result_workdays": 5}
    data.update(sections_data(own.sections))
    assert client.post(reverse("plans:template_edit", args=[own.pk]), data).status_code == 302
    own.refresh_from_db()
    assert own.lead_period == Period(5, PeriodUnit.WORKDAYS)
    first, _ = closure_block(holiday_anchor(Occasion.LUNAR_NEW_YEAR, 2027))
    start, _ = period_propose(occasion=Occasion.LUNAR_NEW_YEAR, roc_year=116, lead=own.lead_period, agency=world.bureau)
    assert start == workday_add(first, -5) != first - dt.timedelta(days=5)
    page = client.get(reverse("plans:template_edit", args=[own.pk])).content.decode()
    assert "以115年春節為例" in page or "以116年春節為例" in page
