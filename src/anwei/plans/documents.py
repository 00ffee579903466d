"""Document builders: the plan, its duty table (分工表) and the letter (函, seed 004's layout).

Each takes JSON-serialisable ids and returns a neutral Document; the calling view has
already checked that the person may see the plan or the assignment.
"""

from __future__ import annotations

from django.db.models import Q

from anwei.documents.exchange import exchange_zip
from anwei.documents.letter import LetterFile, OfficialLetter, Party, letter_blocks
from anwei.documents.model import Cell, Document, Numbered, Paragraph, Table, Title
from anwei.documents.outline import labelled as outline_labelled
from anwei.documents.render import render
from anwei.lib import rocdate
from anwei.orgs.models import Agency
from anwei.orgs.selectors import agency_head
from anwei.plans.models import Assignment, Letter, LetterRecipient, RecipientGroup, SpecialPlan
from anwei.plans.outline import outline_parse
from anwei.plans.periods import period_sentence


def _outline_blocks(text: str, *, indent: int = 2) -> list:
    out = []
    for line in outline_parse(text):
        if line.level:
            out.append(Numbered(line.level, line.number, line.text))
        else:
            out.append(Paragraph(line.text, indent=indent))
    return out


def _contact_line(c) -> str:
    parts = [p for p in (f"辦公室電話{c.office_phone}" if c.office_phone else "",
                         f"行動電話{c.mobile}" if c.mobile else "", f"傳真{c.fax}" if c.fax else "") if p]
    return f"{c.role}{c.name}" + (f"：{'；'.join(parts)}" if parts else "") + "。"


def _basis_blocks(plan: SpecialPlan, body: str) -> list:
    items = outline_parse(body)
    refs = list(plan.references.all())
    if not items and len(refs) == 1:
        return [Paragraph(f"依據{refs[0].citation()}辦理。", indent=2)]
    blocks = _outline_blocks(body)
    n = sum(1 for i in items if i.level == 2)
    for i, ref in enumerate(refs, start=n + 1):
        blocks.append(Numbered(2, i, f"{ref.citation()}。"))
    return blocks


def duty_table_title(plan: SpecialPlan) -> str:
    return plan.title.replace("專案安全維護計畫", "維護工作分工表")


def plan_sections_blocks(plan: SpecialPlan) -> list:
    blocks: list = []
    contacts = list(plan.contacts.all())
    for n, section in enumerate(plan.sections, start=1):
        key, body = section.get("key"), section.get("body", "")
        blocks.append(Numbered(1, n, f"{section['heading']}："))
        if key == "basis":
            blocks += _basis_blocks(plan, body)
        elif key == "period":
            blocks.append(Paragraph(period_sentence(plan.period_start, plan.period_end), indent=2))
            blocks += _outline_blocks(body)
        elif key == "contacts":
            items = outline_parse(body)
            blocks += _outline_blocks(body)
            start = sum(1 for i in items if i.level == 2)
            blocks += [Numbered(2, start + i, _contact_line(c)) for i, c in enumerate(contacts, start=1)]
        else:
            blocks += _outline_blocks(body)
    return blocks


def plan_document(*, plan_id: int) -> Document:
    plan = SpecialPlan.objects.select_related("agency").get(pk=plan_id)
    doc = Document(title=plan.title)
    doc.add(Title([plan.title]))
    doc.blocks += plan_sections_blocks(plan)
    return doc


def duty_table_document(*, plan_id: int) -> Document:
    plan = SpecialPlan.objects.select_related("agency").get(pk=plan_id)
    title = duty_table_title(plan)
    rows = [[Cell(d.party), Cell("\n".join(f"{ln.label}{ln.text}" for ln in outline_parse(d.duties)) or d.duties)]
            for d in plan.duties.all()]
    return Document(title=title).add(
        Title([title]),
        Table(header=[[Cell("單位（機關）", bold=True, align="center"), Cell("分工事項", bold=True, align="center")]],
              rows=rows or [[Cell("（尚未填寫）"), Cell("")]], widths=[1, 3]))


def letter_attachment_names(letter: Letter) -> list[str]:
    names = [letter.plan.title]
    if letter.plan.duties.exists():
        names.append(duty_table_title(letter.plan))
    return names


def letter_attachment_files(letter: Letter) -> list[str]:
    """File names as the 公文 system writes them: <機關代碼><文號數字>_ATTACHn.odt."""
    digits = "".join(ch for ch in letter.number if ch.isdigit())
    stem = f"{letter.agency.code}{digits}" if letter.number else "附件"
    return [f"{stem}_ATTACH{i}.odt" for i in range(1, len(letter_attachment_names(letter)) + 1)]


