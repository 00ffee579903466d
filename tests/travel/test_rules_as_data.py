"""Rules are rows with start dates; a record is judged by the rule in force on its filing date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import AuditEntry
from anwei.orgs.services import person_create
from anwei.travel import services
from anwei.travel.models import RuleKind, TravelRule
from anwei.travel.selectors import NoRuleError, rule_in_force
from tests.travel.conftest import trip_input

DRAFT_START = dt.date(2025, 7, 1)


def _retiree(world):
    return services.retiree_create(actor=world.officer, agency=world.bureau, data={
        "full_name": "測退員", "former_title": "", "former_unit": "", "left_on": dt.date(2021, 1, 4),
        "control_ends_on": dt.date(2024, 1, 4), "declaration_years": 3, "contact": ""})


@pytest.fixture
def admin_client(client, world):
    admin = person_create(actor=None, username="root", password="x-very-long-password", full_name="管理者",
                          agency=world.city)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return client


def test_the_defaults_are_seeded_from_seed_000(rules):
    assert {k: r.working_days for k, r in rules.items() if not k.startswith("hkmo_")} == {
        "application_lead": 5, "return_report": 7, "retiree_lead": 2, "retiree_report": 7}
    assert any("轉機" in text for text in rules["application_lead"].declaration_list())


def test_administrator_adds_a_rule_with_a_start_date_and_it_is_audited(admin_client, rules):
    response = admin_client.post("/admin/travel/travelrule/add/", {
        "kind": RuleKind.RETIREE_LEAD, "working_days": 7, "unit": "workdays", "starts_on": DRAFT_START.isoformat(),
        "approval": "", "declarations": "本人已詳閱注意事項。", "note": "114年草案", "basis": "", "agency": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = TravelRule.objects.get(kind=RuleKind.RETIREE_LEAD, working_days=7)
    assert AuditEntry.objects.filter(action="admin.add", object_type="travel.travelrule",
                                     object_id=str(rule.pk)).exists()


def test_a_2025_draft_moves_the_retiree_lead_time_from_2_to_7(world, rules):
    TravelRule.objects.create(kind=RuleKind.RETIREE_LEAD, working_days=7, starts_on=DRAFT_START,
                              declarations=rules["retiree_lead"].declarations)
    retiree = _retiree(world)
    trip = dict(departure_on=dt.date(2025, 7, 14), return_on=dt.date(2025, 7, 18))
    before = services.retiree_declaration_record(
        actor=world.officer, retiree=retiree, received_on=dt.date(2025, 6, 30), today=dt.date(2025, 6, 30),
        trip=trip_input(rules["retiree_lead"], **trip))
    after = services.retiree_declaration_record(
        actor=world.officer, retiree=retiree, received_on=dt.date(2025, 7, 8), today=dt.date(2025, 7, 8),
        trip=trip_input(rules["retiree_lead"], **trip))
    assert before.lead_workdays == 2 and not before.late_filing
    # 7 working days before Mon 2025-07-14 is Thu 2025-07-03; received on 07-08 is late under the new rule.
    assert after.lead_workdays == 7 and after.apply_by == dt.date(2025, 7, 3) and after.late_filing


def test_a_new_application_lead_time_applies_only_from_its_start(world, rules):
    TravelRule.objects.create(kind=RuleKind.APPLICATION_LEAD, working_days=7, starts_on=DRAFT_START,
                              approval="unit_head_and_ethics", declarations=rules["application_lead"].declarations)
    kw = dict(departure_on=dt.date(2025, 7, 21), return_on=dt.date(2025, 7, 25))
    old = services.application_submit(actor=world.staff, today=dt.date(2025, 6, 30),
                                      trip=trip_input(rules["application_lead"], **kw))
    new = services.application_submit(actor=world.staff, today=dt.date(2025, 7, 1),
                                      trip=trip_input(rules["application_lead"], **kw))
    assert (old.lead_workdays, new.lead_workdays) == (5, 7)
    # Editing the rule row later does not change what was filed.
    TravelRule.objects.filter(starts_on=DRAFT_START).update(working_days=9)
    new.refresh_from_db()
    assert new.lead_workdays == 7


def test_an_agency_rule_beats_the_default_of_the_same_start(world, rules):
    TravelRule.objects.create(agency=world.bureau, kind=RuleKind.RETURN_REPORT, working_days=5,
                              starts_on=rules["return_report"].starts_on)
    assert rule_in_force(agency=world.bureau, kind=RuleKind.RETURN_REPORT, on=dt.date(2024, 1, 1)).working_days == 5
    assert rule_in_force(agency=world.county, kind=RuleKind.RETURN_REPORT, on=dt.date(2024, 1, 1)).working_days == 7


def test_no_rule_in_force_is_a_clear_error(world, rules):
    with pytest.raises(NoRuleError) as exc:
        rule_in_force(agency=world.bureau, kind=RuleKind.APPLICATION_LEAD, on=dt.date(2010, 1, 1))
    assert "赴陸申請" in str(exc.value)


def test_declarations_are_the_rules_texts(world, rules):
    trip = trip_input(rules["application_lead"], departure_on=dt.date(2024, 3, 18), return_on=dt.date(2024, 3, 20))
    partial = trip.__class__(**{**trip.__dict__, "declarations_accepted": trip.declarations_accepted[:1]})
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=world.staff, trip=partial, today=dt.date(2024, 3, 4))
    assert "declarations" in exc.value.error_dict


def test_the_list_page_states_the_rules_in_force(client, world, rules):
    TravelRule.objects.create(kind=RuleKind.RETIREE_LEAD, working_days=7, starts_on=DRAFT_START)
    client.force_login(world.staff)
    page = client.get("/travel/").content.decode()
    assert "赴陸申請（出發前工作日數）：5 個工作日" in page
    assert "涉密退離職人員入境前申報（工作日數）：7 個工作日" in page  # the 2025 row, in force today
