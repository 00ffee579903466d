"""The neutral document model. Builders in domain apps produce it; the HTML, ODT and
DOCX renderers consume it. Nothing here knows about meetings, plans or travel.

Check boxes are the characters □ and ■ inside text (see `checkbox()`), so they look
the same in every format. Numbered paragraphs carry their level (1–5) and number;
the renderers print the official label (壹、 一、 （一） 1、 （1）) from lib.zhnum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from anwei.lib import zhnum

Align = Literal["left", "center", "right", "justify"]


@dataclass
class Title:
    """Centered title lines at the top of a document (agency name, document name…)."""

    lines: list[str]
    size: Literal["large", "letter", "xlarge"] = "large"  # letter: 發文機關 and 函 (20 pt)


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 = section heading, 2 = sub-heading


@dataclass
class Paragraph:
    text: str  # may contain "\n" for line breaks
    align: Align = "left"
    bold: bool = False
    size: Literal["small", "normal", "large"] = "normal"
    indent: int = 0  # in characters (全形字)
    first_line_indent: int = 0  # extra indent of the first line, in characters (e.g. 2 for 段首空兩格)


@dataclass
class Numbered:
    """One item of official numbering: level 1–5, number ≥ 1, and its text."""

    level: int
    number: int
    text: str
    size: Literal["small", "normal", "large"] = "normal"

    @property
    def label(self) -> str:
        return zhnum.label(self.level, self.number)


@dataclass
class Field:
    """A label-value line such as 受文者：… or 時間：… (label in bold or not)."""

    label: str
    value: str
    bold_label: bool = False
    size: Literal["small", "normal", "large"] = "normal"


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: Align = "left"


@dataclass
class Table:
    header: list[list[Cell]]  # one or more header rows, repeated on every page
    rows: list[list[Cell]]
    widths: list[float] | None = None  # relative column widths
    caption: str = ""  # printed above the table (kept on the page of the table's first row)
    # Every renderer keeps each row on one page (a row longer than a page is the only exception).
    # keep_together: the whole table on one page when it fits (an agenda; its last row never alone).
    keep_together: bool = False
    # compact: a paper form that must fit its page (a month of daily checks): smaller type, single
    # line spacing, tight cells — in every format alike.
    compact: bool = False


@dataclass
class PageBreak:
    pass


@dataclass
class Attachments:
    items: list[str]
    label: str = "附件"


@dataclass
class Enclosure:
    """A file printed in place (a proposal's draft rules, a report's slides).

    `path` is the file on the server's disk and `key` its content hash. The PDF renderer prints
    its pages here, numbered with the rest of the document: a PDF as it is, an ODT/DOCX/… converted
    by LibreOffice when the server has it (converted once, kept by `key`). Formats that cannot hold
    it (HTML, ODT, DOCX), and a file that cannot be printed, show `name` (with `note`)."""

    name: str
    path: str | None = None
    key: str = ""
    note: str = ""
    label: str = "附件"


Block = Union[Title, Heading, Paragraph, Numbered, Field, Table, PageBreak, Attachments, Enclosure]


@dataclass
class Document:
    title: str  # document metadata and the default file name
    blocks: list[Block] = field(default_factory=list)
    header_text: str = ""  # printed at the top of every page
    page_numbers: bool = True  # 第X頁，共Y頁 in the footer
    official: bool = True  # 楷書 (TW-Kai / 標楷體) for official documents; sans otherwise
    landscape: bool = False

    def add(self, *blocks: Block) -> "Document":
        self.blocks.extend(blocks)
        return self


def checkbox(label: str, checked: bool) -> str:
    return ("■" if checked else "□") + label


def cells(*texts: str, bold: bool = False) -> list[Cell]:
    return [Cell(t, bold=bold) for t in texts]
