"""Home-page items: plans dispatched to this person's agency or unit that still await an answer."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from anwei.lib import rocdate
from anwei.orgs.models import Person
from anwei.plans.selectors import assignment_inbox

LIMIT = 50


def plan_inbox(person: Person) -> list[InboxItem]:
    today = timezone.localdate()
    items = []
    for a in assignment_inbox(person=person).filter(reported_at__isnull=True)[:LIMIT]:
        notes = ["尚未簽收" if a.received_at is None else "已簽收，待報送執行成果"]
        if a.reminded_at:
            notes.append(f"發文機關已於{rocdate.format_short(timezone.localtime(a.reminded_at).date())}催辦")
        if a.unit_id:
            notes.append(f"受文單位：{a.unit.name}")
        items.append(InboxItem(
            category="專案計畫", title=f"{a.letter.agency.name}：{a.letter.plan.title}",
            url=reverse("plans:assignment_detail", args=[a.pk]), due=a.due, overdue=today > a.due,
            note="；".join(notes)))
    return items
