"""The draft a review screen shows beside the source text: every value with where it came from.

A Field's value is None when the document did not give it (or it could not be read — then a
Problem says so); "" when the document says it was omitted (主席致詞（略）).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

DocumentKind = Literal["packet", "minutes"]
Decision = Literal["continue", "release"]
ReportKind = Literal["work", "special"]
ProposalKind = Literal["regular", "extempore"]
RulingSection = Literal["previous", "reports", "proposals", "extempore", "conclusion"]


@dataclass(frozen=True)
class Source:
    first_line: int  # line numbers of the extracted text (docextract.Line.no), inclusive
    last_line: int
    snippet: str  # the source text the value was read from, shortened

    @staticmethod
    def span(lines: list[int], text: str, limit: int = 160) -> Source | None:
        if not lines:
            return None
        text = " ".join(text.split())
        return Source(min(lines), max(lines), text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass
class Field(Generic[T]):
    value: T | None = None
    source: Source | None = None


@dataclass
class Problem:
    message: str  # Chinese, for the user: 「第3項：讀不到主（協）辦單位」
    where: str  # the draft's path: "directives[2].lead_unit"
    source: Source | None = None
    level: Literal["error", "warning"] = "error"  # error: not read; warning: read on an assumption


@dataclass
class AgendaDraft:
    number: Field[int] = field(default_factory=Field)
    start: Field[dt.time] = field(default_factory=Field)
    end: Field[dt.time] = field(default_factory=Field)
    minutes: Field[int] = field(default_factory=Field)
    title: Field[str] = field(default_factory=Field)
    presenter: Field[str] = field(default_factory=Field)
    note: Field[str] = field(default_factory=Field)
    source: Source | None = None


@dataclass
class DirectiveDraft:
    number: Field[int] = field(default_factory=Field)
    origin: Field[str] = field(default_factory=Field)  # the meeting that gave it: 108年第1次
    text: Field[str] = field(default_factory=Field)
    units: Field[str] = field(default_factory=Field)  # 主(協)辦單位 as printed
    lead_unit: Field[str] = field(default_factory=Field)
    co_units: Field[list[str]] = field(default_factory=Field)
    all_units: Field[bool] = field(default_factory=Field)  # 各科室
    progress: Field[str] = field(default_factory=Field)  # 執行情形 / 辦理情形
    decision: Field[Decision] = field(default_factory=Field)  # 繼續列管 / 解除列管 as marked
    source: Source | None = None


@dataclass
class ReportDraft:
    kind: Field[ReportKind] = field(default_factory=Field)
    title: Field[str] = field(default_factory=Field)
    unit: Field[str] = field(default_factory=Field)
    presenter: Field[str] = field(default_factory=Field)
    text: Field[str] = field(default_factory=Field)
    source: Source | None = None


@dataclass
class ProposalDraft:
    kind: Field[ProposalKind] = field(default_factory=Field)
    number: Field[int] = field(default_factory=Field)
    unit: Field[str] = field(default_factory=Field)  # 提案單位
    subject: Field[str] = field(default_factory=Field)  # 案由
    explanation: Field[str] = field(default_factory=Field)  # 說明
    method: Field[str] = field(default_factory=Field)  # 辦法
    resolution: Field[str] = field(default_factory=Field)  # 決議
    attachment_text: Field[str] = field(default_factory=Field)  # what follows the table (a draft rule, a form)
    source: Source | None = None


@dataclass
class RulingDraft:
    section: Field[RulingSection] = field(default_factory=Field)
    number: Field[int] = field(default_factory=Field)
    subject: Field[str] = field(default_factory=Field)  # 「一、決議事項第四點：」 → 決議事項第四點
    text: Field[str] = field(default_factory=Field)
    proposal_number: Field[int] = field(default_factory=Field)  # for a ruling under 提案N
    source: Source | None = None


@dataclass
class MeetingDraft:
    kind: DocumentKind
    agency: Field[str] = field(default_factory=Field)
    roc_year: Field[int] = field(default_factory=Field)
    sequence: Field[int] = field(default_factory=Field)  # 第N次
    date: Field[dt.date] = field(default_factory=Field)
    start_time: Field[dt.time] = field(default_factory=Field)
    end_time: Field[dt.time] = field(default_factory=Field)
    place: Field[str] = field(default_factory=Field)
    chair: Field[str] = field(default_factory=Field)
    recorder: Field[str] = field(default_factory=Field)
    attendees: Field[list[str]] = field(default_factory=Field)
    attendees_note: Field[str] = field(default_factory=Field)  # （如簽到簿）
    absentees: Field[list[str]] = field(default_factory=Field)  # 請假
    opening_remarks: Field[str] = field(default_factory=Field)
    conclusion: Field[str] = field(default_factory=Field)
    agenda: list[AgendaDraft] = field(default_factory=list)
    directives: list[DirectiveDraft] = field(default_factory=list)
    reports: list[ReportDraft] = field(default_factory=list)
    proposals: list[ProposalDraft] = field(default_factory=list)
    rulings: list[RulingDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def label(self) -> str | None:
        """108年第2次, as the app names a meeting."""
        if self.roc_year.value is None or self.sequence.value is None:
            return None
        return f"{self.roc_year.value}年第{self.sequence.value}次"

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (dates and times as ISO strings), to keep a draft between requests."""
        return _plain(dataclasses.asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value
