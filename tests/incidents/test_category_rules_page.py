"""How each category's incidents are handled (保密處理, whether the superior ethics office reads them, the levels to
judge), edited where the work is: on the incidents rules page the agency's ethics officer sees the category rule in
force on any date and adds the agency's own row from a start date; incidents keep the rule of their discovery day; a
superior office's row is the default of its subtree and may be fixed for it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import AuditEntry
from anwei.incidents import services
from anwei.incidents.models import CategoryRule
from anwei.incidents.selectors import category_rule_in_force
from tests.incidents.factories import at, report

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)
START = dt.date(2027, 1, 4)
URL = "/incidents/rules/categories/"


@pytest.fixture(autouse=True)
def _setup(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()
    services.incident_rules_seed_defaults()


def _input(**kw):
    values = dict(category="protest", starts_on=START, restricted=True, superior_sees=True)
    values.update(kw)
    return services.CategoryRuleInput(**values)


def _post(**kw):
    data = {"cat-category": "protest", "cat-starts_on": "116/1/4", "cat-restricted": "on",
            "cat-superior_sees": "on", "cat-basis": "本局陳情抗議事件處理要點"}
    data.update({f"cat-{k}": v for k, v in kw.items()})
    return {k: v for k, v in data.items() if v is not None}


def test_the_officer_adds_a_category_rule_and_incidents_follow_it_by_discovery_date(world, as_):
    client = as_(world.officer)
    page = client.get("/incidents/rules/").content.decode()
    assert 'id="new-category-rule"' in page and "陳情抗議" in page and "全國預設" in page
    r = client.post(URL, _post())
    assert r.status_code == 302
    rule = CategoryRule.objects.get(agency=world.bureau)
    assert rule.restricted and rule.created_by == world.officer and rule.starts_on == START
    assert AuditEntry.objects.filter(action="incidents.category_rule_create", object_id=str(rule.pk)).exists()
    def protest_row(query=""):
        page = client.get(f"/incidents/rules/{query}").content.decode()
        return page.split('id="categories"')[1].split("陳情抗議")[1].split("</tr>")[0]

    assert "一般處理" in protest_row() and "全國預設" in protest_row()
    assert "保密處理" in protest_row("?on=116/1/4") and world.bureau.name in protest_row("?on=116/1/4")
    before = report(world, "protest", discovered=at(dt.date(2027, 1, 1), 10, 0))
    after = report(world, "protest", discovered=at(START, 10, 0))
    assert not before.restricted and after.restricted and after.category_rule == rule


def test_the_form_starts_from_the_rule_in_force_for_the_chosen_category(world, as_):
    form = as_(world.officer).get(f"{URL}?category=infosec").context["category_form"]
    assert form.initial["needs_level"] and "第四級" in form.initial["levels"]


def test_bad_input_is_refused_next_to_each_field_in_chinese(world, as_):
    client = as_(world.officer)
    cases = [
        (_post(category="nothing"), "category", "請選擇類別。"),
        (_post(starts_on="115/12/1"), "starts_on", "不溯及既往"),
        (_post(starts_on=""), "starts_on", "請填寫日期。"),
        (_post(needs_level="on", levels=" \n "), "levels", "須判定等級時，請列出等級（一行一級）。"),
        (_post(needs_level="on", levels="甲級\n甲級"), "levels", "等級不要重複。"),
        (_post(needs_level="on", levels="級" * 201), "levels", "每一等級請在200字以內。"),
        (_post(examples="例" * 201), "examples", "範圍請在200字以內。"),
        (_post(basis="依" * 301), "basis", "依據請在300字以內。"),
    ]
    for data, field, message in cases:
        r = client.post(URL, data)
        assert r.status_code == 400, message
        assert any(message in e for e in r.context["category_form"].errors[field]), (field, message)
        assert message in r.content.decode()
    assert not CategoryRule.objects.filter(agency__isnull=False).exists()


def test_a_superiors_row_is_the_default_of_its_subtree_only(world):
    services.category_rule_create(actor=world.superior, agency=world.city, data=_input(), today=TODAY)
    assert category_rule_in_force(agency=world.bureau, category="protest", on=START).restricted
    assert not category_rule_in_force(agency=world.bureau, category="protest", on=TODAY).restricted
    assert not category_rule_in_force(agency=world.county, category="protest", on=START).restricted
    # Not fixed: the bureau may set its own from a later date, which wins for the bureau.
    services.category_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                  data=_input(restricted=False, starts_on=dt.date(2027, 2, 1)))
    assert not category_rule_in_force(agency=world.bureau, category="protest", on=dt.date(2027, 2, 1)).restricted


def test_a_subordinate_cannot_override_what_its_superior_fixed(world, as_):
    services.category_rule_create(actor=world.superior, agency=world.city, data=_input(fixed=True), today=TODAY)
    with pytest.raises(ValidationError) as exc:
        services.category_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                      data=_input(restricted=False, starts_on=dt.date(2027, 3, 1)))
    assert "不開放所屬機關另訂" in str(exc.value.error_dict["category"])
    page = as_(world.officer).get("/incidents/rules/").content.decode()
    assert "海濱市政府）訂定之「陳情抗議」類別規定（116年1月4日起）不開放所屬機關另訂" in page
    services.category_rule_create(actor=world.officer, agency=world.bureau, today=TODAY,
                                  data=_input(category="disaster"))  # another category stays open


def test_only_the_agencys_own_ethics_officer_sets_its_category_rules(world):
    for actor in (world.staff, world.liaison, world.head, world.superior, world.other_officer):
        with pytest.raises(ValidationError):
            services.category_rule_create(actor=actor, agency=world.bureau, data=_input(), today=TODAY)
