"""Document builders: the request form (seed 001's 申請表, decisions filled), the register (專簿) and the
destruction list. The calling view checks permission before any of these runs."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.documents.model import Cell, Document, Paragraph, Table, Title, checkbox
from anwei.footage import selectors
from anwei.footage.models import Decision, FootageRequest, RequestKind
from anwei.lib import rocdate
from anwei.orgs.models import Agency

NOTES = [
    "一、因應「個人資料保護」法規施行，落實保障人格權免於受侵害並促進個人資料合理利用之宗旨，如非必要，請以「調閱」為原則。",
    "二、所複製資料用畢請自行銷毀，違反個資法規定，致個人資料遭不法蒐集、處理、利用或其他侵害當事人權利者，自負相關損害賠償責任。",
    "三、個人資料之蒐集、處理或利用，應尊重當事人之權益，依誠實及信用方法為之，不得逾越特定目的之必要範圍，"
    "並應與蒐集之目的具有正當合理之關聯。",
]


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(value) if value else None


def minute_text(value: dt.datetime | None) -> str:
    """113年2月5日14時30分 — as the form writes a time window."""
    local = _local(value)
    if local is None:
        return "　年　月　日　時　分"
    return f"{rocdate.format_short(local.date())}{local.hour}時{local.minute:02d}分"


def window_text(req: FootageRequest) -> str:
    """115/11/20 14:06–15:06, or with both dates when the window spans midnight."""
    start, end = _local(req.window_start), _local(req.window_end)
    head = f"{rocdate.format_slash(start.date())} {start:%H:%M}"
    if start.date() == end.date():
        return f"{head}–{end:%H:%M}"
    return f"{head}–{rocdate.format_slash(end.date())} {end:%H:%M}"


def _date(value: dt.datetime | dt.date | None) -> str:
    """113/11/20: a register's date column holds it on one line."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return rocdate.format_slash(value)


def outcome_text(req: FootageRequest) -> str:
    """The outcome as the register writes it."""
    S = FootageRequest.Status
    status = req.status  # kept through destruction: the outcome stays on the register line
    text = {S.PENDING: "審核中", S.RETURNED: "退回補正", S.APPROVED: "核准", S.REFUSED: "不予核准",
            S.COMPLETED: "核准，已" + req.get_purpose_display()}[status]
    if status == S.REFUSED and req.refusal_ground:
        text += f"（{req.get_refusal_ground_display()}）"
    if req.is_destroyed:
        text += "；已銷毀"
    return text


def cameras_text(req: FootageRequest) -> str:
    parts = [str(c) for c in req.cameras.all()]
    if req.areas:
        parts.append(req.areas)
    return "、".join(parts)


REGISTER_HEADER = ["登記號", "申請日期", "類別", "項目", "申請單位／申請人", "調閱時段", "攝影機／區域", "結果",
                   "決定日期", "調閱（複製）日期", "陪同人員", "應銷毀日", "銷毀日期"]


def register_cells(req: FootageRequest) -> list[str]:
    """One line of the register; after destruction it names no person (anonymised register line)."""
    viewing = getattr(req, "viewing", None)
    destruction = getattr(req, "destruction", None)
    if req.is_destroyed:
        who = (req.unit.name if req.unit_id and req.kind == RequestKind.INTERNAL else req.get_kind_display())
    else:
        who = req.requester_label()
    return [
        req.number_label, _date(req.submitted_at), req.get_kind_display(), req.get_purpose_display(), who,
        window_text(req), cameras_text(req), outcome_text(req),
        _date(req.decided_at) if req.status != FootageRequest.Status.PENDING else "",
        _date(viewing.performed_at) if viewing else "",
        viewing.accompanied_by.display_with_title() if viewing and viewing.accompanied_by else "",
        _date(req.retention_due_on) if not req.legal_hold else "保全中",
        _date(destruction.destroyed_at) if destruction else "",
    ]


def _request_qs():
    return (FootageRequest.objects.select_related("agency", "unit", "viewing", "viewing__accompanied_by")
            .prefetch_related("cameras", "steps", "decisions"))


