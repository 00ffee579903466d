"""The pages make the same number of queries whatever the data: badges, visitors, areas, the events
review (a page of flagged events) and the overview."""

import datetime as dt

from anwei.access import services
from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create
from tests.access.factories import area, at, badge, csv_import, door, visitor
from tests.cold import cold_count

PAGES = ["/access/", "/access/badges/", "/access/visitors/?day=113/3/5", "/access/events/"]


def _grow(world, start: int, n: int):
    for i in range(start, start + n):
        a = area(world, f"區域{i}")
        services.door_add(actor=world.liaison, area=a, name="門", code=f"G{i}")
        badge(world, f"N{i}", areas=[a, area(world)])
        visitor(world, f"訪客{i}", at_=at(dt.date(2024, 3, 5), 9))
    door(world)
    csv_import(world, "時間,門號,卡號,結果\n" + "".join(
        f"2024/03/05 22:{i % 60:02d}:00,D31,N{i},通過\n" for i in range(start, start + n)), filename=f"{start}.csv")


def test_pages_do_not_grow_with_the_data(world, as_):
    c = as_(world.liaison)
    _grow(world, 0, 2)
    small = {url: cold_count(c, url)[1] for url in PAGES}
    _grow(world, 2, 20)
    big = {}
    for url in PAGES:
        response, n = cold_count(c, url)
        assert response.status_code == 200
        big[url] = n
    assert big == small


def test_a_unit_head_sees_only_the_unit_badges(world, as_):
    head = person_create(actor=None, username="planhead", password="x-Very-long-pass-123", full_name="企劃主管",
                         agency=world.bureau, unit=world.units["綜合企劃科"])
    membership_grant(actor=None, person=head, agency=world.bureau, role=Role.UNIT_HEAD, unit=world.units["綜合企劃科"])
    mine = badge(world, "U1")  # the world's staff member is in 綜合企劃科
    other = badge(world, "U2", holder=world.liaison)
    page = as_(head).get("/access/badges/").content.decode()
    assert "U1" in page and "U2" not in page
    assert as_(head).get(f"/access/badges/{mine.pk}/").status_code == 200
    assert as_(head).get(f"/access/badges/{other.pk}/").status_code == 404
    assert as_(head).get("/access/visitors/register.xlsx").status_code == 404  # visitors are not theirs
