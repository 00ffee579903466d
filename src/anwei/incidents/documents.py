"""Document builders: the 狀況通報單 (初報／續報／結報) and the yearly incident register.

Builders take JSON-serialisable ids; the calling view has already checked permission."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core import clock
from anwei.documents.model import Cell, Document, Field, Numbered, Paragraph, Table, Title, checkbox
from anwei.incidents.models import Category, Incident, Stage
from anwei.lib import rocdate


def when(value: dt.datetime | None) -> str:
    """113年1月22日（星期一）16時40分, Asia/Taipei."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{rocdate.format_with_weekday(local.date())}{local:%H}時{local:%M}分"


def stage_of(incident: Incident) -> str:
    stages = [e.stage for e in incident.entries.all()]
    if Stage.FINAL in stages:
        return Stage.FINAL
    return Stage.FOLLOW if Stage.FOLLOW in stages else Stage.FIRST


def incident_document(*, incident_id: int) -> Document:
    incident = (Incident.objects.select_related("agency", "plan", "reporter_unit")
                .prefetch_related("parties", "notifications", "entries", "follow_ups__tracked_item__lead_unit")
                .get(pk=incident_id))
    now = clock.now()
    stage = stage_of(incident)
    doc = Document(title=f"狀況通報單_{incident.number}")
    doc.add(
        Title([incident.agency.name, "狀況通報單"]),
        Paragraph("　".join(checkbox(label, value == stage) for value, label in Stage.choices), align="center"),
        Field("編號", incident.number, bold_label=True),
        Field("類別", "　".join(checkbox(label, value == incident.category) for value, label in Category.choices),
              bold_label=True),
    )
    if incident.level:
        doc.add(Field("等級", incident.level, bold_label=True))
    if incident.restricted:
        doc.add(Paragraph("本件保密處理，請勿轉知無關人員。", bold=True))
    doc.add(
        Field("事由", incident.title, bold_label=True),
        Field("發生時間", when(incident.occurred_at), bold_label=True),
        Field("發現時間", when(incident.discovered_at), bold_label=True),
        Field("地點", incident.place, bold_label=True),
        Field("通報人", incident.reporter_label + (f"（{incident.reporter_unit.name}）" if incident.reporter_unit_id
                                                   else ""), bold_label=True),
    )
    if incident.plan_id:
        doc.add(Field("專案計畫", incident.plan.title, bold_label=True))
    n = 1
    doc.add(Numbered(1, n, "發生經過："), Paragraph(incident.description, indent=2))
    n += 1
    doc.add(Numbered(1, n, "涉及單位或人員："), Paragraph(incident.involved or "無。", indent=2))
    n += 1
    doc.add(Numbered(1, n, "已採取之處置："), Paragraph(incident.actions or "無。", indent=2))
    n += 1
    doc.add(Numbered(1, n, "通報情形："))
    rows = []
    made = {}
    for m in incident.notifications.all():
        made.setdefault(m.party, m)
    for i, p in enumerate(incident.parties.all(), start=1):
        m = made.get(p.party)
        rows.append([Cell(str(i), align="center"), Cell(p.get_party_display()), Cell(p.period_text()),
                     Cell(when(p.due_at)), Cell(f"{m.get_method_display()}／{m.recipient}／{when(m.notified_at)}"
                                                if m else ""), Cell(p.clock_label(now), align="center")])
    doc.add(Table(header=[[Cell(t, bold=True, align="center") for t in
                           ("項次", "應通報對象", "時限", "通報期限", "通報方式／受通報人／時間", "情形")]],
                  rows=rows or [[Cell("無", colspan=6)]], widths=[0.6, 1.8, 1.6, 2.2, 3.2, 1.2]))
    entries = list(incident.entries.all())
    if entries:
        n += 1
        doc.add(Numbered(1, n, "通報內容："))
        for k, e in enumerate(entries, start=1):
            doc.add(Numbered(2, k, f"{e.get_stage_display()}（{when(e.created_at)}，{e.author_label}）：{e.text}"))
    follow = list(incident.follow_ups.all())
    if follow:
        n += 1
        doc.add(Numbered(1, n, "後續改善事項（列管）："))
        for k, f in enumerate(follow, start=1):
            item = f.tracked_item
            unit = item.lead_unit.name if item.lead_unit_id else ""
            due = rocdate.format_short(item.due_date) if item.due_date else ""
            doc.add(Numbered(2, k, f"{item.text}（主辦單位：{unit}，期限：{due}，{item.get_status_display()}）"))
    if incident.status == "closed":
        n += 1
        doc.add(Numbered(1, n, "結案說明："), Paragraph(incident.conclusion, indent=2))
    doc.add(Paragraph("填表人：　　　　　　單位主管：　　　　　　政風人員：　　　　　　機關首長："))
    return doc


def register_document(*, agency_id: int, year: int) -> Document:
    """The yearly incident register (Gregorian `year` of discovery), the agency's own incidents."""
    from anwei.incidents.selectors import register_rows
    from anwei.orgs.models import Agency

    agency = Agency.objects.get(pk=agency_id)
    now = clock.now()
    doc = Document(title=f"{agency.name}{year - 1911}年狀況通報登記簿", official=False, landscape=True)
    doc.add(Title([agency.name, f"{year - 1911}年狀況通報登記簿"]))
    rows = []
    for incident in register_rows(agency=agency, year=year):
        rows.append([Cell(incident.number), Cell(when(incident.discovered_at)),
                     Cell(incident.get_category_display()), Cell(incident.title if not incident.restricted
                                                                 else "（保密）"),
                     Cell(_clock_summary(incident, now)), Cell(incident.get_status_display(), align="center")])
    doc.add(Table(header=[[Cell(t, bold=True, align="center") for t in
                           ("編號", "發現時間", "類別", "事由", "通報情形", "狀態")]],
                  rows=rows or [[Cell("本年度無狀況通報。", colspan=6)]], widths=[1.2, 3, 1.6, 4, 3, 1]))
    return doc


def _clock_summary(incident: Incident, now: dt.datetime) -> str:
    labels = [f"{p.get_party_display()}{p.clock_label(now)}" for p in incident.parties.all()]
    return "；".join(labels)
