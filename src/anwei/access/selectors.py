"""Reads of access control, every one through the policy. Badges and visitors are personal data: the
managing unit, the desk, the ethics unit and the head of the agency; a unit head sees the unit's badges;
a host sees their own guests; nobody else (no superior-office grant)."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.access.models import (OUTSTANDING, AccessSettings, Area, AreaHours, Badge, BadgeKind, ColumnMapping, Desk,
                                 DoorEvent, DoorLog, Review, Visitor, VisitorRetention, YearlyReview)
from anwei.core import clock
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.orgs.selectors import person_primary_agency

# What the yearly default keeps visitor records for, when no row says otherwise (seeded by migration).
DEFAULT_RETENTION_DAYS = 365


# --- settings and who may do what ----------------------------------------------------------------------

def settings_for(agency: Agency | None) -> AccessSettings | None:
    if agency is None:
        return None
    return (AccessSettings.objects.select_related("agency", "managing_unit", "desk_unit")
            .filter(agency=agency).first())


def home_agency(person: Person) -> Agency | None:
    return person_primary_agency(person)


def may(person: Person, action: str, settings: AccessSettings | None) -> bool:
    if settings is None:
        return False
    target = Desk(settings) if action == "access.desk" else settings
    return policy.may(person, action, target)


def settings_get(*, person: Person, agency: Agency, action: str = "access.view") -> AccessSettings:
    settings = settings_for(agency)
    if not may(person, action, settings):
        raise Http404("找不到此機關的門禁管理資料")
    return settings


def _settings_q(person: Person, action: str, prefix: str = "") -> Q:
    """Rows of the agencies where `action` is held, through agency roles or the managing/desk unit."""
    s = policy.scope(person, action)
    q = Q(**{f"{prefix}agency__in": s.agency_ids}) if s.agency_ids else Q(pk__in=[])
    if s.unit_ids:
        q |= Q(**{f"{prefix}agency__access_settings__managing_unit__in": s.unit_ids})
        if action == "access.desk":
            q |= Q(**{f"{prefix}agency__access_settings__desk_unit__in": s.unit_ids})
    return q


def settings_list(*, person: Person, action: str = "access.view") -> QuerySet[AccessSettings]:
    return (AccessSettings.objects.filter(_settings_q(person, action))
            .select_related("agency", "managing_unit", "desk_unit").order_by("agency__path"))


# --- areas ---------------------------------------------------------------------------------------------

def area_list(*, agency: Agency) -> QuerySet[Area]:
    """An agency's areas (call after settings_get has checked the person)."""
    return (Area.objects.filter(agency=agency).prefetch_related(
        "doors", Prefetch("hours", queryset=AreaHours.objects.order_by("-starts_on"))).order_by("-level", "name", "id"))


def area_get(*, person: Person, pk: int, action: str = "access.view") -> Area:
    area = Area.objects.select_related("agency").filter(pk=pk).first()
    if area is None or not may(person, action, settings_for(area.agency)):
        raise Http404("找不到此區域")
    return area


def hours_in_force(area: Area, on: dt.date) -> AreaHours | None:
    return area.hours.filter(starts_on__lte=on).order_by("-starts_on").first()


def hours_for_agency(agency_id: int) -> list[AreaHours]:
    return list(AreaHours.objects.filter(area__agency_id=agency_id))


# --- badges --------------------------------------------------------------------------------------------

def _badge_q(person: Person) -> Q:
    q = _settings_q(person, "access.view")
    units = policy.scope(person, "access.badge.view_unit").unit_ids
    if units:
        q |= Q(unit__in=units)
    return q


def badge_list(*, person: Person, agency: Agency | None = None) -> QuerySet[Badge]:
    qs = Badge.objects.filter(_badge_q(person)).select_related("agency", "unit", "holder")
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs.order_by("agency__path", "number", "id")


def badge_get(*, person: Person, pk: int) -> Badge:
    badge = Badge.objects.select_related("agency", "unit", "holder", "replaces").filter(pk=pk).first()
    if badge is None or not (may(person, "access.view", settings_for(badge.agency))
                             or policy.may(person, "access.badge.view_unit", badge)):
        raise Http404("找不到此門禁卡")
    return badge


