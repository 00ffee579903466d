"""The completion pages make the same number of queries with 10 or 1,000 units."""

import pytest
from django.urls import reverse

from tests.assessments import factories as f
from tests.cold import cold_count

pytestmark = pytest.mark.django_db


def _grow(world, n: int):
    """n more units, each with a submitted form with one 不符合."""
    return f.units_with_forms(world, n)[0]


def _count(client, url):
    r, n = cold_count(client, url)
    assert r.status_code == 200
    return n


@pytest.mark.parametrize("page", ["round_detail", "round_nonconformities"])
def test_pages_stay_constant_from_10_to_1000_units(world, as_, page):
    rnd = _grow(world, 10)
    url = reverse(f"assessments:{page}", args=[rnd.pk])
    c = as_(world.officer)
    small = _count(c, url)
    _grow(world, 990)
    large = _count(c, url)
    assert large == small
    body = c.get(url).content.decode()
    assert "第 1 頁，共" in body  # paginated


def test_exports_carry_every_row(world, as_):
    import io

    from openpyxl import load_workbook

    rnd = _grow(world, 60)
    c = as_(world.officer)
    wb = load_workbook(io.BytesIO(c.get(reverse("assessments:round_xlsx", args=[rnd.pk])).content))
    assert wb.active.max_row == 1 + 62  # header + 60 units + the two the round started with
