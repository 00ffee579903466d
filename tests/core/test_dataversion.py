"""A cached page is re-rendered after a change it could show, and only then (core.dataversion):
a change in the person's agency, below it or above it shows on their next request; a change in
an unrelated county leaves their cached pages alone; a change to the tree or to people reaches
everyone."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from anwei.core import dataversion
from anwei.meetings import services as ms
from anwei.orgs.services import unit_create
from tests.tracking.conftest import make_item

pytestmark = pytest.mark.django_db

SERVED = {"django_session", "orgs_person", "core_dataversion"}  # what a reused page reads


def _login(person) -> Client:
    c = Client()
    c.force_login(person)
    return c


def _tables(client, url) -> set[str]:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return {m for x in q.captured_queries if x["sql"].startswith("SELECT")
            for m in re.findall(r'FROM "?(\w+)', x["sql"])}


def _meeting(world, agency, actor):
    return ms.meeting_create(actor=actor, agency=agency, date=timezone.localdate())


def test_scopes_follow_the_tree(world):
    city, bureau = world.city.pk, world.bureau.pk
    item = make_item(world)
    assert dataversion.change_scopes(world.bureau, item) == [f"own:{bureau}", f"tree:{city}", f"tree:{bureau}"]
    assert dataversion.change_scopes(world.bureau, world.units["秘書室"]) == ["global"]  # the tree itself
    assert dataversion.change_scopes(None, item) == ["global"]
    assert dataversion.reader_scopes([world.bureau.path]) == ("global", f"own:{city}", f"tree:{bureau}")
    assert set(dataversion.reader_scopes([world.city.path, world.bureau.path])) == {
        "global", f"own:{city}", f"tree:{bureau}", f"tree:{city}"}


def test_a_change_in_another_county_leaves_the_page_cached(world):
    c = _login(world.officer)
    url = reverse("tracking:register")
    c.get(url)
    _meeting(world, world.county, world.other_officer)
    assert _tables(c, url) == SERVED


def test_a_change_in_the_agency_shows_on_the_next_request(world):
    c = _login(world.officer)
    url = reverse("tracking:register")
    c.get(url)
    make_item(world, text="請秘書室檢討門禁卡發放。")
    assert "請秘書室檢討門禁卡發放。" in c.get(url).content.decode()


def test_a_change_below_shows_on_the_superior_offices_rollup(world):
    c = _login(world.superior)
    url = reverse("rollup:overview")
    c.get(url)
    assert _tables(c, url) == SERVED
    make_item(world, text="請秘書室檢討門禁卡發放。")
    assert _tables(c, url) - SERVED  # gathered again


def test_a_change_above_shows_below(world):
    c = _login(world.officer)
    url = reverse("home")
    c.get(url)
    _meeting(world, world.city, world.superior)
    assert _tables(c, url) - SERVED


def test_a_change_to_the_tree_reaches_every_agency(world):
    c = _login(world.other_officer)
    url = reverse("home")
    c.get(url)
    unit_create(actor=world.officer, agency=world.bureau, name="會計室")
    assert _tables(c, url) - SERVED