def badge_manage_get(*, person: Person, pk: int) -> Badge:
    badge = Badge.objects.select_related("agency", "unit", "holder").filter(pk=pk).first()
    if badge is None or not may(person, "access.manage", settings_for(badge.agency)):
        raise Http404("找不到此門禁卡")
    return badge


def badges_overdue(*, today: dt.date, agency_ids=None) -> QuerySet[Badge]:
    """Contractor and temporary badges past their end date, not returned (indexed on status, ends_on)."""
    qs = Badge.objects.filter(status__in=OUTSTANDING, ends_on__lt=today,
                              kind__in=[BadgeKind.CONTRACTOR, BadgeKind.TEMPORARY])
    if agency_ids is not None:
        qs = qs.filter(agency__in=agency_ids)
    return qs.select_related("agency", "agency__access_settings").order_by("ends_on", "id")


def badges_holder_moved(*, agency_ids=None) -> QuerySet[Badge]:
    """Staff badges still out whose holder has left the agency, been disabled or moved to another unit."""
    qs = Badge.objects.filter(status__in=OUTSTANDING, kind=BadgeKind.STAFF, holder__isnull=False).filter(
        Q(holder__is_active=False) | ~Q(holder__agency=F("agency")) | Q(holder__agency__isnull=True)
        | ~Q(holder__unit=F("unit")) | Q(holder__unit__isnull=True, unit__isnull=False))
    if agency_ids is not None:
        qs = qs.filter(agency__in=agency_ids)
    return qs.select_related("agency", "agency__access_settings", "holder", "holder__unit", "unit").order_by("id")


def moved_reason(badge: Badge) -> str:
    holder = badge.holder
    if holder is None:
        return ""
    if not holder.is_active or holder.agency_id != badge.agency_id:
        return "持卡人已離職或調離本機關"
    if holder.unit_id != badge.unit_id:
        return f"持卡人已調至{holder.unit.name if holder.unit_id else '其他單位'}"
    return ""


def agency_people(agency: Agency) -> QuerySet[Person]:
    return Person.objects.filter(agency=agency, is_active=True).select_related("unit").order_by("unit__order", "full_name")


def agency_units(agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency).order_by("order", "id")


# --- visitors ------------------------------------------------------------------------------------------

def _visitor_q(person: Person) -> Q:
    return _settings_q(person, "access.view") | _settings_q(person, "access.desk") | Q(host=person)


def visitor_list(*, person: Person, agency: Agency | None = None) -> QuerySet[Visitor]:
    qs = Visitor.objects.filter(_visitor_q(person)).select_related("agency", "host")
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs.order_by("-visit_on", "arrived_at", "id")


def visitor_get(*, person: Person, pk: int, action: str = "view") -> Visitor:
    """action: "view" (any reader), "desk" (the front desk) or "host" (the person visited)."""
    v = Visitor.objects.select_related("agency", "host").filter(pk=pk).first()
    if v is None:
        raise Http404("找不到此訪客紀錄")
    settings = settings_for(v.agency)
    allowed = {
        "view": v.host_id == person.pk or may(person, "access.view", settings) or may(person, "access.desk", settings),
        "desk": may(person, "access.desk", settings),
        "host": v.host_id == person.pk,
    }[action]
    if not allowed:
        raise Http404("找不到此訪客紀錄")
    return v


def visitors_inside(*, agency_ids=None, before: dt.date | None = None) -> QuerySet[Visitor]:
    """Visitors who came in and have not signed out (partial index on left_at IS NULL)."""
    qs = Visitor.objects.filter(left_at__isnull=True, arrived_at__isnull=False)
    if agency_ids is not None:
        qs = qs.filter(agency__in=agency_ids)
    if before is not None:
        qs = qs.filter(visit_on__lte=before)
    return qs.select_related("agency", "agency__access_settings", "host").order_by("visit_on", "arrived_at", "id")


def inside_after_closing(agency_id: int, settings: AccessSettings, now: dt.datetime) -> list[Visitor]:
    """Who is still inside after today's closing time (and anyone left over from earlier days)."""
    local = timezone.localtime(now)
    rows = list(visitors_inside(agency_ids=[agency_id]))
    if local.time() >= settings.closing_time:
        return rows
    return [v for v in rows if v.visit_on < local.date()]


