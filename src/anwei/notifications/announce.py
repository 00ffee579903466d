"""Notices that cannot wait for the reminder pass (portal.obligations.obligation_announce): written in
the announcing service's transaction, to every holder of the obligation's owner post (a deputy for
one who is away; the agency's ethics officers when nobody holds it), in the notification centre and —
unless the person turned mail off — by e-mail at once, through the outbox (sent, with retries, by the
mail job). A second announcement of the same obligation on the same day adds nothing."""

from __future__ import annotations

from django.utils import timezone

from anwei.core import clock, dataversion
from anwei.notifications.models import Notification, OutboundMail, Preference, Stage
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation


def announce(o: Obligation, besides: int | None = None) -> list[Notification]:
    if o.owner is None:
        return []
    today = clock.today()
    found = posts.resolve([o.owner, posts.fallback(o.owner)] if o.owner.agency_id else [o.owner], today)
    holders = found.get(o.owner) or found.get(posts.fallback(o.owner)) or []
    if not holders:
        return []
    ids = {h.person_id for h in holders} | {h.acting_for_id for h in holders if h.acting_for_id}
    people = {p.pk: p for p in Person.objects.filter(pk__in=ids)}
    modes = dict(Preference.objects.filter(person_id__in=ids).values_list("person_id", "email_mode"))
    made = []
    for h in holders:
        person = people.get(h.person_id)
        if person is None or person.pk == besides:
            continue
        if Notification.objects.filter(person=person, key=o.key[:120], day=today).exists():
            continue
        mail = bool(person.is_active and person.email and modes.get(person.pk) != Preference.Mode.OFF)
        away = people.get(h.acting_for_id) if h.acting_for_id else None
        n = Notification.objects.create(
            person=person, key=o.key[:120], day=today, stage=Stage.ANNOUNCED, agency_id=o.agency_id,
            category=o.category[:30], title=o.title[:300], url=o.url[:300], due=o.due, note=o.note[:300],
            acting_for=(away.full_name if away else "")[:100],
            mail_state=Notification.Mail.QUEUED if mail else Notification.Mail.NONE)
        if mail:
            from anwei.notifications.services import _notice_mail

            name = f"{person.title}{person.full_name}" if person.title else person.full_name
            OutboundMail.objects.create(person=person, to=person.email, kind=OutboundMail.Kind.IMMEDIATE, day=today,
                                        notification=n, next_attempt_at=timezone.now(), **_notice_mail(n, name))
        made.append(n)
    dataversion.bump([dataversion.person_scope(n.person_id) for n in made])
    return made
