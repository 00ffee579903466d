"""The dashboards: every figure agrees with the list it links to; the superior sees numbers, never names;
the number of queries does not grow with the data."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from anwei.orgs.models import Agency, Role
from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create
from anwei.tracking.models import TrackedItem
from anwei.tracking.selectors import RegisterFilters, tracked_item_list
from anwei.tracking.services import tracked_item_create
from tests.cold import cold_count
from tests.submissions import factories as sf
from tests.world import PASSWORD

TODAY = "2023-06-30"
FIG = re.compile(r'<a href="([^"]+)"[^>]*(?:data-fig|id)="([^"]+)"[^>]*>(?:<strong[^>]*>)?(\d+)')


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY


def _items(w, agency=None, n_overdue=2, n_open=1):
    agency = agency or w.bureau
    unit = w.units["秘書室"] if agency == w.bureau else agency.units.first()
    for i in range(n_overdue):
        tracked_item_create(actor=None, agency=agency, source_kind=TrackedItem.Source.OTHER, text=f"逾期事項{i}",
                            lead_unit=unit, due_date=dt.date(2023, 5, 1), origin_label="測試", roc_year=112)
    for i in range(n_open):
        tracked_item_create(actor=None, agency=agency, source_kind=TrackedItem.Source.OTHER, text=f"列管事項{i}",
                            all_units=True, due_date=dt.date(2023, 12, 1), origin_label="測試", roc_year=112)


def _school(w, i: int) -> Agency:
    school = agency_create(actor=None, name=f"海濱市立測試{i}國民小學", parent=w.city, kind=Agency.Kind.SCHOOL)
    unit = unit_create(actor=None, agency=school, name="總務處")
    p = person_create(actor=None, username=f"dash_school{i}", password=PASSWORD, full_name=f"校長{i}", agency=school,
                      unit=unit)
    membership_grant(actor=None, person=p, agency=school, role=Role.ETHICS_OFFICER)
    return school


def _count_listed(client, person, href: str) -> int:
    """How many records the linked list holds, with the link's own filters."""
    url = urlparse(unescape(href))
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    if url.path.startswith("/tracking/"):
        return tracked_item_list(person=person, filters=RegisterFilters(
            agency=int(q["agency"]), unit=int(q["unit"]) if "unit" in q else None, status=q.get("status", ""),
            overdue=q.get("overdue") == "on")).count()
    page = client.get(unescape(href)).content.decode()
    return page.count("data-state=")


def _check_figures(client, person, html: str) -> int:
    found = FIG.findall(html)
    for href, name, number in found:
        assert _count_listed(client, person, href) == int(number), (name, href)
    return len(found)


def test_superior_figures_match_their_lists_and_hold_no_names(world, client):
    _items(world)
    sf.minutes_sent(world, dt.date(2023, 3, 10))
    sf.meeting_held(world, dt.date(2023, 5, 2))  # owed, never sent: missing
    school = _school(world, 1)
    _items(world, school, n_overdue=1, n_open=0)
    client.force_login(world.superior)
    html = client.get("/dashboards/superior/").content.decode()
    assert _check_figures(client, world.superior, html) >= 8
    assert "<svg" in html and 'role="img"' in html
    # worst first: the bureau (missing filing, two overdue items) before the school
    assert html.index(f'data-agency="{world.bureau.pk}"') < html.index(f'data-agency="{school.pk}"')
    for name in ("測政風", "測首長", "測承辦", "校長1"):
        assert name not in html
    html = client.get("/dashboards/superior/?kind=school").content.decode()
    assert f'data-agency="{world.bureau.pk}"' not in html and f'data-agency="{school.pk}"' in html
    r = client.get("/dashboards/superior.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_agency_figures_match_their_lists(world, client):
    _items(world)
    sf.submitted_plan(world)
    client.force_login(world.head)
    html = client.get("/dashboards/").content.decode()
    assert _check_figures(client, world.head, html) >= 4
    assert "核定專案計畫" in html  # awaiting the head's decision
    assert client.get("/dashboards/agency.xlsx").status_code == 200


def _queries(client, url: str) -> int:
    response, n = cold_count(client, url)
    assert response.status_code == 200
    return n


def test_the_number_of_queries_does_not_grow_with_the_data(world, client):
    _items(world)
    sf.minutes_sent(world, dt.date(2023, 3, 10))
    _school(world, 1)
    client.force_login(world.superior)
    small = (_queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/"))
    for i in range(2, 8):
        school = _school(world, i)
        _items(world, school, n_overdue=2, n_open=2)
    for d in (dt.date(2023, 4, 10), dt.date(2023, 5, 10)):
        sf.meeting_held(world, d)
    _items(world, n_overdue=5, n_open=5)
    big = (_queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/"))
    assert big == small, (small, big)
