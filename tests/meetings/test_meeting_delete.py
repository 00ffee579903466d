"""A meeting entered by mistake can be deleted while nothing hangs on it; its trace stays."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.core.models import AuditEntry
from anwei.meetings import services as ms
from anwei.meetings.models import Ruling, SecurityMeeting

pytestmark = pytest.mark.django_db


def test_an_empty_meeting_is_deleted_with_an_audit_row(world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2019, 10, 2))
    pk = m.pk
    ms.meeting_delete(actor=world.officer, meeting=m)
    assert not SecurityMeeting.objects.filter(pk=pk).exists()
    row = AuditEntry.objects.get(action="meetings.delete", object_id=str(pk))
    assert row.actor == world.officer and row.before["roc_year"] == 108


def test_a_meeting_with_tracked_items_cannot_be_deleted(world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2019, 10, 2))
    ms.ruling_add(actor=world.officer, meeting=m, section=Ruling.Section.CONCLUSION, text="加強門禁管制。",
                  actionable=True, lead_unit=world.units["秘書室"])
    with pytest.raises(ValidationError, match="不能刪除"):
        ms.meeting_delete(actor=world.officer, meeting=m)
    assert SecurityMeeting.objects.filter(pk=m.pk).exists()
