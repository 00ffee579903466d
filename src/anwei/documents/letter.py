"""The 函 (official letter) as the 文書處理手冊 lays it out, from a neutral description of the letter.

A domain app (plans) fills `OfficialLetter`; `letter_blocks()` gives the printed letter as
neutral blocks (every renderer prints it) and `anwei.documents.exchange` writes the same letter
as 電子公文 exchange files (.di + .sw). Neither knows what the letter is about.

Layout (文書處理手冊, 函): 檔號／保存年限 at the top left; 發文機關全銜 and 「函」 centred in 20 pt;
the address block (地址 with postal code, 承辦人, 電話, 傳真, 電子信箱) on the right half; 受文者,
發文日期, 發文字號, 速別, 密等及解密條件或保密期限, 附件 in 12 pt; 主旨 and 說明 in 16 pt with hanging
indents; 正本, then 副本 only when there is one; the 署名 (the head's title and name) and the 決行
level when the letter is final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anwei.documents import outline
from anwei.documents.model import Field, Numbered, Paragraph, Title


@dataclass
class Party:
    """A recipient: 全銜 and, when the exchange can reach it, its 機關代碼."""

    name: str
    code: str = ""


@dataclass
class LetterFile:
    """An attachment: its title (as the 附件 line names it), the file name in the exchange, the bytes."""

    title: str
    filename: str
    data: bytes = b""


@dataclass
class OfficialLetter:
    sender: str
    sender_code: str
    address: str  # with the postal code
    subject: str
    explanation: str  # lines numbered 一、（一）1、（1）
    date_text: str  # 中華民國108年11月12日, or "" before dispatch
    number: str  # 府政行字第1080251637號, or "" before dispatch
    addressee: str = "如正本及副本"
    contact: list[tuple[str, str]] = field(default_factory=list)  # (承辦人, 王小明), (電話, …)
    speed: str = "普通件"
    secrecy: str = ""
    file_no: str = ""
    retention: str = ""
    attachments: list[LetterFile] = field(default_factory=list)
    main: list[Party] = field(default_factory=list)  # as printed (a group by its name)
    cc: list[Party] = field(default_factory=list)
    roster: list[tuple[str, Party]] = field(default_factory=list)  # the exchange list: (正本|副本, agency)
    signature: str = ""  # 局長　王大明 (printed when final)
    decision_level: str = ""  # 授權單位主管決行
    final: bool = False

    def number_parts(self) -> tuple[str, str, str] | None:
        """府政行字第1080251637號 → (府政行, 108, 0251637): 字, 年度, 流水號."""
        m = re.fullmatch(r"(.+?)字第(\d{2,3})(\d+)號", self.number.strip())
        if not m:
            return None
        return m.group(1), m.group(2), m.group(3)

    def attachment_line(self) -> str:
        if not self.attachments:
            return ""
        titles = "、".join(a.title for a in self.attachments)
        files = "、".join(a.filename for a in self.attachments)
        return f"{titles}（{files}）"


def letter_blocks(letter: OfficialLetter) -> list:
    small, large = "small", "large"
    blocks: list = [
        Paragraph(f"檔　　號：{letter.file_no}\n保存年限：{letter.retention}", size=small),
        Title([f"{letter.sender}　函"], size="letter"),
    ]
    contact = [f"地址：{letter.address}"] if letter.address else []
    contact += [f"{label}：{value}" for label, value in letter.contact if value]
    if contact:
        blocks.append(Paragraph("\n".join(contact), size=small, indent=20))
    blocks += [
        Paragraph("", size=small),
        Field("受文者", letter.addressee, size=small),
        Field("發文日期", letter.date_text or "（發文時填入）", size=small),
        Field("發文字號", letter.number or "（發文時取號）", size=small),
        Field("速別", letter.speed, size=small),
        Field("密等及解密條件或保密期限", letter.secrecy, size=small),
        Field("附件", letter.attachment_line(), size=small),
        Paragraph("", size=small),
        Field("主旨", letter.subject, size=large),
    ]
    items = outline.blocks(letter.explanation, size=large, renumber=True)
    if items:
        blocks.append(Field("說明", "", size=large))
        # 說明's items hang from the margin as the handbook shows: 一、 at the left edge.
        blocks += [Numbered(max(2, b.level), b.number, b.text, size=large) if isinstance(b, Numbered) else b
                   for b in items]
    blocks.append(Paragraph("", size=small))
    blocks.append(Field("正本", "、".join(p.name for p in letter.main), size=small))
    if letter.cc:
        blocks.append(Field("副本", "、".join(p.name for p in letter.cc), size=small))
    if letter.final and letter.signature:
        blocks.append(Paragraph("\n" + letter.signature, size=large, indent=12, bold=True))
        if letter.decision_level:
            level = letter.decision_level
            if not level.startswith("本案"):
                level = f"本案依分層負責規定{level}"
            blocks.append(Paragraph(f"（{level}）", size=small, indent=14))
    return blocks
