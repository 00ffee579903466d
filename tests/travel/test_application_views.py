"""Filing through the page: bad input gets a Chinese message next to the field, nothing typed is lost."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from anwei.core.workdays import workday_add
from anwei.lib.rocdate import format_slash
from anwei.travel.models import Status, TravelApplication


def _form(rules, **over):
    today = timezone.localdate()
    dep = workday_add(today, 10)
    data = {"purpose": "family", "purpose_detail": "探視外婆", "destinations": "福建省福州市",
            "transit_stops": "香港", "departure_on": format_slash(dep),
            "return_on": format_slash(dep + dt.timedelta(days=4)),
            "declarations": [str(i) for i in range(len(rules["application_lead"].declaration_list()))]}
    data.update(over)
    return data


def _field_error(response, field):
    return response.context["form"].errors.get(field)


def test_form_shows_the_rule_and_the_declarations(client, world, rules):
    client.force_login(world.staff)
    page = client.get(reverse("travel:application_create")).content.decode()
    assert "5 個工作日前" in page
    for text in rules["application_lead"].declaration_list():
        assert text in page
    assert "經大陸地區機場轉機" in page


def test_valid_application_is_filed(client, world, rules):
    client.force_login(world.staff)
    response = client.post(reverse("travel:application_create"), _form(rules))
    app = TravelApplication.objects.get()
    assert response.status_code == 302 and response.url == reverse("travel:application_detail", args=[app.pk])
    assert app.traveller == world.staff and app.status == Status.ETHICS_REVIEW
    assert app.transit_stops == "香港" and len(app.declarations_accepted) == 4


def test_return_before_departure_keeps_what_was_typed(client, world, rules):
    client.force_login(world.staff)
    today = timezone.localdate()
    response = client.post(reverse("travel:application_create"),
                           _form(rules, return_on=format_slash(workday_add(today, 9))))
    assert response.status_code == 200 and not TravelApplication.objects.exists()
    assert _field_error(response, "return_on") == ["返臺日期不能早於出發日期。"]
    page = response.content.decode()
    assert "福建省福州市" in page and "探視外婆" in page and "香港" in page


def test_departure_in_the_past_is_refused(client, world, rules):
    client.force_login(world.staff)
    past = timezone.localdate() - dt.timedelta(days=3)
    response = client.post(reverse("travel:application_create"),
                           _form(rules, departure_on=format_slash(past), return_on=format_slash(past)))
    assert "出發日期已過" in _field_error(response, "departure_on")[0]
    assert "福建省福州市" in response.content.decode()


def test_no_destination(client, world, rules):
    client.force_login(world.staff)
    response = client.post(reverse("travel:application_create"), _form(rules, destinations="  "))
    assert _field_error(response, "destinations") == ["請填寫前往地區。"]
    assert "探視外婆" in response.content.decode()


def test_unreadable_date_and_missing_declarations(client, world, rules):
    client.force_login(world.staff)
    response = client.post(reverse("travel:application_create"),
                           _form(rules, departure_on="明年春天", declarations=["0"]))
    assert _field_error(response, "departure_on")
    assert _field_error(response, "declarations") == ["請逐項勾選聲明事項。"]


def test_too_late_without_urgency_then_with_a_reason(client, world, rules):
    client.force_login(world.staff)
    soon = workday_add(timezone.localdate(), 2)
    data = _form(rules, departure_on=format_slash(soon), return_on=format_slash(soon + dt.timedelta(days=2)))
    response = client.post(reverse("travel:application_create"), data)
    assert "5個工作日前" in _field_error(response, "departure_on")[0]
    response = client.post(reverse("travel:application_create"), {**data, "urgent": "on"})
    assert _field_error(response, "urgent_reason") == ["逾期申請須說明急迫情形。"]
    response = client.post(reverse("travel:application_create"), {**data, "urgent": "on",
                                                                  "urgent_reason": "親人病危"})
    assert response.status_code == 302 and TravelApplication.objects.get().late_filing


def test_review_on_the_page_and_return_for_correction(client, world, rules):
    client.force_login(world.staff)
    client.post(reverse("travel:application_create"), _form(rules))
    app = TravelApplication.objects.get()
    client.force_login(world.officer)
    detail = client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()
    assert "送出審核" in detail and "涉密" in detail
    response = client.post(reverse("travel:application_review", args=[app.pk]),
                           {"decision": "return", "note": "", "version": app.version})
    assert response.status_code == 400 and "請填寫理由" in response.content.decode()
    response = client.post(reverse("travel:application_review", args=[app.pk]),
                           {"decision": "return", "note": "請補列轉機班次", "version": app.version})
    assert response.status_code == 302
    client.force_login(world.staff)
    edit = client.get(reverse("travel:application_edit", args=[app.pk])).content.decode()
    assert "請補列轉機班次" in edit and "福建省福州市" in edit and 'checked' in edit
    app.refresh_from_db()
    response = client.post(reverse("travel:application_edit", args=[app.pk]),
                           {**_form(rules, transit_stops="香港（國泰CX000）"), "version": app.version})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.ETHICS_REVIEW and app.transit_stops == "香港（國泰CX000）"


def test_stale_review_is_a_conflict_and_keeps_the_note(client, world, rules):
    client.force_login(world.staff)
    client.post(reverse("travel:application_create"), _form(rules))
    app = TravelApplication.objects.get()
    client.force_login(world.officer)
    response = client.post(reverse("travel:application_review", args=[app.pk]),
                           {"decision": "refuse", "note": "我的長篇意見", "version": app.version - 1 + 5})
    assert response.status_code == 409
    assert "我的長篇意見" in response.content.decode()


def test_after_a_conflict_the_reviewer_can_save_knowingly(client, world, rules):
    client.force_login(world.staff)
    client.post(reverse("travel:application_create"), _form(rules))
    app = TravelApplication.objects.get()
    client.force_login(world.officer)
    response = client.post(reverse("travel:application_review", args=[app.pk]),
                           {"decision": "refuse", "note": "理由", "version": app.version + 3})
    rearmed = response.context["review_form"]["version"].value()
    response = client.post(reverse("travel:application_review", args=[app.pk]),
                           {"decision": "refuse", "note": "理由", "version": rearmed})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.REFUSED


def test_mainland_transit_needs_the_airport(client, world, rules):
    client.force_login(world.staff)
    response = client.post(reverse("travel:application_create"),
                           _form(rules, transit_stops="", transit_mainland="on", destinations="越南河內市"))
    assert _field_error(response, "transit_stops") == ["經大陸地區機場轉機者，請填寫轉機地點（機場）。"]
    assert "越南河內市" in response.content.decode()
    response = client.post(reverse("travel:application_create"),
                           _form(rules, transit_stops="廣州白雲機場", transit_mainland="on", destinations="越南河內市"))
    assert response.status_code == 302 and TravelApplication.objects.get().transit_mainland
