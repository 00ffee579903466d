"""Editing a plan: structured 依據, duty table, contacts, bad input and concurrent edits."""

import pytest
from django.urls import reverse

from anwei.plans.models import PlanContact, SpecialPlan
from tests.plans.conftest import edit_data

pytestmark = pytest.mark.django_db


def _post(client, plan, **overrides):
    return client.post(reverse("plans:plan_edit", args=[plan.pk]), edit_data(plan, **overrides))


def test_officer_saves_references_duties_and_contacts(world, client, plan):
    client.force_login(world.officer)
    response = _post(client, plan, **{
        "ref-0-issuer": "法務部廉政署", "ref-0-date": "108/10/14", "ref-0-number": "廉政字第10807018360號",
        "ref-0-kind": "書函", "duty-0-party": "秘書室", "duty-0-duties": "1、門禁管理\n2、監視系統",
        "contact-0-name": "林測試", "contact-0-role": "政風室主任", "contact-0-office_phone": "(07)555-0301",
        "contact-0-mobile": "0900-000-001"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.references.get().citation() == "法務部廉政署108年10月14日廉政字第10807018360號書函"
    assert plan.duties.get().party == "秘書室"
    assert PlanContact.objects.get(plan=plan).mobile == "0900-000-001"
    assert plan.version == 2


def test_period_ending_before_it_starts_is_refused_and_text_kept(world, client, plan):
    client.force_login(world.officer)
    response = _post(client, plan, period_start="112/1/30", period_end="112/1/16", section_purpose="新打的目的")
    body = response.content.decode()
    assert response.status_code == 200
    assert "工作期間迄日不能早於起日。" in body
    assert "新打的目的" in body
    plan.refresh_from_db()
    assert plan.section("purpose")["body"] != "新打的目的"


def test_required_section_left_empty_gets_a_message_next_to_it(world, client, plan):
    client.force_login(world.officer)
    response = _post(client, plan, section_focus="")
    assert "「工作重點」是必填章節，請填寫內容。" in response.content.decode()


def test_half_filled_reference_is_refused(world, client, plan):
    client.force_login(world.officer)
    response = _post(client, plan, **{"ref-0-issuer": "法務部廉政署", "ref-0-date": "108/13/40"})
    body = response.content.decode()
    assert "日期「108/13/40」不存在" in body
    assert "引用函文請填寫發文機關、日期與文號。" in body


def test_concurrent_edit_is_not_silently_overwritten(world, client, plan):
    client.force_login(world.officer)
    first = edit_data(plan, section_purpose="甲的版本")
    second = edit_data(plan, section_purpose="乙的版本")
    assert client.post(reverse("plans:plan_edit", args=[plan.pk]), first).status_code == 302
    response = client.post(reverse("plans:plan_edit", args=[plan.pk]), second)
    body = response.content.decode()
    assert response.status_code == 409
    assert "已有其他人儲存了新的內容" in body
    assert "甲的版本" in body and "乙的版本" in body  # theirs shown, mine kept in the form
    assert SpecialPlan.objects.get(pk=plan.pk).section("purpose")["body"] == "甲的版本"


def test_election_plan_needs_a_name_and_entered_dates(world, client):
    client.force_login(world.officer)
    response = client.post(reverse("plans:plan_create"), {"occasion": "election", "year": "108"})
    body = response.content.decode()
    assert "選舉專案請填寫選舉名稱。" in body
    assert "選舉及其他專案請輸入工作期間起迄日。" in body
    response = client.post(reverse("plans:plan_create"), {
        "occasion": "election", "year": "108", "election_name": "第15任總統副總統及第10屆立法委員選舉",
        "period_start": "108/12/14", "period_end": "109/1/11"})
    plan = SpecialPlan.objects.get(agency=world.bureau)
    assert response.url == reverse("plans:plan_edit", args=[plan.pk])
    assert plan.title == "海濱市政府測試局辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"
    assert plan.days == 29


def test_holiday_plan_created_from_the_form_gets_the_calendar_period(world, client):
    client.force_login(world.officer)
    client.post(reverse("plans:plan_create"), {"occasion": "lunar_new_year", "year": "112"})
    plan = SpecialPlan.objects.get(agency=world.bureau)
    assert (plan.period_start.isoformat(), plan.period_end.isoformat(), plan.days) == ("2023-01-16", "2023-01-30", 15)
    assert plan.title == "海濱市政府測試局112年重要節日春節期間專案安全維護計畫"


def test_day_count_follows_the_dates_typed(world, client):
    client.force_login(world.officer)
    url = reverse("plans:period_preview")
    assert client.get(url, {"period_start": "112/1/16", "period_end": "112/1/20"}).content.decode() == (
        "自112年1月16日（星期一）起至1月20日（星期五）止，為期5日。")
    assert "迄日不能早於起日" in client.get(url, {"period_start": "112/1/16", "period_end": "112/1/2"}).content.decode()


def test_a_dispatched_plan_is_frozen(world, client):
    from tests.plans import factories as f

    plan = f.dispatched_to_units(world).plan
    client.force_login(world.officer)
    response = _post(client, plan, section_purpose="發文後想改的目的")
    body = response.content.decode()
    assert "此計畫已發文，不能再修改" in body and "發文後想改的目的" in body


def test_contacts_list_is_for_the_agency_only(world, client, plan):
    client.force_login(world.officer)
    _post(client, plan, **{"contact-0-name": "林測試", "contact-0-mobile": "0900-000-009"})
    assert "狀況通報聯絡人" in client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    client.force_login(world.superior)
    assert "狀況通報聯絡人" not in client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()


def test_sections_can_be_renamed_added_and_optional_ones_removed(world, client, plan):
    from anwei.plans.documents import plan_document

    client.force_login(world.officer)
    response = _post(client, plan, heading_period="工作期間", heading_closing="", new_heading="請本局各單位比照辦理",
                     new_body="請各單位比照前項辦理，以維連續假期期間安全。")
    assert response.status_code == 302
    plan.refresh_from_db()
    headings = [s["heading"] for s in plan.sections]
    assert headings == ["依據", "目的", "任務", "工作期間", "權責分工", "工作重點", "狀況通報", "請本局各單位比照辦理"]
    labels = [b.label + b.text for b in plan_document(plan_id=plan.pk).blocks if getattr(b, "level", 0) == 1]
    assert labels[3] == "肆、工作期間：" and labels[-1] == "捌、請本局各單位比照辦理："


def test_required_and_generated_sections_cannot_be_removed(world, client, plan):
    client.force_login(world.officer)
    response = _post(client, plan, heading_purpose="", heading_period="")
    page = response.content.decode()
    fields = page.split('id="error-summary"')[1].split("</div>", 1)[1]  # after the summary at the top
    assert fields.count("此章節不能刪除，請填寫章節名稱。") == 2
    assert page.count("此章節不能刪除，請填寫章節名稱。") == 4  # and each is listed once in the summary


def test_the_period_sentence_is_announced_when_the_dates_change(world, client, plan):
    """The sentence is replaced by htmx as the dates change; a screen reader hears it only from a live region."""
    client.force_login(world.officer)
    page = client.get(reverse("plans:plan_edit", args=[plan.pk])).content.decode()
    holder = page[:page.index('id="period-sentence"')].rsplit("<p", 1)[1]
    assert 'aria-live="polite"' in holder
