"""Reads of incidents, always through the policy. Who sees an incident:

- the reporter;
- the ethics unit and the agency head of its agency;
- the superior ethics office above it, unless the category withholds it (Incident.superior_sees);
- the head of the reporter's unit, unless the category is restricted (保密: 洩密).

Anyone else — another agency included — gets 404.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.core import clock
from anwei.core.periods import Period
from anwei.core.rulebook import RuleBook
from anwei.incidents.models import (PERIOD_UNITS, Attachment, Category, CategoryRule, ChainRule, Clock, Incident,
                                    Party, RequiredParty, Status, period_text)
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person
from anwei.portal.workreport import period_datetimes


class NoRuleError(Exception):
    def __init__(self, category: str, on: dt.date):
        super().__init__(f"{Category(category).label}類別在{on.isoformat()}沒有適用的通報規定，請洽系統管理者。")


def _precedence(rows):
    return sorted(rows, key=lambda r: (r.starts_on, r.agency_id is not None, r.pk), reverse=True)


CATEGORY_BOOK = RuleBook(CategoryRule, kind_field="category")


def _category_rows(agency: Agency, on: dt.date, **filters) -> list[CategoryRule]:
    # Newest first, so that of two rows of one agency from one date the later one counts.
    return list(CATEGORY_BOOK.queryset(agency, starts_on__lte=on, **filters).order_by("-pk"))


def category_rule_in_force(*, agency: Agency, category: str, on: dt.date) -> CategoryRule:
    """How a category's incident discovered on `on` is handled: the row in force along the agency's line
    (nationwide, its superiors' for their subtree, its own: anwei.core.rulebook) — the latest start date wins, on
    the same date the nearer agency's row."""
    found = CATEGORY_BOOK.resolve(agency, _category_rows(agency, on, category=category), on)
    if found is None:
        raise NoRuleError(category, on)
    return found


def category_rules_in_force(*, agency: Agency | None, on: dt.date) -> dict[str, CategoryRule]:
    if agency is None:
        best: dict[str, CategoryRule] = {}
        for r in _precedence(CategoryRule.objects.filter(agency__isnull=True, starts_on__lte=on)):
            best.setdefault(r.category, r)
        return best
    rows = _category_rows(agency, on)
    found = {c: CATEGORY_BOOK.resolve(agency, [r for r in rows if r.category == c], on) for c in Category.values}
    return {c: r for c, r in found.items() if r is not None}


def category_rule_list(*, agency: Agency) -> list[CategoryRule]:
    """Every category row that can apply to the agency (nationwide, its superiors', its own), newest first."""
    return CATEGORY_BOOK.rows(agency)


CHAIN_BOOK = RuleBook(ChainRule, kind_field=("category", "party"))
CHAIN_KINDS = [f"{c}:{p}" for c in Category.values for p in Party.values]


def chain_in_force(*, agency: Agency | None, category: str, on: dt.date) -> list[ChainRule]:
    """The parties a category's incident discovered on `on` must be told, each by the row in force for that party
    along the agency's line (nationwide, its superiors', its own: anwei.core.rulebook); a row with required=False
    drops the party."""
    if agency is None:
        best: dict[str, ChainRule] = {}
        for r in _precedence(ChainRule.objects.filter(agency__isnull=True, category=category, starts_on__lte=on)):
            best.setdefault(r.party, r)
        found = [best.get(p) for p in Party.values]
    else:
        rows = list(CHAIN_BOOK.queryset(agency, category=category, starts_on__lte=on))
        found = [CHAIN_BOOK.resolve(agency, [r for r in rows if r.party == p], on) for p in Party.values]
    return [r for r in found if r is not None and r.required]


def chain_rule_example(*, kind: str, period: Period, agency: Agency, on: dt.date) -> str:
    """What a chain rule means for an incident discovered at 16:40 on `on` (the last hour of a working day, when a
    clock-hour deadline and a working-day one differ most), in the agency's calendar."""
    from anwei.incidents.deadlines import due_at
    from anwei.lib.rocdate import format_with_weekday

    def roc_datetime(moment: dt.datetime) -> str:
        local = timezone.localtime(moment)
        return f"{format_with_weekday(local.date())}{local:%H:%M}"

    category, party = kind.split(":")
    period_kind = {unit: k for k, unit in PERIOD_UNITS.items()}[period.unit]
    discovered = timezone.make_aware(dt.datetime.combine(on, dt.time(16, 40)))
    until = due_at(discovered_at=discovered, kind=period_kind, amount=period.amount, agency=agency)
    return (f"{roc_datetime(discovered)}發現的{Category(category).label}狀況，應於{roc_datetime(until)}以前"
            f"通報{Party(party).label}（{period_text(period_kind, period.amount)}）")


def chains_in_force(*, agency: Agency | None, on: dt.date) -> dict[str, list[ChainRule]]:
    """Every category's chain (one query per category is fine: five categories)."""
    return {c: chain_in_force(agency=agency, category=c, on=on) for c in Category.values}


# --- who sees what -----------------------------------------------------------------------------------

def _visible_q(person: Person) -> Q:
    view = policy.scope(person, "incidents.view")
    q = Q(pk__in=[])
    if view.agency_ids:
        q |= Q(agency__in=view.agency_ids)
    for path in view.subtree_paths:
        q |= Q(agency__path__startswith=path, superior_sees=True)
    if getattr(person, "is_authenticated", False):
        q |= Q(reporter=person)
    unit = policy.scope(person, "incidents.view_unit")
    if unit.unit_ids:
        q |= Q(reporter_unit__in=unit.unit_ids, restricted=False)
    return q


def incident_list(*, person: Person) -> QuerySet[Incident]:
    return (Incident.objects.filter(_visible_q(person)).select_related("agency", "plan")
            .order_by("-discovered_at", "-id"))


def incident_filtered(*, person: Person, category: str = "", status: str = "", year: int | None = None,
                      agency_id: int | None = None) -> QuerySet[Incident]:
    """The list page's filters: category, status, the (Gregorian) year of discovery in local days, one agency.
    The dashboards' per-category figures link here with the same filters, so the figure and the list agree."""
    qs = incident_list(person=person)
    if category in Category.values:
        qs = qs.filter(category=category)
    if status in Status.values:
        qs = qs.filter(status=status)
    if year:
        lo, hi = period_datetimes(dt.date(year, 1, 1), dt.date(year, 12, 31))
        qs = qs.filter(discovered_at__gte=lo, discovered_at__lt=hi)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    return qs


def incident_get(*, person: Person, pk: int) -> Incident:
    incident = incident_list(person=person).filter(pk=pk).first()
    if incident is None:
        raise Http404("找不到此狀況通報")
    return incident


def may_manage(person: Person, incident: Incident) -> bool:
    return policy.may(person, "incidents.manage", incident.agency)


def may_comment(person: Person, incident: Incident) -> bool:
    return incident.superior_sees and policy.may(person, "incidents.comment", incident.agency)


def incident_manage_get(*, person: Person, pk: int) -> Incident:
    incident = incident_get(person=person, pk=pk)
    if not may_manage(person, incident):
        raise Http404("找不到此狀況通報")
    return incident


def attachment_get(*, person: Person, incident: Incident, pk: int) -> Attachment:
    found = Attachment.objects.filter(incident=incident, pk=pk).select_related("stored").first()
    if found is None:
        raise Http404("找不到此附件")
    return found


def report_agency(person: Person) -> Agency | None:
    """The agency a person reports for: the first where they hold a role (their own before a deputy's)."""
    agencies = policy.granting_agencies(person, "incidents.report")
    own = [a for a in policy.member_agencies(person, own_only=True) if a in agencies]
    return (own or agencies or [None])[0]


def place_suggestions(agency: Agency) -> list[str]:
    """The places the agency's recent incidents named, offered while typing (free text stays allowed)."""
    seen: dict[str, None] = {}
    for place in (Incident.objects.filter(agency=agency, restricted=False).order_by("-id")
                  .values_list("place", flat=True)[:200]):
        seen.setdefault(place, None)
    return list(seen)[:30]


def managed_agencies(person: Person) -> list[Agency]:
    return policy.granting_agencies(person, "incidents.manage")


# --- the clocks --------------------------------------------------------------------------------------

def clocks(incident: Incident, now: dt.datetime | None = None) -> list[tuple[RequiredParty, str, str]]:
    """Each required party with its clock (in time / late / owed / overdue) and the label."""
    now = now or clock.now()
    return [(p, p.clock(now), p.clock_label(now)) for p in incident.parties.all()]


def owed_parties(*, agency_ids=None) -> QuerySet[RequiredParty]:
    """Parties still owed by open incidents (the partial index on Incident.owes)."""
    q = RequiredParty.objects.filter(incident__owes=True, incident__status=Status.OPEN, notified_at__isnull=True)
    if agency_ids is not None:
        q = q.filter(incident__agency__in=agency_ids)
    return q.select_related("incident").order_by("due_at", "id")


def requests_open(*, agency_ids=None):
    """The superior office's requests for more that no 續報 has answered yet (a partial index)."""
    from anwei.incidents.models import Comment

    q = Comment.objects.filter(asks_more=True, answered_at__isnull=True, incident__status=Status.OPEN)
    if agency_ids is not None:
        q = q.filter(incident__agency__in=agency_ids)
    return q.select_related("incident").order_by("created_at", "id")


# --- statistics --------------------------------------------------------------------------------------

def statistics_agencies(*, person: Person) -> QuerySet[Agency]:
    s = policy.scope(person, "incidents.statistics")
    return Agency.objects.filter(s.q(agency=None, unit=None)).order_by("path")


def statistics_agency_get(*, person: Person, pk: int) -> Agency:
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not policy.may(person, "incidents.statistics", agency):
        raise Http404("找不到此機關")
    return agency


def incident_statistics(agency: Agency, start: dt.date, end: dt.date, *, include_subtree: bool = False,
                        now: dt.datetime | None = None) -> dict:
    """Per category, incidents discovered from start to end inclusive (Asia/Taipei days): count, the
    required notifications (in time, late, still owed), the in-time rate, and open follow-ups. Counts only,
    no names. A fixed number of queries."""
    from anwei.tracking.models import TrackedItem

    now = now or clock.now()
    where = Q(agency__path__startswith=agency.path) if include_subtree else Q(agency=agency)
    where &= Q(discovered_at__date__range=(start, end))
    counts = dict(Incident.objects.filter(where).values_list("category").annotate(n=Count("id")))
    parties = Counter()
    for category, notified_at, due_at in (RequiredParty.objects.filter(incident__in=Incident.objects.filter(where))
                                          .values_list("incident__category", "notified_at", "due_at")):
        if notified_at is not None:
            parties[(category, Clock.IN_TIME if notified_at <= due_at else Clock.LATE)] += 1
        else:
            parties[(category, Clock.OVERDUE if now > due_at else Clock.OWED)] += 1
    follow = Counter(dict(
        Incident.objects.filter(where, follow_ups__tracked_item__status__in=[
            TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED])
        .values_list("category").annotate(n=Count("follow_ups"))))
    rows = []
    total = defaultdict(int)
    for value, label in Category.choices:
        row = {"category": value, "label": label, "count": counts.get(value, 0),
               "in_time": parties[(value, Clock.IN_TIME)], "late": parties[(value, Clock.LATE)],
               "overdue": parties[(value, Clock.OVERDUE)], "owed": parties[(value, Clock.OWED)],
               "open_follow_ups": follow.get(value, 0)}
        row["rate"] = _rate(row)
        for k in ("count", "in_time", "late", "overdue", "owed", "open_follow_ups"):
            total[k] += row[k]
        rows.append(row)
    total = {"label": "合計", **total}
    total["rate"] = _rate(total)
    return {"agency": agency, "start": start, "end": end, "include_subtree": include_subtree, "rows": rows,
            "total": total, "sentence": _sentence(total)}


def statistics_by_agency(agency: Agency, start: dt.date, end: dt.date, *, now: dt.datetime | None = None) -> list[dict]:
    """For the superior office: one line per agency of the subtree that had incidents in the period
    (count, in-time rate, open follow-ups). Four queries."""
    from anwei.tracking.models import TrackedItem

    now = now or clock.now()
    where = Q(agency__path__startswith=agency.path, discovered_at__date__range=(start, end))
    counts = dict(Incident.objects.filter(where).values_list("agency").annotate(n=Count("id")))
    if not counts:
        return []
    tally: dict[int, Counter] = defaultdict(Counter)
    for agency_id, notified_at, due in (RequiredParty.objects.filter(incident__in=Incident.objects.filter(where))
                                        .values_list("incident__agency", "notified_at", "due_at")):
        if notified_at is not None:
            tally[agency_id][Clock.IN_TIME if notified_at <= due else Clock.LATE] += 1
        elif now > due:
            tally[agency_id][Clock.OVERDUE] += 1
    follow = dict(Incident.objects.filter(where, follow_ups__tracked_item__status__in=[
        TrackedItem.Status.TRACKING, TrackedItem.Status.RELEASE_PROPOSED])
        .values_list("agency").annotate(n=Count("follow_ups")))
    names = dict(Agency.objects.filter(pk__in=counts).values_list("pk", "name"))
    rows = []
    for agency_id in sorted(counts, key=lambda pk: names.get(pk, "")):
        t = tally[agency_id]
        row = {"agency_id": agency_id, "name": names.get(agency_id, ""), "count": counts[agency_id],
               "in_time": t[Clock.IN_TIME], "late": t[Clock.LATE], "overdue": t[Clock.OVERDUE],
               "open_follow_ups": follow.get(agency_id, 0)}
        row["rate"] = _rate(row)
        rows.append(row)
    return rows


def period_count_sentence(start: dt.date, end: dt.date, agency_ids: list[int]) -> str:
    """For a special plan's results: incidents that occurred in its period in these agencies (one query)."""
    counts = dict(Incident.objects.filter(agency__in=agency_ids, occurred_at__date__range=(start, end))
                  .values_list("category").annotate(n=Count("id")))
    parts = "、".join(f"{label}{counts[value]}件" for value, label in Category.choices if counts.get(value))
    return f"狀況通報{sum(counts.values())}件" + (f"（{parts}）" if parts else "")


WORK_REPORT_HEADING = "安全維護工作推動情形（狀況通報）"


def work_report_sentences(stats: dict) -> list[str]:
    """The lines the meeting's work report quotes, e.g. 「113年1月1日至113年12月31日狀況通報計3件（危安2件、資安1件）。」"""
    from anwei.lib.rocdate import format_short

    total = stats["total"]
    parts = "、".join(f"{r['label']}{r['count']}件" for r in stats["rows"] if r["count"])
    period = f"{format_short(stats['start'])}至{format_short(stats['end'])}"
    own = stats["agency"].short_name or "本機關"
    judged = total["in_time"] + total["late"] + total["overdue"]
    lines = [f"{period}{own + '及所屬機關' if stats['include_subtree'] else ''}狀況通報計{total['count']}件"
             + (f"（{parts}）。" if parts else "。")]
    if judged:
        lines.append(f"應通報對象已屆時限者計{judged}處次，如期通報{total['in_time']}處次、逾時通報{total['late']}處次、"
                     f"逾時未通報{total['overdue']}處次，如期通報率{total['rate']}。")
    lines.append(f"狀況通報後續改善事項列管中計{total['open_follow_ups']}項。")
    return lines


def work_report_block(stats: dict) -> str:
    from anwei.lib import zhnum

    heading = (stats["agency"].short_name or "本機關") + WORK_REPORT_HEADING
    return "\n".join([heading] + [f"{zhnum.label(3, n)}{text}" for n, text
                                               in enumerate(work_report_sentences(stats), start=1)])


def work_reports_for(*, person: Person, agency: Agency):
    from anwei.meetings.selectors import work_reports_editable

    return work_reports_editable(person=person, agency=agency)


def _rate(row) -> str:
    """In-time rate over the notifications whose time has come (made, or owed past the deadline)."""
    judged = row["in_time"] + row["late"] + row["overdue"]
    return f"{row['in_time'] * 100 / judged:.1f}%" if judged else "—"


def _sentence(total) -> str:
    return (f"狀況通報計{total['count']}件，應通報對象如期通報率{total['rate']}，"
            f"後續改善事項列管中{total['open_follow_ups']}項")


def register_rows(*, agency: Agency, year: int) -> QuerySet[Incident]:
    """The yearly register (Gregorian `year`, by discovery), the agency's own incidents."""
    return (Incident.objects.filter(agency=agency, discovered_at__year=year).select_related("plan")
            .prefetch_related("parties").order_by("discovered_at", "id"))
