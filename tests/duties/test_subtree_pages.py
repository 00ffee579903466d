"""The pages: the office's ethics officer sets a duty for its subtree where duties are managed; an agency below
sees it on its duties page as set by its superior (and whether it may set its own frequency), records it done,
and is told next to the field when the office fixed the frequency."""

import datetime as dt

import pytest

from anwei.duties import services
from anwei.duties.models import SubtreeDuty, SubtreeDutyDone, SubtreeDutyFrequency

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY.isoformat()


def _post_default(client, **kw):
    data = {"kind": "cctv_accounts", "name": "監視系統帳號清查", "every": 1, "unit": "years", "starts_on": "115/1/1",
            "basis": "資通系統帳號應定期審核"}
    data.update(kw)
    return client.post("/duties/defaults/", data)


def test_the_office_sets_it_and_the_agency_below_sees_it(world, as_):
    office = as_(world.superior)
    assert "/duties/defaults/" in office.get("/duties/").content.decode()
    assert _post_default(office, fixed="on").status_code == 302
    duty = SubtreeDuty.objects.get()
    assert SubtreeDutyFrequency.objects.get(duty=duty).fixed
    assert "監視系統帳號清查" in office.get("/duties/defaults/").content.decode()
    r = _post_default(office, every=0)
    assert r.status_code == 400 and "期間應為1至400" in r.content.decode()

    below = as_(world.officer)
    page = below.get("/duties/").content.decode()
    assert "由上級（海濱市政府）訂定" in page and "頻率不開放所屬機關另訂" in page
    assert 'href="/duties/defaults/"' not in page  # the bureau has no agency below it
    assert below.post(f"/duties/defaults/{duty.pk}/done/", {"done_on": "115/11/30", "note": "已清查"}).status_code == 302
    assert SubtreeDutyDone.objects.get().agency == world.bureau

    detail = below.get(f"/duties/defaults/{duty.pk}/").content.decode()
    assert "由上級（海濱市政府）訂定" in detail and "本機關只能登錄辦理情形" in detail
    r = below.post(f"/duties/defaults/{duty.pk}/", {"every": 2, "unit": "years", "starts_on": "115/12/3"})
    assert r.status_code == 400
    html = r.content.decode()
    field = html[html.index('id="id_every"') - 600:html.index('id="id_every"') + 600]
    assert "不開放所屬機關另訂" in field  # next to the field
    assert SubtreeDutyFrequency.objects.count() == 1


def test_an_agency_below_sets_its_own_frequency_where_allowed(world, as_):
    _post_default(as_(world.superior))
    duty = SubtreeDuty.objects.get()
    below = as_(world.officer)
    assert "可另訂本機關的頻率" in below.get("/duties/").content.decode()
    assert "上級開放所屬機關另訂頻率" in below.get(f"/duties/defaults/{duty.pk}/").content.decode()
    r = below.post(f"/duties/defaults/{duty.pk}/", {"every": 6, "unit": "months", "starts_on": "115/12/3"})
    assert r.status_code == 302
    page = below.get("/duties/").content.decode()
    assert "本機關自115年12月3日起另訂頻率" in page and "至少每6個月一次" in page
    office_view = as_(world.superior).get(f"/duties/defaults/{duty.pk}/").content.decode()
    assert "所屬機關另訂的頻率" in office_view and "海濱市政府測試局" in office_view


def test_own_duty_of_the_same_kind_is_pointed_out_and_can_be_stopped(world, as_):
    own = services.duty_create(actor=world.officer, agency=world.bureau, data=services.DutyInput(
        kind="cctv_accounts", name="監視系統帳號年度清查", every=1, unit="years", starts_on=dt.date(2025, 1, 1)))
    _post_default(as_(world.superior))
    below = as_(world.officer)
    assert "類別相同" in below.get("/duties/").content.decode()
    r = below.post(f"/duties/{own.pk}/stop/", {"ends_on": "115/12/3", "version": own.version})
    assert r.status_code == 302
    own.refresh_from_db()
    assert own.ends_on == TODAY
    assert "類別相同" not in below.get("/duties/").content.decode()


def test_the_office_stops_it_with_the_version_it_saw(world, as_):
    office = as_(world.superior)
    _post_default(office)
    duty = SubtreeDuty.objects.get()
    office.post(f"/duties/defaults/{duty.pk}/stop/", {"ends_on": "115/12/3", "version": duty.version + 5})
    duty.refresh_from_db()
    assert duty.ends_on is None  # someone else changed it meanwhile: nothing is overwritten
    office.post(f"/duties/defaults/{duty.pk}/stop/", {"ends_on": "115/12/3", "version": duty.version})
    duty.refresh_from_db()
    assert duty.ends_on == TODAY
    assert "公務機密" not in as_(world.officer).get("/duties/").content.decode()
