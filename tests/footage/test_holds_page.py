"""The managing unit and the ethics officer list the windows held from overwriting (filing holds the requested
window until the decision): camera, window, case number, overwrite date and days left, soonest first; a decided
request leaves the list for the released ones; other agencies' holds are not shown; others get 404."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.footage.models import WindowHold
from tests.cold import cold_count
from tests.footage import factories as f

pytestmark = pytest.mark.django_db


def _window(days_ago: int):
    now = timezone.localtime().replace(second=0, microsecond=0)
    return {"window_start": now - dt.timedelta(days=days_ago, hours=1), "window_end": now - dt.timedelta(days=days_ago)}


def test_active_holds_soonest_overwrite_first_with_days_left(world, as_):
    late = f.file(world, **_window(25))  # kept 30 days: overwritten in 5
    early = f.file(world, **_window(2), cameras=world.extra["cameras"][2:])
    page = as_(world.liaison).get(reverse("footage:holds")).content.decode()  # 秘書室 manages the CCTV
    assert page.index(late.number_label) < page.index(early.number_label)
    late_hold = WindowHold.objects.get(request=late)
    assert f"{(late_hold.overwrite_on - timezone.localdate()).days} 日" in page
    assert "CH01 大門內側" in page and "CH03 會議室走道" in page
    assert "作成決定時（決定期限" in page


def test_a_decision_releases_the_hold_and_moves_it_to_the_released_list(world, as_):
    req = f.file(world)
    f.approve_all(world, req)
    page = as_(world.officer).get(reverse("footage:holds")).content.decode()
    assert "目前沒有保全中的調閱時段" in page
    assert req.number_label in page.split("最近解除的保全")[1]


def test_other_agencies_holds_are_not_listed_and_others_get_404(world, as_):
    from anwei.footage import services
    req = f.file(world)
    services.footage_setup(actor=None, agency=world.county, managing_unit=world.other_unit)
    assert req.number_label not in as_(world.other_officer).get(reverse("footage:holds")).content.decode()
    assert as_(world.staff).get(reverse("footage:holds")).status_code == 404
    assert as_(world.head).get(reverse("footage:holds")).status_code == 404


def test_the_list_does_not_grow_in_queries_with_the_holds(world, as_):
    f.file(world)
    client = as_(world.officer)
    _, small = cold_count(client, reverse("footage:holds"))
    for days in (3, 4, 5, 6):
        f.file(world, **_window(days))
    _, big = cold_count(client, reverse("footage:holds"))
    assert big == small
