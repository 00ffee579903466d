"""Documents used by the renderer tests: every block kind, and hostile input."""

from __future__ import annotations

from anwei.documents.model import (
    Attachments, Cell, Document, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title, cells, checkbox,
)

HEADER = "海港市政府水利局安全維護會報109年第1次會議"


def directives_table(n: int = 6) -> Table:
    rows = [
        [Cell(str(i), align="center"), Cell(f"第{i}項指示：請秘書室賡續辦理檔案銷毀。"), Cell("秘書室"),
         Cell("預計年底前辦理\n(1)檔案清查"),
         Cell(checkbox("繼續列管", i % 2 == 0) + "\n" + checkbox("解除列管", i % 2 == 1))]
        for i in range(1, n + 1)
    ]
    return Table(header=[cells("項次", "主席裁(指)示事項", "主(協)辦單位", "執行情形", "是否列管")], rows=rows,
                 widths=[1, 4, 2, 4, 2], caption="主席裁（指）示事項辦理情形")


def merged_table() -> Table:
    return Table(
        header=[[Cell("項目", rowspan=2), Cell("時間", colspan=2)], cells("起", "迄")],
        rows=[
            [Cell("合併兩欄", colspan=2, bold=True), Cell("跨兩列", rowspan=2)],
            [Cell("甲"), Cell("乙")],
        ],
        widths=[2, 1, 1],
    )


def every_block() -> Document:
    d = Document(title="全部區塊測試", header_text=HEADER)
    d.add(
        Title(["海港市政府水利局", "安全維護會報109年第1次會議", "會議資料"], size="xlarge"),
        Field("時間", "109年4月22日(星期三)上午11時30分"),
        Field("地點", "本局4樓會議室\n（第二行）", bold_label=True),
        Heading("報告事項"),
        Heading("次標題", level=2),
        Numbered(1, 1, "依據法務部廉政署函辦理。"),
        Numbered(2, 1, "公務員赴大陸地區管理機制宣導"),
        Numbered(3, 11, "第三層第十一項"),
        Numbered(4, 2, "數字層級"),
        Numbered(5, 3, "括號數字層級"),
        Paragraph("一般段落第一行\n一般段落第二行", indent=2),
        Paragraph("置中粗體", align="center", bold=True, size="large"),
        Paragraph("靠右小字", align="right", size="small"),
        directives_table(),
        merged_table(),
        PageBreak(),
        Paragraph("分頁後的段落"),
        Attachments(["附件一名稱", "附件二名稱"]),
    )
    return d


def hostile() -> Document:
    """A 50,000-character paragraph, control characters, a character outside most fonts."""
    d = Document(title="異常輸入\x00測試", header_text="表頭\x07文字")
    d.add(
        Paragraph("長" * 50_000),
        Paragraph("控制字元\x00\x01\x08\x0b\x0c\x1b\ufffe保留𠀋字\r\n與換行"),
        Table(header=[cells("欄\x00一", "欄二")], rows=[[Cell("第一行\n第二行\r\n第三行"), Cell("𠀋\x1f")]]),
        Numbered(2, 3, "提案說明\x02" + "字" * 2000),
        Field("案由\x03", "a < b & c > d \"quoted\" 'single' ]]>"),
        Attachments([]),
    )
    return d
