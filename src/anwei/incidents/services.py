"""Writes of incidents; each writes its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import row_lock, version_bump
from anwei.core.rulebook import RuleInput
from anwei.core.service import service
from anwei.core.uploads import stored_file_save
from anwei.incidents import defaults
from anwei.incidents.deadlines import due_at
from anwei.incidents.models import (Attachment, Category, CategoryRule, ChainRule, Comment, Entry, FollowUp, Incident,
                                    Method, NotificationMade, Party, PeriodKind, RequiredParty, Stage, Status)
from anwei.incidents.selectors import (CATEGORY_BOOK, CHAIN_BOOK, CHAIN_KINDS, NoRuleError, category_rule_in_force,
                                       chain_in_force)
from anwei.lib import rocdate
from anwei.orgs import posts
from anwei.orgs.models import Agency, Person, Unit


@dataclass(frozen=True)
class IncidentInput:
    category: str
    title: str
    description: str
    place: str
    occurred_at: dt.datetime
    discovered_at: dt.datetime
    level: str = ""
    involved: str = ""
    actions: str = ""


def _label(person: Person) -> str:
    return (f"{person.title}{person.full_name}" if person.title else (person.full_name or person.username))[:120]


def _check(data: IncidentInput, *, now: dt.datetime, rule: CategoryRule | None) -> None:
    """Every reason at once, each under its field (the form's names: the dates and times are two fields)."""
    errors: dict[str, str] = {}
    if data.category not in Category.values:
        errors["category"] = "請選擇類別。"
    if not data.title.strip():
        errors["title"] = "請簡述事由。"
    if not data.description.strip():
        errors["description"] = "請填寫發生經過。"
    if not data.place.strip():
        errors["place"] = "請填寫地點。"
    if data.occurred_at > now:
        errors["occurred_on"] = "發生時間不能晚於現在。"
    if data.discovered_at > now:
        errors["discovered_on"] = "發現時間不能晚於現在。"
    elif data.discovered_at < data.occurred_at:
        errors["discovered_on"] = "發現時間不能早於發生時間。"
    if rule is not None and rule.needs_level:
        if not data.level:
            errors["level"] = f"{rule.get_category_display()}事件請判定等級。"
        elif data.level not in rule.level_list():
            errors["level"] = "請從清單選擇等級。"
    if errors:
        raise ValidationError(errors)


def _plan_for(agency: Agency, day: dt.date):
    """The special security plan of this agency or one above it whose period contains `day`."""
    from anwei.orgs.models import Agency as A
    from anwei.plans.models import SpecialPlan

    ancestors = [int(i) for i in agency.path.split(".") if i] or [agency.pk]
    ids = list(A.objects.filter(pk__in=ancestors).values_list("pk", flat=True)) + [agency.pk]
    return (SpecialPlan.objects.filter(agency__in=ids, period_start__lte=day, period_end__gte=day)
            .order_by("-agency__path", "-period_start", "id").first())


def _new_notice(incident: Incident):
    """The ethics officers hear of a new report at once (in-app and e-mail), not at the next pass."""
    from anwei.portal.obligations import Obligation, link, obligation_announce

    obligation_announce(Obligation(
        "狀況通報", f"新狀況通報（{incident.get_category_display()}）：{incident.public_title()}",
        link("incidents:detail", incident.pk), due=timezone.localtime(incident.discovered_at).date(),
        note=f"發現時間 {rocdate.format_short(timezone.localtime(incident.discovered_at).date())} "
             f"{timezone.localtime(incident.discovered_at):%H:%M}；請依規定通報並記錄",
        key=f"incidents.new:{incident.pk}", kind="incidents.new", agency_id=incident.agency_id,
        owner=posts.ethics_officers(incident.agency_id)), besides=incident.reporter_id)


@dataclass(frozen=True)
class ChainRuleInput(RuleInput):
    required: bool = True


@service
def chain_rule_create(*, actor: Person, agency: Agency, data: ChainRuleInput, today: dt.date) -> ChainRule:
    """The agency's ethics officer sets, from a start date, how soon one party is told of a category's incidents
    (or that it need not be). A superior office's row is the default of its subtree; `fixed` forbids its agencies
    their own. Incidents already reported keep the deadlines fixed when reported."""
    from anwei.orgs import policy

    if not policy.may(actor, "incidents.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的狀況通報規定。")
    if data.kind not in CHAIN_KINDS:
        raise ValidationError({"kind": "請選擇類別與通報對象。"})
    if data.unit not in PeriodKind.values:
        raise ValidationError({"unit": "請選擇期限計算方式。"})
    category, party = data.kind.split(":")
    CHAIN_BOOK.check_new(agency=agency, kind=data.kind, starts_on=data.starts_on, today=today, amount=data.amount,
                         kind_label=f"{Category(category).label} → {Party(party).label}")
    rule = ChainRule.objects.create(agency=agency, category=category, party=party, period_kind=data.unit,
                                    amount=data.amount, starts_on=data.starts_on, required=data.required,
                                    note=data.basis.strip(), fixed=data.fixed, created_by=actor)
    audit_record(actor=actor, action="incidents.chain_rule_create", obj=rule, agency=agency, after=snapshot(rule))
    return rule


@dataclass(frozen=True)
class CategoryRuleInput:
    """A new row of how one category is handled, from a start date (CategoryRule's fields)."""

    category: str
    starts_on: dt.date
    restricted: bool = False
    superior_sees: bool = True
    needs_level: bool = False
    levels: str = ""
    examples: str = ""
    basis: str = ""
    fixed: bool = False


@service
def category_rule_create(*, actor: Person, agency: Agency, data: CategoryRuleInput, today: dt.date) -> CategoryRule:
    """The agency's ethics officer sets, from a start date, how a category's incidents are handled (保密, whether the
    superior office reads them, the levels to judge). A superior office's row is the default of its subtree; `fixed`
    forbids its agencies their own. Incidents already reported keep the rule of their discovery day. Each refusal
    names its field of the category form."""
    from anwei.orgs import policy

    if not policy.may(actor, "incidents.rules.manage", agency):
        raise ValidationError("只有本機關的政風人員可以訂定本機關的狀況通報類別規定。")
    if data.category not in Category.values:
        raise ValidationError({"category": "請選擇類別。"})
    try:
        CATEGORY_BOOK.check_new(agency=agency, kind=data.category, starts_on=data.starts_on, today=today,
                                kind_label=f"{Category(data.category).label}類別規定")
    except ValidationError as exc:  # the shared check names the kind "kind"; this form calls it "category"
        raise ValidationError({("category" if k == "kind" else k): v for k, v in exc.error_dict.items()}) from exc
    levels = [line.strip() for line in data.levels.splitlines() if line.strip()]
    errors: dict[str, str] = {}
    if data.needs_level and not levels:
        errors["levels"] = "須判定等級時，請列出等級（一行一級）。"
    elif any(len(line) > 200 for line in levels):
        errors["levels"] = "每一等級請在200字以內。"
    elif len(set(levels)) != len(levels):
        errors["levels"] = "等級不要重複。"
    for name, limit in (("examples", 200), ("basis", 300)):
        if len(getattr(data, name).strip()) > limit:
            errors[name] = f"請在{limit}字以內。"
    if errors:
        raise ValidationError(errors)
    rule = CategoryRule.objects.create(
        agency=agency, category=data.category, starts_on=data.starts_on, restricted=data.restricted,
        superior_sees=data.superior_sees, needs_level=data.needs_level,
        levels="\n".join(levels) if data.needs_level else "", examples=data.examples.strip(),
        basis=data.basis.strip(), fixed=data.fixed, created_by=actor)
    audit_record(actor=actor, action="incidents.category_rule_create", obj=rule, agency=agency, after=snapshot(rule))
    return rule


@service
def incident_report(*, actor: Person, agency: Agency, data: IncidentInput, uploads: Iterable = (),
                    caption: str = "", now: dt.datetime | None = None) -> Incident:
    """Anyone with a role in the agency reports an incident. The chain in force on the day of discovery
    fixes whom the ethics unit must tell and by when; a plan whose period contains the day it occurred
    is linked; the ethics officers are told at once."""
    now = now or clock.now()
    rule = None
    if data.category in Category.values:
        try:
            rule = category_rule_in_force(agency=agency, category=data.category,
                                          on=timezone.localtime(data.discovered_at).date())
        except NoRuleError as exc:
            raise ValidationError({"category": str(exc)}) from None
    _check(data, now=now, rule=rule)
    discovered_day = timezone.localtime(data.discovered_at).date()
    chain = chain_in_force(agency=agency, category=data.category, on=discovered_day)
    row_lock(agency)
    year = rocdate.roc_year(discovered_day)
    taken = Incident.objects.filter(agency=agency, number__startswith=f"{year}-").count()
    unit = actor.unit if actor.unit_id and actor.unit.agency_id == agency.pk else None
    incident = Incident.objects.create(
        agency=agency, number=f"{year}-{taken + 1:03d}", reporter=actor, reporter_label=_label(actor),
        reporter_unit=unit, category=data.category, level=data.level if rule and rule.needs_level else "",
        title=data.title.strip(), description=data.description.strip(), place=data.place.strip(),
        occurred_at=data.occurred_at, discovered_at=data.discovered_at, involved=data.involved.strip(),
        actions=data.actions.strip(), restricted=rule.restricted, superior_sees=rule.superior_sees,
        category_rule=rule, plan=_plan_for(agency, timezone.localtime(data.occurred_at).date()),
        owes=bool(chain), created_at=now)
    RequiredParty.objects.bulk_create([
        RequiredParty(incident=incident, party=r.party, period_kind=r.period_kind, amount=r.amount, rule=r, order=i,
                      due_at=due_at(discovered_at=data.discovered_at, kind=r.period_kind, amount=r.amount,
                                    agency=agency))
        for i, r in enumerate(chain)])
    for upload in uploads:
        stored = stored_file_save(actor=actor, agency=agency, upload=upload)
        Attachment.objects.create(incident=incident, stored=stored, caption=caption.strip()[:200])
    audit_record(actor=actor, action="incidents.report", obj=incident,
                 after={**snapshot(incident), "parties": [r.party for r in chain],
                        "attachments": list(incident.attachments.values_list("stored_id", flat=True))})
    _new_notice(incident)
    return incident


EDIT_FIELDS = ["title", "description", "place", "involved", "actions", "level"]


@service
def incident_update(*, actor: Person, incident: Incident, expected_version: int, title: str, description: str,
                    place: str, involved: str, actions: str, level: str = "") -> Incident:
    """The ethics officer corrects what was reported (the category and the times, which fixed the chain and
    its deadlines, stay). A stale version is a ConflictError: nobody's edit is silently overwritten."""
    errors = {}
    for name, value, words in (("title", title, "請簡述事由。"), ("description", description, "請填寫發生經過。"),
                               ("place", place, "請填寫地點。")):
        if not value.strip():
            errors[name] = words
    if incident.category_rule.needs_level:
        if level not in incident.category_rule.level_list():
            errors["level"] = f"{incident.get_category_display()}事件請判定等級。"
    else:
        level = ""
    if errors:
        raise ValidationError(errors)
    before = snapshot(incident, EDIT_FIELDS)
    version_bump(incident, expected_version)
    incident.title, incident.description, incident.place = title.strip(), description.strip(), place.strip()
    incident.involved, incident.actions, incident.level = involved.strip(), actions.strip(), level
    incident.save()
    audit_record(actor=actor, action="incidents.update", obj=incident, before=before,
                 after=snapshot(incident, EDIT_FIELDS))
    return incident


@service
def attachment_add(*, actor: Person, incident: Incident, upload, caption: str = "") -> Attachment:
    stored = stored_file_save(actor=actor, agency=incident.agency, upload=upload)
    att = Attachment.objects.create(incident=incident, stored=stored, caption=caption.strip()[:200])
    audit_record(actor=actor, action="incidents.attachment_add", obj=att, agency=incident.agency,
                 after={"incident": incident.pk, "stored": stored.pk, "name": stored.name})
    return att


def _refresh_owes(incident: Incident) -> None:
    owes = incident.parties.filter(notified_at__isnull=True).exists()
    if owes != incident.owes:
        Incident.objects.filter(pk=incident.pk).update(owes=owes)
        incident.owes = owes


@service
def notification_record(*, actor: Person, incident: Incident, party: str, recipient: str, method: str,
                        notified_at: dt.datetime, note: str = "", now: dt.datetime | None = None
                        ) -> NotificationMade:
    """The ethics officer records a notification actually made. The first one to a required party stops
    its clock: in time when made by its deadline, else late (fixed here, so statistics never move)."""
    now = now or clock.now()
    errors = {}
    if party not in Party.values:
        errors["party"] = "請選擇通報對象。"
    if method not in Method.values:
        errors["method"] = "請選擇通報方式。"
    if not recipient.strip():
        errors["recipient"] = "請填寫受通報人（職稱姓名或單位）。"
    if notified_at > now:
        errors["notified_on"] = "通報時間不能晚於現在。"
    elif notified_at < incident.discovered_at:
        errors["notified_on"] = "通報時間不能早於發現時間。"
    if errors:
        raise ValidationError(errors)
    required = incident.parties.filter(party=party).first()
    late = bool(required and notified_at > required.due_at)
    made = NotificationMade.objects.create(incident=incident, party=party, recipient=recipient.strip()[:100],
                                           method=method, notified_at=notified_at, note=note.strip()[:300],
                                           late=late, recorded_by=actor)
    if required and (required.notified_at is None or notified_at < required.notified_at):
        required.notified_at = notified_at
        required.save(update_fields=["notified_at"])
    _refresh_owes(incident)
    audit_record(actor=actor, action="incidents.notification_record", obj=made, agency=incident.agency,
                 after={**snapshot(made), "incident": incident.pk})
    return made


@service
def entry_add(*, actor: Person, incident: Incident, stage: str, text: str,
              now: dt.datetime | None = None) -> Entry:
    """初報, 續報 or 結報, as the case develops; 初報 comes first and once, 結報 closes the reporting."""
    now = now or clock.now()
    stages = set(incident.entries.values_list("stage", flat=True))
    if stage not in Stage.values:
        raise ValidationError({"stage": "請選擇階段。"})
    if not text.strip():
        raise ValidationError({"text": "請填寫內容。"})
    if stage == Stage.FIRST and Stage.FIRST in stages:
        raise ValidationError({"stage": "已有初報，請以續報補充。"})
    if stage != Stage.FIRST and Stage.FIRST not in stages:
        raise ValidationError({"stage": "請先填寫初報。"})
    if Stage.FINAL in stages and stage != Stage.FINAL:
        raise ValidationError({"stage": "已結報；如有新情況請先重新開啟。"})
    entry = Entry.objects.create(incident=incident, stage=stage, text=text.strip(), author=actor,
                                 author_label=_label(actor), created_at=now)
    answered = 0
    if stage != Stage.FIRST:
        answered = incident.comments.filter(asks_more=True, answered_at__isnull=True).update(answered_at=now)
    audit_record(actor=actor, action="incidents.entry_add", obj=entry, agency=incident.agency,
                 after={**snapshot(entry), "incident": incident.pk, "requests_answered": answered})
    _tell_superior(incident, entry)
    return entry


def _tell_superior(incident: Incident, entry: Entry) -> None:
    """The superior ethics office receives 初報, 續報 and 結報 as they are filed (where it sees the category)."""
    from anwei.portal.obligations import Obligation, link, obligation_announce

    if not (incident.superior_sees and incident.agency.parent_id):
        return
    obligation_announce(Obligation(
        "狀況通報", f"{incident.agency.name}狀況通報{entry.get_stage_display()}：{incident.public_title()}"[:200],
        link("incidents:detail", incident.pk), note="" if incident.restricted else entry.text[:100], key=f"incidents.entry:{entry.pk}",
        kind="incidents.entry", agency_id=incident.agency_id,
        owner=posts.superior_officers(incident.agency.parent_id)), besides=entry.author_id)


@service
def comment_add(*, actor: Person, incident: Incident, text: str, asks_more: bool = False,
                now: dt.datetime | None = None) -> Comment:
    """The superior ethics office comments, or asks for more (a 續報)."""
    if not text.strip():
        raise ValidationError({"text": "請填寫意見。"})
    comment = Comment.objects.create(incident=incident, text=text.strip(), asks_more=asks_more, author=actor,
                                     author_label=_label(actor), created_at=now or clock.now())
    audit_record(actor=actor, action="incidents.comment_add", obj=comment, agency=incident.agency,
                 after={**snapshot(comment), "incident": incident.pk})
    from anwei.portal.obligations import Obligation, link, obligation_announce

    obligation_announce(Obligation(
        "狀況通報", f"上級政風機構{'請補充續報' if asks_more else '意見'}：{incident.public_title()}"[:200],
        link("incidents:detail", incident.pk), note="" if incident.restricted else comment.text[:100], key=f"incidents.comment:{comment.pk}",
        kind="incidents.comment", agency_id=incident.agency_id, owner=posts.ethics_officers(incident.agency_id)),
        besides=comment.author_id)
    return comment


def _origin_label(incident: Incident) -> str:
    day = timezone.localtime(incident.discovered_at).date()
    return f"{rocdate.format_short(day)}狀況通報（{incident.number}）"[:200]


@service
def follow_up_add(*, actor: Person, incident: Incident, text: str, lead_unit: Unit | None,
                  due_date: dt.date | None) -> FollowUp:
    """A follow-up action becomes a tracked item (lead unit, due date) in the one tracking engine."""
    from anwei.tracking.models import TrackedItem
    from anwei.tracking.services import tracked_item_create

    errors = {}
    if not text.strip():
        errors["text"] = "請填寫後續改善事項。"
    if lead_unit is None:
        errors["lead_unit"] = "請指定主辦單位。"
    elif lead_unit.agency_id != incident.agency_id:
        errors["lead_unit"] = "只能選擇本機關的單位。"
    if due_date is None:
        errors["due_date"] = "請填寫完成期限。"
    elif due_date < clock.today():
        errors["due_date"] = "完成期限不能早於今天。"
    if errors:
        raise ValidationError(errors)
    item = tracked_item_create(actor=actor, agency=incident.agency, source_kind=TrackedItem.Source.INCIDENT,
                               text=text, lead_unit=lead_unit, due_date=due_date, source=incident,
                               origin_label=_origin_label(incident),
                               roc_year=rocdate.roc_year(timezone.localtime(incident.discovered_at).date()))
    follow = FollowUp.objects.create(incident=incident, tracked_item=item)
    audit_record(actor=actor, action="incidents.follow_up_add", obj=follow, agency=incident.agency,
                 after={"incident": incident.pk, "tracked_item": item.pk})
    return follow


@service
def incident_close(*, actor: Person, incident: Incident, conclusion: str, expected_version: int,
                   now: dt.datetime | None = None) -> Incident:
    if incident.status == Status.CLOSED:
        raise ValidationError("此狀況通報已結案。")
    if not conclusion.strip():
        raise ValidationError({"conclusion": "請填寫結案說明。"})
    before = snapshot(incident)
    version_bump(incident, expected_version)
    incident.status, incident.conclusion = Status.CLOSED, conclusion.strip()
    incident.closed_at, incident.closed_by = now or clock.now(), actor
    incident.save()
    audit_record(actor=actor, action="incidents.close", obj=incident, before=before, after=snapshot(incident))
    return incident


@service
def incident_reopen(*, actor: Person, incident: Incident, reason: str, expected_version: int) -> Incident:
    """Reopen a closed incident (new facts); the reason is kept in the audit trail."""
    if incident.status != Status.CLOSED:
        raise ValidationError("此狀況通報尚未結案。")
    if not reason.strip():
        raise ValidationError({"reason": "請說明重新開啟的理由。"})
    before = snapshot(incident)
    version_bump(incident, expected_version)
    incident.status, incident.closed_at, incident.closed_by = Status.OPEN, None, None
    incident.save()
    audit_record(actor=actor, action="incidents.reopen", obj=incident, before=before,
                 after={**snapshot(incident), "reason": reason.strip()[:500]})
    return incident


@service
def work_report_insert(*, actor: Person, report, stats: dict):
    """Append the period's incident counts to a meeting's 工作報告 through the meetings service."""
    from anwei.incidents.selectors import work_report_block
    from anwei.meetings import services as meetings

    return meetings.report_append(actor=actor, report=report, text=work_report_block(stats))


@service
def incident_rules_seed_defaults() -> int:
    """Create the default category and chain rows if there are none (demo data, fresh test databases)."""
    if CategoryRule.objects.filter(agency__isnull=True).exists():
        return 0
    rows = []
    for category, _label_, restricted, superior_sees, needs_level, examples, basis in defaults.CATEGORIES:
        rows.append(CategoryRule.objects.create(
            category=category, starts_on=defaults.DEFAULT_START, restricted=restricted, superior_sees=superior_sees,
            needs_level=needs_level, levels="\n".join(defaults.INFOSEC_LEVELS) if needs_level else "",
            examples=examples, basis=basis))
    for category, party, kind, amount, note in defaults.CHAINS:
        rows.append(ChainRule.objects.create(category=category, party=party, period_kind=kind, amount=amount,
                                             starts_on=defaults.DEFAULT_START, note=note))
    for row in rows:
        audit_record(actor=None, action="incidents.rule_seed", obj=row, agency=None, after=snapshot(row))
    return len(rows)