def _printed(letter: Letter, copy: str) -> list[Party]:
    """正本／副本 as printed: each line of the letter's recipients (a group by its name)."""
    parties = [Party(r.label(), r.target_agency.code if r.target_agency_id else "")
               for r in letter.recipients.all() if r.copy == copy]
    if copy == LetterRecipient.Copy.CC:
        parties += [Party(ln.strip()) for ln in letter.extra_cc.splitlines() if ln.strip()]
    return parties


def _roster(letter: Letter) -> list[tuple[str, Party]]:
    """The exchange list: every agency the letter reaches (groups opened), 正本 before 副本, once each."""
    sender, seen, out = letter.agency, {letter.agency_id}, []
    for copy, label in ((LetterRecipient.Copy.MAIN, "正本"), (LetterRecipient.Copy.CC, "副本")):
        rows = [r for r in letter.recipients.all() if r.copy == copy]
        ids = {r.target_agency_id for r in rows if r.target_agency_id}
        groups = [r.group for r in rows if r.group_id]
        q = Q(pk__in=ids) | Q(pk__in=RecipientGroup.agencies.through.objects.filter(
            recipientgroup_id__in=[g.pk for g in groups]).values("agency_id"))
        kinds = {g.agency_kind for g in groups if g.agency_kind}
        if kinds:
            q |= Q(kind__in=kinds, path__startswith=sender.path)
        for a in Agency.objects.filter(q).order_by("path").only("pk", "name", "code"):
            if a.pk not in seen:
                seen.add(a.pk)
                out.append((label, Party(a.name, a.code)))
    return out


def _signature(agency) -> str:
    head = agency_head(agency)
    return f"{head.title}　{head.full_name}".strip() if head else ""


def official_letter(letter: Letter, *, addressee: str = "如正本及副本", with_files: bool = False) -> OfficialLetter:
    agency = letter.agency
    files = []
    names = letter_attachment_names(letter)
    for i, (title, fname) in enumerate(zip(names, letter_attachment_files(letter))):
        data = b""
        if with_files:
            doc = plan_document(plan_id=letter.plan_id) if i == 0 else duty_table_document(plan_id=letter.plan_id)
            data = render(doc, "odt")
        files.append(LetterFile(title, fname, data))
    contact = [("承辦人", letter.contact_name), ("電話", letter.contact_phone or agency.phone),
               ("傳真", agency.fax), ("電子信箱", letter.contact_email)]
    return OfficialLetter(
        sender=agency.name, sender_code=agency.code, address=agency.full_address, subject=letter.subject,
        explanation=letter.explanation, date_text=rocdate.format_long(letter.date) if letter.date else "",
        number=letter.number, addressee=addressee, contact=contact, speed=letter.speed, secrecy=letter.secrecy,
        file_no=letter.file_no, retention=letter.retention, attachments=files,
        main=_printed(letter, LetterRecipient.Copy.MAIN), cc=_printed(letter, LetterRecipient.Copy.CC),
        roster=_roster(letter) if with_files else [], signature=_signature(agency),
        decision_level=letter.decision_level, final=letter.is_dispatched)


def _letter_get(letter_id: int) -> Letter:
    return (Letter.objects.select_related("agency", "plan__agency")
            .prefetch_related("recipients__group", "recipients__target_agency", "recipients__target_unit")
            .get(pk=letter_id))


def letter_document(*, letter_id: int, assignment_id: int | None = None) -> Document:
    """The 函 (文書處理手冊's layout). With assignment_id, the copy addressed to that recipient."""
    letter = _letter_get(letter_id)
    addressee = "如正本及副本"
    if assignment_id:
        a = Assignment.objects.select_related("agency", "unit").get(pk=assignment_id, letter=letter)
        addressee = a.recipient_label()
    doc = Document(title=f"{letter.agency.name}函 {letter.number}".strip())
    doc.blocks += letter_blocks(official_letter(letter, addressee=addressee))
    return doc


def letter_exchange_zip(*, letter_id: int) -> bytes:
    """電子公文 exchange files (.di + .sw + the attachments as ODT), validated against the DTDs."""
    letter = _letter_get(letter_id)
    data = official_letter(letter, with_files=True)
    return exchange_zip(data, outline_labelled(letter.explanation, renumber=True))
