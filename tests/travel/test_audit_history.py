"""A travel record's audit history is personal data: only those who may see the record may read it."""

from django.urls import reverse


def _status(client, person, object_type, pk) -> int:
    client.force_login(person)
    return client.get(reverse("audit_object", kwargs={"object_type": object_type, "object_id": pk})).status_code


def test_history_follows_the_record_not_the_agency_wide_audit_right(world, client, make_trip):
    app = make_trip(world.staff)
    # The ethics unit sees both the record and its history.
    assert _status(client, world.officer, "travel.travelapplication", app.pk) == 200
    # The agency head and the superior office may read the agency's audit log, but not this person's trip.
    assert _status(client, world.head, "travel.travelapplication", app.pk) == 404
    assert _status(client, world.superior, "travel.travelapplication", app.pk) == 404
    assert _status(client, world.other_officer, "travel.travelapplication", app.pk) == 404
