"""A packet and minutes in the app's own layout (src/anwei/meetings/documents.py: packet_build,
minutes_build), built by hand as neutral documents, and the lines a reader of them would see.

Everything here is invented: agency, units, people, texts."""

from __future__ import annotations

import datetime as dt

from anwei.documents.model import (
    Attachments,
    Cell,
    Document,
    Field,
    Heading,
    Numbered,
    PageBreak,
    Paragraph,
    Table,
    Title,
)
from anwei.lib.docextract.model import Extracted, Line

AGENCY = "海濱市政府測試局"
DIRECTIVES_110_1 = [  # number, text, units as printed, progress, decision boxes
    (1, "請秘書室於汛期前完成機房門禁設備檢修。", "秘書室（協辦：資訊室）", "已於5月10日完成檢修並測試正常。", "□繼續列管\n■解除列管"),
    (2, "請各科室加強宣導公務機密維護。", "各科室", "秘書室：已於科務會議宣導。\n資訊室：已張貼宣導海報。", "■繼續列管\n□解除列管"),
    (3, "請資訊室研擬個人電腦定期檢查作業規定。", "資訊室", "", "□繼續列管\n□解除列管"),
]
DIRECTIVES_109_2 = [(5, "下班後請確實關閉辦公室門窗及電源。", "各科室", "各單位持續辦理。", "■繼續列管\n□解除列管")]
AGENDA = [  # number, start, end, minutes, title, presenter
    (1, "14:00", "14:05", 5, "簽到", "政風室"), (2, "14:05", "14:10", 5, "主席致詞", "主持人"),
    (3, "14:10", "14:20", 10, "上次會議主席裁(指)示事項辦理情形", "政風室"),
    (4, "14:20", "14:30", 10, "政風室工作報告", "政風室"),
    (5, "14:30", "14:45", 15, "專題報告：本局資通安全維護作業報告", "資訊室"),
    (6, "14:45", "14:55", 10, "提案討論", "主持人"), (7, "14:55", "15:00", 5, "臨時動議", "主持人"),
    (8, "15:00", "15:05", 5, "主席結論", "主持人"), (9, "15:05", None, None, "散會", ""),
]
PROPOSALS = [  # number, unit, subject, explanation, method
    (1, "秘書室", "審議本局門禁管理要點（草案）案", "為強化本局門禁管理，擬訂定要點。\n草案如附件。", "審議通過後，函發各科室。"),
    (2, "政風室", "辦理本局春節期間安全維護工作案", "春節期間自2月8日起至2月14日止。", "審議通過後，由政風室簽訂計畫。"),
]
WORK_REPORT = ["一、辦理機關安全維護檢查", "（一）110年3月辦理本局辦公廳舍安全維護檢查，發現缺失2項，已簽請改善。",
               "二、辦理公務機密維護宣導", "結合科務會議辦理宣導計3場次。"]


def packet_document() -> Document:
    doc = Document(title=f"{AGENCY}安全維護會報110年第1次會議資料", header_text=f"{AGENCY}安全維護會報110年第1次會議")
    rows = [[Cell(str(n)), Cell(f"{s}\n│\n{e}" if e else s), Cell(f"{m}分鐘" if m else ""), Cell(t), Cell(p), Cell("")]
            for n, s, e, m, t, p in AGENDA]
    header = [[Cell(h, bold=True) for h in ["項次", "時間", "使用時間", "議程", "主持(報告)人", "備考"]]]
    dheader = [[Cell(h, bold=True) for h in ["項次", "主席裁（指）示事項", "主(協)辦單位", "執行情形", "是否列管"]]]
    doc.add(
        Title([AGENCY, "安全維護會報 110 年第 1 次會議", "會議資料"], size="xlarge"),
        Paragraph(f"{AGENCY}政風室編製", align="center"), Paragraph("110 年 6 月", align="center"), PageBreak(),
        Title([f"{AGENCY}安全維護會報110年第1次會議程序表"]),
        Paragraph("（110年6月16日(星期三)14時00分至15時05分）", align="center"),
        Table(header=header, rows=[[Cell(_zh(int(r[0].text))), *r[1:]] for r in rows]), PageBreak(),
    )
    for origin, items in (("110年第1次", DIRECTIVES_110_1), ("109年第2次", DIRECTIVES_109_2)):
        doc.add(Table(header=dheader, caption=f"{AGENCY}安全維護會報{origin}會議\n主席裁（指）示事項辦理情形",
                      rows=[[Cell(str(n)), Cell(t), Cell(u), Cell(p), Cell(d)] for n, t, u, p, d in items]))
    doc.add(PageBreak(), Heading("政風室工作報告", level=1), *[Paragraph(t) for t in WORK_REPORT],
            PageBreak(), Heading("專題報告", level=1), Paragraph("資訊室：本局資通安全維護作業報告", bold=True),
            Field("報告人", "資訊室主任 林測試"), Paragraph("本局110年上半年資通安全維護辦理情形如下。"))
    for n, unit, subject, explanation, method in PROPOSALS:
        doc.add(PageBreak(), Title([f"{AGENCY}安全維護會報", "110年第1次會議提案討論表"]),
                Table(header=[], rows=[
                    [Cell("案號"), Cell(f"第{n}案"), Cell("提案單位"), Cell(unit)],
                    [Cell("案由"), Cell(subject, colspan=3)], [Cell("說明"), Cell(explanation, colspan=3)],
                    [Cell("辦法"), Cell(method, colspan=3)], [Cell("決議"), Cell("", colspan=3)]]))
        if n == 1:
            doc.add(Paragraph("本案為109年第2次會議第3案續審。", size="small"), Attachments(["門禁管理要點草案.pdf"]))
    return doc


