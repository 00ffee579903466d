"""Rendered pages are reused only while nothing they show can have changed (core.pagecache)."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from anwei.tracking import services as ts
from tests.tracking.conftest import make_item

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")  # masked CSRF tokens differ on every response


def _login(person, **kw) -> Client:
    c = Client(**kw)
    c.force_login(person)
    return c


def _tables(client, url) -> tuple[str, set[str]]:
    """The page, and the tables its request read."""
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    tables = {m for x in q.captured_queries if x["sql"].startswith("SELECT")
              for m in re.findall(r'FROM "?(\w+)', x["sql"])}
    return r.content.decode(), tables


def test_a_page_seen_again_is_not_gathered_again(world):
    make_item(world, text="請秘書室檢討門禁卡發放。")
    c = _login(world.officer)
    url = reverse("tracking:register")
    first, fresh = _tables(c, url)
    second, reused = _tables(c, url)
    assert "請秘書室檢討門禁卡發放。" in second
    # Only the session, the person and the data versions are read again (the person's roles for
    # the permission check are kept under the same versions): not the register's items, units,
    # meetings or progress reports.
    assert reused == {"django_session", "orgs_person", "core_dataversion"}
    assert {"tracking_trackeditem", "orgs_unit", "orgs_membership"} <= fresh
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)


def test_a_change_shows_on_the_next_request(world):
    item = make_item(world, text="請秘書室檢討門禁卡發放。")
    c = _login(world.officer)
    url = reverse("tracking:register")
    assert "檢討門禁卡發放" in c.get(url).content.decode()
    ts.tracked_item_update(actor=world.officer, item=item, expected_version=item.version,
                           text="請秘書室於月底前收回離職人員門禁卡。", lead_unit=item.lead_unit, all_units=False,
                           co_units=[], due_date=None)
    page = c.get(url).content.decode()
    assert "收回離職人員門禁卡" in page and "檢討門禁卡發放" not in page


def test_a_cached_page_is_never_shown_to_another_person(world):
    url = reverse("home")
    officer_page = _login(world.officer).get(url).content.decode()
    assert world.officer.full_name in officer_page
    c = _login(world.liaison)
    c.get(url)
    liaison_page = c.get(url).content.decode()
    assert world.liaison.full_name in liaison_page and world.officer.full_name not in liaison_page


def test_a_flash_message_is_shown_once_on_a_cached_page(world):
    make_item(world, text="請秘書室檢討門禁卡發放。")
    rnd = ts.progress_round_open(actor=world.officer, agency=world.bureau,
                                 deadline=timezone.localdate() + dt.timedelta(days=7))
    report = rnd.reports.get(unit=world.units["秘書室"])
    c = _login(world.liaison)
    url = reverse("tracking:my_items")
    c.get(url)  # cached before the report is sent
    r = c.post(reverse("tracking:report_edit", args=[report.pk]), {
        "version": report.version, "text": "已訂定門禁卡發放要點。", "release_reason": ""}, follow=True)
    assert r.redirect_chain[-1][0] == url
    assert "已送出「" in r.content.decode()
    assert "已送出「" not in c.get(url).content.decode()


def test_overdue_items_are_marked_on_the_next_day(world, monkeypatch):
    make_item(world, due_date=timezone.localdate())
    c = _login(world.officer)
    url = reverse("tracking:register")
    assert 'class="overdue"' not in c.get(url).content.decode()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    assert 'class="overdue"' in c.get(url).content.decode()


def test_every_response_carries_a_token_valid_for_its_own_browser(world):
    url = reverse("tracking:register")
    first = _login(world.officer, enforce_csrf_checks=True)
    first.get(url)
    cached = first.get(url).content.decode()
    # A second browser of the same person (no CSRF cookie yet) gets the cached page with its own
    # token and cookie, and both browsers can post with the token their page carries.
    second = _login(world.officer, enforce_csrf_checks=True)
    other = second.get(url)
    assert "csrftoken" in other.cookies
    for client, page in ((second, other.content.decode()), (first, cached)):
        token = TOKEN.search(page).group(1)
        assert not token.startswith("anwei-csrf")
        r = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
        assert r.status_code == 302


def test_a_look_at_personal_data_leaves_the_cached_pages_of_others_alone(world):
    """Access records (個資法 利用之紀錄) are audit rows too, but they change nothing a page shows."""
    from django.db import transaction

    from anwei.core import dataversion
    from anwei.core.audit import audit_record

    scopes = dataversion.reader_scopes([world.bureau.path])
    before = dataversion.read(scopes)
    with transaction.atomic():
        audit_record(actor=world.officer, action="footage.view", obj=world.bureau, access=True)
    assert dataversion.read(scopes) == before
    with transaction.atomic():
        audit_record(actor=world.officer, action="agency.update", obj=world.bureau)
    assert dataversion.read(scopes) != before


def test_a_role_granted_counts_on_the_next_request(world):
    from anwei.orgs.models import Role
    from anwei.orgs.services import membership_grant, membership_revoke

    c = _login(world.staff)
    url = reverse("tracking:register")
    assert c.get(url).status_code == 404
    m = membership_grant(actor=world.officer, person=world.staff, agency=world.bureau, role=Role.AGENCY_HEAD)
    assert c.get(url).status_code == 200
    membership_revoke(actor=world.officer, membership=m)
    assert c.get(url).status_code == 404
