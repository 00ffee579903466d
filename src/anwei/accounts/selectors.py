"""Reads of accounts: whose password must change, which accounts lie unused, the people an agency's
yearly review covers. Password ages and idleness count real time, as Django's last_login does (a
training clock, core.clock, never forces a password change)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.accounts.models import AccountReview
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person


def password_change_reason(person: Person) -> str:
    """Why this person must change their password before going on ("" when they need not)."""
    if person.must_change_password:
        return "您的密碼由他人設定（新帳號或重設），請先變更為只有您知道的密碼。"
    days = settings.PASSWORD_MAX_AGE_DAYS
    changed = person.password_changed_at or person.date_joined
    if days and changed and timezone.now() - changed > dt.timedelta(days=days):
        return f"您的密碼已使用超過 {days} 天，請變更密碼。"
    return ""


def idle_accounts(*, now: dt.datetime | None = None) -> QuerySet[Person]:
    """Active accounts nobody has signed in to for ACCOUNT_IDLE_DAYS (or never, since opened that long ago).
    Administrators are listed by the command but not disabled: someone must be able to sign in."""
    since = (now or timezone.now()) - dt.timedelta(days=settings.ACCOUNT_IDLE_DAYS)
    return (Person.objects.filter(is_active=True)
            .filter(Q(last_login__lt=since) | Q(last_login__isnull=True, date_joined__lt=since))
            .order_by("agency_id", "username"))


def review_agency(*, person: Person, agency_id: int | None = None) -> Agency:
    """The agency whose accounts this person reviews: the given one, or their first, where the policy allows."""
    for agency in policy.member_agencies(person, own_only=True):
        if (agency_id is None or agency.pk == agency_id) and policy.may(person, "accounts.review", agency):
            return agency
    raise Http404("找不到此頁面")


def review_people(*, agency: Agency) -> QuerySet[Person]:
    """Everyone of the agency with their memberships (one query each), for the review table."""
    return (Person.objects.filter(Q(agency=agency) | Q(memberships__agency=agency)).distinct()
            .prefetch_related("memberships__unit", "memberships__agency").order_by("-is_active", "unit__order",
                                                                                    "username"))


def review_last(*, agency_ids) -> dict[int, AccountReview]:
    """Each agency's latest review (one query)."""
    latest: dict[int, AccountReview] = {}
    for review in AccountReview.objects.filter(agency_id__in=agency_ids).select_related("reviewed_by"):
        latest.setdefault(review.agency_id, review)  # ordered newest first
    return latest


def review_due(last: AccountReview | None, today: dt.date) -> dt.date:
    """A year after the last review; an agency never reviewed is due by the end of this year."""
    if last is None:
        return dt.date(today.year, 12, 31)
    try:
        return last.reviewed_on.replace(year=last.reviewed_on.year + 1)
    except ValueError:  # 29 February
        return last.reviewed_on.replace(year=last.reviewed_on.year + 1, day=28)
