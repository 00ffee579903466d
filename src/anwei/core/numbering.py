"""文號 allocation: one counter row per (pattern, ROC year), locked while incremented."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from anwei.core.models import IssuedLetterNumber, LetterNumberCounter, LetterNumberPattern
from anwei.lib.rocdate import roc_year


class PatternError(ValueError):
    pass


def pattern_render(pattern: str, *, year: int, serial: int) -> str:
    try:
        return pattern.format(year=year, serial=serial)
    except (KeyError, IndexError, ValueError) as exc:
        raise PatternError(f"文號格式「{pattern}」有誤：只能使用 {{year}} 與 {{serial}}（{exc}）") from None


def letter_number_allocate(*, pattern: LetterNumberPattern, on: dt.date | None = None, purpose: str = "") -> str:
    """Hand out the next number; never the same one twice, even concurrently."""
    year = roc_year(on or timezone.localdate())
    for _attempt in range(5):
        try:
            with transaction.atomic():
                counter, _ = LetterNumberCounter.objects.select_for_update().get_or_create(
                    pattern=pattern, year=year)
                counter.last_serial += 1
                counter.save(update_fields=["last_serial"])
                number = pattern_render(pattern.pattern, year=year, serial=counter.last_serial)
                IssuedLetterNumber.objects.create(agency_id=pattern.agency_id, number=number, purpose=purpose)
                return number
        except IntegrityError:
            # Two first-of-the-year requests raced to create the counter row: retry.
            continue
    raise RuntimeError("無法取得文號，請稍後再試")
