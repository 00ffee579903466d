"""Demo: what goes up for the record, so that the superior offices' dashboards have something to show.
Every person here is invented.

- 海港市政府水利局 (under `superior`): its plans need the head's 核定 (a plan awaits `head`); this year's
  meeting's minutes wait in the city's inbox.
- 山城縣政府 (`county.officer`, now also its superior ethics officer) and its subordinates, this year:
  青溪鄉公所 files everything in time; 松嶺鎮公所 has overdue tracked items and an overdue round;
  青溪國民小學 is late with its plan's results (the county's and its own); 松嶺國民中學 had a 洩密 incident
  (the superior office may see it) and its minutes await acknowledgement; 楓林國民小學 held no meeting yet.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.core.models import LetterNumberPattern
from anwei.core.workdays import workday_add
from anwei.incidents import services as incident_services
from anwei.meetings import services as meeting_services
from anwei.orgs.demo import DEMO_PASSWORD
from anwei.orgs.models import Agency, Role, Unit
from anwei.orgs.services import membership_grant, person_create
from anwei.plans import selectors as plan_selectors
from anwei.plans import services as plan_services
from anwei.plans.models import Assignment, Occasion
from anwei.submissions import services
from anwei.submissions.models import Kind, Submission
from anwei.tracking.models import TrackedItem
from anwei.tracking.services import tracked_item_create

OFFICERS = {"青溪鄉公所": ("town.officer", "周明哲"), "松嶺鎮公所": ("town2.officer", "吳佩珊"),
            "松嶺國民中學": ("school2.officer", "鄭宇軒"), "楓林國民小學": ("school3.officer", "王筱涵")}


def _backdate(s: Submission, when: dt.date, *, acknowledged_by=None) -> None:
    """Demo history: filed (and acknowledged) back then, not on the day the demo is loaded."""
    at = timezone.make_aware(dt.datetime.combine(when, dt.time(10, 0)))
    fields = {"first_sent_at": at, "sent_at": at}
    if acknowledged_by is not None:
        s = services.submission_decide(actor=acknowledged_by, submission=s, expected_version=s.version,
                                       acknowledge=True)
        fields["decided_at"] = at + dt.timedelta(days=2)
    Submission.objects.filter(pk=s.pk).update(**fields)


def _officer(agency: Agency, people: dict):
    for suffix, (username, name) in OFFICERS.items():
        if agency.name.endswith(suffix):
            unit = Unit.objects.filter(agency=agency).order_by("-is_ethics", "order").first()
            p = person_create(actor=None, username=username, password=DEMO_PASSWORD, full_name=name, title="幹事",
                              agency=agency, unit=unit)
            membership_grant(actor=None, person=p, agency=agency, role=Role.ETHICS_OFFICER)
            people[username] = p
            return p
    return people["school.officer"]


def _minutes(officer, agency, day, *, sent_after: int | None, superior=None):
    """A meeting held on `day`; its minutes sent `sent_after` working days later (None: not sent)."""
    m = meeting_services.meeting_create(actor=officer, agency=agency, date=day, place="會議室")
    if sent_after is not None:
        s = services.submission_send(actor=officer, agency=agency, kind=Kind.MINUTES, meeting=m, note="檢送會議紀錄")
        _backdate(s, workday_add(day, sent_after), acknowledged_by=superior)
    return m


def _plan(officer, agency, start: dt.date, end: dt.date, *, main, year: int):
    template = plan_selectors.template_for(agency=agency, occasion=Occasion.MID_AUTUMN)
    plan = plan_services.plan_create(actor=officer, agency=agency, template=template, year=year,
                                     period_start=start, period_end=end)
    letter = plan_services.letter_save(actor=officer, plan=plan, letter=None, expected_version=None,
                                       fields=plan_selectors.letter_defaults(plan=plan, actor=officer), main=main,
                                       cc=plan_services.RecipientChoice([], [], []))
    return plan, plan_services.letter_dispatch(actor=officer, letter=letter, on=start - dt.timedelta(days=7))


def _county(ctx: dict, today: dt.date) -> None:
    county, people = ctx["county"], ctx["people"]
    superior = people["county.officer"]
    membership_grant(actor=None, person=superior, agency=county, role=Role.SUPERIOR_OFFICER)
    subs = {a.name.removeprefix("山城縣").removeprefix("立"): a for a in ctx["county_subordinates"]}
    officers = {name: _officer(a, people) for name, a in subs.items()}
    early, mid = today - dt.timedelta(days=150), today - dt.timedelta(days=45)
    roc = today.year - 1911

    # The county's plan of this year to every subordinate: all but two schools reported their results.
    _, letter = _plan(superior, county, early, early + dt.timedelta(days=10), year=roc,
                      main=plan_services.RecipientChoice([], list(subs.values()), []))
    for name, a in subs.items():
        if name in ("青溪國民小學", "楓林國民小學"):
            continue
        assignment = letter.assignments.get(agency=a)
        plan_services.assignment_receive(actor=officers[name], assignment=assignment)
        assignment.refresh_from_db()
        plan_services.assignment_report(actor=officers[name], assignment=assignment,
                                        expected_version=assignment.version, uploads=[],
                                        result_text="工作期間加強門禁管理與巡查，無危安事件。")
        at = timezone.make_aware(dt.datetime.combine(assignment.due - dt.timedelta(days=1), dt.time(9)))
        Assignment.objects.filter(pk=assignment.pk).update(received_at=at, reported_at=at)

    # 青溪鄉公所: both meetings' minutes in time, acknowledged.
    town = subs["青溪鄉公所"]
    _minutes(officers["青溪鄉公所"], town, early, sent_after=3, superior=superior)
    _minutes(officers["青溪鄉公所"], town, mid, sent_after=5, superior=superior)

    # 松嶺鎮公所: items of its first meeting overdue, the round for its second meeting past its deadline.
    town2, officer2 = subs["松嶺鎮公所"], officers["松嶺鎮公所"]
    first = _minutes(officer2, town2, early, sent_after=4, superior=superior)
    units = list(Unit.objects.filter(agency=town2).order_by("order"))
    for n, text in enumerate(["加強公所大廳夜間門禁管制", "檢討檔案室鑰匙保管方式", "汰換故障之監視器鏡頭"], start=1):
        tracked_item_create(actor=officer2, agency=town2, source_kind=TrackedItem.Source.MEETING_DIRECTIVE, text=text,
                            lead_unit=units[n % len(units)], due_date=early + dt.timedelta(days=60), origin=first,
                            origin_date=first.date, origin_label=f"{first.label}會議", roc_year=first.roc_year)
    second = _minutes(officer2, town2, mid, sent_after=None)
    meeting_services.meeting_round_open(actor=officer2, meeting=second, deadline=today - dt.timedelta(days=14))

    # 青溪國民小學: its own plan's results never filed; its plan filed late.
    school, officer3 = subs["青溪國民小學"], officers["青溪國民小學"]
    LetterNumberPattern.objects.get_or_create(agency=school, defaults={"pattern": "溪小政字第{year:03}{serial:07}號"})
    plan, own = _plan(officer3, school, early, early + dt.timedelta(days=10), year=roc,
                      main=plan_services.RecipientChoice([], [], list(Unit.objects.filter(agency=school))))
    s = services.submission_send(actor=officer3, agency=school, kind=Kind.PLAN_FILING, plan=plan)
    _backdate(s, workday_add(own.date, 12))
    _minutes(officer3, school, early, sent_after=2, superior=superior)

    # 松嶺國民中學: a 洩密 incident this year (the superior office is told and may read it); minutes await review.
    school2, officer4 = subs["松嶺國民中學"], officers["松嶺國民中學"]
    _minutes(officer4, school2, early, sent_after=6)
    found = timezone.make_aware(dt.datetime.combine(mid, dt.time(15, 20)))
    incident_services.incident_report(
        actor=officer4, agency=school2, now=found + dt.timedelta(minutes=10), data=incident_services.IncidentInput(
            category="leak", title="學生個人資料表遺留於影印機", place="教務處影印室",
            description="教職員發現一疊學生基本資料表遺留於公用影印機出紙匣，已立即收回。",
            occurred_at=found - dt.timedelta(hours=2), discovered_at=found, actions="收回資料並清查影印紀錄。"))


def _bureau(ctx: dict, today: dt.date) -> None:
    bureau, people = ctx["bureau"], ctx["people"]
    officer = people["officer"]
    services.approval_rule_set(actor=officer, agency=bureau, required=True, effective_from=dt.date(today.year, 1, 1))
    template = plan_selectors.template_for(agency=bureau, occasion=Occasion.OTHER)
    plan = plan_services.plan_create(actor=officer, agency=bureau, template=template, year=today.year - 1911,
                                     period_start=today + dt.timedelta(days=20), period_end=today + dt.timedelta(days=30))
    services.approval_submit(actor=officer, plan=plan, note="檢陳本局年終專案安全維護計畫，敬請核定。")
    m = meeting_services.meeting_create(actor=officer, agency=bureau, date=today - dt.timedelta(days=10),
                                        place="本局101會議室")
    services.submission_send(actor=officer, agency=bureau, kind=Kind.MINUTES, meeting=m, note="檢送本次會議紀錄")


def load(ctx: dict) -> None:
    today = clock.today()
    _county(ctx, today)
    _bureau(ctx, today)
