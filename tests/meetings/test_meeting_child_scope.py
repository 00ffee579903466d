"""A meeting's rows (agenda, attendance, reports, proposals, rulings) are reached only through the
scoped selector: another agency's officer, or someone who may only read, gets 404."""

import datetime as dt

import pytest
from django.http import Http404
from django.urls import reverse

from anwei.meetings import services as ms
from anwei.meetings.models import AgendaItem, Ruling
from anwei.meetings.selectors import meeting_child_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(world):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    ruling = ms.ruling_add(actor=world.officer, meeting=m, text="請各單位注意門窗。")
    return m.agenda_items.first(), ruling


def test_the_agencys_officer_gets_the_row_with_its_meeting(world, rows):
    agenda, ruling = rows
    got = meeting_child_get(person=world.officer, model=Ruling, pk=ruling.pk)
    assert got == ruling and got.meeting.agency == world.bureau
    assert meeting_child_get(person=world.officer, model=AgendaItem, pk=agenda.pk) == agenda


@pytest.mark.parametrize("who", ["other_officer", "superior", "head", "liaison", "staff"])
def test_anyone_who_does_not_manage_the_meeting_gets_404(world, rows, who):
    agenda, ruling = rows
    for model, row in ((AgendaItem, agenda), (Ruling, ruling)):
        with pytest.raises(Http404):
            meeting_child_get(person=world.people[who], model=model, pk=row.pk)


def test_readers_reach_the_row_when_reading_is_asked_for(world, rows):
    _, ruling = rows
    for who in ("superior", "head", "liaison"):
        assert meeting_child_get(person=world.people[who], model=Ruling, pk=ruling.pk, action="meeting.view") == ruling
    with pytest.raises(Http404):
        meeting_child_get(person=world.other_officer, model=Ruling, pk=ruling.pk, action="meeting.view")


def test_another_agencys_officer_cannot_delete_the_ruling(world, rows, client):
    _, ruling = rows
    client.force_login(world.other_officer)
    assert client.post(reverse("meetings:ruling_delete", args=[ruling.pk])).status_code == 404
    assert Ruling.objects.filter(pk=ruling.pk).exists()
