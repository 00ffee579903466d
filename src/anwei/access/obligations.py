"""What access control owes: badges to take back (holder left or moved unit), contractor and temporary
badges past their end date, visitors still inside after closing, and each unit head's yearly
confirmation of the unit's badges (in the month the agency sets, a rule)."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import Count

from anwei.access import selectors
from anwei.access.models import OUTSTANDING, AccessSettings, Badge, YearlyReview
from anwei.core import clock
from anwei.lib import rocdate
from anwei.orgs import policy, posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "門禁管理"


def _keeper(s: AccessSettings):
    return posts.unit_liaisons(s.agency_id, s.managing_unit_id), posts.unit_head(s.agency_id, s.managing_unit_id)


def _moved(b: Badge) -> Obligation:
    owner, head = _keeper(b.agency.access_settings)
    return Obligation(CATEGORY, f"收回或重新授權門禁卡 {b.number}（{b.holder_name}）", link("access:badge_detail", b.pk),
                      note=selectors.moved_reason(b), key=f"access.moved:{b.pk}", kind="access.moved",
                      agency_id=b.agency_id, owner=owner, escalation=(head, None, None), remind=False)


def _overdue(b: Badge, today: dt.date) -> Obligation:
    owner, head = _keeper(b.agency.access_settings)
    return Obligation(CATEGORY, f"{b.get_kind_display()} {b.number}（{b.holder_name}）逾期未繳回",
                      link("access:badge_detail", b.pk), due=b.ends_on, overdue=b.ends_on < today,
                      note=f"有效期限{rocdate.format_slash(b.ends_on)}", key=f"access.overdue:{b.pk}",
                      kind="access.overdue", agency_id=b.agency_id, owner=owner,
                      escalation=(head, None, None))


def _inside(s: AccessSettings, count: int, day: dt.date) -> Obligation:
    desk = s.desk_unit_id or s.managing_unit_id
    return Obligation(CATEGORY, f"尚有{count}位訪客未登記離開", link("access:visitors_inside"), due=day,
                      note=f"清點時間{s.closing_time:%H:%M}", key=f"access.inside:{s.agency_id}:{day.isoformat()}",
                      kind="access.inside", agency_id=s.agency_id, owner=posts.unit_liaisons(s.agency_id, desk),
                      escalation=(posts.unit_head(s.agency_id, desk), None, None))


def _review_due(s: AccessSettings, year: int) -> dt.date:
    return dt.date(year, s.review_month, calendar.monthrange(year, s.review_month)[1])


def _reviews(settings: list[AccessSettings], today: dt.date, unit_ids=None) -> list[Obligation]:
    """Units with badges out that have not confirmed this year, from the first day of the review month."""
    out = []
    due_settings = {s.agency_id: s for s in settings if today.month >= s.review_month}
    if not due_settings:
        return out
    year = rocdate.roc_year(today)
    units = (Badge.objects.filter(agency__in=due_settings, status__in=OUTSTANDING, unit__isnull=False)
             .values("agency_id", "unit_id", "unit__name").annotate(n=Count("id")).order_by("agency_id", "unit_id"))
    if unit_ids is not None:
        units = units.filter(unit__in=unit_ids)
    done = set(YearlyReview.objects.filter(agency__in=due_settings, year=year).values_list("agency_id", "unit_id"))
    for row in units:
        if (row["agency_id"], row["unit_id"]) in done:
            continue
        s = due_settings[row["agency_id"]]
        due = _review_due(s, today.year)
        out.append(Obligation(
            CATEGORY, f"{year}年度門禁權限清查：{row['unit__name']}（{row['n']}張）", link("access:review_unit", row["unit_id"]),
            due=due, overdue=due < today, key=f"access.review:{row['unit_id']}:{year}", kind="access.review",
            agency_id=row["agency_id"], owner=posts.unit_head(row["agency_id"], row["unit_id"]),
            escalation=(None, posts.agency_head(row["agency_id"]), None)))
    return out


def _all(settings: list[AccessSettings], today: dt.date, *, keeper_agencies, desk_agencies, review_units=None):
    items: list[Obligation] = []
    if keeper_agencies:
        items += [_moved(b) for b in selectors.badges_holder_moved(agency_ids=keeper_agencies)[:100]]
        items += [_overdue(b, today) for b in selectors.badges_overdue(today=today, agency_ids=keeper_agencies)[:100]]
    by_agency = {s.agency_id: s for s in settings}
    counts: dict[int, int] = {}
    for v in selectors.visitors_inside(agency_ids=desk_agencies, before=today) if desk_agencies else []:
        s = by_agency[v.agency_id]
        if v.visit_on < today or clock.now().time() >= s.closing_time:
            counts[v.agency_id] = counts.get(v.agency_id, 0) + 1
    items += [_inside(by_agency[a], n, today) for a, n in counts.items()]
    if review_units is None or review_units:
        items += _reviews(settings, today, review_units)
    return items


def access_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    keeper = list(selectors.settings_list(person=person, action="access.manage"))
    desk = list(selectors.settings_list(person=person, action="access.desk"))
    units = policy.scope(person, "access.review.confirm").unit_ids
    heads = list(AccessSettings.objects.filter(agency__units__in=units).distinct()) if units else []
    settings = {s.pk: s for s in keeper + desk + heads}
    keeper_ids = {s.agency_id for s in keeper if s.managing_unit_id in policy.scope(person, "access.manage").unit_ids}
    desk_ids = {s.agency_id for s in desk}
    items = _all(list(settings.values()), today, keeper_agencies=keeper_ids, desk_agencies=desk_ids,
                 review_units=units or set())
    return items


def access_open(today: dt.date) -> list[Obligation]:
    settings = list(AccessSettings.objects.all())
    ids = [s.agency_id for s in settings]
    return _all(settings, today, keeper_agencies=ids, desk_agencies=ids)


PROVIDER = ObligationProvider("access", access_owed, access_open, kinds=(
    ("access.moved", "離職或調職人員門禁卡"), ("access.overdue", "逾期未繳回門禁卡"),
    ("access.inside", "閉館時尚在館內訪客"), ("access.review", "門禁權限年度清查")))