def request_form(*, request_id: int) -> Document:
    """The request form as seed 001 prints it, with the applicant's entries and the decisions filled in."""
    req = _request_qs().get(pk=request_id)
    agency = req.agency
    doc = Document(title=f"監視器攝錄資料調閱（複製）申請表 {req.number_label}")
    doc.add(Title([agency.name, "監視器攝錄資料調閱（複製）申請表"]))
    doc.add(Paragraph(f"申請日期：{rocdate.format_short(_local(req.submitted_at).date())}　　登記號：{req.number_label}",
                      align="right"))
    K, P = RequestKind, FootageRequest.Purpose
    items = "　".join([
        checkbox("調閱（調閱需會辦政風室核章）", req.purpose == P.VIEW and req.kind == K.INTERNAL),
        checkbox("複製（複製需會辦政風室核章）", req.purpose == P.COPY and req.kind == K.INTERNAL),
        checkbox("局外調閱／複製（應持報案三聯單）", req.kind == K.EXTERNAL),
        checkbox("司法機關（來文申請）", req.kind == K.JUDICIAL),
    ])
    if req.kind != K.INTERNAL:
        items += f"\n申請項目：{req.get_purpose_display()}"
    who_unit = req.outside_body or (req.unit.name if req.unit_id else "")
    rows = [
        [Cell("單位（機關名稱）", bold=True), Cell(who_unit), Cell("申請人", bold=True), Cell(req.applicant_name),
         Cell("分機／聯絡電話", bold=True), Cell(" ／ ".join(filter(None, [req.extension, req.phone])))],
        [Cell("申請項目", bold=True), Cell(items, colspan=5)],
        [Cell("申請事由", bold=True), Cell(req.reason, colspan=5)],
    ]
    if req.copy_reason:
        rows.append([Cell("複製理由", bold=True), Cell(req.copy_reason, colspan=5)])
    if req.letter_reference:
        rows.append([Cell("來文字號", bold=True), Cell(req.letter_reference, colspan=5)])
    rows.append([Cell("申請調閱時段", bold=True),
                 Cell(f"自 {minute_text(req.window_start)} 起\n至 {minute_text(req.window_end)} 止", colspan=5)])
    rows.append([Cell("攝影機／區域", bold=True), Cell(cameras_text(req), colspan=5)])
    viewing = getattr(req, "viewing", None)
    if viewing:
        t = minute_text(viewing.performed_at)
        signed = "（申請人已簽名確認）" if viewing.applicant_signed else ""
        blank = "　年　月　日　時　分"
        confirm = "　".join([checkbox(f"調閱時間：{blank if viewing.copied else t}", not viewing.copied),
                             checkbox(f"複製時間：{t if viewing.copied else blank}", viewing.copied)])
        confirm += f"\n調閱人：{viewing.viewer_name}　陪同人員：" + (
            viewing.accompanied_by.display_with_title() if viewing.accompanied_by else "") + signed
        if viewing.copied:
            confirm += f"\n複製內容：{viewing.copied_items}　儲存媒體：{viewing.get_medium_display()}" + (
                f"（{viewing.medium_note}）" if viewing.medium_note else "")
        if viewing.reply_letter_reference:
            confirm += f"\n函覆文號：{viewing.reply_letter_reference}"
    else:
        confirm = "　".join([checkbox("調閱時間：　年　月　日　時　分", False),
                             checkbox("複製時間：　年　月　日　時　分", False)]) + "\n申請人簽名："
    rows.append([Cell("申請人調閱（複製）完畢後簽名確認欄", bold=True), Cell(confirm, colspan=5)])
    ack = NOTES + [f"四、以上已閱讀並願遵守，{checkbox('同意', req.acknowledged)}（申請人：{req.applicant_name}）。"]
    rows.append([Cell("備註", bold=True), Cell("\n".join(ack), colspan=5)])
    doc.add(Table(header=[], rows=rows, widths=[2.2, 3, 1.4, 2, 1.8, 2.6]))

    # The approval part in seed 001's order: 申請單位 (the applicant, the unit head), 此致 the agency,
    # 承辦單位 (承辦人 and 審 boxes, the offices that countersign, the head), then the decision.
    steps = list(req.steps.all())
    latest: dict[int, Decision] = {}
    for d in req.decisions.all():
        if d.round == req.round:
            latest[d.step_order] = d
    first, rest = steps[:1], steps[1:]
    applicant = f"{req.applicant_name}\n{rocdate.format_slash(_local(req.submitted_at).date())}"
    head = [Cell("申請人", bold=True, align="center")] + [Cell(s.label, bold=True, align="center") for s in first]
    doc.add(Table(header=[[Cell("申請單位核", bold=True, align="center", colspan=len(head))], head],
                  rows=[[Cell(applicant, align="center")]
                        + [Cell(_decision_text(latest.get(s.order)), align="center") for s in first]],
                  keep_together=True))
    doc.add(Paragraph("此致"), Paragraph(agency.name, indent=2, bold=True))
    viewing = getattr(req, "viewing", None)
    handler = viewing.accompanied_by.display_with_title() if viewing and viewing.accompanied_by else ""
    head = ([Cell("承辦人", bold=True, align="center"), Cell("審", bold=True, align="center")]
            + [Cell(s.label, bold=True, align="center") for s in rest])
    doc.add(Table(header=[[Cell("承辦單位", bold=True, align="center", colspan=len(head))], head],
                  rows=[[Cell(handler, align="center"), Cell("\n\n")]
                        + [Cell(_decision_text(latest.get(s.order)), align="center") for s in rest]],
                  keep_together=True))
    S = FootageRequest.Status
    approved = req.status in (S.APPROVED, S.COMPLETED)
    refused = req.status == S.REFUSED
    refusal = req.get_refusal_ground_display() if req.refusal_ground else ""
    if req.refusal_reason:
        refusal = f"{refusal}：{req.refusal_reason}" if refusal else req.refusal_reason
    doc.add(Paragraph(checkbox(f"核准（附款或注意事項：{req.conditions or '無'}）" if approved else
                               "核准（附款或注意事項：＿＿＿＿）", approved)))
    doc.add(Paragraph(checkbox(f"不予核准（原因：{refusal}）" if refused else "不予核准（原因：＿＿＿＿）", refused)))
    return doc


