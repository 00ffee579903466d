"""The list and the detail page make the same number of queries whatever the data."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.incidents import services
from anwei.incidents.models import Party
from tests.cold import cold_count
from tests.incidents.factories import EVE, at, report

pytestmark = pytest.mark.django_db


def _grow(world, incident, n):
    for i in range(n):
        services.notification_record(actor=world.officer, incident=incident, party=Party.ETHICS_UNIT,
                                     recipient=f"受通報人{i}", method="phone",
                                     notified_at=incident.discovered_at + dt.timedelta(minutes=i + 1),
                                     now=at(EVE, 23, 0))
        services.follow_up_add(actor=world.officer, incident=incident, text=f"改善事項{i}",
                               lead_unit=world.units["秘書室"], due_date=dt.date.today() + dt.timedelta(days=30))
        services.entry_add(actor=world.officer, incident=incident, stage="first" if i == 0 else "follow",
                           text=f"第{i}次")
        services.comment_add(actor=world.superior, incident=incident, text=f"意見{i}")


def test_list_and_detail_do_not_grow(world, as_):
    one = report(world, "security")
    client = as_(world.officer)
    _, list_small = cold_count(client, reverse("incidents:index"))
    _, detail_small = cold_count(client, reverse("incidents:detail", args=[one.pk]))
    for _ in range(5):
        report(world, "infosec")
    _grow(world, one, 4)
    _, list_big = cold_count(client, reverse("incidents:index"))
    _, detail_big = cold_count(client, reverse("incidents:detail", args=[one.pk]))
    assert list_big == list_small
    assert detail_big <= detail_small + 1  # (an empty follow-up list skips its co-units prefetch)
