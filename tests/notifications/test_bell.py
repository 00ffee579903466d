"""The header's bell: the person's own unread count, never baked into someone else's page, never stale
on a page reused from the cache (notices move their reader's data version)."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.notifications import tasks
from anwei.notifications.models import Notification
from tests.notifications.conftest import progress_round


def _bell(client) -> str:
    html = client.get(reverse("home")).content.decode()
    start = html.index('id="bell"')
    return html[start:html.index("</a>", start)]


@pytest.mark.django_db
def test_the_count_follows_new_notices_and_reading_even_on_a_cached_page(world, client, today):
    progress_round(world, dt.date(2024, 2, 21))
    today(dt.date(2024, 2, 19))
    client.force_login(world.liaison)
    assert "unread-count" not in _bell(client)
    _bell(client)  # now served from the page cache
    tasks.reminders_now()
    assert '<span class="badge" id="unread-count">1</span>' in _bell(client)
    n = Notification.objects.get(person=world.liaison)
    r = client.post(reverse("notifications:open", args=[n.pk]))
    assert r.status_code == 302 and r["Location"] == "/tracking/mine/"
    assert "unread-count" not in _bell(client)


@pytest.mark.django_db
def test_one_persons_count_is_not_in_anothers_page(world, client, today):
    progress_round(world, dt.date(2024, 2, 21))
    today(dt.date(2024, 2, 19))
    tasks.reminders_now()
    client.force_login(world.unithead)
    assert "unread-count" not in _bell(client)


@pytest.mark.django_db
def test_the_centre_lists_and_marks_all_read(world, client, today):
    progress_round(world, dt.date(2024, 2, 21))
    for day in (dt.date(2024, 2, 19), dt.date(2024, 2, 21)):
        today(day)
        tasks.reminders_now()
    client.force_login(world.liaison)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.count('class="unread') == 2 and "期限將屆" in page and "今日到期" in page
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(person=world.liaison, read_at__isnull=True).exists()


@pytest.mark.django_db
def test_a_bell_without_notices_costs_no_query(world, client, django_assert_num_queries):
    from anwei.notifications.selectors import unread_count

    unread_count(world.staff)  # grants loaded
    with django_assert_num_queries(0):
        assert unread_count(world.staff) == 0
