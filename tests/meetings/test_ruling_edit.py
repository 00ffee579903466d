"""The ethics officer corrects a ruling's wording after the meeting: the tracked item it gave keeps the
same words, every change leaves its audit row, and two officers never silently overwrite each other."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from anwei.meetings import services as ms
from anwei.meetings.models import Ruling
from anwei.tracking import services as ts

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, world):
    client.force_login(world.officer)
    return client


@pytest.fixture
def meeting(world):
    return ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))


def _tracked(world, meeting, text="請秘書室研擬門禁管制規定。"):
    return ms.ruling_add(actor=world.officer, meeting=meeting, text=text, actionable=True,
                         lead_unit=world.units["秘書室"], due_date=dt.date(2024, 6, 30))


def _form(ruling, **typed):
    data = {"version": ruling.version, "section": ruling.section, "subject": ruling.subject, "text": ruling.text}
    return {f"rul-{k}": v for k, v in {**data, **typed}.items()}


def test_correcting_a_tracked_rulings_text_changes_its_item_and_both_are_audited(officer, world, meeting):
    ruling = _tracked(world, meeting)
    item = ruling.tracked_items.get()
    url = reverse("meetings:ruling_edit", args=[ruling.pk])
    page = officer.get(url).content.decode()
    assert "請秘書室研擬門禁管制規定。" in page and "第1項" in page
    r = officer.post(url, _form(ruling, text="請秘書室於6月底前研擬門禁管制規定。", subject="有關門禁管制部分"))
    assert r.status_code == 302
    ruling.refresh_from_db()
    item.refresh_from_db()
    assert ruling.text == item.text == "請秘書室於6月底前研擬門禁管制規定。" and ruling.subject == "有關門禁管制部分"
    assert (item.number, item.lead_unit, item.due_date) == (1, world.units["秘書室"], dt.date(2024, 6, 30))
    audit = AuditEntry.objects.get(action="meetings.ruling_update", object_id=str(ruling.pk))
    assert audit.before["text"] == "請秘書室研擬門禁管制規定。" and audit.after["text"] == ruling.text
    assert AuditEntry.objects.filter(action="tracking.item_update", object_id=str(item.pk)).count() == 1


def test_an_item_reworded_on_its_own_page_keeps_its_wording(officer, world, meeting):
    ruling = _tracked(world, meeting)
    item = ruling.tracked_items.get()
    ts.tracked_item_update(actor=world.officer, item=item, expected_version=item.version, text="門禁管制規定（修正）",
                           lead_unit=item.lead_unit, all_units=False, co_units=[], due_date=item.due_date)
    r = officer.post(reverse("meetings:ruling_edit", args=[ruling.pk]), _form(ruling, text="請秘書室儘速研擬。"),
                     follow=True)
    assert "未隨裁示更新" in r.content.decode()
    item.refresh_from_db()
    assert item.text == "門禁管制規定（修正）" and Ruling.objects.get(pk=ruling.pk).text == "請秘書室儘速研擬。"


def test_a_stale_edit_shows_the_other_text_keeps_mine_and_saving_again_works(officer, world, meeting):
    ruling = ms.ruling_add(actor=world.officer, meeting=meeting, text="洽悉。")
    opened = _form(ruling)
    ms.ruling_update(actor=world.officer, ruling=ruling, expected_version=ruling.version, text="洽悉，請持續辦理。",
                     section=ruling.section)
    url = reverse("meetings:ruling_edit", args=[ruling.pk])
    r = officer.post(url, {**opened, "rul-text": "准予備查。"})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in page
    assert "洽悉，請持續辦理。" in page and "准予備查。" in page
    assert Ruling.objects.get(pk=ruling.pk).text == "洽悉，請持續辦理。"
    rearmed = re.search(r'name="rul-version" value="(\d+)"', page).group(1)
    assert officer.post(url, {**opened, "rul-version": rearmed, "rul-text": "准予備查。"}).status_code == 302
    assert Ruling.objects.get(pk=ruling.pk).text == "准予備查。"


def test_ticking_needs_tracking_later_makes_it_the_meetings_next_item(officer, world, meeting):
    _tracked(world, meeting)
    ruling = ms.ruling_add(actor=world.officer, meeting=meeting, text="請各單位注意門窗。")
    url = reverse("meetings:ruling_edit", args=[ruling.pk])
    r = officer.post(url, _form(ruling, actionable="on"))
    assert r.status_code == 400 and "請選擇主辦單位" in r.content.decode()
    assert officer.post(url, _form(ruling, actionable="on", all_units="on")).status_code == 302
    item = ruling.tracked_items.get()
    assert item.number == 2 and item.all_units and item.text == "請各單位注意門窗。"


def test_a_tracked_ruling_cannot_move_to_a_part_that_changes_its_items_source(officer, world, meeting):
    report = ms.report_add(actor=world.officer, meeting=meeting, kind="special", title="監視系統報告")
    ruling = _tracked(world, meeting)
    url = reverse("meetings:ruling_edit", args=[ruling.pk])
    r = officer.post(url, _form(ruling, report=report.pk))
    assert r.status_code == 400 and "已列管為第1項" in r.content.decode()
    assert Ruling.objects.get(pk=ruling.pk).report is None
    assert officer.post(url, _form(ruling, section="previous")).status_code == 302  # 主席裁(指)示事項 still


def test_other_roles_and_agencies_cannot_open_the_edit_page(client, world, meeting):
    ruling = ms.ruling_add(actor=world.officer, meeting=meeting, text="洽悉。")
    for who in ("head", "superior", "liaison", "other_officer"):
        client.force_login(world.people[who])
        assert client.post(reverse("meetings:ruling_edit", args=[ruling.pk]),
                           {"rul-version": ruling.version, "rul-section": "conclusion", "rul-text": "改"}).status_code == 404
    assert Ruling.objects.get(pk=ruling.pk).text == "洽悉。"
