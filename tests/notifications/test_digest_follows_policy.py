"""Nobody is told of anything they could not open: the whole demo's notices (reminders, escalations to
unit heads, agency heads and the superior office), digests and calendar feeds, each item opened in the
browser's place by the person it went to."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from anwei.core import clock
from anwei.core.workdays import workday_add
from anwei.notifications import engine, tasks
from anwei.notifications.calendar import person_events
from anwei.notifications.models import Notification
from anwei.orgs.models import Person


def _opens(person, url: str, clients: dict) -> int:
    c = clients.get(person.pk)
    if c is None:
        c = clients[person.pk] = Client()
        c.force_login(person)
    path = urlsplit(url)
    return c.get(path.path + (f"?{path.query}" if path.query else "")).status_code


@pytest.mark.django_db
def test_every_notice_digest_item_and_feed_event_of_the_demo_opens_for_its_recipient(settings):
    call_command("demo")
    start = clock.today()
    # Six weeks of working days: every deadline of the demo passes, escalations reach every level.
    for k in range(1, 31):
        settings.ANWEI_TODAY = workday_add(start, k)
        tasks.reminders_now()
    notices = list(Notification.objects.select_related("person"))
    assert {n.stage for n in notices} >= {"overdue", "escalation"}
    assert {n.level for n in notices if n.stage == "escalation"} >= {1, 2}
    digests = engine.digest_plan(clock.today())
    assert digests and all(d.entries for d in digests)
    people = {p.pk: p for p in Person.objects.all()}
    clients: dict = {}
    failures = []
    for n in notices:
        if _opens(n.person, n.url, clients) != 200:
            failures.append(f"通知 {n.person.username} {n.stage}{n.level} {n.url}")
    for d in digests:
        for e in d.entries:
            if _opens(people[d.person_id], e.url, clients) != 200:
                failures.append(f"摘要 {people[d.person_id].username} {e.label} {e.url}")
    for person in people.values():
        for event in person_events(person):
            if event.url and _opens(person, event.url, clients) != 200:
                failures.append(f"行事曆 {person.username} {event.url}")
    assert not failures, "\n".join(sorted(set(failures)))


@pytest.mark.django_db
def test_what_the_pass_tells_a_person_is_on_their_home_page(settings):
    """The two questions agree: what the reminder pass finds a person owes, their home page lists."""
    from anwei.portal.obligations import obligations_for, obligations_open
    from anwei.orgs import posts

    call_command("demo")
    settings.ANWEI_TODAY = workday_add(clock.today(), 15)
    today = clock.today()
    owed: dict[int, set[str]] = {}
    open_ = [o for o in obligations_open(today) if o.owner is not None]
    found = posts.resolve({o.owner for o in open_}, today)
    for o in open_:
        for h in found[o.owner]:
            owed.setdefault(h.person_id, set()).add(o.key)
    missing = []
    for person in Person.objects.filter(pk__in=owed):
        shown = {o.key for o in obligations_for(person)}
        missing += [f"{person.username}: {k}" for k in owed[person.pk] - shown]
    assert not missing, "\n".join(missing)
