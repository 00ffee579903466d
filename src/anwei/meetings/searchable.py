"""Meetings in the one search (portal.searchables): the meeting itself (remarks, conclusion, agenda), its
reports, its proposals (案由/說明/辦法/決議) and the chair's rulings, each with where it sits in the minutes."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, Subquery

from anwei.meetings.models import AgendaItem, Proposal, Report, Ruling, SecurityMeeting
from anwei.portal.searchables import SearchDoc, Searchable, record_url, searchable_register


def _url(meeting: SecurityMeeting, anchor: str = "") -> str:
    return record_url("meetings:detail", meeting.pk) + (f"#{anchor}" if anchor else "")


def _doc(meeting: SecurityMeeting, *, title: str, where: str, text: str, anchor: str = "",
         files=()) -> SearchDoc:
    return SearchDoc(title=" ".join(title.split())[:120], location=f"{meeting.label}會議 · {where}", text=text,
                     url=_url(meeting, anchor), agency_id=meeting.agency_id, date=meeting.date,
                     file_ids=tuple(f.pk for f in files))


def _meeting_docs(m: SecurityMeeting):
    agenda = "\n".join(" ".join(filter(None, (a.title, a.presenter, a.note))) for a in m.agenda_items.all())
    yield _doc(m, title=f"{m.agency.name}安全維護會報{m.label}會議", where="議程、主席致詞及結論",
               text="\n".join(filter(None, (m.place, m.chair_name, agenda, m.opening_remarks, m.conclusion))))


def _report_docs(r: Report):
    yield _doc(r.meeting, title=r.title, where=f"{r.get_kind_display()}：{r.title}"[:200],
               text="\n".join(filter(None, (r.presenter, r.body))), anchor="reports", files=r.attachments.all())


def _proposal_docs(p: Proposal):
    parts = [("案由", p.subject), ("說明", p.explanation), ("辦法", p.method),
             ("決議", p.resolution_text or (p.get_resolution_display() if p.resolution else ""))]
    yield _doc(p.meeting, title=p.subject, where=p.number_label,
               text="\n".join(f"{label}：{value}" for label, value in parts if value),
               anchor=f"proposal-{p.pk}", files=p.attachments.all())


def _ruling_docs(r: Ruling):
    where = f"{r.get_section_display()}第{r.position}項" if r.section != Ruling.Section.CONCLUSION \
        else f"主席裁示第{r.position}項"
    yield _doc(r.meeting, title=r.subject or r.text, where=where, text=f"{r.subject}\n{r.text}", anchor="rulings")


def _rulings():
    # Its number within its section of the minutes, counted in the query (also when reindexing one).
    before = (Ruling.objects.filter(meeting=OuterRef("meeting"), section=OuterRef("section"))
              .filter(Q(order__lt=OuterRef("order")) | Q(order=OuterRef("order"), pk__lte=OuterRef("pk")))
              .order_by().values("meeting").annotate(n=Count("pk")).values("n"))
    return Ruling.objects.select_related("meeting").annotate(position=Subquery(before))


def register() -> None:
    common = {"view_action": "meeting.view"}
    searchable_register(Searchable(
        kind="meetings.meeting", label="會議", model=SecurityMeeting, order=20,
        queryset=lambda: SecurityMeeting.objects.select_related("agency").prefetch_related("agenda_items"),
        documents=_meeting_docs, touched_by=((AgendaItem, lambda a: [a.meeting]),), **common))
    searchable_register(Searchable(
        kind="meetings.report", label="會議報告", model=Report, order=21,
        queryset=lambda: Report.objects.select_related("meeting").prefetch_related("attachments"), documents=_report_docs,
        touched_by=((SecurityMeeting, lambda m: m.reports.all()),), **common))
    searchable_register(Searchable(
        kind="meetings.proposal", label="會議提案", model=Proposal, order=22,
        queryset=lambda: Proposal.objects.select_related("meeting").prefetch_related("attachments"), documents=_proposal_docs,
        touched_by=((SecurityMeeting, lambda m: m.proposals.all()),), **common))
    searchable_register(Searchable(
        kind="meetings.ruling", label="主席裁示", model=Ruling, order=23, queryset=_rulings, documents=_ruling_docs,
        touched_by=((SecurityMeeting, lambda m: m.rulings.all()), (Ruling, lambda r: r.meeting.rulings.all())),
        **common))
