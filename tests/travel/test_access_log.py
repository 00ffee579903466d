"""Every look at a travel record is recorded like a footage request's (個資法 利用之紀錄), and the agency's
ethics officer sees who looked; the traveller's colleagues never see the log."""

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_opening_and_downloading_are_recorded_and_shown_to_the_officer(client, world, planhead, make_trip):
    app = make_trip(world.staff)
    client.force_login(world.staff)
    client.get(reverse("travel:application_detail", args=[app.pk]))
    client.get(reverse("travel:application_document", args=[app.pk, "odt"]))
    looks = AuditEntry.objects.filter(object_type="travel.travelapplication", object_id=str(app.pk),
                                      action__startswith="travel.view")
    assert [(e.actor_id, e.action) for e in looks.order_by("id")][-2:] == [
        (world.staff.pk, "travel.view"), (world.staff.pk, "travel.view.document")]
    assert "檢視紀錄" not in client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()
    client.force_login(world.officer)
    page = client.get(reverse("travel:application_detail", args=[app.pk])).content.decode()
    assert "檢視紀錄" in page and "下載申請表" in page
