"""Reads of the notifications app: a person's own notices, preferences and feed (an agency's rules: rules.py)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from anwei.core import pagecache
from anwei.core.dataversion import person_scope
from anwei.notifications.models import CalendarToken, Notification, Preference
from anwei.orgs import policy
from anwei.orgs.models import Deputy, Person


def notification_list(*, person: Person) -> QuerySet[Notification]:
    return Notification.objects.filter(person=person).order_by("-day", "-id")


def notification_get(*, person: Person, pk: int) -> Notification:
    n = Notification.objects.filter(pk=pk, person=person).first()
    if n is None:
        raise Http404("找不到此通知")
    return n


def unread_count(person: Person) -> int:
    """The bell's number, kept under the person's data version (their notices move it): no query on a
    repeated request, and never another person's or a stale count. Nobody's scope has moved for a person
    who never had a notice: then no query at all."""
    if not policy.data_counter(person, person_scope(person.pk)):
        return 0
    return pagecache.remember(person, f"unread:{person.pk}",
                              lambda: Notification.objects.filter(person=person, read_at__isnull=True).count())


def preference_mode(person: Person) -> str:
    return (Preference.objects.filter(person=person).values_list("email_mode", flat=True).first()
            or Preference.Mode.DIGEST)


def calendar_token_of(person: Person) -> CalendarToken | None:
    return CalendarToken.objects.filter(person=person).first()


def feed_person(token: str) -> Person:
    """The owner of a feed token; 404 for an unknown or revoked token or an inactive person."""
    row = CalendarToken.objects.select_related("person").filter(token=token).first() if len(token) >= 32 else None
    if row is None or not row.person.is_active:
        raise Http404("找不到此行事曆")
    return row.person


def deputies_of(*, person: Person) -> list[Deputy]:
    """The person's own arrangements (not yet ended) and those where they act for someone."""
    from anwei.core import clock

    today = clock.today()
    return list(Deputy.objects.filter(person=person, cancelled_at__isnull=True, ends_on__gte=today)
                .select_related("deputy").order_by("starts_on", "id"))


def acting_for_list(*, person: Person) -> list[Deputy]:
    from anwei.core import clock

    return list(Deputy.objects.filter(deputy=person, cancelled_at__isnull=True, ends_on__gte=clock.today())
                .select_related("person").order_by("starts_on", "id"))


def deputy_get(*, person: Person, pk: int) -> Deputy:
    row = Deputy.objects.select_related("person", "deputy").filter(pk=pk, person=person).first()
    if row is None:
        raise Http404("找不到此職務代理")
    return row


def colleagues(*, person: Person) -> QuerySet[Person]:
    """Whom a person may name as deputy: active people of their agency (the policy's own agency list)."""
    agencies = {a.pk for a in policy.member_agencies(person, own_only=True)}
    if person.agency_id:
        agencies.add(person.agency_id)
    return (Person.objects.filter(is_active=True, agency_id__in=agencies).exclude(pk=person.pk)
            .select_related("unit").order_by("unit__order", "full_name"))
