"""Two officers editing the same agenda row: the second is told, sees what the first saved and keeps
what they typed; saving again then goes through, and the times still follow from the minutes."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from anwei.meetings import services as ms
from anwei.meetings.selectors import agenda_timed
from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create

pytestmark = pytest.mark.django_db


def _officers(world):
    colleague = person_create(actor=None, username="officer2", password="another-horse-battery-7",
                              full_name="測副政風", agency=world.bureau, unit=world.units["政風室"])
    membership_grant(actor=None, person=colleague, agency=world.bureau, role=Role.ETHICS_OFFICER)
    first, second = Client(), Client()
    first.force_login(world.officer)
    second.force_login(colleague)
    return first, second


def _row(item, **typed):
    return {f"a{item.pk}-{k}": v for k, v in {"version": item.version, "title": item.title, "minutes": item.minutes,
                                               "presenter": item.presenter, "note": item.note, **typed}.items()}


def test_the_second_officer_sees_the_first_ones_values_keeps_theirs_and_can_save_again(world):
    first, second = _officers(world)
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    item = m.agenda_items.get(title="專題報告")  # 12:00–12:10, both opened the page now
    url = reverse("meetings:agenda_save", args=[m.pk])
    opened = _row(item)

    assert first.post(url, {**opened, f"a{item.pk}-title": "專題報告：門禁系統更新",
                            f"a{item.pk}-presenter": "秘書室"}).status_code == 302
    r = second.post(url, {**opened, f"a{item.pk}-title": "專題報告：防颱準備", f"a{item.pk}-minutes": "20"})
    page = r.content.decode()
    assert r.status_code == 409 and "已被其他人修改" in page
    other = re.search(r'<blockquote class="other-text">(.*?)</blockquote>', page, re.S).group(1)
    assert "專題報告：門禁系統更新" in other and "主持（報告）人：秘書室" in other  # what the first officer saved
    assert 'value="專題報告：防颱準備"' in page and 'value="20"' in page  # what I typed is still in the row
    item.refresh_from_db()
    assert item.title == "專題報告：門禁系統更新" and item.minutes == 10

    rearmed = re.search(rf'name="a{item.pk}-version" value="(\d+)"', page).group(1)
    r = second.post(url, {**opened, f"a{item.pk}-version": rearmed, f"a{item.pk}-title": "專題報告：防颱準備",
                          f"a{item.pk}-end": "12:20", f"a{item.pk}-minutes": ""})
    assert r.status_code == 302
    item.refresh_from_db()
    assert item.title == "專題報告：防颱準備" and item.minutes == 20  # from the end time typed
    timed = {t.item.title: t for t in agenda_timed(m)}
    assert (timed["專題報告：防颱準備"].start, timed["提案討論"].start) == (dt.time(12, 0), dt.time(12, 20))


def test_saving_a_row_does_not_undo_a_move_made_meanwhile(world):
    first, second = _officers(world)
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    item = m.agenda_items.get(title="專題報告")
    opened = _row(item)
    assert first.post(reverse("meetings:agenda_move", args=[item.pk]), {"direction": "up"}).status_code == 302
    r = second.post(reverse("meetings:agenda_save", args=[m.pk]), {**opened, f"a{item.pk}-note": "附簡報"})
    assert r.status_code == 302
    titles = [t.item.title for t in agenda_timed(m)]
    assert titles.index("專題報告") < titles.index("秘書單位工作報告")
    assert m.agenda_items.get(pk=item.pk).note == "附簡報"


def test_one_save_keeps_every_row_typed(world, as_):
    officer = as_(world.officer)
    """Editing three rows and pressing 儲存 once saves all three (no row's typing is lost)."""
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    items = list(m.agenda_items.order_by("order"))
    data = {}
    for item in items:
        data.update(_row(item))
    data[f"a{items[1].pk}-presenter"] = "局長"
    data[f"a{items[2].pk}-title"] = "上次會議主席裁(指)示事項辦理情形（含檢查缺失）"
    data[f"a{items[4].pk}-minutes"] = "15"
    assert officer.post(reverse("meetings:agenda_save", args=[m.pk]), data).status_code == 302
    saved = {i.pk: i for i in m.agenda_items.all()}
    assert saved[items[1].pk].presenter == "局長"
    assert saved[items[2].pk].title == "上次會議主席裁(指)示事項辦理情形（含檢查缺失）"
    assert saved[items[4].pk].minutes == 15
    assert saved[items[0].pk].version == items[0].version  # an unchanged row is not touched


def test_a_table_past_midnight_is_refused_whole(world, as_):
    officer = as_(world.officer)
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10),
                          start_time=dt.time(23, 0))
    items = list(m.agenda_items.order_by("order"))
    data = {}
    for item in items:
        data.update(_row(item))
    data[f"a{items[0].pk}-minutes"] = "120"
    data[f"a{items[1].pk}-presenter"] = "局長"
    r = officer.post(reverse("meetings:agenda_save", args=[m.pk]), data)
    assert r.status_code == 400 and "午夜" in r.content.decode()
    assert 'value="局長"' in r.content.decode()  # what was typed stays on the page
    assert not m.agenda_items.filter(presenter="局長").exists()
