"""Every inspection record edited through a form refuses a stale save with 409, lists what the other
person saved next to the kept form, and accepts the save made after reading it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.inspections import selectors
from anwei.inspections.models import Inspection, InspectionCheck
from tests.conflicts import conflict_notice, form_version, second_officer, stale_edit_check
from tests.inspections import factories as f

pytestmark = pytest.mark.django_db


def _inspection(w):
    i = f.inspection(w)
    return (reverse("inspections:inspection_edit", args=[i.pk]), "scope_note",
            {"title": i.title, "kind": i.kind, "mode": i.mode, "date": i.date.isoformat(),
             "inspectors": i.inspectors, "units": [w.units["秘書室"].pk], "template": i.template_id},
            lambda: Inspection.objects.get(pk=i.pk).scope_note, (w.officer, second_officer(w)))


@pytest.mark.parametrize("case", [_inspection], ids=lambda c: c.__name__[1:])
def test_a_stale_edit_is_a_conflict_showing_the_others_values_and_saving_again_works(world, client_of, case):
    stale_edit_check(client_of, case(world))


def test_a_stale_checklist_walkthrough_shows_the_others_verdicts_and_saving_again_works(world, client_of):
    inspection = f.inspection(world)
    unit = world.units["秘書室"]
    url = reverse("inspections:inspection_checklist", args=[inspection.pk]) + f"?unit={unit.pk}"
    first, second = client_of(world.officer), client_of(second_officer(world))
    opened = form_version(second.get(url).content.decode())
    rows = selectors.inspection_check_rows(inspection, unit)
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    mine = {f"v_{r.item_id}": "conform" for r in rows} | {"due_date": due}
    theirs = {**mine, f"v_{rows[0].item_id}": "nonconform", f"note_{rows[0].item_id}": "機房門禁卡未收回"}
    assert first.post(url, {**theirs, "version": form_version(first.get(url).content.decode())}).status_code == 302

    r = second.post(url, {**mine, "version": opened, f"note_{rows[0].item_id}": "機房門禁正常"})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in conflict_notice(page)
    assert "對方儲存：不符合（機房門禁卡未收回）" in page and 'value="機房門禁正常"' in page
    assert InspectionCheck.objects.get(inspection=inspection, unit=unit, item=rows[0].item).note == "機房門禁卡未收回"

    r = second.post(url, {**mine, "version": form_version(page), f"note_{rows[0].item_id}": "機房門禁正常"})
    assert r.status_code == 302
    assert InspectionCheck.objects.get(inspection=inspection, unit=unit, item=rows[0].item).note == "機房門禁正常"