def retention_days(agency: Agency, on: dt.date) -> int:
    """The visitor retention rule in force on `on`: the agency's own row, else the general one."""
    row = (VisitorRetention.objects.filter(Q(agency=agency) | Q(agency__isnull=True), starts_on__lte=on)
           .order_by(F("agency").desc(nulls_last=True), "-starts_on").first())
    return row.days if row else DEFAULT_RETENTION_DAYS


def retention_rules(agency: Agency) -> QuerySet[VisitorRetention]:
    return VisitorRetention.objects.filter(Q(agency=agency) | Q(agency__isnull=True)).order_by("-starts_on", "id")


def retention_due(*, today: dt.date | None = None) -> QuerySet[Visitor]:
    today = today or clock.today()
    return Visitor.objects.filter(retention_due_on__lte=today).select_related("agency")


# --- door events and the yearly review -----------------------------------------------------------------

def mapping_for(agency: Agency) -> ColumnMapping:
    return ColumnMapping.objects.filter(agency=agency).first() or ColumnMapping(agency=agency)


def door_logs(agency: Agency) -> QuerySet[DoorLog]:
    return DoorLog.objects.filter(agency=agency).order_by("-imported_at", "-id")


def events_to_review(*, agency: Agency, review: str = Review.PENDING) -> QuerySet[DoorEvent]:
    return (DoorEvent.objects.filter(agency=agency, review=review).select_related("door", "door__area", "badge")
            .order_by("-at", "-id"))


def event_get(*, person: Person, pk: int) -> DoorEvent:
    e = DoorEvent.objects.select_related("agency", "door", "door__area", "badge").filter(pk=pk).first()
    if e is None or not may(person, "access.events.review", settings_for(e.agency)):
        raise Http404("找不到此門禁事件")
    return e


def unit_badges(*, agency: Agency, unit: Unit) -> QuerySet[Badge]:
    return (Badge.objects.filter(agency=agency, unit=unit, status__in=OUTSTANDING)
            .prefetch_related("areas").select_related("holder").order_by("number"))


def reviews_of(*, agency: Agency, year: int) -> dict[int, YearlyReview]:
    return {r.unit_id: r for r in YearlyReview.objects.filter(agency=agency, year=year)}


def review_units(*, person: Person) -> QuerySet[Unit]:
    """The units whose yearly confirmation this person gives (unit heads)."""
    return Unit.objects.filter(pk__in=policy.scope(person, "access.review.confirm").unit_ids).select_related("agency")


def review_unit_get(*, person: Person, pk: int) -> Unit:
    unit = Unit.objects.select_related("agency").filter(pk=pk).first()
    if unit is None or not (policy.may(person, "access.review.confirm", _UnitTarget(unit))
                            or may(person, "access.view", settings_for(unit.agency))):
        raise Http404("找不到此單位")
    return unit


class _UnitTarget:
    def __init__(self, unit: Unit) -> None:
        self.agency = unit.agency
        self.unit_id = unit.pk


def may_confirm(person: Person, unit: Unit) -> bool:
    return policy.may(person, "access.review.confirm", _UnitTarget(unit))


def review_status(*, agency: Agency, year: int) -> list[tuple[Unit, int, YearlyReview | None]]:
    """Every unit with badges out, how many, and its confirmation of the year (two queries): what the
    officer shows an inspector."""
    from django.db.models import Count

    counts = dict(Badge.objects.filter(agency=agency, status__in=OUTSTANDING, unit__isnull=False)
                  .values_list("unit").annotate(n=Count("id")).values_list("unit", "n"))
    done = reviews_of(agency=agency, year=year)
    return [(u, counts[u.pk], done.get(u.pk)) for u in agency_units(agency) if u.pk in counts]


def meetings_to_propose_at(*, person: Person, agency: Agency):
    """The agency's coming security meetings whose packet this person writes (the plan goes there as a proposal)."""
    from anwei.meetings.selectors import meetings_visible

    if not policy.may(person, "meeting.manage", agency):
        return []
    return list(meetings_visible(person=person).filter(agency=agency, date__gte=clock.today()).order_by("date")[:5])


def meeting_for_proposal(*, person: Person, agency: Agency, pk: int):
    from anwei.meetings.selectors import meeting_get

    meeting = meeting_get(person=person, pk=pk, action="meeting.manage")
    if meeting.agency_id != agency.pk:
        raise Http404("找不到此會議")
    return meeting
