"""The superior office's overview of recurring duties (issue #26): for each subordinate agency each duty done, due
or overdue, reachable from its dashboard; another office's agencies are not there; no personal data."""

from __future__ import annotations

import datetime as dt

import pytest

from anwei.duties import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = "2026-12-03"


def _duty(w, agency, actor, **kw):
    values = dict(kind="confidentiality_inspection", name="公務機密維護檢查", every=6, unit="months",
                  starts_on=dt.date(2025, 1, 1))
    values.update(kw)
    return services.duty_create(actor=actor, agency=agency, data=services.DutyInput(**values))


def test_each_agency_each_duty_with_its_state(world, as_):
    late = _duty(world, world.bureau, world.officer)
    done = _duty(world, world.bureau, world.officer, kind="cctv_accounts", name="監視系統帳號清查", every=1,
                 unit="years")
    services.duty_done_record(actor=world.officer, duty=done, done_on=dt.date(2026, 10, 1), note="清查承辦人王小明帳號",
                              today=dt.date(2026, 12, 3))
    _duty(world, world.county, world.other_officer, name="他縣的檢查")
    client = as_(world.superior)
    board = client.get("/dashboards/superior/").content.decode()
    assert "/dashboards/superior/duties/" in board
    page = client.get("/dashboards/superior/duties/").content.decode()
    assert page.count('data-state="overdue"') == 1 and page.count('data-state="done"') == 1
    assert late.name in page and "他縣的檢查" not in page
    assert "王小明" not in page  # what was recorded as done is the agency's, not the superior's to read
    overdue = client.get(f"/dashboards/superior/duties/?agency={world.bureau.pk}&state=overdue").content.decode()
    assert overdue.count("data-state=") == 1 and late.name in overdue and "尚無紀錄" in overdue
    assert client.get(f"/dashboards/superior/duties/?agency={world.county.pk}").status_code == 404
    assert as_(world.officer).get("/dashboards/superior/duties/").status_code == 404


def test_a_duty_set_for_the_subtree_is_counted_for_each_agency_below(world, as_, client):
    """The office's duty for its subtree shows for every agency below it (one added later too), each agency's own
    state; each figure on the dashboard counts its list; the queries do not grow with the agencies."""
    from anwei.orgs.models import Agency
    from anwei.orgs.services import agency_create
    from tests.dashboards.test_dashboards import _check_figures, _queries

    duty = services.default_create(actor=world.superior, agency=world.city, data=services.DefaultInput(
        kind="door_badges", name="門禁卡清查", every=1, unit="years", starts_on=dt.date(2025, 1, 1)))
    services.default_done_record(actor=world.officer, agency=world.bureau, duty=duty, done_on=dt.date(2026, 10, 1),
                                 note="", today=dt.date(2026, 12, 3))
    school = agency_create(actor=None, name="海濱市立測試國民小學", parent=world.city, kind=Agency.Kind.SCHOOL)
    client.force_login(world.superior)
    page = client.get("/dashboards/superior/duties/").content.decode()
    assert page.count("門禁卡清查") == 2 and "海濱市政府訂定" in page
    assert client.get(f"/dashboards/superior/duties/?agency={world.bureau.pk}&state=done").content.decode() \
        .count('data-state="done"') == 1
    assert client.get(f"/dashboards/superior/duties/?agency={school.pk}&state=overdue").content.decode() \
        .count('data-state="overdue"') == 1
    html = client.get("/dashboards/superior/").content.decode()
    assert _check_figures(client, world.superior, html) >= 6
    small = _queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/superior/duties/")
    for i in range(5):
        agency_create(actor=None, name=f"海濱市立測試{i}國民中學", parent=world.city, kind=Agency.Kind.SCHOOL)
    assert (_queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/superior/duties/")) == small
