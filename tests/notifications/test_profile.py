"""Saving one's notification settings for the first time, with the default way of mail, is recorded like
any other change (it used to be refused with a server error: a row written without an audit row)."""

import pytest
from django.urls import reverse

from anwei.core.audit import AuditEntry
from anwei.notifications.models import Preference

pytestmark = pytest.mark.django_db


def test_first_save_with_the_default_mode_is_saved_and_audited(world, as_):
    c = as_(world.staff)
    response = c.post(reverse("notifications:profile"), {"email": "staff@agency.example",
                                                           "email_mode": Preference.Mode.DIGEST})
    assert response.status_code == 302
    assert Preference.objects.get(person=world.staff).email_mode == Preference.Mode.DIGEST
    assert AuditEntry.objects.filter(action="notifications.preference").count() == 1
