"""Obligations of footage requests: decisions awaited (with the decision deadline), returned requests
waiting on the applicant, approved requests waiting on the managing unit, records due for destruction,
and, for the ethics unit, steps whose post is vacant. A fixed number of queries whatever the data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count
from django.utils import timezone

from anwei.core import clock
from anwei.footage import selectors
from anwei.footage.models import FootageRequest, FootageSettings, StepRole
from anwei.orgs import posts
from anwei.orgs.models import Person
from anwei.portal.obligations import Obligation, ObligationProvider, link

CATEGORY = "監視錄影調閱"
Status = FootageRequest.Status


def _title(req: FootageRequest) -> str:
    return f"{req.number_label} {req.get_kind_display()}{req.get_purpose_display()}申請"


def _since(req: FootageRequest) -> dt.date:
    return timezone.localtime(max(filter(None, [req.submitted_at, req.decided_at]))).date()


def _decide(req: FootageRequest, decider: selectors.StepDecider, today: dt.date, warn: int) -> Obligation:
    left = req.days_left(today)
    note = "待您核決"
    if left is not None:
        if left < 0:
            note += f"，已逾決定期限 {-left} 日"
        elif left <= warn:
            note += f"，決定期限將屆（剩 {left} 日）"
        else:
            note += f"，剩 {left} 日"
    if decider.vacancy:
        note += f"（{decider.vacancy}，由您代為核決）"
    chain = {s.role for s in req.steps.all()}
    head = posts.agency_head(req.agency_id) if StepRole.AGENCY_HEAD in chain else None  # may open it
    return Obligation(CATEGORY, _title(req), link("footage:request_detail", req.pk), due=req.due_on,
                      overdue=req.is_overdue(today), note=note, key=f"footage.decide:{req.pk}:{req.round}:{req.current_step}",
                      kind="footage.decide", agency_id=req.agency_id, owner=decider.post,
                      escalation=(None, head, None), approval=True, since=_since(req), vacancy=decider.vacancy)


def _vacancy_notice(req: FootageRequest, decider: selectors.StepDecider) -> Obligation:
    return Obligation(CATEGORY, f"{req.number_label}：{decider.vacancy}", link("footage:request_detail", req.pk),
                      note="此關卡已改由下一關卡核決；請儘速指派單位主管或職務代理人",
                      key=f"footage.vacancy:{req.pk}:{req.round}:{req.current_step}", kind="footage.vacancy",
                      agency_id=req.agency_id, owner=posts.ethics_officers(req.agency_id), remind=False,
                      vacancy=decider.vacancy)


def _returned(req: FootageRequest) -> Obligation:
    return Obligation(CATEGORY, f"{req.number_label} 申請被退回補正", link("footage:request_edit", req.pk),
                      note="請修正後重新送出", key=f"footage.returned:{req.pk}:{req.round}", kind="footage.returned",
                      agency_id=req.agency_id, owner=posts.person(req.filed_by_id), remind=False)


def _to_record(req: FootageRequest) -> Obligation:
    return Obligation(CATEGORY, f"{req.number_label} 已核准，待調閱（複製）",
                      link("footage:request_viewing", req.pk), note="請陪同並登錄調閱紀錄",
                      key=f"footage.viewing:{req.pk}", kind="footage.viewing", agency_id=req.agency_id,
                      owner=posts.unit_liaisons(req.agency_id, req.managing_unit_id), remind=False)


def _retention(agency_id: int, unit_id: int, n: int, today: dt.date) -> Obligation:
    return Obligation(CATEGORY, f"{n} 件調閱申請已屆保存期限", link("footage:retention"), due=today,
                      note="請銷毀並登錄", key=f"footage.retention:{agency_id}", kind="footage.retention",
                      agency_id=agency_id, owner=posts.unit_liaisons(agency_id, unit_id), remind=False)


def _warn_days(agency_ids) -> dict[int, int]:
    return dict(FootageSettings.objects.filter(agency_id__in=set(agency_ids)).values_list("agency_id", "warn_days"))


def footage_owed(person: Person) -> list[Obligation]:
    today = clock.today()
    rows = selectors.inbox_rows(person)
    warn = _warn_days(r.agency_id for r in rows.waiting) if rows.waiting else {}
    items = [_decide(req, req.decider, today, warn.get(req.agency_id, 5)) for req in rows.waiting]
    mine = {i.key.rsplit(":", 2)[0] for i in items}
    items += [_vacancy_notice(req, d) for req, d in selectors.vacancies_seen_by(person)
              if f"footage.decide:{req.pk}" not in mine]
    items += [_returned(req) for req in rows.returned]
    items += [_to_record(req) for req in rows.to_record]
    if rows.due_count:
        fs = FootageSettings.objects.filter(managing_unit__in=rows.managed_units).first()
        items.append(_retention(fs.agency_id, fs.managing_unit_id, rows.due_count, today))
    return items


def footage_open(today: dt.date) -> list[Obligation]:
    """Every pending, returned or approved request and the destruction due: open records only, through
    the (status, current_role) and (retention_due_on, legal_hold) indexes."""
    live = list(FootageRequest.objects.filter(status__in=[Status.PENDING, Status.RETURNED, Status.APPROVED],
                                              destroyed_at__isnull=True)
                .select_related("agency", "unit", "managing_unit").prefetch_related("steps"))
    pending = [r for r in live if r.status == Status.PENDING]
    deciders = selectors.step_deciders(pending, today)
    warn = _warn_days(r.agency_id for r in pending) if pending else {}
    out: list[Obligation] = []
    for req in live:
        if req.status == Status.PENDING and req.pk in deciders:
            d = deciders[req.pk]
            out.append(_decide(req, d, today, warn.get(req.agency_id, 5)))
            if d.vacancy and d.post != posts.ethics_officers(req.agency_id):
                out.append(_vacancy_notice(req, d))
        elif req.status == Status.RETURNED and req.filed_by_id:
            out.append(_returned(req))
        elif req.status == Status.APPROVED:
            out.append(_to_record(req))
    due = (FootageRequest.objects.filter(retention_due_on__lte=today, legal_hold=False, destroyed_at__isnull=True)
           .values("agency_id", "managing_unit_id").annotate(n=Count("pk")).order_by())
    per_agency: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for row in due:
        unit, n = per_agency[row["agency_id"]]
        per_agency[row["agency_id"]] = (row["managing_unit_id"], n + row["n"])
    out += [_retention(agency_id, unit, n, today) for agency_id, (unit, n) in per_agency.items()]
    return out


PROVIDER = ObligationProvider("footage", footage_owed, footage_open,
                              kinds=(("footage.decide", "監視錄影調閱申請核決"),))
