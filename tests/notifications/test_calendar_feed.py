"""The private calendar feed and a meeting's .ics: deadlines as all-day events, meetings as timed events
in Asia/Taipei; a revoked or unknown token answers 404."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from anwei.meetings import services as ms
from anwei.notifications.models import CalendarToken
from tests.notifications.conftest import progress_round


def _feed(client, person):
    client.force_login(person)
    client.post(reverse("notifications:calendar_renew"))
    token = CalendarToken.objects.get(person=person).token
    client.logout()
    return token, reverse("notifications:feed", args=[token])


@pytest.mark.django_db
def test_the_feed_has_deadlines_all_day_and_meetings_in_taipei_time(world, client, today):
    today(dt.date(2024, 2, 19))
    progress_round(world, dt.date(2024, 2, 21))
    ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 3, 6), start_time=dt.time(14, 0),
                      place="第一會議室")
    token, url = _feed(client, world.liaison)
    assert len(token) >= 40
    r = client.get(url)  # no login: calendar programs cannot log in
    assert r.status_code == 200 and r["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    deadline = next(e for s, e in events.items() if "秘書室有2項列管事項待填報執行情形" in s)
    assert deadline.decoded("dtstart") == dt.date(2024, 2, 21)  # all day
    meeting = next(e for s, e in events.items() if "安全維護會報" in s)
    start = meeting.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (14, 0, "Asia/Taipei")
    assert cal.walk("VTIMEZONE") and "Asia/Taipei" in r.content.decode()


@pytest.mark.django_db
def test_the_feed_shows_only_what_its_owner_may_see(world, client, today):
    today(dt.date(2024, 2, 19))
    progress_round(world, dt.date(2024, 2, 21))
    _token, url = _feed(client, world.staff)
    assert "列管事項" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_revoked_renewed_or_unknown_token_answers_404(world, client):
    token, url = _feed(client, world.liaison)
    client.force_login(world.liaison)
    client.post(reverse("notifications:calendar_renew"))
    assert client.get(url).status_code == 404  # the old address stopped working
    new = reverse("notifications:feed", args=[CalendarToken.objects.get(person=world.liaison).token])
    assert client.get(new).status_code == 200
    client.post(reverse("notifications:calendar_revoke"))
    assert client.get(new).status_code == 404
    assert client.get(reverse("notifications:feed", args=["x" * 43])).status_code == 404


@pytest.mark.django_db
def test_a_meetings_ics_for_its_attendees(world, client):
    m = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10), place="第一會議室")
    client.force_login(world.unithead)
    page = client.get(reverse("meetings:detail", args=[m.pk])).content.decode()
    assert reverse("meetings:ics", args=[m.pk]) in page
    r = client.get(reverse("meetings:ics", args=[m.pk]))
    [event] = Calendar.from_ical(r.content).walk("VEVENT")
    assert event.decoded("dtstart") == dt.datetime(2024, 4, 10, 11, 30, tzinfo=event.decoded("dtstart").tzinfo)
    assert str(event["location"]) == "第一會議室" and event.decoded("dtend") > event.decoded("dtstart")
    client.force_login(world.superior)  # reads the bureau's meetings, does not attend them
    assert client.get(reverse("meetings:ics", args=[m.pk])).status_code == 404
