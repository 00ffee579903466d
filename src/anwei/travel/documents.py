"""Builders for the travel forms: the application (申請表 / 退離職人員申報表) and the
返臺通報表. The calling view has already checked that the person may see the record."""

from __future__ import annotations

from anwei.documents.model import Cell, Document, Field, Paragraph, Table, Title, checkbox
from anwei.lib.rocdate import format_long, format_short
from anwei.travel.models import Purpose, Status, TravelApplication


def _get(application_id: int) -> TravelApplication:
    return (TravelApplication.objects.select_related("agency", "reviewing_agency", "unit", "unit_reviewer",
                                                     "ethics_reviewer", "retiree")
            .get(pk=application_id))


def _row(label: str, value: str, span: int = 3) -> list[Cell]:
    return [Cell(label, bold=True), Cell(value, colspan=span)]


def _traveller_rows(app: TravelApplication) -> list[list[Cell]]:
    unit = app.unit.name if app.unit_id else (app.retiree.former_unit if app.retiree_id else "")
    return [
        [Cell("姓名", bold=True), Cell(app.traveller_name), Cell("職稱", bold=True), Cell(app.traveller_title)],
        [Cell("服務機關", bold=True), Cell(app.agency.name), Cell("單位", bold=True), Cell(unit)],
    ]


def application_document(*, application_id: int) -> Document:
    app = _get(application_id)
    retiree = app.is_retiree()
    name = "涉密退離職人員進入大陸地區申報表" if retiree else "公務員赴大陸地區申請表"
    purposes = "　".join(checkbox(label, app.purpose == value) for value, label in Purpose.choices)
    rows = _traveller_rows(app) + [
        _row("事由", purposes + (f"\n說明：{app.purpose_detail}" if app.purpose_detail else "")),
        _row("前往地區", app.destinations),
        _row("轉機地點", (app.transit_stops or "無") + "\n" + checkbox("經大陸地區機場轉機（過境或入境轉機）",
                                                                   app.transit_mainland)),
        [Cell("出發日期", bold=True), Cell(format_short(app.departure_on)), Cell("返臺日期", bold=True),
         Cell(format_short(app.return_on))],
        _row("申請（申報）日期", format_short(app.filed_on)
             + f"（應於{format_short(app.apply_by)}以前提出，出發日前{app.lead_workdays}個工作日）"),
    ]
    if app.late_filing:
        rows.append(_row("逾期說明", (checkbox("急迫情形", app.urgent) + "\n" + app.urgent_reason).strip()
                         if not retiree else "逾期申報"))
    rows.append(_row("聲明事項", "\n".join(checkbox(text, True) for text in app.declarations_accepted) or "無"))
    if not retiree:
        unit_review = (f"{app.unit_reviewer_label or app.unit_reviewer}　{format_short(app.unit_reviewed_at.date())}"
                       if app.unit_reviewer_id and app.unit_reviewed_at else "")
        ethics_review = (f"{app.ethics_reviewer}　{format_short(app.ethics_reviewed_at.date())}"
                         if app.ethics_reviewer_id and app.ethics_reviewed_at else "")
        classified = {True: "涉密", False: "未涉密", None: "未判定"}[app.handles_classified]
        rows += [
            _row("單位主管", unit_review or ("不需單位主管審核" if app.reviewing_agency_id != app.agency_id else "")),
            _row(f"政風單位（{app.reviewing_agency.name}）", ethics_review + (f"\n判定：{classified}"
                                                                          if ethics_review else "")),
            _row("審核結果", app.get_status_display() + (f"\n意見：{app.review_note}" if app.review_note else "")),
        ]
    if app.report_due and app.status in (Status.APPROVED, Status.DECLARED):
        rows.append(_row("返臺通報期限", f"{format_short(app.report_due)}（返臺後{app.report_workdays}個工作日內）"))
    doc = Document(title=f"{name}_{app.traveller_name}")
    doc.add(Title([app.agency.name, name]),
            Table(header=[], rows=rows, widths=[2, 4, 2, 4]),
            Paragraph("申請人簽章：" + "　" * 10 + "日期：" + "　" * 8))
    return doc


def return_report_document(*, application_id: int) -> Document:
    app = _get(application_id)
    report = app.return_report
    name = "涉密退離職人員返臺後申報表" if app.is_retiree() else "赴陸人員返臺通報表"
    yes_no = lambda flag: checkbox("是", flag) + "　" + checkbox("否", not flag)  # noqa: E731
    rows = _traveller_rows(app) + [
        [Cell("實際出發日期", bold=True), Cell(format_short(report.actual_departure_on)),
         Cell("實際返臺日期", bold=True), Cell(format_short(report.actual_return_on))],
        _row("實際停留地區", report.places),
        _row("曾與大陸地區官方、黨務或軍方人員接觸", yes_no(report.contacted_officials)
             + (f"\n{report.contact_detail}" if report.contact_detail else "")),
        _row("曾遭受盤查、留置、威脅利誘或其他異常情形", yes_no(report.incidents)
             + (f"\n{report.incident_detail}" if report.incident_detail else "")),
        _row("其他應說明事項", report.note or "無"),
        _row("通報日期", f"{format_short(report.filed_on)}（期限：{format_short(app.report_due)}）"
             + ("　逾期通報" if report.late else "")),
    ]
    doc = Document(title=f"{name}_{app.traveller_name}")
    doc.add(Title([app.agency.name, name]),
            Field("原申請", f"{format_long(app.filed_on)}申請，{format_short(app.departure_on)}至"
                            f"{format_short(app.return_on)}赴{app.destinations}"),
            Table(header=[], rows=rows, widths=[3, 4, 2, 4]),
            Paragraph("通報人簽章：" + "　" * 10 + "日期：" + "　" * 8))
    return doc
