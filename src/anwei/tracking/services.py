"""Writes of the tracking engine. Every change records its audit row in the same transaction.

Other apps create items with `tracked_item_create`: a meeting passes itself as the origin and its
ruling as the source; an inspection deficiency passes source_kind=INSPECTION_DEFICIENCY, its
origin_label and its finding as the source. Everything after that (rounds, reports, decisions) is the
same for every source, and tracking imports none of them (tracking.sources).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.utils import timezone

from anwei.core import clock
from anwei.core.audit import audit_record, snapshot
from anwei.core.concurrency import row_lock, version_bump
from anwei.core.service import service
from anwei.lib import rocdate
from anwei.orgs import policy, posts
from anwei.orgs.models import Agency, Person, Unit
from anwei.tracking.models import ProgressReport, ProgressRound, ReviewRule, TrackedItem, TrackingDecision
from anwei.tracking.selectors import round_for, unit_head_review_on

Source = TrackedItem.Source
Status = TrackedItem.Status


def _item_snapshot(item: TrackedItem) -> dict:
    data = snapshot(item)
    data["co_units"] = sorted(item.co_units.values_list("pk", flat=True)) if item.pk else []
    return data


def _check_units(agency: Agency, lead_unit: Unit | None, all_units: bool, co_units: Iterable[Unit]) -> list[Unit]:
    co = [u for u in co_units if u != lead_unit]
    if not all_units and lead_unit is None:
        raise ValidationError({"lead_unit": "請選擇主辦單位，或勾選「各科室」。"})
    for u in [lead_unit, *co]:
        if u is not None and u.agency_id != agency.pk:
            raise ValidationError({"lead_unit": f"「{u.name}」不是本機關的單位。"})
    return co


def _required_units(item: TrackedItem, agency_units: list[Unit]) -> list[Unit]:
    """The units that must report on an item: lead and co-units, or every unit for 各科室."""
    if item.all_units:
        return list(agency_units)
    units = [item.lead_unit] if item.lead_unit_id else []
    return units + [u for u in item.co_units.all() if u.pk != item.lead_unit_id]


@service
def tracked_item_create(*, actor: Person | None, agency: Agency, source_kind: str, text: str,
                        lead_unit: Unit | None = None, all_units: bool = False, co_units: Iterable[Unit] = (),
                        due_date: dt.date | None = None, origin=None, origin_date: dt.date | None = None,
                        source=None, origin_label: str = "", number: int | None = None,
                        roc_year: int | None = None) -> TrackedItem:
    """Put something under tracking. Numbered 1, 2, … within its origin_label (a meeting's, or another
    source's) unless `number` is given. `origin`: the record whose series' packets list the item (a
    meeting, dated `origin_date`); `source`: the record it came from."""
    if not text.strip():
        raise ValidationError({"text": "請填寫列管事項內容。"})
    co = _check_units(agency, lead_unit, all_units, co_units)
    if not origin_label:
        raise ValidationError({"origin_label": "請說明列管事項的來源。"})
    roc_year = roc_year or rocdate.roc_year(timezone.localdate())
    if number is None:
        row_lock(agency)
        number = (TrackedItem.objects.filter(agency=agency, origin_label=origin_label)
                  .aggregate(n=Max("number"))["n"] or 0) + 1
    item = TrackedItem.objects.create(
        agency=agency, source_kind=source_kind, origin=origin, origin_date=origin_date, source=source,
        origin_label=origin_label, roc_year=roc_year, number=number, text=text.strip(), lead_unit=lead_unit,
        all_units=all_units, due_date=due_date)
    item.co_units.set(co)
    audit_record(actor=actor, action="tracking.item_create", obj=item, after=_item_snapshot(item))
    # An item given between meetings (an inspection deficiency) joins the round already collecting;
    # a meeting's item joins only rounds for later meetings (not its own meeting's).
    for rnd in ProgressRound.objects.filter(agency=agency, closed_at__isnull=True):
        if origin is None or (rnd.target_date is not None and origin_date is not None
                              and rnd.target_date > origin_date):
            _round_add_items(rnd, [item])
    return item


@service
def tracked_item_update(*, actor: Person, item: TrackedItem, expected_version: int, text: str,
                        lead_unit: Unit | None, all_units: bool, co_units: Iterable[Unit],
                        due_date: dt.date | None) -> TrackedItem:
    before = _item_snapshot(item)
    co = _check_units(item.agency, lead_unit, all_units, co_units)
    version_bump(item, expected_version)
    item.text, item.lead_unit, item.all_units, item.due_date = text.strip(), lead_unit, all_units, due_date
    item.save(update_fields=["text", "lead_unit", "all_units", "due_date"])
    item.co_units.set(co)
    audit_record(actor=actor, action="tracking.item_update", obj=item, before=before, after=_item_snapshot(item))
    return item


@service
def progress_round_open_for(*, actor: Person | None, items: list[TrackedItem], title: str,
                            deadline: dt.date) -> ProgressRound:
    """A round for just these items — e.g. an inspection deficiency's correction between meetings —
    leaving the agency's directives for the next meeting's round (which closes this one)."""
    agency = items[0].agency
    rnd = ProgressRound.objects.create(agency=agency, title=title[:200], deadline=deadline, opened_by=actor)
    _round_add_items(rnd, items)
    audit_record(actor=actor, action="tracking.round_open", obj=rnd, agency=agency,
                 after={**snapshot(rnd), "items": [i.pk for i in items]})
    return rnd


@service
def item_round_ensure(*, actor: Person | None, item: TrackedItem, title: str) -> None:
    """An item given between meetings (a deficiency) is reported on in a progress round. tracked_item_create
    has already put it into any round that is collecting; when none is, open one for it only
    (progress_round_open would pull in every open directive and close nothing useful). The next meeting's
    round, opened by the officer, closes it and carries the still-open items to the meeting."""
    if ProgressRound.objects.filter(agency=item.agency_id, closed_at__isnull=True, items=item).exists():
        return
    deadline = max(item.due_date or timezone.localdate(), timezone.localdate())
    progress_round_open_for(actor=actor, items=[item], title=title, deadline=deadline)


@service
def tracked_item_packet_set(*, actor: Person, item: TrackedItem, in_packet: bool) -> TrackedItem:
    """Bring an item of another source (e.g. an inspection deficiency) to the next meeting's packet, or not."""
    if item.origin_id is not None:
        raise ValidationError("會議所列管的事項一律列入會報資料。")
    before = _item_snapshot(item)
    item.in_packet = in_packet
    item.save(update_fields=["in_packet"])
    audit_record(actor=actor, action="tracking.item_packet", obj=item, before=before, after=_item_snapshot(item))
    return item


@service
def tracked_item_delete(*, actor: Person, item: TrackedItem) -> None:
    """Only an item nobody has reported on or decided yet (a ruling entered by mistake)."""
    if item.decisions.exists() or item.reports.exclude(status=ProgressReport.Status.PENDING).exists():
        raise ValidationError("此列管事項已有執行情形或列管決定，不能刪除。")
    audit_record(actor=actor, action="tracking.item_delete", obj=item, before=_item_snapshot(item))
    item.delete()


def _round_add_items(rnd: ProgressRound, items: list[TrackedItem]) -> None:
    agency_units = list(Unit.objects.filter(agency=rnd.agency_id).order_by("order", "id"))
    rnd.items.add(*items)
    existing = set(ProgressReport.objects.filter(round=rnd, item__in=items).values_list("item_id", "unit_id"))
    rows = []
    for item in items:
        for unit in [None, *_required_units(item, agency_units)]:
            key = (item.pk, unit.pk if unit else None)
            if key not in existing:
                rows.append(ProgressReport(agency_id=rnd.agency_id, round=rnd, item=item, unit=unit))
    ProgressReport.objects.bulk_create(rows)


@service
def progress_round_open(*, actor: Person, agency: Agency, deadline: dt.date, target=None,
                        target_date: dt.date | None = None, title: str = "") -> ProgressRound:
    """Start collecting 執行情形 on every open item, for `target` (a meeting, dated `target_date`) if
    given. An earlier round still open is closed."""
    if target is not None and round_for(target) is not None:
        raise ValidationError("這次會議已經開始蒐集執行情形。")
    for earlier in ProgressRound.objects.filter(agency=agency, closed_at__isnull=True):
        progress_round_close(actor=actor, rnd=earlier)
    title = title or f"{rocdate.format_short(deadline)}執行情形填報"
    rnd = ProgressRound.objects.create(agency=agency, target=target, target_date=target_date, title=title,
                                       deadline=deadline, opened_by=actor)
    items = TrackedItem.objects.filter(agency=agency).exclude(status=Status.RELEASED)
    if target is not None:  # the target meeting's own items are reported on at the next one
        items = items.exclude(origin_type=rnd.target_type, origin_id=target.pk)
    _round_add_items(rnd, list(items.select_related("lead_unit").prefetch_related("co_units")))
    audit_record(actor=actor, action="tracking.round_open", obj=rnd, after=snapshot(rnd))
    return rnd


@service
def progress_round_close(*, actor: Person, rnd: ProgressRound) -> ProgressRound:
    before = snapshot(rnd)
    rnd.closed_at = timezone.now()
    rnd.save(update_fields=["closed_at"])
    audit_record(actor=actor, action="tracking.round_close", obj=rnd, before=before, after=snapshot(rnd))
    return rnd


def _item_status_refresh(actor: Person, item: TrackedItem, rnd: ProgressRound) -> None:
    """release_proposed while any report of the current round proposes release."""
    if item.status == Status.RELEASED:
        return
    proposed = ProgressReport.objects.filter(round=rnd, item=item, propose_release=True,
                                             status=ProgressReport.Status.SUBMITTED).exists()
    new = Status.RELEASE_PROPOSED if proposed else Status.TRACKING
    if item.status != new:
        TrackedItem.objects.filter(pk=item.pk).update(status=new)
        audit_record(actor=actor, action="tracking.item_status", obj=item, before={"status": item.status},
                     after={"status": new})
        item.status = new


@service
def progress_report_save(*, actor: Person, report: ProgressReport, expected_version: int, text: str,
                         propose_release: bool = False, release_reason: str = "") -> ProgressReport:
    """A unit writes (or corrects) its progress. A stale version raises ConflictError."""
    if report.round.closed_at is not None:
        raise ValidationError("這一輪執行情形填報已結束，不能再修改。")
    if not text.strip():
        raise ValidationError({"text": "請填寫執行情形。"})
    if propose_release and not release_reason.strip():
        raise ValidationError({"release_reason": "建議解除列管時，請說明理由。"})
    before = snapshot(report)
    version_bump(report, expected_version)
    report.text = text.strip()
    report.propose_release = propose_release
    report.release_reason = release_reason.strip() if propose_release else ""
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.status = ProgressReport.Status.SUBMITTED
    report.reviewed_by, report.reviewed_label, report.reviewed_at = None, "", None
    if report.unit_id is not None and unit_head_review_on(report.agency_id, clock.today()):
        _review_route(actor, report)
    report.save()
    _item_status_refresh(actor, report.item, report.round)
    audit_record(actor=actor, action="tracking.report_save", obj=report, before=before, after=snapshot(report))
    return report


def _review_route(actor: Person, report: ProgressReport) -> None:
    """Where the agency's rule (in force today) asks for it: a unit's report written by someone other than its
    head goes to the head first; one the head (or their deputy) writes is reviewed as written; a unit with
    no head today (vacant, nobody standing in) skips the step."""
    if policy.may(actor, "tracking.review", report):
        _reviewed(actor, report)
    elif not posts.unit_heads_vacant([(report.agency_id, report.unit_id)], clock.today()):
        report.status = ProgressReport.Status.AWAITING_HEAD


def _reviewed(actor: Person, report: ProgressReport) -> None:
    report.reviewed_by, report.reviewed_at = actor, timezone.now()
    report.reviewed_label = posts.record_label(
        actor, acting_for=policy.acting_for(actor, "tracking.review", report))[:120]


@service
def progress_report_review(*, actor: Person, report: ProgressReport, expected_version: int, approve: bool,
                           comment: str = "") -> ProgressReport:
    """The unit head's review (核閱): passed on to the ethics officer as written, or returned to the liaison with
    the head's comment. On the version the head read: a report saved since is a ConflictError."""
    if report.round.closed_at is not None:
        raise ValidationError("這一輪執行情形填報已結束，不能再核閱。")
    if not approve and not comment.strip():
        raise ValidationError({"comment": "退回時，請填寫意見。"})
    before = snapshot(report)
    version_bump(report, expected_version)
    report.refresh_from_db(fields=["status"])
    if report.status != ProgressReport.Status.AWAITING_HEAD:
        raise ValidationError("此執行情形目前不在待主管核閱。")
    if approve:
        report.status = ProgressReport.Status.SUBMITTED
        _reviewed(actor, report)
    else:
        report.status = ProgressReport.Status.RETURNED
        report.return_comment = f"單位主管退回：{comment.strip()}"
        report.returned_at = timezone.now()
    report.save()
    _item_status_refresh(actor, report.item, report.round)
    audit_record(actor=actor, action="tracking.report_review", obj=report, before=before, after=snapshot(report))
    return report


REVIEW_FIELDS = ("effective_from", "unit_head_review", "note")


@service
def review_rule_create(*, actor: Person, agency: Agency, effective_from: dt.date, unit_head_review: bool,
                       note: str = "") -> ReviewRule:
    """A new version of the agency's review rule, from its effective date on (reports saved before keep their way)."""
    if effective_from < clock.today():
        raise ValidationError({"effective_from": "生效日不能早於今天（已填報的執行情形依當時的規則）。"})
    rule = ReviewRule.objects.create(agency=agency, effective_from=effective_from, unit_head_review=unit_head_review,
                                     note=note.strip(), created_by=actor)
    audit_record(actor=actor, action="tracking.review_rule_create", obj=rule, agency=agency, after=snapshot(rule))
    return rule


@service
def progress_report_return(*, actor: Person, report: ProgressReport, comment: str) -> ProgressReport:
    """退回補正: the unit sees the comment and reports again."""
    if report.status != ProgressReport.Status.SUBMITTED:
        raise ValidationError("只能退回已填報的執行情形。")
    if not comment.strip():
        raise ValidationError({"comment": "請填寫退回補正的意見。"})
    before = snapshot(report)
    report.status = ProgressReport.Status.RETURNED
    report.return_comment = comment.strip()
    report.returned_at = timezone.now()
    report.version += 1  # whoever has the form open must reload it
    report.save()
    _item_status_refresh(actor, report.item, report.round)
    audit_record(actor=actor, action="tracking.report_return", obj=report, before=before, after=snapshot(report))
    return report


@service
def progress_round_remind(*, actor: Person, rnd: ProgressRound) -> int:
    """Remind every unit that has not reported (shown in their home inbox). Returns the number of units."""
    late = ProgressReport.objects.filter(round=rnd, unit__isnull=False).filter(
        Q(status=ProgressReport.Status.PENDING) | Q(status=ProgressReport.Status.RETURNED))
    units = set(late.values_list("unit_id", flat=True))
    late.update(reminded_at=timezone.now())
    audit_record(actor=actor, action="tracking.round_remind", obj=rnd, after={"units": sorted(units)})
    return len(units)


@service
def tracked_item_decide(*, actor: Person, item: TrackedItem, decision: str, note: str = "") -> TrackingDecision:
    """繼續/解除列管 on the item itself, between meetings, for an item of another source than a meeting (a
    meeting's items are decided by its chair, in the round). With a reason, audited; while a round is
    collecting the item, the decision is that round's, so the next packet shows it."""
    if item.origin_id is not None:
        raise ValidationError("會議所列管的事項由會議決定繼續或解除列管。")
    if decision not in TrackingDecision.Decision.values:
        raise ValidationError({"decision": "請選擇繼續列管或解除列管。"})
    if not note.strip():
        raise ValidationError({"note": "請說明決定的理由。"})
    rnd = item.rounds.filter(closed_at__isnull=True).order_by("-opened_at").first()
    if rnd is not None:
        return tracking_decide(actor=actor, rnd=rnd, item=item, decision=decision, note=note)
    item_before = snapshot(item)
    obj = TrackingDecision.objects.create(agency=item.agency, item=item, round=None, decision=decision,
                                          note=note.strip(), decided_by=actor)
    _item_status_set(item, decision)
    audit_record(actor=actor, action="tracking.decide", obj=obj, after=snapshot(obj))
    audit_record(actor=actor, action="tracking.item_status", obj=item, before=item_before, after=snapshot(item))
    return obj


def _item_status_set(item: TrackedItem, decision: str) -> None:
    if decision == TrackingDecision.Decision.RELEASE:
        item.status, item.released_at = Status.RELEASED, timezone.now()
    else:
        item.status, item.released_at = Status.TRACKING, None
    item.save(update_fields=["status", "released_at"])


@service
def tracking_decide(*, actor: Person, rnd: ProgressRound, item: TrackedItem, decision: str,
                    note: str = "") -> TrackingDecision:
    """Record the chair's 繼續列管 / 解除列管 for an item in a round; the only way to release."""
    if decision not in TrackingDecision.Decision.values:
        raise ValidationError({"decision": "請選擇繼續列管或解除列管。"})
    if not rnd.items.filter(pk=item.pk).exists():
        raise ValidationError("此事項不在這一輪列管範圍內。")
    existing = TrackingDecision.objects.filter(item=item, round=rnd).first()
    before = snapshot(existing) if existing else None
    item_before = snapshot(item)
    if existing:
        existing.decision, existing.note, existing.decided_by = decision, note.strip(), actor
        existing.save()
        obj = existing
    else:
        obj = TrackingDecision.objects.create(agency=item.agency, item=item, round=rnd, decision=decision,
                                              note=note.strip(), decided_by=actor)
    _item_status_set(item, decision)
    audit_record(actor=actor, action="tracking.decide", obj=obj, before=before, after=snapshot(obj))
    audit_record(actor=actor, action="tracking.item_status", obj=item, before=item_before, after=snapshot(item))
    return obj


@service
def progress_round_record(*, actor: Person, agency: Agency, target, target_date: dt.date, title: str,
                          entries: list[tuple[TrackedItem, str, str | None]]) -> ProgressRound:
    """A past round, as a document of a past meeting tells it (meeting imports): the progress the
    meeting read on each item (the consolidated text) and, where marked, its 繼續/解除列管. The round is
    closed at once and touches no other round: nobody is asked to report on a meeting held long ago.
    An item's status follows the decision unless a later meeting has already decided on it."""
    if target is not None and round_for(target) is not None:
        raise ValidationError("這次會議已經有執行情形填報紀錄。")
    rnd = ProgressRound.objects.create(agency=agency, target=target, target_date=target_date, title=title[:200],
                                       deadline=target_date, opened_by=actor, closed_at=clock.now())
    rnd.items.add(*[item for item, _, _ in entries])
    now = clock.now()
    ProgressReport.objects.bulk_create([
        ProgressReport(agency=agency, round=rnd, item=item, unit=None, text=text.strip(),
                       status=ProgressReport.Status.SUBMITTED if text.strip() else ProgressReport.Status.PENDING,
                       submitted_by=actor if text.strip() else None, submitted_at=now if text.strip() else None)
        for item, text, _ in entries])
    audit_record(actor=actor, action="tracking.round_record", obj=rnd, after={
        **snapshot(rnd), "items": [i.pk for i, _, _ in entries]})
    for item, _, decision in entries:
        if decision is None:
            continue
        if decision not in TrackingDecision.Decision.values:
            raise ValidationError({"decision": "請選擇繼續列管或解除列管。"})
        obj = TrackingDecision.objects.create(agency=agency, item=item, round=rnd, decision=decision,
                                              decided_by=actor)
        audit_record(actor=actor, action="tracking.decide", obj=obj, after=snapshot(obj))
        later = TrackingDecision.objects.filter(item=item, round__target_date__gt=target_date).exists()
        if not later:
            item_before = snapshot(item)
            _item_status_set(item, decision)
            audit_record(actor=actor, action="tracking.item_status", obj=item, before=item_before,
                         after=snapshot(item))
    return rnd
