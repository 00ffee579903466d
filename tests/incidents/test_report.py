"""Reporting: the form on a phone, bad input next to the field with nothing lost, confidentiality,
the officer told at once, the plan linked, follow-ups tracked, closing and reopening audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from anwei.core.models import AuditEntry
from anwei.incidents import selectors, services
from anwei.incidents.models import Incident
from anwei.lib import rocdate
from anwei.notifications.models import Notification, OutboundMail
from anwei.tracking.models import TrackedItem
from tests.incidents.factories import EVE, at, data, infosec_level, report

pytestmark = pytest.mark.django_db


def _form(**over):
    day = rocdate.format_slash(timezone.localdate() - dt.timedelta(days=1))  # any hour of it is past, whenever run
    return {"category": "security", "title": "機房門鎖遭破壞", "occurred_on": day,
            "occurred_time": "00:00", "discovered_on": day, "discovered_time": "00:05",
            "place": "本局大樓5樓機房", "description": "夜間巡邏發現門鎖遭撬開。", "involved": "", "actions": "已報警",
            **over}


def test_bad_input_is_shown_next_to_its_field_and_nothing_typed_is_lost(world, as_):
    client = as_(world.staff)
    tomorrow = rocdate.format_slash(timezone.localdate() + dt.timedelta(days=1))
    r = client.post(reverse("incidents:create"), _form(occurred_time="10:00", discovered_time="09:00"))
    assert r.status_code == 400
    assert "發現時間不能早於發生時間" in str(r.context["form"].errors["discovered_on"])
    assert "機房門鎖遭破壞" in r.content.decode() and "夜間巡邏發現門鎖遭撬開" in r.content.decode()
    r = client.post(reverse("incidents:create"), _form(occurred_on=tomorrow, discovered_on=tomorrow))
    assert "發生時間不能晚於現在" in str(r.context["form"].errors["occurred_on"])
    assert "發現時間不能晚於現在" in str(r.context["form"].errors["discovered_on"])
    r = client.post(reverse("incidents:create"), _form(category="infosec"))
    assert "資安事件請判定等級" in str(r.context["form"].errors["level"])
    assert 'id="field-level"' in r.content.decode()
    assert not Incident.objects.exists()


def test_the_service_refuses_the_same(world):
    services.incident_rules_seed_defaults()
    now = at(EVE, 18, 0)
    cases = [(data(occurred=at(EVE, 17), discovered=at(EVE, 16)), "discovered_on"),
             (data(discovered=at(EVE, 19)), "discovered_on"),
             (data("infosec"), "level")]
    for d, field in cases:
        with pytest.raises(ValidationError) as exc:
            services.incident_report(actor=world.staff, agency=world.bureau, data=d, now=now)
        assert field in exc.value.message_dict


def test_a_report_from_the_form_reaches_the_officer_at_once(world, as_):
    world.officer.email = "officer@example.invalid"
    world.officer.save()
    r = as_(world.staff).post(reverse("incidents:create"), _form())
    assert r.status_code == 302
    incident = Incident.objects.get()
    assert incident.reporter == world.staff and incident.number.endswith("-001")
    notice = Notification.objects.get(person=world.officer)
    assert notice.stage == "announced" and "機房門鎖遭破壞" in notice.title
    assert OutboundMail.objects.filter(person=world.officer, kind="immediate").exists()
    assert not Notification.objects.filter(person=world.staff).exists()
    page = as_(world.officer).get(reverse("incidents:detail", args=[incident.pk])).content.decode()
    assert "警察或消防機關" in page and ("尚未通報" in page or "逾時未通報" in page)


def test_the_form_fits_a_phone(world, as_):
    page = as_(world.staff).get(reverse("incidents:create")).content.decode()
    assert "incidents.css" in page and 'type="time"' in page and 'inputmode="decimal"' in page and '_format">民國年.月.日' in page


def test_who_sees_what(world):
    security = report(world, "security", actor=world.liaison)
    leak = report(world, "leak", actor=world.liaison)
    for person, expect in [(world.liaison, {security, leak}), (world.officer, {security, leak}),
                           (world.head, {security, leak}), (world.superior, {security, leak}),
                           (world.unithead, {security}),  # the reporter's unit head; not a 洩密
                           (world.staff, set()), (world.other_officer, set())]:
        assert set(selectors.incident_list(person=person)) == expect, person.username


def test_cross_agency_gets_404(world, as_):
    incident = report(world, "security")
    client = as_(world.other_officer)
    assert client.get(reverse("incidents:detail", args=[incident.pk])).status_code == 404
    assert client.get(reverse("incidents:document", args=[incident.pk, "odt"])).status_code == 404
    assert client.get(reverse("incidents:statistics", args=[world.bureau.pk])).status_code == 404


def test_a_plan_whose_period_contains_the_day_is_linked(world):
    from tests.plans.factories import plan_make

    plan = plan_make(world, year=113, period_start=dt.date(2024, 2, 1), period_end=dt.date(2024, 2, 20))
    inside = report(world, "security", discovered=at(EVE, 16, 40))
    outside = report(world, "security", discovered=at(dt.date(2024, 3, 1), 9, 0))
    assert inside.plan == plan and outside.plan is None


def test_follow_up_becomes_a_tracked_item(world, as_):
    incident = report(world, "security")
    due = timezone.localdate() + dt.timedelta(days=30)
    r = as_(world.officer).post(reverse("incidents:follow_up_add", args=[incident.pk]), {
        "text": "加強門禁管制並檢討監視系統死角", "lead_unit": world.units["秘書室"].pk,
        "due_date": rocdate.format_slash(due)})
    assert r.status_code == 302
    item = TrackedItem.objects.get()
    assert item.source == incident and item.source_kind == "incident" and item.lead_unit == world.units["秘書室"]
    assert item.due_date == due and "狀況通報" in item.origin_label
    r = as_(world.officer).post(reverse("incidents:follow_up_add", args=[incident.pk]), {"text": ""})
    assert r.status_code == 400 and "請填寫後續改善事項" in r.content.decode()


def test_entries_in_order_and_superior_comments(world):
    incident = report(world, "security")
    with pytest.raises(ValidationError):
        services.entry_add(actor=world.officer, incident=incident, stage="follow", text="續報")
    services.entry_add(actor=world.officer, incident=incident, stage="first", text="初報")
    with pytest.raises(ValidationError):
        services.entry_add(actor=world.officer, incident=incident, stage="first", text="再一次初報")
    services.entry_add(actor=world.officer, incident=incident, stage="follow", text="續報")
    services.entry_add(actor=world.officer, incident=incident, stage="final", text="結報")
    services.comment_add(actor=world.superior, incident=incident, text="請補充監視畫面", asks_more=True)
    assert [e.stage for e in incident.entries.all()] == ["first", "follow", "final"]
    # The superior office received each entry at once; the officer owes the 續報 asked for until one is filed.
    assert Notification.objects.filter(person=world.superior, key__startswith="incidents.entry:").count() == 3
    from anwei.incidents.obligations import incidents_open

    assert [o.kind for o in incidents_open(EVE) if o.kind == "incidents.more"] == ["incidents.more"]
    assert Notification.objects.filter(person=world.officer, key__startswith="incidents.comment:").exists()
    services.entry_add(actor=world.officer, incident=incident, stage="final", text="補充結報：監視畫面已調閱")
    assert [o for o in incidents_open(EVE) if o.kind == "incidents.more"] == []
    assert selectors.may_comment(world.superior, incident) and not selectors.may_comment(world.officer, incident)


def test_close_asks_first_and_reopen_is_audited(world, as_):
    incident = report(world, "security")
    client = as_(world.officer)
    url = reverse("incidents:close", args=[incident.pk])
    r = client.post(url, {"conclusion": "已報警，查無損失。", "version": incident.version})
    assert r.status_code == 200 and "確定結案" in r.content.decode()
    incident.refresh_from_db()
    assert incident.status == "open"
    r = client.post(url, {"conclusion": "已報警，查無損失。", "version": incident.version, "confirmed": "1"})
    assert r.status_code == 302
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.conclusion == "已報警，查無損失。"
    r = client.post(reverse("incidents:reopen", args=[incident.pk]), {"reason": "", "version": incident.version})
    assert r.status_code == 400
    r = client.post(reverse("incidents:reopen", args=[incident.pk]), {"reason": "嫌犯落網，續查", "version": incident.version})
    assert r.status_code == 302
    entry = AuditEntry.objects.filter(action="incidents.reopen").get()
    assert entry.after["reason"] == "嫌犯落網，續查"
    # A stale version (someone closed or reopened meanwhile) is a conflict, not an overwrite.
    r = client.post(url, {"conclusion": "x", "version": 1, "confirmed": "1"})
    assert r.status_code == 409


def test_infosec_level_is_kept(world):
    incident = report(world, "infosec")
    assert incident.level == infosec_level()


def test_the_plan_results_count_the_period_incidents(world, as_):
    from anwei.plans.periodcounts import period_counts
    from tests.plans.factories import plan_make

    plan = plan_make(world, year=113, period_start=dt.date(2024, 2, 1), period_end=dt.date(2024, 2, 20))
    report(world, "security", discovered=at(EVE, 16, 40))
    report(world, "infosec", discovered=at(EVE, 9, 0))
    report(world, "security", discovered=at(dt.date(2024, 3, 1), 9, 0))  # after the period
    assert period_counts(plan, [world.bureau.pk]) == ["狀況通報2件（危安1件、資安1件）"]
    assert period_counts(plan, [world.county.pk]) == ["狀況通報0件"]
    page = as_(world.officer).get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "狀況通報2件（危安1件、資安1件）" in page


def test_the_officer_corrects_and_a_stale_edit_conflicts(world, client_of):
    incident = report(world, "infosec")
    url = reverse("incidents:edit", args=[incident.pk])
    first, second = client_of(world.officer), client_of(world.officer)
    v = incident.version
    values = {"title": "勒索軟體感染", "place": "3樓機房", "description": "檔案遭加密。", "involved": "", "actions": "",
              "level": infosec_level(), "version": v}
    assert first.post(url, values).status_code == 302
    r = second.post(url, {**values, "title": "別人的修正"})
    assert r.status_code == 409 and "勒索軟體感染" in r.content.decode() and "別人的修正" in r.content.decode()
    r = second.post(url, {**values, "level": ""})
    incident.refresh_from_db()
    assert incident.title == "勒索軟體感染"
    assert AuditEntry.objects.filter(action="incidents.update").count() == 1


def test_a_leak_notice_does_not_carry_its_subject(world):
    report(world, "leak", title="機密公文誤寄外部信箱")
    notice = Notification.objects.get(person=world.officer)
    assert "機密公文" not in notice.title and "保密處理" in notice.title
    from anwei.incidents.obligations import incidents_open

    assert all("機密公文" not in o.title for o in incidents_open(EVE))


def test_nobody_is_told_of_their_own_report(world):
    report(world, "security", actor=world.officer)
    assert not Notification.objects.filter(person=world.officer).exists()
