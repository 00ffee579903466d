"""The official DGPA office calendar 2017–2026, the oracle of the working-day tests (tests/data/)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from pathlib import Path

CSV = Path(__file__).resolve().parent / "data" / "tw-gov-calendar" / "dgpa-2017-2026.csv"


@functools.cache
def official_calendar() -> dict[dt.date, bool]:
    """Every day 2017–2026 → True where government offices work."""
    with CSV.open(encoding="utf-8") as f:
        return {dt.date.fromisoformat(r["date"]): r["is_holiday"] == "0" for r in csv.DictReader(f)}


def official_workdays() -> list[dt.date]:
    return sorted(d for d, works in official_calendar().items() if works)