def minutes_document() -> Document:
    doc = Document(title=f"{AGENCY}安全維護會報110年第1次會議紀錄")
    header = [[Cell(h, bold=True) for h in ["決議事項", "主辦單位", "辦理情形", "列管情形"]]]
    rows = [[Cell(f"{_zh(n)}、{t}"), Cell(u), Cell(p), Cell("解除列管" if "■解除" in d else "繼續列管")]
            for n, t, u, p, d in DIRECTIVES_110_1[:2]]
    rows.append([Cell("（109年第2次會議）五、下班後請確實關閉辦公室門窗及電源。"), Cell("各科室"), Cell("各單位持續辦理。"),
                 Cell("繼續列管")])
    doc.add(
        Title([f"{AGENCY}安全維護會報110年第1次會議紀錄"]),
        Field("時間", "110年6月16日(星期三)下午2時00分"), Field("地點", "本局第一會議室"),
        Field("出席", "秘書室王測試、資訊室林測試（陳代理代理）\n請假：政風室張測試"),
        Field("主席", "局長 李測試"), Field("紀錄", "趙測試"),
        Heading("壹、主席致詞"), Paragraph("感謝各單位配合。"),
        Heading("貳、上次會議主席裁(指)示事項辦理情形報告："),
        Table(header=header, rows=rows),
        Paragraph("主席裁示：", bold=True), Numbered(2, 1, "第二項："), Paragraph("請各科室持續辦理。", indent=2),
        Heading("參、報告事項"), Numbered(2, 1, "政風室工作報告（政風室）"),
        Numbered(2, 2, "本局資通安全維護作業報告（資訊室）"),
        Paragraph("主席裁示：", bold=True), Numbered(2, 1, "請資訊室每季提報資安檢查結果。"),
        Heading("肆、提案討論"),
        Heading("提案一", level=2), Field("提案單位", "秘書室"), Field("案由", PROPOSALS[0][2]),
        Field("決議", "修正通過。", bold_label=True), Numbered(2, 1, "請秘書室依決議修正要點後函發各科室。"),
        Heading("提案二", level=2), Field("提案單位", "政風室"), Field("案由", PROPOSALS[1][2]),
        Field("決議", "照案通過。", bold_label=True),
        Heading("伍、臨時動議"),
        Heading("臨時動議一", level=2), Field("提案單位", "資訊室"), Field("案由", "建請汰換老舊監視器案"),
        Field("決議", "請秘書室編列預算辦理。", bold_label=True),
        Heading("陸、主席結論"), Paragraph("請各單位依裁示辦理。"), Numbered(2, 1, "請各科室加強門禁管制。"),
        Heading("柒、散會（下午3時10分）"),
    )
    return doc


def _zh(n: int) -> str:
    from anwei.lib.zhnum import chinese
    return chinese(n)


def as_lines(doc: Document) -> Extracted:
    """What a reader sees in the document, block by block: text lines, and tables as rows of cells."""
    out: list[Line] = []
    tables = 0

    def text(value: str) -> None:
        for part in value.split("\n"):
            out.append(Line(no=len(out) + 1, cells=(part,)))

    for b in doc.blocks:
        if isinstance(b, Title):
            for line in b.lines:
                text(line)
        elif isinstance(b, (Paragraph, Heading)):
            text(b.text)
        elif isinstance(b, Numbered):
            text(b.label + b.text)
        elif isinstance(b, Field):
            text(f"{b.label}：{b.value}")
        elif isinstance(b, Attachments):
            text("附件：" + "、".join(b.items))
        elif isinstance(b, Table):
            if b.caption:
                text(b.caption)
            for row in b.header + b.rows:
                cells: list[str] = []
                for c in row:
                    cells += [c.text] + [""] * (c.colspan - 1)
                out.append(Line(no=len(out) + 1, cells=tuple(cells), table=tables))
            tables += 1
    return Extracted(kind="docx", lines=tuple(out), wrapped=False)


EXPECTED_PACKET = dict(agency=AGENCY, roc_year=110, sequence=1, date=dt.date(2021, 6, 16), start_time=dt.time(14, 0),
                       end_time=dt.time(15, 5))
