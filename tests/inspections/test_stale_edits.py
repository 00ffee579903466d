"""Every inspections record edited through a form refuses a stale save with 409, lists what the other
person saved next to the kept form, and accepts the save made after reading it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.inspections import services
from anwei.inspections.models import ChecklistTemplate, DeviceSystem, Inspection, InspectionCheck, RepairRecord
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def _checklist(w):
    t = f.checklist(w)
    return (reverse("inspections:checklist_edit", args=[t.pk]), "description",
            {"name": t.name, "kind": t.kind, "is_active": "on"},
            lambda: ChecklistTemplate.objects.get(pk=t.pk).description, (w.officer, f.second_officer(w)))


def _inspection(w):
    i = f.inspection(w)
    return (reverse("inspections:inspection_edit", args=[i.pk]), "scope_note",
            {"title": i.title, "kind": i.kind, "mode": i.mode, "date": i.date.isoformat(),
             "inspectors": i.inspectors, "units": [w.units["秘書室"].pk], "template": i.template_id},
            lambda: Inspection.objects.get(pk=i.pk).scope_note, (w.officer, f.second_officer(w)))


def _device(w):
    s = f.system(w)
    return (reverse("inspections:device_edit", args=[s.pk]), "location",
            {"name": s.name, "kind": s.kind, "unit": s.unit_id, "vendor": s.vendor,
             "in_service_from": s.in_service_from.isoformat(), "is_active": "on"},
            lambda: DeviceSystem.objects.get(pk=s.pk).location, (w.officer, f.second_officer(w)))


def _repair(w):
    rep = f.repair(w)
    return (reverse("inspections:repair_edit", args=[rep.pk]), "note",
            {"vendor": "測試保全公司", "reported_on": timezone.localdate().isoformat()},
            lambda: RepairRecord.objects.get(pk=rep.pk).note, (w.liaison, w.unithead))


@pytest.mark.parametrize("case", [_checklist, _inspection, _device, _repair], ids=lambda c: c.__name__[1:])
def test_a_stale_edit_is_a_conflict_showing_the_others_values_and_saving_again_works(world, client_of, case):
    url, field, base, saved, (a, b) = case(world)
    first, second = client_of(a), client_of(b)
    opened = f.form_version(second.get(url).content.decode())
    r = first.post(url, {**base, "version": f.form_version(first.get(url).content.decode()),
                         field: "甲方先儲存的說明"})
    assert r.status_code == 302

    r = second.post(url, {**base, "version": opened, field: "乙方輸入的說明"})
    page = r.content.decode()
    assert r.status_code == 409
    assert "已被其他人修改" in f.conflict_notice(page) and "甲方先儲存的說明" in f.conflict_notice(page)
    assert "乙方輸入的說明" in page and saved() == "甲方先儲存的說明"

    r = second.post(url, {**base, "version": f.form_version(page), field: "乙方輸入的說明"})
    assert r.status_code == 302 and saved() == "乙方輸入的說明"


def test_a_stale_checklist_walkthrough_shows_the_others_verdicts_and_saving_again_works(world, client_of):
    inspection = f.inspection(world)
    unit = world.units["秘書室"]
    url = reverse("inspections:inspection_checklist", args=[inspection.pk]) + f"?unit={unit.pk}"
    first, second = client_of(world.officer), client_of(f.second_officer(world))
    opened = f.form_version(second.get(url).content.decode())
    rows = services.inspection_check_rows(inspection, unit)
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    mine = {f"v_{r.item_id}": "conform" for r in rows} | {"due_date": due}
    theirs = {**mine, f"v_{rows[0].item_id}": "nonconform", f"note_{rows[0].item_id}": "機房門禁卡未收回"}
    assert first.post(url, {**theirs, "version": f.form_version(first.get(url).content.decode())}).status_code == 302

    r = second.post(url, {**mine, "version": opened, f"note_{rows[0].item_id}": "機房門禁正常"})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in f.conflict_notice(page)
    assert "對方儲存：不符合（機房門禁卡未收回）" in page and 'value="機房門禁正常"' in page
    assert InspectionCheck.objects.get(inspection=inspection, unit=unit, item=rows[0].item).note == "機房門禁卡未收回"

    r = second.post(url, {**mine, "version": f.form_version(page), f"note_{rows[0].item_id}": "機房門禁正常"})
    assert r.status_code == 302
    assert InspectionCheck.objects.get(inspection=inspection, unit=unit, item=rows[0].item).note == "機房門禁正常"
