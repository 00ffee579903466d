"""Synthetic documents shaped like a meeting packet, for the benchmark and the tests.

Independent of the meetings app: invented names, realistic lengths."""

from __future__ import annotations

from anwei.documents.model import (
    Attachments, Cell, Document, Field, Heading, Numbered, PageBreak, Paragraph, Table, Title, cells, checkbox,
)
from anwei.lib import zhnum

AGENCY = "海港市政府水利局"
MEETING = "安全維護會報109年第1次會議"

_PROGRESS = ("預計本年底前辦理(1)檔案清查、編製檔案銷毀目錄、彙送各科室審核，簽陳長官核准後制定檔案銷毀計畫及目錄，"
             "(2)續送本府秘書處審核通過後，(3)再層送國家發展委員會檔案管理局審核，(4)最後依審核結果判定可銷毀之檔案、辦理銷毀。")
_DIRECTIVE = "請秘書室賡續依簽訂之檔案銷毀作業流程，辦理逾保存期限檔案銷毀，並於下次會議報告辦理進度。"
_REPORT = ("兩岸人民關係條例修正施行，明定公務員赴陸返臺後須通報，且涉密退離職人員許可管制期屆滿後，涉密程度較高者赴陸仍須申報。"
           "依該條例授權，內政部修正發布許可辦法，並明定公務員及退離職人員應於赴陸返臺後7個工作日內填具通報表。")
_UNITS = ("秘書室", "政風室", "人事室", "綜合企劃科", "污水養護工程科", "各科室")


def agenda_table() -> Table:
    items = [("11:30", "11:35", 5, "簽到", "政風室"), ("11:35", "11:40", 5, "主席致詞", "主持人"),
             ("11:40", "11:50", 10, "上次會議主席裁（指）示事項辦理情形", "政風室"),
             ("11:50", "12:00", 10, "秘書單位工作報告", "政風室"),
             ("12:00", "12:10", 10, "專題報告：本局因應傳染病安全維護措施專題報告", "人事室"),
             ("12:10", "12:20", 10, "提案討論", "主持人"), ("12:20", "12:25", 5, "臨時動議", "主持人"),
             ("12:25", "12:30", 5, "主席結論", "主持人")]
    rows = [[Cell(zhnum.ordinal_item(i), align="center"), Cell(f"{a}\n│\n{b}", align="center"),
             Cell(f"{m}分鐘", align="center"), Cell(t), Cell(who, align="center"), Cell("")]
            for i, (a, b, m, t, who) in enumerate(items, 1)]
    rows.append([Cell("九", align="center"), Cell("12:30", align="center"), Cell(""), Cell("散會"), Cell(""), Cell("")])
    return Table(header=[cells("項次", "時間", "使用時間", "議　　程", "主持(報告)人", "備考")], rows=rows,
                 widths=[1, 1.6, 1.4, 5, 2, 1.2], caption=f"{AGENCY}{MEETING}程序表")


def directives_table(n: int = 40, variant: int = 0) -> Table:
    tag = f"（{variant}）" if variant else ""
    rows = [[Cell(str(i), align="center"), Cell(_DIRECTIVE + tag), Cell(_UNITS[i % len(_UNITS)], align="center"),
             Cell((_PROGRESS if i % 3 else "均確實轉知同仁遵照辦理。") + tag),
             Cell(checkbox("繼續列管", i % 4 == 0) + "\n" + checkbox("解除列管", i % 4 != 0))]
            for i in range(1, n + 1)]
    return Table(header=[cells("項次", "主席裁(指)示事項", "主(協)辦單位", "執行情形", "是否列管")], rows=rows,
                 widths=[0.8, 4, 1.5, 4.4, 2],
                 caption=f"{AGENCY}安全維護會報108年第2次會議主席裁（指）示事項辦理情形")


