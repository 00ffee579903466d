"""Reading a door controller's CSV export: each line decoded on its own (UTF-8, else Big5/cp950), the
columns found by the agency's saved mapping, times in Western or ROC years, and each event judged
(after hours, lost/suspended/expired badges, people who left, unknown badges, repeated failures) from
rows read once per import — so a million lines take constant queries per batch and constant memory."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError

from anwei.access import selectors
from anwei.access.hours import HoursBook
from anwei.access.models import Badge, BadgeStatus, ColumnMapping, Door, Flag
from anwei.orgs.models import Agency

TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S")
FAILURE_RUN = 3  # failures of one badge within FAILURE_WINDOW make a flag
FAILURE_WINDOW = dt.timedelta(minutes=10)
ENCODINGS = ("utf-8", "cp950")


def _decode(raw: bytes, used: set[str]) -> str | None:
    for enc in ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        used.add(enc)
        return text.rstrip("\r\n")
    return None


def decoded_lines(stream: Iterable[bytes], used: set[str]) -> Iterator[tuple[int, str | None]]:
    """(line number, text or None when neither encoding reads it), so a file mixing the two loses no line."""
    for n, raw in enumerate(stream, start=1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield n, _decode(raw, used)


def header(stream) -> list[str]:
    first = next(decoded_lines(stream, set()), (1, None))[1]
    if first is None or not first.strip():
        raise ValidationError({"file": "檔案是空的或無法辨識編碼（請用 UTF-8 或 Big5）。"})
    return [h.strip() for h in next(csv.reader([first]))]


def columns(mapping: ColumnMapping, names: list[str]) -> dict[str, int]:
    wanted = {"time": mapping.time_column, "door": mapping.door_column, "badge": mapping.badge_column}
    if mapping.result_column:
        wanted["result"] = mapping.result_column
    missing = [name for name in wanted.values() if name not in names]
    if missing:
        raise ValidationError({"file": f"檔案沒有欄位「{'」「'.join(missing)}」；檔案的欄位為：{'、'.join(names)[:300]}。"
                                       "請確認欄位對應設定。"})
    return {key: names.index(name) for key, name in wanted.items()}


def parse_time(text: str) -> dt.datetime:
    text = text.strip()
    # The usual export (2024/03/05 21:35:00) by slicing: strptime would dominate a million-row import.
    if len(text) == 19 and text[4] in "/-" and text[7] in "/-" and text[13] == ":" and text[16] == ":":
        try:
            return dt.datetime(int(text[:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]),
                               int(text[17:19]))
        except ValueError:
            pass
    parts = text.replace("-", "/").split("/", 1)
    if parts[0].isdigit() and len(parts[0]) <= 3 and len(parts) == 2:  # ROC year: 113/02/05 19:00
        text = f"{int(parts[0]) + 1911}/{parts[1]}"
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"無法辨識的時間「{text[:30]}」")


def row(fields: list[str], col: dict[str, int], width: int, granted_values: set[str]):
    """(local time, door code, badge number, granted) of one line, or ValueError with the reason."""
    if len(fields) < width:
        raise ValueError(f"欄位數不足（{len(fields)}／{width}）")
    local = parse_time(fields[col["time"]])
    door_code, number = fields[col["door"]].strip()[:40], fields[col["badge"]].strip()[:30]
    if not door_code or not number:
        raise ValueError("缺少門代碼或卡號")
    granted = fields[col["result"]].strip().lower() in granted_values if "result" in col else True
    return local, door_code, number, granted


class Judge:
    """Flags one event from rows read once per import (doors, badges, hours, the calendar per batch)."""

    def __init__(self, agency: Agency) -> None:
        self.doors = {d.code: d for d in Door.objects.filter(area__agency=agency)}
        self.badges = {b.number: b for b in Badge.objects.filter(agency=agency).select_related("holder")}
        self.hours_rows = selectors.hours_for_agency(agency.pk)
        self.book: HoursBook | None = None
        self.failures: dict[str, list[dt.datetime]] = {}
        self.agency_id = agency.pk

    def prepare(self, start: dt.date, end: dt.date) -> None:
        self.book = HoursBook(self.hours_rows, start, end)

    def flags(self, local: dt.datetime, door: Door | None, number: str, granted: bool) -> list[str]:
        out = []
        badge = self.badges.get(number)
        if granted and door is not None and not self.book.inside_hours(door.area_id, local):
            out.append(Flag.AFTER_HOURS)
        if badge is None:
            if granted:
                out.append(Flag.UNKNOWN)
        else:
            day = local.date()
            if badge.status == BadgeStatus.LOST or (badge.status == BadgeStatus.REPLACED and badge.status_on
                                                    and badge.status_on <= day):
                out.append(Flag.LOST)
            elif badge.status == BadgeStatus.SUSPENDED:
                out.append(Flag.SUSPENDED)
            if (badge.ends_on is not None and badge.ends_on < day) or badge.status == BadgeStatus.EXPIRED:
                out.append(Flag.EXPIRED)
            holder = badge.holder
            if holder is not None and (not holder.is_active or holder.agency_id != self.agency_id):
                out.append(Flag.LEFT)
        if not granted:
            recent = [t for t in self.failures.get(number, []) if local - t <= FAILURE_WINDOW] + [local]
            self.failures[number] = recent[-FAILURE_RUN:]
            if len(recent) >= FAILURE_RUN:
                out.append(Flag.FAILURES)
        return out
