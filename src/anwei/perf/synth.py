"""A national-scale synthetic dataset, deterministic from a seed, written in bulk.

Shape: counties → bureaus and township offices; schools under each county's education bureau. The
first county is a large municipality with a third of all agencies (400 of the default 1,200).
Per agency per year: 2 security meetings (agenda, attendance, reports, 2 proposals, rulings),
40 tracked directives with about 2 progress reports each and the decisions of the next round,
2 special plans dispatched by letter to the agency's units (a county's first plan also to its
whole subtree), a self-assessment round answered by every unit, 2 inspections (one deficiency
each, tracked), and a check of the door-access system on every working day.

Rows go straight to the tables with executemany, or COPY on PostgreSQL (Django model instances
cost ten times more for millions of rows); primary keys are allocated here (max(pk)+1 onwards) so that rows can
reference each other before they are written, and PostgreSQL sequences are reset afterwards.
No audit rows are written: synthetic data is not a change any user made.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from anwei.assessments.models import Answer, AssessmentRound, ChecklistItem, ChecklistTemplate, SelfAssessment
from anwei.awareness.models import Event as AwarenessEvent
from anwei.awareness.models import Form as AwarenessForm
from anwei.awareness.models import Topic as AwarenessTopic
from anwei.core.workdays import is_workday
from anwei.dashboards.summary import rebuild as dashboard_summaries_rebuild
from anwei.devicechecks.models import DailyCheck, DeviceSystem, RepairRecord
from anwei.inspections.models import Finding, Inspection
from anwei.meetings.models import AgendaItem, Attendance, Proposal, Report, Ruling, SecurityMeeting
from anwei.orgs.models import Agency, Membership, Person, Role, Unit
from anwei.perf import words as W
from anwei.plans.models import Assignment, DutyRow, Letter, LetterRecipient, Occasion, SpecialPlan
from anwei.tracking.models import ProgressReport, ProgressRound, TrackedItem, TrackingDecision

PASSWORD = "anwei-synth-2026"
ITEMS_PER_MEETING = 20  # 2 meetings a year: 40 tracked items per agency per year
CHUNK = 25  # agencies per transaction

CoUnit = TrackedItem.co_units.through
RoundItem = ProgressRound.items.through
RoundTemplate = AssessmentRound.templates.through
InspectionUnit = Inspection.units.through

# Written in this order (foreign keys point backwards only).
MODELS: list[type[models.Model]] = [
    Agency, Unit, Person, Membership,
    SecurityMeeting, AgendaItem, Attendance, Report, Proposal, Ruling,
    TrackedItem, CoUnit, ProgressRound, RoundItem, ProgressReport, TrackingDecision,
    SpecialPlan, DutyRow, Letter, LetterRecipient, Assignment,
    ChecklistTemplate, ChecklistItem, AssessmentRound, RoundTemplate, SelfAssessment, Answer,
    Inspection, InspectionUnit, Finding, DeviceSystem, DailyCheck, RepairRecord,
    AwarenessEvent,
]
AGENDA = [("主席致詞", 5, "主席"), ("上次會議主席裁(指)示事項辦理情形報告", 10, "政風室"), ("工作報告", 15, "各單位"),
          ("提案討論", 15, ""), ("臨時動議", 5, ""), ("主席結論", 5, "主席"), ("散會", 0, "")]
TS, DS = TrackedItem.Status, ProgressReport.Status


@dataclass(frozen=True)
class Size:
    agencies: int = 1200
    years: int = 10
    seed: int = 1
    end_year: int | None = None  # Gregorian; default this year


class _Table:
    """One table's column order, defaults and value adaptation."""

    def __init__(self, model: type[models.Model], now: dt.datetime) -> None:
        self.model = model
        own_pk = not model._meta.auto_created  # m2m through rows get their id from the database
        self.fields = [f for f in model._meta.concrete_fields if own_pk or not f.primary_key]
        self.names = {f.attname for f in self.fields}
        self.defaults = {}
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            elif f.has_default():
                self.defaults[f.attname] = f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            elif isinstance(f, (models.CharField, models.TextField)):
                self.defaults[f.attname] = ""
        ops = connection.ops
        self.adapters = []
        for f in self.fields:
            if isinstance(f, models.DateTimeField):
                self.adapters.append(ops.adapt_datetimefield_value)
            elif isinstance(f, models.DateField):
                self.adapters.append(ops.adapt_datefield_value)
            elif isinstance(f, models.TimeField):
                self.adapters.append(ops.adapt_timefield_value)
            elif isinstance(f, models.JSONField):
                self.adapters.append(lambda v, f=f: f.get_db_prep_save(v, connection))
            else:
                self.adapters.append(None)
        quote = ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields)
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(self.fields))})"
        self.copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"

    def row(self, values: dict) -> tuple:
        unknown = values.keys() - self.names
        if unknown:
            raise TypeError(f"{self.model.__name__}: unknown columns {unknown}")
        out = []
        for f, adapt in zip(self.fields, self.adapters):
            v = values[f.attname] if f.attname in values else self.defaults[f.attname]
            out.append(adapt(v) if adapt is not None and v is not None else v)
        return tuple(out)


