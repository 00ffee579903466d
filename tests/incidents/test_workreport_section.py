"""The work report gains an incidents section from the one statistics registry: the period's incidents
by category, counted by the day they were discovered (the last day in, the next day out)."""

import datetime as dt

import pytest

from anwei.incidents.workreport import PROVIDER
from anwei.portal.workreport import providers, render_text
from tests.incidents import factories as f

pytestmark = pytest.mark.django_db


def test_the_section_counts_the_period_by_category(world):
    assert PROVIDER in providers()
    f.report(world, "security", discovered=f.at(dt.date(2024, 3, 31), 23, 50))  # the period's last minutes
    f.report(world, "infosec", discovered=f.at(dt.date(2024, 3, 1), 9, 0))
    f.report(world, "security", discovered=f.at(dt.date(2024, 4, 1), 0, 10))  # the next period
    start, end = dt.date(2024, 1, 1), dt.date(2024, 3, 31)
    text = render_text([PROVIDER.section(world.bureau, start, end)])
    assert "狀況通報計2件" in text and "危安1件" in text and "資安1件" in text
    assert PROVIDER.counts([world.bureau.pk], start, end) == {world.bureau.pk: {"incidents": 2}}
    empty = render_text([PROVIDER.section(world.bureau, dt.date(2023, 1, 1), dt.date(2023, 12, 31))])
    assert "112年1月1日至12月31日無狀況通報案件。" in empty
