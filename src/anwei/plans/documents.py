"""Document builders: the plan, its duty table (分工表) and the letter (函, seed 004's layout).

Each takes JSON-serialisable ids and returns a neutral Document; the calling view has
already checked that the person may see the plan or the assignment.
"""

from __future__ import annotations

from anwei.documents.model import Cell, Document, Field, Numbered, Paragraph, Table, Title
from anwei.lib import rocdate
from anwei.plans.models import Assignment, Letter, LetterRecipient, SpecialPlan
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


def _recipient_text(letter: Letter, copy: str) -> str:
    labels = [r.label() for r in letter.recipients.all() if r.copy == copy]
    if copy == LetterRecipient.Copy.CC:
        labels += [ln.strip() for ln in letter.extra_cc.splitlines() if ln.strip()]
    return "、".join(labels)


def letter_document(*, letter_id: int, assignment_id: int | None = None) -> Document:
    """The 函. With assignment_id, the copy addressed to that recipient (受文者 = its name)."""
    letter = (Letter.objects.select_related("agency", "plan__agency")
              .prefetch_related("recipients__group", "recipients__target_agency", "recipients__target_unit")
              .get(pk=letter_id))
    agency = letter.agency
    if assignment_id:
        a = Assignment.objects.select_related("agency", "unit").get(pk=assignment_id, letter=letter)
        addressee = a.recipient_label()
    else:
        addressee = "如正本及副本"
    names = letter_attachment_names(letter)
    attach = "、".join(names) + f"（{'、'.join(letter_attachment_files(letter))}）"
    contact = [f"地址：{agency.address}" if agency.address else "",
               f"承辦人：{letter.contact_name}" if letter.contact_name else "",
               f"電話：{letter.contact_phone or agency.phone}" if (letter.contact_phone or agency.phone) else "",
               f"傳真：{agency.fax}" if agency.fax else "",
               f"電子信箱：{letter.contact_email}" if letter.contact_email else ""]
    doc = Document(title=f"{agency.name}函 {letter.number}".strip())
    doc.add(
        Paragraph(f"檔　　號：{letter.file_no}\n保存年限：{letter.retention}", size="small"),
        Title([f"{agency.name}　函"], size="xlarge"),
        Paragraph("\n".join(c for c in contact if c), align="right", size="small"),
        Field("受文者", addressee),
        Field("發文日期", rocdate.format_long(letter.date) if letter.date else "（發文時填入）"),
        Field("發文字號", letter.number or "（發文時取號）"),
        Field("速別", letter.speed),
        Field("密等及解密條件或保密期限", letter.secrecy),
        Field("附件", attach),
        Field("主旨", letter.subject, bold_label=True),
        Field("說明", "", bold_label=True),
    )
    doc.blocks += _outline_blocks(letter.explanation)
    doc.add(Field("正本", _recipient_text(letter, LetterRecipient.Copy.MAIN)),
            Field("副本", _recipient_text(letter, LetterRecipient.Copy.CC)))
    return doc