def proposal_table(n: int, variant: int = 0) -> Table:
    row = lambda label, text: [Cell(label, bold=True, align="center"), Cell(text)]  # noqa: E731
    return Table(header=[[Cell(f"{AGENCY}{MEETING}提案討論表", colspan=2)]], rows=[
        row("案號", f"第{zhnum.chinese(n)}案"), row("提案單位", _UNITS[n % len(_UNITS)]),
        row("案由", "檢陳本局辦公區管理大樓門禁管理計畫（草案）1份，提請審議。"),
        row("說明", "\n".join(f"{zhnum.label(2, k)}{_REPORT}{variant or ''}" for k in range(1, 9))),
        row("辦法", "經本會審議通過後，簽陳核定後實施。"),
        row("決議", ""),
    ], widths=[1.4, 8.6])


def packet(directives: int = 40, proposals: int = 8, variant: int = 0) -> Document:
    """About 30 pages: cover, agenda, a long directives table, a work report, proposal tables.
    Each `variant` differs in every row and paragraph (a benchmark lays out new text each time)."""
    tag = f"（{variant}）" if variant else ""
    d = Document(title=f"{AGENCY}{MEETING}會議資料", header_text=f"{AGENCY}{MEETING}{tag}")
    d.add(Title([AGENCY, MEETING], size="xlarge"), Paragraph("\n\n"), Title(["會議資料"], size="xlarge"),
          Paragraph("\n\n\n"), Field("編製單位", "政風室"), Paragraph("中華民國109年4月", align="center"), PageBreak(),
          agenda_table(), PageBreak(), directives_table(directives, variant), PageBreak(), Heading("秘書單位工作報告"))
    for i in range(1, 18):
        d.add(Numbered(2, i, "公務員赴大陸地區管理機制宣導" + tag), Paragraph(_REPORT * 2 + tag, indent=2))
        for k in range(1, 4):
            d.add(Numbered(3, k, _REPORT + tag))
    d.add(Attachments(["公務員赴陸通報表", "機關安全維護注意事項"]))
    for n in range(1, proposals + 1):
        d.add(PageBreak(), proposal_table(n, variant))
    return d


def short() -> Document:
    return Document(title="簡短文件").add(Title(["簡短文件"]), Paragraph("內容"), directives_table(3))


def long_table(rows: int = 160) -> Document:
    """Many short rows: heavy enough for background rendering, quick to lay out."""
    table = Table(header=[cells("序號", "項目", "辦理情形")],
                  rows=[[Cell(str(i), align="center"), Cell(f"第{i}項"), Cell(checkbox("已辦理", i % 2 == 0))]
                        for i in range(1, rows + 1)], widths=[1, 3, 3])
    return Document(title="長表格").add(Title(["長表格"]), table)


def broken() -> Document:
    raise RuntimeError("builder failed on purpose (tests)")


def heavy_text(rows: int = 4, chars: int = 100_000) -> Document:
    """A register whose items hold `chars` characters each (few rows, much text)."""
    table = Table(header=[cells("序號", "列管事項", "執行情形")],
                  rows=[[Cell(str(i), align="center"), Cell("事" * chars), Cell("已辦理。")]
                        for i in range(1, rows + 1)], widths=[1, 8, 2])
    return Document(title="長文字", landscape=True, official=False).add(Title(["長文字"]), table)


def register(rows: int = 1000, variant: int = 0) -> Document:
    """A landscape register (列管事項一覽表's shape): about 5 rows a page, so 1,000 rows ≈ 200 pages."""
    table = Table(header=[cells("來源", "項次", "列管事項", "主辦單位", "狀態", "期限", "最近執行情形")], widths=[1.6, 0.6, 4, 1.6, 1.1, 1.1, 4],
                  rows=[[Cell(f"109年第{1 + i % 2}次會議"), Cell(str(i), align="center"), Cell(_DIRECTIVE + f"（{variant}）"),
                         Cell(_UNITS[i % len(_UNITS)]), Cell("列管中"), Cell("109/12/31"), Cell(_PROGRESS)]
                        for i in range(1, rows + 1)])
    return Document(title="列管事項一覽表", landscape=True, official=False).add(Title(["列管事項一覽表"]), table)