class _Buffer:
    """Rows waiting to be written, the next primary key per table, and the counts written."""

    def __init__(self, now: dt.datetime) -> None:
        self.tables = {m: _Table(m, now) for m in MODELS}
        self.rows: dict[type, list[tuple]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)
        self.next_pk = {m: (m.objects.aggregate(x=models.Max("pk"))["x"] or 0) + 1
                        for m in MODELS if not m._meta.auto_created}

    def add(self, model: type[models.Model], **values) -> int | None:
        pk = None
        if model in self.next_pk:
            pk = values["id"] = self.next_pk[model]
            self.next_pk[model] += 1
        self.rows[model].append(self.tables[model].row(values))
        return pk

    def flush(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for model in MODELS:
                rows = self.rows.pop(model, None)
                if not rows:
                    continue
                if connection.vendor == "postgresql":  # COPY: several times faster than INSERT there
                    with cursor.cursor.copy(self.tables[model].copy_sql) as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    cursor.executemany(self.tables[model].sql, rows)
                self.counts[model._meta.db_table] += len(rows)


@dataclass
class _Unit:
    pk: int
    name: str
    is_ethics: bool


@dataclass
class _Ag:
    """An agency being generated, with what its years need."""

    pk: int
    index: int
    name: str
    kind: str
    short: str
    path: str
    units: list[_Unit] = field(default_factory=list)
    head: int = 0
    head_label: str = ""
    officer: int = 0
    officer_name: str = ""
    liaisons: dict[int, int] = field(default_factory=dict)  # unit pk → person pk
    subtree: list[_Ag] = field(default_factory=list)  # a county's agencies below it

    @property
    def work_units(self) -> list[_Unit]:
        return [u for u in self.units if not u.is_ethics]

    @property
    def ethics_unit(self) -> _Unit | None:
        return next((u for u in self.units if u.is_ethics), None)


def _name(rng: random.Random) -> str:
    return rng.choice(W.SURNAMES) + rng.choice(W.GIVEN[::2]) + rng.choice(W.GIVEN[1::2])


def _place(rng: random.Random) -> str:
    return rng.choice(W.PLACE_A) + rng.choice(W.PLACE_B)


def _directive(rng: random.Random) -> str:
    return f"{rng.choice(W.D_SUBJECT)}{rng.choice(W.D_ACTION)}{rng.choice(W.D_OBJECT)}，{rng.choice(W.D_TAIL)}。"


def _aware(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _county_sizes(n: int) -> list[int]:
    """One county up to 60 agencies; beyond, the first (a large municipality) holds a third of them
    (400 of the default 1,200) and the others about 55 each."""
    if n <= 60:
        return [n]
    first = n // 3
    rest = n - first
    k = max(1, min(21, round(rest / 55)))
    return [first] + [rest // k + (1 if i < rest % k else 0) for i in range(k)]


def _tree(size: Size, buf: _Buffer) -> list[_Ag]:
    """Counties (see _county_sizes), every county followed by its subtree (with Agency.path)."""
    rng = random.Random(f"{size.seed}/tree")
    per = _county_sizes(size.agencies)
    used: set[str] = set()
    out: list[_Ag] = []

    def make(name: str, kind: str, parent: _Ag | None, short: str) -> _Ag:
        pk = buf.next_pk[Agency]
        path = f"{parent.path if parent else ''}{pk:06d}."  # the rule of Agency.compute_path, pk known up front
        buf.add(Agency, name=name, kind=kind, parent_id=parent.pk if parent else None, short_name=short, path=path,
                code=f"S{len(out):07d}", address=f"{name}辦公大樓", phone=f"0{rng.randint(2, 8)}-{rng.randint(2000000, 8999999)}")
        a = _Ag(pk, len(out), name, kind, short, path)
        out.append(a)
        return a

    for n in per:
        place = _place(rng)
        while place in used:
            place = _place(rng)
        used.add(place)
        county = make(f"{place}{rng.choice('縣市')}政府", Agency.Kind.COUNTY, None, "本府")
        rest = n - 1
        n_bureaus = min(len(W.BUREAUS), max(1 if rest else 0, round(rest * 0.2)))
        n_towns = round(rest * 0.15)
        n_schools = max(0, rest - n_bureaus - n_towns)
        subtree = [make(f"{county.name[:3]}{b}", Agency.Kind.BUREAU, county, "本處" if b.endswith("處") else "本局")
                   for b in W.BUREAUS[:n_bureaus]]
        for _ in range(n_towns):
            subtree.append(make(f"{place[0]}{_place(rng)}{rng.choice('鄉鎮')}公所", Agency.Kind.TOWNSHIP, county, "本所"))
        education = subtree[0] if subtree else county
        for k in range(n_schools):
            level = "國民小學" if k % 3 else "國民中學"
            subtree.append(make(f"{place[0]}縣立{_place(rng)}{level}", Agency.Kind.SCHOOL, education, "本校"))
        county.subtree = subtree
    return out


class _Generator:
    def __init__(self, size: Size, buf: _Buffer, today: dt.date, password: str) -> None:
        from django.contrib.contenttypes.models import ContentType

        self.size, self.buf, self.today, self.password = size, buf, today, password
        # Tracking refers to its origins and sources generically (tracking.sources).
        self.ct_meeting = ContentType.objects.get_for_model(SecurityMeeting).pk
        self.ct_finding = ContentType.objects.get_for_model(Finding).pk
        end = size.end_year or today.year
        self.years = list(range(end - size.years + 1, end + 1))
        self._workdays: dict[int, list[dt.date]] = {}
        self.topics = list(AwarenessTopic.objects.filter(agency=None).order_by("order").values_list("pk", flat=True))

    def workdays(self, year: int) -> list[dt.date]:
        if year not in self._workdays:
            d, days = dt.date(year, 1, 1), []
            while d.year == year and d <= self.today:
                if is_workday(d):
                    days.append(d)
                d += dt.timedelta(days=1)
            self._workdays[year] = days
        return self._workdays[year]

    def agency(self, a: _Ag) -> None:
        self.people(a, random.Random(f"{self.size.seed}/people/{a.index}"))
        rng = random.Random(f"{self.size.seed}/{a.index}")
        self.meetings(a, rng)
        self.plans(a, rng)
        self.assessments(a, rng)
        self.inspections(a, rng)
        self.devices(a, rng)
        self.awareness(a, rng)

    # --- units, people, roles --------------------------------------------------------------------
    def people(self, a: _Ag, rng: random.Random) -> None:
        add = self.buf.add
        names = {"county": W.COUNTY_UNITS, "bureau": W.BUREAU_UNITS, "township": W.TOWNSHIP_UNITS,
                 "school": W.SCHOOL_UNITS}[a.kind]
        for i, n in enumerate(names):
            pk = add(Unit, agency_id=a.pk, name=n, order=i + 1, is_ethics=n == "政風室", is_personnel=n == "人事室")
            a.units.append(_Unit(pk, n, n == "政風室"))
        ethics = a.ethics_unit
        serial = iter(range(1, 1000))

        def person(title: str, unit: _Unit | None, *roles: tuple[str, _Unit | None]) -> tuple[int, str]:
            full_name = _name(rng)
            pk = add(Person, username=f"s{a.index:05d}.{next(serial):02d}", password=self.password,
                     full_name=full_name, title=title, agency_id=a.pk, unit_id=unit.pk if unit else None,
                     is_superuser=False, is_staff=False, is_active=True)
            for role, role_unit in roles:
                add(Membership, person_id=pk, agency_id=a.pk, unit_id=role_unit.pk if role_unit else None, role=role)
            return pk, full_name

        title = W.TITLES_HEAD[a.kind]
        a.head, name = person(title, None, (Role.AGENCY_HEAD, None))
        a.head_label = f"{title}{name}"
        a.officer, a.officer_name = person("政風室主任" if ethics else "兼辦政風業務人員", ethics,
                                           (Role.ETHICS_OFFICER, None))
        if a.kind == Agency.Kind.COUNTY:
            person("政風處專員", ethics, (Role.SUPERIOR_OFFICER, None), (Role.ETHICS_OFFICER, None))
        for u in a.work_units:
            a.liaisons[u.pk] = person(rng.choice(W.TITLES), u, (Role.UNIT_LIAISON, u))[0]
            person(f"{u.name[-1]}主任" if u.name.endswith("室") else f"{u.name[-1]}長", u, (Role.UNIT_HEAD, u))
        person(rng.choice(W.TITLES), a.units[-1], (Role.STAFF, None))

    # --- meetings and tracking -------------------------------------------------------------------
    def meetings(self, a: _Ag, rng: random.Random) -> None:
        add, work = self.buf.add, a.work_units
        ethics = a.ethics_unit or a.units[0]
        # item state while the years go by: pk → [lead unit pk, status, released_at]
        prev: list[dict] = []  # items of the previous meeting
        carried: list[dict] = []  # items continued once
        items_out: list[dict] = []
        meetings = [(y, s) for y in self.years for s in (1, 2)]
        for t, (year, seq) in enumerate(meetings):
            roc = year - 1911
            date = dt.date(year, 6 if seq == 1 else 12, 3 + a.index % 20)
            label = f"{roc}年第{seq}次"
            m = add(SecurityMeeting, agency_id=a.pk, roc_year=roc, sequence=seq, date=date, start_time=dt.time(11, 30),
                    place=rng.choice(W.PLACES), chair_name=a.head_label, recorder_name=a.officer_name,
                    attendees_note="（如簽到簿）", opening_remarks="感謝各位同仁出席。", conclusion="請各單位依裁示事項確實辦理。",
                    created_by_id=a.officer)
            for i, (title, minutes, who) in enumerate(AGENDA):
                add(AgendaItem, meeting_id=m, order=i, title=title, minutes=minutes, presenter=who)
            for u in a.units:
                add(Attendance, meeting_id=m, unit_id=u.pk, name=f"{u.name}主管", status=Attendance.Status.PRESENT)
            for i in range(2):
                add(Report, meeting_id=m, kind=Report.Kind.WORK, order=i, title=rng.choice(W.REPORT), unit_id=ethics.pk,
                    presenter=a.officer_name, body=rng.choice(W.PROGRESS))
            for i in range(2):
                add(Proposal, meeting_id=m, kind=Proposal.Kind.REGULAR, number=i + 1, unit_id=rng.choice(work).pk,
                    subject=rng.choice(W.PROPOSAL), explanation="依年度工作計畫辦理。", method="提請討論。",
                    resolution=Proposal.Resolution.PASSED, resolution_text="照案通過。")
            for i in range(2):
                add(Ruling, meeting_id=m, section=Ruling.Section.CONCLUSION, order=i, text=_directive(rng),
                    actionable=False)
            last = t == len(meetings) - 1
            if t > 0:  # the round this meeting reviews: the previous meeting's items and those continued before
                deadline = date - dt.timedelta(days=14)
                rnd = add(ProgressRound, agency_id=a.pk, target_type_id=self.ct_meeting, target_id=m, target_date=date,
                          title=f"{label}會議列管事項執行情形",
                          deadline=deadline, opened_by_id=a.officer, closed_at=None if last else _aware(date, 16))
                still = []
                for item in prev + carried:
                    add(RoundItem, progressround_id=rnd, trackeditem_id=item["id"])
                    unit = item["lead_unit_id"] or work[0].pk
                    pending = last and rng.random() < 0.5
                    add(ProgressReport, agency_id=a.pk, round_id=rnd, item_id=item["id"], unit_id=unit,
                        status=DS.PENDING if pending else DS.SUBMITTED, text="" if pending else rng.choice(W.PROGRESS),
                        submitted_by_id=None if pending else a.liaisons.get(unit),
                        submitted_at=None if pending else _aware(deadline))
                    if last:
                        continue
                    add(ProgressReport, agency_id=a.pk, round_id=rnd, item_id=item["id"], unit_id=None,
                        status=DS.SUBMITTED, text=rng.choice(W.PROGRESS), submitted_by_id=a.officer,
                        submitted_at=_aware(deadline + dt.timedelta(days=3)))
                    release = item in carried or rng.random() < 0.8
                    add(TrackingDecision, agency_id=a.pk, item_id=item["id"], round_id=rnd,
                        decision="release" if release else "continue", decided_by_id=a.officer)
                    if release:
                        item["status"], item["released_at"] = TS.RELEASED, _aware(date, 12)
                    else:
                        still.append(item)
                carried = still
            prev = []
            for n in range(1, ITEMS_PER_MEETING + 1):
                all_units = rng.random() < 0.1
                lead = None if all_units else rng.choice(work).pk
                item = dict(agency_id=a.pk, source_kind=TrackedItem.Source.MEETING_DIRECTIVE,
                            origin_type_id=self.ct_meeting, origin_id=m, origin_date=date,
                            origin_label=f"{label}會議", roc_year=roc, number=n, text=_directive(rng),
                            all_units=all_units, lead_unit_id=lead, due_date=date + dt.timedelta(days=60),
                            status=TS.TRACKING, released_at=None)
                item["id"] = self.buf.next_pk[TrackedItem]
                self.buf.next_pk[TrackedItem] += 1
                if lead and len(work) > 1 and rng.random() < 0.25:
                    item["co"] = rng.choice([u for u in work if u.pk != lead]).pk
                prev.append(item)
                items_out.append(item)
        for item in items_out:  # written once their final status is known
            co = item.pop("co", None)
            self.buf.rows[TrackedItem].append(self.buf.tables[TrackedItem].row(item))
            if co:
                add(CoUnit, trackeditem_id=item["id"], unit_id=co)

    # --- special plans ---------------------------------------------------------------------------
    def plans(self, a: _Ag, rng: random.Random) -> None:
        add, work = self.buf.add, a.work_units
        serial = 0
        for year in self.years:
            roc = year - 1911
            for k, (occasion, label, start) in enumerate(((Occasion.LUNAR_NEW_YEAR, "春節", dt.date(year, 1, 20)),
                                                          (Occasion.MID_AUTUMN, "中秋", dt.date(year, 9, 10)))):
                end = start + dt.timedelta(days=12)
                title = f"{a.name}{roc}年{label}連續假期安全維護工作計畫"
                plan = add(SpecialPlan, agency_id=a.pk, occasion=occasion, year=roc, title=title, period_start=start,
                           period_end=end, result_workdays=5, created_by_id=a.officer, sections=[
                               {"key": "purpose", "heading": "目的", "required": True,
                                "body": f"為維護{label}連續假期期間機關安全，特訂定本計畫。"},
                               {"key": "measures", "heading": "工作要項", "required": True,
                                "body": "一、加強門禁管制。\n二、落實值勤巡邏。"}])
                for i, u in enumerate(work[:2]):
                    add(DutyRow, plan_id=plan, order=i, party=u.name, duties="辦理假期間安全維護事項。")
                serial += 1
                sent, due = start - dt.timedelta(days=10), end + dt.timedelta(days=7)
                targets: list[tuple[int, int | None]] = [(a.pk, u.pk) for u in work]
                if k == 0:
                    targets += [(sub.pk, None) for sub in a.subtree]
                letter = add(Letter, plan_id=plan, agency_id=a.pk, subject=f"檢送{title}，請查照。",
                             speed=Letter.Speed.NORMAL, number=f"{a.short[-1]}政字第{roc:03d}{serial:07d}號", date=sent,
                             dispatched_at=_aware(sent), dispatched_by_id=a.officer, due=due,
                             contact_name=a.officer_name, recipient_count=len(targets))
                for i, (agency_id, unit_id) in enumerate(targets):
                    add(LetterRecipient, letter_id=letter, copy=LetterRecipient.Copy.MAIN,
                        target_agency_id=None if unit_id else agency_id, target_unit_id=unit_id, order=i)
                    reported = due < self.today and rng.random() < 0.9
                    add(Assignment, letter_id=letter, agency_id=agency_id, unit_id=unit_id, due=due,
                        received_at=_aware(sent + dt.timedelta(days=1)) if sent < self.today else None,
                        result_text="已依計畫辦理完竣，期間未發生安全狀況。" if reported else "",
                        reported_at=_aware(due - dt.timedelta(days=rng.randint(0, 5))) if reported else None,
                        remind_count=0)

    # --- self-assessments ------------------------------------------------------------------------
    def assessments(self, a: _Ag, rng: random.Random) -> None:
        add = self.buf.add
        name = "機關安全維護自評表"
        tpl = add(ChecklistTemplate, agency_id=a.pk, name=name, kind=ChecklistTemplate.Kind.SECURITY, is_active=True)
        items = [(add(ChecklistItem, template_id=tpl, key=i + 1, order=i + 1, section="安全維護", text=text,
                      answer_kind="verdict", corrective_required=True, is_current=True), text)
                 for i, text in enumerate(W.CHECK_ITEMS)]
        for year in self.years:
            deadline = dt.date(year, 4, 30)
            # started a month before its deadline (the work report counts a round in the period it was started)
            rnd = add(AssessmentRound, agency_id=a.pk, title=f"{year - 1911}年度機關安全維護自評", deadline=deadline,
                      created_by_id=a.officer, closed=deadline < self.today,
                      created_at=_aware(deadline - dt.timedelta(days=30)))
            add(RoundTemplate, assessmentround_id=rnd, checklisttemplate_id=tpl)
            for u in a.work_units:
                s = add(SelfAssessment, round_id=rnd, agency_id=a.pk, unit_id=u.pk, status=SelfAssessment.Status.SUBMITTED,
                        filled_by_id=a.liaisons[u.pk], submitted_at=_aware(deadline - dt.timedelta(days=3)))
                for item_id, text in items:
                    bad = rng.random() < 0.05
                    add(Answer, assessment_id=s, item_id=item_id, template_name=name, item_text=text, item_version=1,
                        answer_kind="verdict", verdict="nonconform" if bad else "conform",
                        corrective_action="已要求限期改善。" if bad else "")

    # --- inspections: one tracked deficiency each ------------------------------------------------
    def inspections(self, a: _Ag, rng: random.Random) -> None:
        add, work = self.buf.add, a.work_units
        for year in self.years:
            for month, kind in ((3, Inspection.Kind.SECURITY), (10, Inspection.Kind.SECRECY)):
                date = dt.date(year, month, 10 + a.index % 15)
                label = f"{year - 1911}年{month}月{Inspection.Kind(kind).label}"
                ins = add(Inspection, agency_id=a.pk, title=label, kind=kind, mode=Inspection.Mode.SCHEDULED, date=date,
                          inspectors=f"政風室{a.officer_name}", status=Inspection.Status.REPORTED,
                          created_by_id=a.officer)
                units = rng.sample(work, min(2, len(work)))
                for u in units:
                    add(InspectionUnit, inspection_id=ins, unit_id=u.pk)
                open_ = date > self.today - dt.timedelta(days=120)
                text = rng.choice(W.FINDINGS)
                finding = self.buf.next_pk[Finding]
                item = add(TrackedItem, agency_id=a.pk, source_kind=TrackedItem.Source.INSPECTION_DEFICIENCY,
                           source_type_id=self.ct_finding, source_id=finding, origin_label=label, roc_year=year - 1911,
                           number=1, text=f"{text}，請限期改善。", lead_unit_id=units[0].pk, all_units=False,
                           due_date=date + dt.timedelta(days=30), status=TS.TRACKING if open_ else TS.RELEASED,
                           released_at=None if open_ else _aware(date + dt.timedelta(days=60)))
                add(Finding, inspection_id=ins, kind=Finding.Kind.DEFICIENCY, unit_id=units[0].pk, text=text,
                    due_date=date + dt.timedelta(days=30), tracked_item_id=item, order=1)
                add(Finding, inspection_id=ins, kind=Finding.Kind.STRENGTH, text="各單位配合度良好。", order=0)
                add(Finding, inspection_id=ins, kind=Finding.Kind.RECOMMENDATION, text="建議定期辦理安全維護教育訓練。",
                    order=2)

    # --- daily device checks, every working day of every year ------------------------------------
    def devices(self, a: _Ag, rng: random.Random) -> None:
        add = self.buf.add
        unit = a.work_units[0]
        vendor = "安全科技股份有限公司"
        system = add(DeviceSystem, agency_id=a.pk, unit_id=unit.pk, name="大門門禁系統",
                     kind=DeviceSystem.Kind.DOOR_ACCESS, location="一樓大廳", vendor=vendor,
                     in_service_from=dt.date(self.years[0], 1, 1), is_active=True, order=0)
        who = a.liaisons[unit.pk]
        for year in self.years:
            for day in self.workdays(year):
                broken = rng.random() < 0.01
                check = add(DailyCheck, system_id=system, date=day, working=not broken,
                            problem="讀卡機無法感應" if broken else "", checked_by_id=who)
                if broken:
                    add(RepairRecord, system_id=system, opened_by_check_id=check, opened_on=day, problem="讀卡機無法感應",
                        reported_on=day, vendor=vendor, repaired_on=min(day + dt.timedelta(days=3), self.today))


    # --- awareness events: six a year (the work report counts them) ------------------------------------
    def awareness(self, a: _Ag, rng: random.Random) -> None:
        add, forms = self.buf.add, AwarenessForm.values
        for year in self.years:
            for month in (2, 4, 6, 8, 10, 12):
                day = dt.date(year, month, 1 + a.index % 27)
                if day > self.today:
                    break
                add(AwarenessEvent, agency_id=a.pk, title=f"{year - 1911}年{month}月安全維護宣導",
                    topic_id=rng.choice(self.topics), form=rng.choice(forms), start_date=day,
                    audience_count=rng.randint(10, 200), speaker="政風室", created_by_id=a.officer)


def synth(size: Size, *, progress: Callable[[str], None] = lambda s: None,
          today: dt.date | None = None) -> dict[str, int]:
    """Fill the database; returns rows written per table."""
    today = today or timezone.localdate()
    buf = _Buffer(timezone.now())
    gen = _Generator(size, buf, today, make_password(PASSWORD))
    agencies = _tree(size, buf)
    buf.flush()
    for start in range(0, len(agencies), CHUNK):
        for a in agencies[start:start + CHUNK]:
            gen.agency(a)
        buf.flush()
        progress(f"{min(start + CHUNK, len(agencies))}/{len(agencies)} 個機關")
    dashboard_summaries_rebuild()  # bulk rows write no audit, so the dashboards' summaries are built once from them
    if connection.vendor == "postgresql":
        own = [m for m in MODELS if not m._meta.auto_created]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), own):
                cursor.execute(sql)
            # Planner statistics, as autovacuum would gather them later: right after a bulk load they
            # are empty, and PostgreSQL then picks plans that scan whole indexes (measured: 137 ms → 1 ms).
            cursor.execute("ANALYZE")
    return dict(buf.counts)


def synth_timed(size: Size, **kw) -> tuple[float, dict[str, int]]:
    t0 = time.perf_counter()
    counts = synth(size, **kw)
    return time.perf_counter() - t0, counts
