"""Document builder: the inspection report (檢查結果：優點、缺點、建議事項與策進作為, seed 001).

Builders take JSON-serialisable ids; the calling view has already checked permission.
"""

from __future__ import annotations

from anwei.documents.model import Cell, Document, Field, Numbered, Paragraph, Table, Title
from anwei.inspections.models import Finding, Inspection
from anwei.lib import rocdate


def _findings(inspection: Inspection, kind: str) -> list[Finding]:
    return [f for f in inspection.findings.all() if f.kind == kind]


def report_title(inspection: Inspection) -> str:
    """春節前機關安全狀況檢查 → …檢查結果報告; 113年資訊安全稽核 → …稽核結果報告."""
    ends_with_kind = inspection.title.endswith(("檢查", "抽查", "稽核"))
    return f"{inspection.title}{'結果報告' if ends_with_kind else '檢查結果報告'}"


def inspection_report(*, inspection_id: int) -> Document:
    inspection = (Inspection.objects.select_related("agency", "template")
                  .prefetch_related("units", "findings__unit", "findings__tracked_item").get(pk=inspection_id))
    agency = inspection.agency
    units = "、".join(u.name for u in sorted(inspection.units.all(), key=lambda u: (u.order, u.pk))) or "全機關"
    name = report_title(inspection)
    doc = Document(title=name)
    doc.add(
        Title([agency.name, name]),
        Field("檢查日期", rocdate.format_with_weekday(inspection.date), bold_label=True),
        Field("檢查類別", f"{inspection.get_kind_display()}（{inspection.get_mode_display()}）", bold_label=True),
        Field("檢查人員", inspection.inspectors, bold_label=True),
        Field("受檢單位", units, bold_label=True),
    )
    if inspection.template_id:
        doc.add(Field("使用檢查表", inspection.template.name, bold_label=True))
    section = 1
    if inspection.scope_note.strip():
        doc.add(Numbered(1, section, "檢查範圍與說明："), Paragraph(inspection.scope_note.strip(), indent=2))
        section += 1
    doc.add(Numbered(1, section, "檢查結果："))
    parts = [("優點", Finding.Kind.STRENGTH), ("缺點", Finding.Kind.DEFICIENCY)]
    for n, (label, kind) in enumerate(parts, start=1):
        doc.add(Numbered(2, n, f"{label}："))
        items = _findings(inspection, kind)
        if not items:
            doc.add(Paragraph("無。", indent=4))
        for m, f in enumerate(items, start=1):
            text = f.text
            if kind == Finding.Kind.DEFICIENCY and f.unit_id:
                text += f"（主辦單位：{f.unit.name}" + (f"，改善期限：{rocdate.format_short(f.due_date)}" if f.due_date else "") + "）"
            doc.add(Numbered(3, m, text))
    section += 1
    doc.add(Numbered(1, section, "建議事項與策進作為："))
    recs = _findings(inspection, Finding.Kind.RECOMMENDATION)
    if not recs:
        doc.add(Paragraph("無。", indent=2))
    for m, f in enumerate(recs, start=1):
        doc.add(Numbered(2, m, f.text))
    deficiencies = _findings(inspection, Finding.Kind.DEFICIENCY)
    if deficiencies:
        section += 1
        doc.add(Numbered(1, section, "缺失改善列管情形："))
        rows = []
        for m, f in enumerate(deficiencies, start=1):
            status = f.tracked_item.get_status_display() if f.tracked_item_id else "未列管"
            rows.append([Cell(str(m), align="center"), Cell(f.text), Cell(f.unit.name if f.unit_id else ""),
                         Cell(rocdate.format_short(f.due_date) if f.due_date else ""), Cell(status, align="center")])
        doc.add(Table(header=[[Cell(t, bold=True, align="center") for t in
                               ("項次", "缺失事項", "主辦單位", "改善期限", "列管情形")]],
                      rows=rows, widths=[0.6, 4, 1.4, 1.6, 1.2]))
    doc.add(Paragraph("擬：陳請　鈞長核閱後，缺失事項移請相關單位檢討改善，並由政風室列管追蹤改善情形。"))
    return doc