def _decision_text(d: Decision | None) -> str:
    if d is None:
        return ""
    return f"{d.decided_by_label}\n{d.get_action_display()}\n{rocdate.format_slash(_local(d.decided_at).date())}"


def register(*, agency_id: int, year: int) -> Document:
    """專簿 (seed 001 八、九(四)): every request of the ROC year with its outcome."""
    agency = Agency.objects.get(pk=agency_id)
    reqs = list(selectors.register_rows(agency_id=agency.pk, year=year))
    doc = Document(title=f"監視錄影調閱（複製）登記簿{year}年", landscape=True, official=False)
    doc.add(Title([agency.name, f"監視錄影資料調閱（複製）登記簿（{year}年）"]))
    rows = [[Cell(t) for t in register_cells(r)] for r in reqs]
    if not rows:
        rows = [[Cell("本年度無調閱（複製）申請。", colspan=len(REGISTER_HEADER))]]
    doc.add(Table(header=[[Cell(h, bold=True, align="center") for h in REGISTER_HEADER]], rows=rows,
                  widths=[1.4, 1.72, 0.9, 0.7, 1.7, 2.1, 1.6, 1.2, 1.72, 1.72, 1.0, 1.72, 1.72]))
    doc.add(Paragraph(f"共 {len(reqs)} 件。依注意事項九(四)，申請單及登記簿至少保存一年。", size="small"))
    return doc


DESTRUCTION_HEADER = ["登記號", "申請日期", "類別", "結果", "應銷毀日", "銷毀時間", "銷毀項目", "銷毀方式", "銷毀人"]


def destruction_list(*, agency_id: int, year: int) -> Document:
    """The record of what was destroyed in the ROC year, when, how and by whom."""
    agency = Agency.objects.get(pk=agency_id)
    reqs = list(selectors.destruction_rows(agency_id=agency.pk, year=year))
    doc = Document(title=f"監視錄影調閱資料銷毀清冊{year}年", landscape=True, official=False)
    doc.add(Title([agency.name, f"監視錄影調閱（複製）資料銷毀清冊（{year}年）"]))
    rows = []
    for r in reqs:
        d = r.destruction
        rows.append([Cell(t) for t in [r.number_label, _date(r.submitted_at), r.get_kind_display(), outcome_text(r),
                                       _date(d.due_on), f"{_date(d.destroyed_at)} {_local(d.destroyed_at):%H:%M}",
                                       d.items, d.method, d.destroyed_by_label]])
    if not rows:
        rows = [[Cell("本年度無銷毀紀錄。", colspan=len(DESTRUCTION_HEADER))]]
    doc.add(Table(header=[[Cell(h, bold=True, align="center") for h in DESTRUCTION_HEADER]], rows=rows,
                  widths=[1.4, 1.3, 1, 1.8, 1.3, 1.8, 2.4, 2.4, 1.4]))
    return doc
